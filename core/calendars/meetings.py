"""Reading a user's meetings: upcoming ones, or one by id (another user's is "not found")."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from core.errors import NotFound
from core.models import Meeting, User, utcnow
from core.models.calendar import MeetingPublic

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


def get_meeting(session: Session, user: User, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.user_id != user.id:
        raise NotFound("no such meeting")
    return meeting


def to_public(meeting: Meeting) -> MeetingPublic:
    return MeetingPublic.model_validate(meeting, from_attributes=True)
