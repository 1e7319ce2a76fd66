"""TIPOFF_RETENTION_DAYS: old meetings, attendee lists and feedback go; tips and counts stay."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from core.models import (
    BriefFeedback,
    Calendar,
    Meeting,
    OutgoingMail,
    PasswordReset,
    Tip,
    User,
    utcnow,
)
from core.models.tip import TipCreate
from core.notifications.mail_outbox import enqueue_mail
from core.people.retention import purge_expired
from core.tips.service import create_tip


def test_purge_keeps_recent_data_and_aggregates(session: Session, member, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "retention_days", 30)
    user = session.get(User, member.id)
    now = utcnow()
    calendar = Calendar(user_id=member.id, url_encrypted="x", source_key="k")
    session.add(calendar)
    session.flush()

    def meeting(uid: str, days_ago: int) -> Meeting:
        start = now - timedelta(days=days_ago)
        row = Meeting(
            user_id=member.id,
            calendar_id=calendar.id,
            uid=uid,
            original_start=start,
            start=start,
            end=start + timedelta(hours=1),
            title=f"Acme {uid}",
            attendees=[{"email": "buyer@acme.example"}],
        )
        session.add(row)
        session.flush()
        return row

    old, recent = meeting("old", 40), meeting("recent", 2)
    tip = create_tip(session, user, TipCreate(body="Ask about the audit."))
    tip.helpful_count = 4
    session.add_all(
        [
            BriefFeedback(meeting_id=old.id, tip_id=tip.id, user_id=member.id, helpful=True),
            BriefFeedback(
                meeting_id=recent.id,
                tip_id=tip.id,
                user_id=member.id,
                helpful=True,
                updated_at=now - timedelta(days=31),
            ),
        ]
    )
    sent = enqueue_mail(session, to="a@b.example", subject="s", text="t", html=None, kind="x")
    sent.state, sent.created_at = "sent", now - timedelta(days=31)
    session.add(
        PasswordReset(user_id=member.id, token_hash="h", expires_at=now - timedelta(days=2))
    )
    session.flush()

    done = purge_expired(session, now=now)
    assert done["meetings"] == 1 and done["feedback"] >= 1
    assert done["mail"] == 1 and done["password_resets"] == 1
    assert [m.uid for m in session.exec(select(Meeting))] == ["recent"]
    assert session.exec(select(BriefFeedback)).all() == []
    assert session.exec(select(OutgoingMail)).all() == []
    kept = session.get(Tip, tip.id)
    assert kept is not None and kept.helpful_count == 4
    assert sum(purge_expired(session, now=now).values()) == 0  # nothing left


def test_the_scheduler_runs_the_jobs():
    from scheduler.loop import JOBS

    assert {"send-mail", "purge-expired"} <= {job.name for job in JOBS}
