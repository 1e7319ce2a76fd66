"""The signed-in user's meetings, as read from their calendars."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentUser, IdPath, SessionDep
from core.calendars import meetings
from core.models.calendar import MeetingPage, MeetingPublic

router = APIRouter(prefix="/api/meetings", tags=["meetings"])


@router.get("", response_model=MeetingPage)
def list_meetings(
    user: CurrentUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = meetings.DEFAULT_LIMIT,
) -> MeetingPage:
    """Upcoming meetings (not yet ended), soonest first."""
    found = meetings.upcoming(session, user, limit=limit)
    return MeetingPage(items=[meetings.to_public(m) for m in found])


@router.get("/{meeting_id}", response_model=MeetingPublic)
def read_meeting(meeting_id: IdPath, user: CurrentUser, session: SessionDep) -> MeetingPublic:
    return meetings.to_public(meetings.get_meeting(session, user, meeting_id))
