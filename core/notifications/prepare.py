"""Building payloads shortly before they are due, and deciding what is not worth a push.

Payloads are built late (``push_prepare_minutes`` ahead, or at claim time) so a
brief reflects the tips that exist when it goes out, and then frozen in the
row, so a retry or a re-claim after a crash sends the very same message. The
ranking runs once per meeting, however many devices the person has.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from core.models import Meeting, Notification, NotificationKind, NotificationState, User
from core.notifications import receipts
from core.notifications.away import is_away
from core.notifications.outbox import meeting_ref
from core.push import payloads
from core.ranking.brief import brief_for_meeting


def _skip(row: Notification, reason: str, now: datetime) -> None:
    row.state = NotificationState.skipped
    row.last_error = reason
    row.lease_until = None
    row.updated_at = now


def brief_tips(session: Session, user: User, meeting: Meeting) -> list[payloads.TipText]:
    """The tips of the meeting's brief as a push (or an email) carries them; [] when none fit."""
    brief = brief_for_meeting(session, user, meeting)
    return [
        payloads.TipText(id=ranked.tip.id or 0, title=ranked.tip.title, body=ranked.tip.body)
        for ranked in brief.tips
    ]


def _had_brief(session: Session, rows: Sequence[Notification]) -> set[tuple[int, str]]:
    """(device, occurrence) pairs whose brief was sent: those meetings earn a debrief."""
    occurrences = list({r.occurrence for r in rows if r.kind == NotificationKind.debrief})
    if not occurrences:
        return set()
    sent = session.exec(
        select(Notification.device_id, Notification.occurrence).where(
            col(Notification.occurrence).in_(occurrences),
            Notification.kind == NotificationKind.brief,
            Notification.state == NotificationState.sent,
        )
    ).all()
    return {(device_id, occurrence) for device_id, occurrence in sent}


def prepare(session: Session, rows: Sequence[Notification], now: datetime) -> int:
    """Fill in missing payloads of ``rows`` or mark them skipped; return how many changed."""
    todo = [r for r in rows if r.payload is None and r.state == NotificationState.pending]
    if not todo:
        return 0
    meeting_ids = list({r.meeting_id for r in todo if r.meeting_id is not None})
    meetings = {
        m.id: m for m in session.exec(select(Meeting).where(col(Meeting.id).in_(meeting_ids)))
    }
    user_ids = list({r.user_id for r in todo})
    users = {u.id: u for u in session.exec(select(User).where(col(User.id).in_(user_ids)))}
    briefs: dict[int, list[payloads.TipText]] = {}
    had_brief = _had_brief(session, todo)
    away = {
        (m.user_id, m.id)
        for m in meetings.values()
        if m.id is not None and is_away(session, m.user_id, m.start)
    }
    for row in todo:
        meeting = meetings.get(row.meeting_id)
        user = users.get(row.user_id)
        if meeting is None or user is None or meeting.id is None:
            _skip(row, "the meeting is gone", now)
        elif (meeting.user_id, meeting.id) in away:
            _skip(row, "out of office", now)
        elif row.kind == NotificationKind.brief:
            if meeting.start <= now:
                _skip(row, "the meeting has started", now)
                continue
            if user.brief_channel == "email":
                _skip(row, "briefs go by email", now)
                continue
            if meeting.id not in briefs:
                briefs[meeting.id] = brief_tips(session, user, meeting)
            tips = briefs[meeting.id]
            if not tips:
                _skip(row, "no tip fits this meeting", now)
            else:  # each device's copy carries its own receipt
                receipt = receipts.arm(row)
                row.payload = payloads.brief(meeting_ref(meeting), tips, receipt=receipt).decode()
        elif row.kind == NotificationKind.debrief:
            if not user.debrief_enabled:
                _skip(row, "debriefs are switched off", now)
            elif user.brief_channel == "email":
                _skip(row, "debriefs go by email", now)
            elif not meeting.external_domains and (row.device_id, row.occurrence) not in had_brief:
                _skip(row, "no brief and no customer: nothing to ask about", now)
            else:
                receipt = receipts.arm(row)
                row.payload = payloads.debrief(meeting_ref(meeting), receipt=receipt).decode()
        else:  # withdraw and test rows are built when they are queued
            _skip(row, "nothing to send", now)
        row.updated_at = now
        session.add(row)
    session.flush()
    return len(todo)
