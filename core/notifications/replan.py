"""Keeping the outbox right between syncs (the "plan-notifications" job).

- A changed lead time re-times pending briefs: each row remembers the lead it
  was planned with, so the stale ones are found by one SQL comparison, with no
  hook in the settings code.
- Briefs coming due within ``push_prepare_minutes`` get their payload built
  ahead, so a burst of meetings at 9:00 is sent on time even if ranking is slow.
- A safety net plans meetings of the next day that have a device but no rows
  (e.g. written by a path that did not call ``meetings_changed``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, exists, or_
from sqlmodel import Session, col, select

from core.models import Device, Meeting, Notification, NotificationKind, NotificationState, User
from core.notifications import timing
from core.notifications.outbox import plan_meetings
from core.notifications.prepare import prepare

BATCH = 200
CATCH_UP_HORIZON = timedelta(days=1)
KEEP_FINISHED = timedelta(days=30)  # finished rows are kept this long (history, debugging)


def _not_leased(now: datetime) -> ColumnElement[bool]:
    return or_(col(Notification.lease_until).is_(None), col(Notification.lease_until) <= now)


def retime_for_lead_changes(session: Session, *, now: datetime) -> int:
    """Re-time pending briefs whose owner changed ``lead_minutes`` since they were planned."""
    rows = session.exec(
        select(Notification, User, Meeting)
        .join(User, col(User.id) == Notification.user_id)
        .join(Meeting, col(Meeting.id) == Notification.meeting_id)
        .where(
            col(Notification.state) == NotificationState.pending,
            col(Notification.kind) == NotificationKind.brief,
            col(Notification.lead_minutes) != col(User.lead_minutes),
            _not_leased(now),
        )
        .limit(BATCH)
    ).all()
    for row, user, meeting in rows:
        row.due_at = timing.brief_due(meeting, user)
        row.lead_minutes = user.lead_minutes
        row.updated_at = now
        session.add(row)
    session.flush()
    return len(rows)


def prepare_soon(session: Session, *, now: datetime, ahead: timedelta) -> int:
    """Build the payloads of rows due within ``ahead`` (or skip the ones not worth a push)."""
    rows = session.exec(
        select(Notification)
        .where(
            col(Notification.state) == NotificationState.pending,
            col(Notification.payload).is_(None),
            col(Notification.due_at) <= now + ahead,
            _not_leased(now),
        )
        .order_by(col(Notification.due_at))
        .limit(BATCH)
    ).all()
    return prepare(session, rows, now)


def catch_up(session: Session, *, now: datetime) -> int:
    """Plan meetings of the next day that have a device of their owner but no row for it."""
    planned = (
        exists()
        .where(
            and_(
                col(Notification.meeting_id) == Meeting.id,
                col(Notification.device_id) == Device.id,
            )
        )
        .correlate(Meeting, Device)
    )
    ids = session.exec(
        select(col(Meeting.id))
        .join(Device, col(Device.user_id) == col(Meeting.user_id))
        .where(col(Meeting.end) > now, col(Meeting.start) <= now + CATCH_UP_HORIZON, ~planned)
        .distinct()
        .limit(BATCH)
    ).all()
    if not ids:
        return 0
    meetings = session.exec(select(Meeting).where(col(Meeting.id).in_(ids))).all()
    plan_meetings(session, meetings, now=now)
    return len(meetings)


def purge_finished(session: Session, *, now: datetime) -> int:
    """Delete rows that are over and long past their moment, so the outbox stays small."""
    finished = (
        NotificationState.sent,
        NotificationState.skipped,
        NotificationState.dropped,
        NotificationState.failed,
    )
    ids = session.exec(
        select(col(Notification.id))
        .where(
            col(Notification.state).in_(finished),
            col(Notification.expires_at) < now - KEEP_FINISHED,
        )
        .limit(1000)
    ).all()
    if ids:
        session.execute(delete(Notification).where(col(Notification.id).in_(ids)))
    return len(ids)
