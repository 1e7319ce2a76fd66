"""Deactivating, reactivating and erasing people.

Deactivation takes effect at once, inside the caller's unit of work: browser
sessions are deleted and API tokens revoked (so the very next request is
refused), calendars are deleted with their encrypted URLs and passwords (so no
sync runs and no secret is kept), push subscriptions are dropped (their
pending notifications with them) and pending mail is cancelled. Tips stay.

Erasure (GDPR article 17) does all that and then removes everything personal:
meetings, votes, flags, brief feedback, tokens, password resets, mail. The
account row stays as a tombstone named "a former colleague" so the tips the
person chose to leave keep an author; with ``delete_tips`` their tips are
emptied and deleted too. The audit log keeps its records (it is the record of
who did what), which docs/people.md states.

The last active admin can be neither demoted, deactivated nor erased: a
server nobody can administer is a support ticket, so that is a 409.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from core.errors import Conflict, Forbidden, NotFound
from core.models import (
    ApiToken,
    BriefFeedback,
    Calendar,
    Device,
    ExternalIdentity,
    Flag,
    Invite,
    Meeting,
    OutgoingMail,
    PasswordReset,
    Role,
    ScimGroupMember,
    ScimUser,
    Tip,
    TipAccount,
    TipRevision,
    TipStatus,
    TipTag,
    User,
    Vote,
    WebSession,
    utcnow,
)
from core.notifications.mail_outbox import cancel_for_user
from core.people import audit
from core.security import verify_password

FORMER_COLLEAGUE = "a former colleague"
FRESH_SIGN_IN = timedelta(minutes=5)


def active_admin_count(session: Session) -> int:
    return int(
        session.exec(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.admin, col(User.active).is_(True))
        ).one()
    )


def guard_last_admin(session: Session, user: User, what: str) -> None:
    """Refuse to leave the server without an active admin."""
    if user.role == Role.admin and user.active and active_admin_count(session) <= 1:
        raise Conflict(
            f"cannot {what} {user.email}: they are the last active admin. "
            "Make someone else an admin first."
        )


def _require_user(user: User) -> int:
    if user.id is None:
        raise NotFound("no such person")
    if user.erased_at is not None:
        raise NotFound("this account was erased")
    return user.id


def _cut_off(session: Session, user_id: int) -> dict[str, int]:
    """End every way in and every way out for a person; returns what was removed."""
    now = utcnow()
    sessions = session.execute(delete(WebSession).where(col(WebSession.user_id) == user_id))
    tokens = session.execute(
        update(ApiToken)
        .where(col(ApiToken.user_id) == user_id, col(ApiToken.revoked_at).is_(None))
        .values(revoked_at=now)
    )
    # Devices first: their notifications go with them (ON DELETE CASCADE), so no
    # push is sent and no withdrawal is needed for the meetings deleted next.
    devices = session.execute(delete(Device).where(col(Device.user_id) == user_id))
    session.execute(delete(Meeting).where(col(Meeting.user_id) == user_id))
    calendars = session.execute(delete(Calendar).where(col(Calendar.user_id) == user_id))
    session.execute(
        delete(PasswordReset).where(
            col(PasswordReset.user_id) == user_id, col(PasswordReset.used_at).is_(None)
        )
    )
    invites = session.execute(
        update(Invite)
        .where(
            col(Invite.created_by_id) == user_id,
            col(Invite.used_at).is_(None),
            col(Invite.revoked_at).is_(None),
        )
        .values(revoked_at=now)
    )
    mails = cancel_for_user(session, user_id)
    session.expire_all()  # the bulk statements bypassed the ORM
    return {
        "sessions": int(sessions.rowcount),  # type: ignore[attr-defined]
        "tokens": int(tokens.rowcount),  # type: ignore[attr-defined]
        "devices": int(devices.rowcount),  # type: ignore[attr-defined]
        "calendars": int(calendars.rowcount),  # type: ignore[attr-defined]
        "invites": int(invites.rowcount),  # type: ignore[attr-defined]
        "mails": mails,
    }


def deactivate(
    session: Session, user: User, *, actor: User | None, client: str | None = None
) -> None:
    """Take away access at once; tips stay. Idempotent (a second call records nothing)."""
    user_id = _require_user(user)
    if not user.active:
        return
    guard_last_admin(session, user, "deactivate")
    removed = _cut_off(session, user_id)
    session.refresh(user)
    user.active = False
    user.deactivated_at = utcnow()
    session.add(user)
    audit.record(
        session,
        actor=actor,
        action="user.deactivate",
        target=audit.user_target(user),
        client=client,
        detail=removed,
    )
    session.flush()


def reactivate(
    session: Session, user: User, *, actor: User | None, client: str | None = None
) -> None:
    """Let a deactivated person sign in again (calendars and devices must be set up anew)."""
    _require_user(user)
    if user.active:
        return
    user.active = True
    user.deactivated_at = None
    session.add(user)
    audit.record(
        session,
        actor=actor,
        action="user.reactivate",
        target=audit.user_target(user),
        client=client,
    )
    session.flush()


def set_role(
    session: Session, user: User, role: Role, *, actor: User | None, client: str | None = None
) -> None:
    _require_user(user)
    role = Role(role)
    if user.role == role:
        return
    if role != Role.admin:
        guard_last_admin(session, user, "demote")
    previous = user.role
    user.role = role
    session.add(user)
    audit.record(
        session,
        actor=actor,
        action="user.role",
        target=audit.user_target(user),
        client=client,
        detail={"from": str(previous), "to": str(role)},
    )
    session.flush()


def confirm_erasure(user: User, *, password: str | None, web_session: WebSession | None) -> None:
    """Someone erasing their own account proves it is them: the password, or (for an
    account without one, i.e. single sign-on) a sign-in less than 5 minutes old."""
    if user.password_hash:
        if not password or not verify_password(user.password_hash, password):
            raise Forbidden("the password is wrong")
        return
    fresh = (
        web_session is not None
        and web_session.method not in ("password", "reset")
        and web_session.created_at >= utcnow() - FRESH_SIGN_IN
    )
    if not fresh:
        raise Forbidden("sign in again, then erase your account within 5 minutes of signing in")


def erase(
    session: Session,
    user: User,
    *,
    actor: User | None,
    delete_tips: bool,
    client: str | None = None,
) -> dict[str, int]:
    """Erase a person (see the module docstring); returns counts of what went."""
    user_id = _require_user(user)
    guard_last_admin(session, user, "erase")
    email = user.email
    removed = _cut_off(session, user_id)
    removed["tips_deleted"] = _delete_tips(session, user_id) if delete_tips else 0
    removed.update(_forget_activity(session, user_id))
    session.execute(delete(ApiToken).where(col(ApiToken.user_id) == user_id))
    session.execute(delete(PasswordReset).where(col(PasswordReset.user_id) == user_id))
    session.execute(delete(OutgoingMail).where(col(OutgoingMail.user_id) == user_id))
    session.execute(update(Invite).where(col(Invite.used_by_id) == user_id).values(email=None))
    # what the identity provider said about them (SSO subject, SCIM profile, groups)
    for table in (ExternalIdentity, ScimUser, ScimGroupMember):
        session.execute(delete(table).where(col(table.user_id) == user_id))
    session.expire_all()
    tombstone = session.get(User, user_id)
    assert tombstone is not None
    now = utcnow()
    tombstone.email = f"erased-{user_id}@erased.invalid"
    tombstone.name = FORMER_COLLEAGUE
    tombstone.emails = []
    tombstone.password_hash = None
    tombstone.role = Role.member
    tombstone.timezone = "UTC"
    tombstone.active = False
    tombstone.deactivated_at = tombstone.deactivated_at or now
    tombstone.erased_at = now
    tombstone.last_seen_at = None
    session.add(tombstone)
    audit.record(
        session,
        actor=actor,
        action="user.erase",
        target=f"user:{user_id} {email}",
        client=client,
        detail={"delete_tips": delete_tips, "tips_deleted": removed["tips_deleted"]},
    )
    session.flush()
    return removed


def _forget_activity(session: Session, user_id: int) -> dict[str, int]:
    """Votes (with the counts they fed), flags and brief feedback."""
    voted = list(session.exec(select(Vote.tip_id).where(Vote.user_id == user_id)))
    votes = session.execute(delete(Vote).where(col(Vote.user_id) == user_id))
    for tip_id in voted:
        count = (
            select(func.count())
            .select_from(Vote)
            .where(col(Vote.tip_id) == tip_id, col(Vote.user_id) != Tip.author_id)
            .scalar_subquery()
        )
        session.execute(update(Tip).where(col(Tip.id) == tip_id).values(helpful_count=count))
    flags = session.execute(delete(Flag).where(col(Flag.user_id) == user_id))
    feedback = session.execute(delete(BriefFeedback).where(col(BriefFeedback.user_id) == user_id))
    return {
        "votes": int(votes.rowcount),  # type: ignore[attr-defined]
        "flags": int(flags.rowcount),  # type: ignore[attr-defined]
        "feedback": int(feedback.rowcount),  # type: ignore[attr-defined]
    }


def _delete_tips(session: Session, user_id: int) -> int:
    """Empty and delete a person's tips: no text of theirs is kept, in rows or indexes.

    The rows stay (status ``deleted``, like any deleted tip) so other people's
    votes and feedback keep a valid reference until they are purged.
    """
    from core.fulltext import unindex_tip
    from core.ranking.index import tip_changed

    tips = list(session.exec(select(Tip).where(Tip.author_id == user_id)))
    for tip in tips:
        session.execute(delete(TipRevision).where(col(TipRevision.tip_id) == tip.id))
        session.execute(delete(TipTag).where(col(TipTag.tip_id) == tip.id))
        session.execute(delete(TipAccount).where(col(TipAccount.tip_id) == tip.id))
        unindex_tip(session, tip.id)
        tip.title = ""
        tip.body = ""
        tip.body_html = ""
        tip.tags = []
        tip.accounts = []
        tip.status = TipStatus.deleted
        tip.updated_at = utcnow()
        session.add(tip)
        session.flush()
        tip_changed(session, tip)
    return len(tips)
