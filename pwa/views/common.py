"""Pieces several pages share: the signed-in person's own marks on tips, meeting lookup."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, SQLModel, col, select

from core.calendars import meetings
from core.models import Flag, Meeting, User, Vote


class MeetingRef(SQLModel):
    id: int
    title: str
    start: datetime
    end: datetime
    location: str
    external_domains: list[str]
    url: str


def meeting_ref(meeting: Meeting) -> MeetingRef:
    return MeetingRef(
        id=meeting.id or 0,
        title=meeting.title or "(no title)",
        start=meeting.start,
        end=meeting.end,
        location=meeting.location,
        external_domains=list(meeting.external_domains),
        url=f"/m/{meeting.id}",
    )


def own_meeting(session: Session, user: User, meeting_id: int) -> Meeting:
    """The meeting if it is ``user``'s; anyone else's is "not found", never "forbidden"."""
    return meetings.get_meeting(session, user, meeting_id)


def marks(session: Session, user: User, tip_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """Which of these tips ``user`` has voted for, and which they have flagged."""
    ids = list(tip_ids)
    if not ids:
        return set(), set()
    voted = session.exec(
        select(Vote.tip_id).where(Vote.user_id == user.id, col(Vote.tip_id).in_(ids))
    ).all()
    flagged = session.exec(
        select(Flag.tip_id).where(Flag.user_id == user.id, col(Flag.tip_id).in_(ids))
    ).all()
    return set(voted), set(flagged)
