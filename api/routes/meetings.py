"""The signed-in user's meetings, as read from their calendars."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentUser, IdPath, SessionDep
from core.calendars import meetings
from core.models import Meeting
from core.models.calendar import MeetingPage, MeetingPublic
from core.models.ownership import owned

router = APIRouter(prefix="/api/meetings", tags=["meetings"])


@router.get("", response_model=MeetingPage)
def list_meetings(
    user: CurrentUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = meetings.DEFAULT_LIMIT,
) -> MeetingPage:
    """Upcoming meetings (not yet ended), soonest first."""
    found = meetings.upcoming(session, user, limit=limit)
    return MeetingPage(items=[MeetingPublic.model_validate(m) for m in found])


@router.get("/{meeting_id}", response_model=MeetingPublic)
def read_meeting(meeting_id: IdPath, user: CurrentUser, session: SessionDep) -> MeetingPublic:
    return MeetingPublic.model_validate(owned(session, Meeting, meeting_id, user))
