"""Deactivation, reactivation, role changes and erasure, on the real tables."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from core.errors import Conflict, Forbidden
from core.models import (
    ApiToken,
    AuditEvent,
    BriefFeedback,
    Calendar,
    Device,
    Flag,
    MailState,
    Meeting,
    Notification,
    OutgoingMail,
    Role,
    Tip,
    User,
    Vote,
    WebSession,
    utcnow,
)
from core.models.tip import TipCreate
from core.notifications.mail_outbox import enqueue_mail
from core.people import accounts, lifecycle
from core.tips.service import create_tip


def _user(session: Session, person) -> User:
    user = session.get(User, person.id)
    assert user is not None
    return user


def give_them_everything(session: Session, user: User) -> dict[str, int]:
    """A calendar with a meeting, a device with a pending notification, a web session,
    pending mail, a tip: everything deactivation must cut."""
    assert user.id is not None
    now = utcnow()
    calendar = Calendar(user_id=user.id, url_encrypted="secret", source_key=f"k{user.id}")
    session.add(calendar)
    session.flush()
    meeting = Meeting(
        user_id=user.id,
        calendar_id=calendar.id,
        uid="u1",
        original_start=now,
        start=now,
        end=now + timedelta(hours=1),
        title="Acme review",
        attendees=[{"email": "buyer@acme.example"}],
    )
    device = Device(
        user_id=user.id, endpoint=f"https://push.example/{user.id}", p256dh="k", auth="a"
    )
    session.add_all([meeting, device])
    session.flush()
    notification = Notification(
        device_id=device.id,
        user_id=user.id,
        meeting_id=meeting.id,
        occurrence="o1",
        kind="brief",
        due_at=now + timedelta(minutes=5),
        expires_at=now + timedelta(hours=1),
    )
    session.add(notification)
    accounts.start_web_session(session, user)
    enqueue_mail(
        session, to=user.email, subject="s", text="t", html=None, kind="test", user_id=user.id
    )
    tip = create_tip(session, user, TipCreate(body="Ask Acme about their audit calendar."))
    session.flush()
    return {"meeting": meeting.id or 0, "tip": tip.id or 0}


def test_deactivation_takes_effect_at_once(session: Session, member, admin):
    user, actor = _user(session, member), _user(session, admin)
    made = give_them_everything(session, user)
    lifecycle.deactivate(session, user, actor=actor, client="192.0.2.7")
    uid = user.id
    assert user.active is False and user.deactivated_at is not None
    assert accounts.user_for_api_token(session, member.token) is None
    assert session.exec(select(WebSession).where(WebSession.user_id == uid)).all() == []
    assert all(t.revoked_at for t in session.exec(select(ApiToken).where(ApiToken.user_id == uid)))
    assert session.exec(select(Calendar).where(Calendar.user_id == uid)).all() == []
    assert session.exec(select(Meeting).where(Meeting.user_id == uid)).all() == []
    assert session.exec(select(Device).where(Device.user_id == uid)).all() == []
    assert session.exec(select(Notification).where(Notification.user_id == uid)).all() == []
    mail = session.exec(select(OutgoingMail).where(OutgoingMail.user_id == uid)).one()
    assert mail.state == MailState.cancelled
    assert session.get(Tip, made["tip"]) is not None  # tips stay
    with pytest.raises(Exception, match="deactivated"):
        accounts.authenticate(session, member.email, "correct horse battery")
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "user.deactivate")).one()
    assert event.actor_id == admin.id and event.client == "192.0.2.7"
    assert event.target == f"user:{uid} {member.email}"
    assert event.detail["calendars"] == 1 and event.detail["devices"] == 1

    lifecycle.reactivate(session, user, actor=actor)
    assert accounts.authenticate(session, member.email, "correct horse battery").id == uid


def test_the_last_active_admin_stays(session: Session, admin, member):
    me = _user(session, admin)
    with pytest.raises(Conflict, match="last active admin"):
        lifecycle.deactivate(session, me, actor=me)
    with pytest.raises(Conflict, match="last active admin"):
        lifecycle.set_role(session, me, Role.member, actor=me)
    with pytest.raises(Conflict, match="last active admin"):
        lifecycle.erase(session, me, actor=me, delete_tips=False)
    other = _user(session, member)
    lifecycle.set_role(session, other, Role.admin, actor=me)
    lifecycle.set_role(session, me, Role.curator, actor=me)  # now allowed
    assert me.role == Role.curator
    events = session.exec(select(AuditEvent).where(AuditEvent.action == "user.role")).all()
    assert [e.detail for e in events] == [
        {"from": "member", "to": "admin"},
        {"from": "admin", "to": "curator"},
    ]


def test_erasure_keeps_tips_under_a_former_colleague(session: Session, member, other_member):
    user = _user(session, member)
    voter = _user(session, other_member)
    made = give_them_everything(session, user)
    theirs = create_tip(session, voter, TipCreate(body="Bring the signed NDA to Acme."))
    session.add_all(
        [
            Vote(tip_id=theirs.id, user_id=user.id),
            Flag(tip_id=theirs.id, user_id=user.id, reason="outdated"),
            BriefFeedback(
                meeting_id=made["meeting"], tip_id=theirs.id, user_id=user.id, helpful=True
            ),
        ]
    )
    session.flush()
    removed = lifecycle.erase(session, user, actor=user, delete_tips=False)
    assert removed["votes"] == 1 and removed["flags"] == 1 and removed["tips_deleted"] == 0
    tombstone = session.get(User, member.id)
    assert tombstone.name == lifecycle.FORMER_COLLEAGUE and tombstone.erased_at is not None
    assert member.email not in tombstone.email and tombstone.password_hash is None
    tip = session.get(Tip, made["tip"])
    assert tip.status == "active" and tip.author_id == member.id
    assert session.exec(select(Vote).where(Vote.user_id == member.id)).all() == []
    assert session.exec(select(BriefFeedback).where(BriefFeedback.user_id == member.id)).all() == []
    assert session.exec(select(ApiToken).where(ApiToken.user_id == member.id)).all() == []
    assert session.exec(select(OutgoingMail).where(OutgoingMail.user_id == member.id)).all() == []
    assert member.email not in [u.email for u in accounts.list_users(session)]
    # The address is free again: the person could be invited anew.
    accounts.create_user(session, email=member.email, name="Back again")


def test_erasure_can_take_the_tips_too(session: Session, member):
    user = _user(session, member)
    made = give_them_everything(session, user)
    removed = lifecycle.erase(session, user, actor=None, delete_tips=True, client="cli")
    assert removed["tips_deleted"] == 1
    tip = session.get(Tip, made["tip"])
    assert tip.status == "deleted" and tip.body == "" and tip.title == ""


def test_erasing_oneself_needs_the_password_or_a_fresh_sso_sign_in(session: Session, member):
    user = _user(session, member)
    with pytest.raises(Forbidden):
        lifecycle.confirm_erasure(user, password="wrong", web_session=None)
    lifecycle.confirm_erasure(user, password="correct horse battery", web_session=None)
    user.password_hash = None  # an SSO-only account
    fresh = WebSession(user_id=user.id, token_hash="x", expires_at=utcnow(), method="oidc")
    lifecycle.confirm_erasure(user, password=None, web_session=fresh)
    fresh.created_at = utcnow() - timedelta(minutes=6)
    with pytest.raises(Forbidden, match="within 5 minutes"):
        lifecycle.confirm_erasure(user, password=None, web_session=fresh)
