"""Reading a user's meetings: upcoming ones, or one by id (another user's is "not found")."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from core.models import Meeting, User, utcnow

DEFAULT_LIMIT = 100


def upcoming(
    session: Session, user: User, *, now: datetime | None = None, limit: int = DEFAULT_LIMIT
) -> list[Meeting]:
    """Meetings not yet over, soonest first (a meeting in progress is still upcoming)."""
    now = now or utcnow()
    statement = (
        select(Meeting)
        .where(Meeting.user_id == user.id, Meeting.end > now)
        .order_by(col(Meeting.start), col(Meeting.id))
        .limit(limit)
    )
    return list(session.exec(statement))
