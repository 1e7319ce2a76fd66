"""Joining a server: admins' invite links and the one-time setup link for the first admin.

A link is a random token; the database keeps only its SHA-256 hash (like API
tokens), so the link can be shown exactly once — to the admin who made it, or
on the console of ``tipoff serve``. Redeeming is a single conditional UPDATE
(``used_at IS NULL``), so two people racing with one link cannot both get in.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from core.errors import Conflict, Forbidden, InvalidInput, NotFound
from core.models import Invite, Role, User, utcnow
from core.models.invite import (
    InviteCreate,
    InviteCreated,
    InviteInfo,
    InviteKind,
    InvitePublic,
    InviteStatus,
    SignupRequest,
)
from core.models.tip import AuthorPublic
from core.people import accounts
from core.security import new_token, token_hash
from core.settings import get_settings

TOKEN_PREFIX = "inv_"
_GONE = "this link has expired or was already used: ask an admin for a new invite"


def setup_path(token: str) -> str:
    return f"/setup/{token}"


def invite_path(token: str) -> str:
    return f"/join/{token}"


def link(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def status_of(invite: Invite) -> InviteStatus:
    if invite.used_at is not None:
        return InviteStatus.used
    if invite.revoked_at is not None:
        return InviteStatus.revoked
    if invite.expires_at <= utcnow():
        return InviteStatus.expired
    return InviteStatus.open


# --- creating -----------------------------------------------------------------


def create_setup_link(session: Session) -> str:
    """A fresh one-time link that creates the first admin; earlier setup links stop working.

    Only the newest printed link works, so a link left in an old terminal
    scroll-back is useless once the server has been restarted.
    """
    if accounts.admin_exists(session):
        raise Conflict("an admin already exists: ask them for an invite link")
    now = utcnow()
    for old in session.exec(
        select(Invite).where(
            Invite.kind == InviteKind.setup,
            col(Invite.used_at).is_(None),
            col(Invite.revoked_at).is_(None),
        )
    ):
        old.revoked_at = now
        session.add(old)
    token = new_token(prefix=TOKEN_PREFIX)
    session.add(
        Invite(
            kind=InviteKind.setup,
            role=Role.admin,
            token_hash=token_hash(token),
            expires_at=now + timedelta(hours=get_settings().setup_link_hours),
        )
    )
    session.flush()
    return token


def create_invite(
    session: Session, admin: User, data: InviteCreate, *, base_url: str
) -> InviteCreated:
    if admin.role != Role.admin:
        raise Forbidden("only admins can invite people")
    email = accounts.normalise_email(str(data.email)) if data.email else None
    if email and session.exec(select(User).where(User.email == email)).first():
        raise Conflict(f"{email} already has an account")
    token = new_token(prefix=TOKEN_PREFIX)
    days = data.days or get_settings().invite_days
    invite = Invite(
        kind=InviteKind.invite,
        role=data.role,
        email=email,
        token_hash=token_hash(token),
        created_by_id=admin.id,
        expires_at=utcnow() + timedelta(days=days),
    )
    session.add(invite)
    session.flush()
    public = to_public(session, [invite])[0]
    return InviteCreated(**public.model_dump(), url=link(base_url, invite_path(token)))


# --- reading ------------------------------------------------------------------


def to_public(session: Session, invites: list[Invite]) -> list[InvitePublic]:
    ids = {i for inv in invites for i in (inv.created_by_id, inv.used_by_id) if i is not None}
    people = {u.id: u for u in session.exec(select(User).where(col(User.id).in_(ids)))}

    def person(user_id: int | None) -> AuthorPublic | None:
        user = people.get(user_id) if user_id is not None else None
        return AuthorPublic(id=user.id or 0, name=user.name) if user else None

    return [
        InvitePublic(
            id=inv.id or 0,
            kind=inv.kind,
            role=inv.role,
            email=inv.email,
            status=status_of(inv),
            created_by=person(inv.created_by_id),
            created_at=inv.created_at,
            expires_at=inv.expires_at,
            used_at=inv.used_at,
            used_by=person(inv.used_by_id),
        )
        for inv in invites
    ]


def list_invites(session: Session) -> list[InvitePublic]:
    """Admins' invites, newest first (setup links are not listed: they are not shareable)."""
    rows = session.exec(
        select(Invite).where(Invite.kind == InviteKind.invite).order_by(col(Invite.id).desc())
    ).all()
    return to_public(session, list(rows))


def revoke_invite(session: Session, invite_id: int) -> None:
    invite = session.get(Invite, invite_id)
    if invite is None or invite.kind != InviteKind.invite:
        raise NotFound(f"invite {invite_id} not found")
    if invite.used_at is None and invite.revoked_at is None:
        invite.revoked_at = utcnow()
        session.add(invite)
        session.flush()


def _open_invite(session: Session, token: str, kind: InviteKind) -> Invite:
    invite = session.exec(select(Invite).where(Invite.token_hash == token_hash(token))).first()
    if invite is None or invite.kind != kind or status_of(invite) != InviteStatus.open:
        raise NotFound(_GONE)
    if kind == InviteKind.setup and accounts.admin_exists(session):
        raise NotFound("this server is already set up: sign in, or ask an admin for an invite")
    return invite


def info(session: Session, token: str, kind: InviteKind) -> InviteInfo:
    invite = _open_invite(session, token, kind)
    inviter = session.get(User, invite.created_by_id) if invite.created_by_id else None
    return InviteInfo(
        kind=invite.kind,
        role=invite.role,
        email=invite.email,
        invited_by=inviter.name if inviter else None,
        expires_at=invite.expires_at,
    )


# --- redeeming ----------------------------------------------------------------


def redeem(session: Session, data: SignupRequest, kind: InviteKind) -> User:
    """Create the account an invite (or the setup link) stands for, and use the link up."""
    if kind == InviteKind.invite and not get_settings().password_login:
        raise Forbidden(
            "password accounts are turned off here: sign in with single sign-on "
            "using the invited address"
        )
    invite = _open_invite(session, data.token, kind)
    email = accounts.normalise_email(str(data.email))
    if invite.email and invite.email != email:
        raise InvalidInput(f"this invite is for {invite.email}; sign up with that address")
    claimed = session.execute(
        update(Invite)
        .where(col(Invite.id) == invite.id, col(Invite.used_at).is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise NotFound(_GONE)
    user = accounts.create_user(
        session,
        email=email,
        name=data.name,
        role=invite.role,
        timezone=data.timezone,
        password=data.password,
    )
    session.refresh(invite)
    invite.used_by_id = user.id
    session.add(invite)
    session.flush()
    return user
