"""Pieces several pages share: the signed-in person's own marks on tips, meeting lookup."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from core.models import Flag, Meeting, User, Vote
from core.models.calendar import MeetingRef


def meeting_ref(meeting: Meeting) -> MeetingRef:
    return MeetingRef.of(meeting)


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
