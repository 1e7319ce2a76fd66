"""Data retention: calendar-derived data does not outlive ``TIPOFF_RETENTION_DAYS``.

Meeting titles, descriptions and attendee lists say who meets which customer;
brief feedback says who found what useful in which meeting. Both are needed
for a few days (briefs, "what did you learn?", the ranking's learning), not
for ever, so the scheduler deletes meetings that ended, and feedback given,
more than ``TIPOFF_RETENTION_DAYS`` (30) ago. Tips, their vote counts and the
counts derived from feedback (``helpful_count``) are aggregates and stay.

Housekeeping rides along: finished mail older than the same limit (it holds
names and links), used or expired password-reset links, expired sessions.
Each purge is one bounded DELETE per table, so a big backlog is cleared over
several passes without holding the write lock for long.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, or_, select
from sqlmodel import Session, col

from core.models import BriefFeedback, Meeting, PasswordReset, WebSession
from core.notifications.mail_outbox import purge_finished
from core.settings import get_settings

BATCH = 2000


def _bounded(session: Session, model: Any, condition: Any) -> int:
    """Delete up to BATCH rows matching ``condition`` (by primary key, portable)."""
    table: Table = model.__table__
    ids = select(table.c.id).where(condition).limit(BATCH).scalar_subquery()
    result = session.execute(delete(table).where(table.c.id.in_(ids)))
    return int(result.rowcount)  # type: ignore[attr-defined]


def purge_expired(session: Session, *, now: datetime) -> dict[str, int]:
    """One purge pass; returns how many rows went per kind (all zero: nothing left)."""
    cutoff = now - timedelta(days=get_settings().retention_days)
    done = {
        "feedback": _bounded(session, BriefFeedback, col(BriefFeedback.updated_at) < cutoff),
        # Feedback of a purged meeting goes with it (ON DELETE CASCADE).
        "meetings": _bounded(session, Meeting, col(Meeting.end) < cutoff),
        "mail": purge_finished(session, before=cutoff),
        "password_resets": _bounded(
            session,
            PasswordReset,
            or_(
                col(PasswordReset.expires_at) < now - timedelta(days=1),
                col(PasswordReset.used_at).is_not(None),
            ),
        ),
        "sessions": _bounded(session, WebSession, col(WebSession.expires_at) < now),
    }
    session.flush()
    return done
