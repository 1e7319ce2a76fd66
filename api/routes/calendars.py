"""Calendars a user connects: ICS links and CalDAV accounts."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import CurrentUser, IdPath, SessionDep
from core.calendars import service
from core.models.calendar import (
    CalendarCreate,
    CalendarPage,
    CalendarPublic,
    CalendarsConnected,
    SyncResultPublic,
)

router = APIRouter(prefix="/api/calendars", tags=["calendars"])


@router.post("", status_code=201, response_model=CalendarPublic | CalendarsConnected)
def connect_calendar(
    data: CalendarCreate, user: CurrentUser, session: SessionDep
) -> CalendarPublic | CalendarsConnected:
    """``{url}`` connects an ICS link; ``{kind: "caldav", url, username, password}`` an account."""
    calendars = service.connect(session, user, data)
    if data.kind == "caldav":
        return CalendarsConnected(calendars=[service.to_public(c) for c in calendars])
    return service.to_public(calendars[0])


@router.get("", response_model=CalendarPage)
def list_calendars(user: CurrentUser, session: SessionDep) -> CalendarPage:
    return CalendarPage(items=[service.to_public(c) for c in service.list_calendars(session, user)])


@router.delete("/{calendar_id}", status_code=204)
def delete_calendar(calendar_id: IdPath, user: CurrentUser, session: SessionDep) -> Response:
    service.delete_calendar(session, user, calendar_id)
    return Response(status_code=204)


@router.post("/{calendar_id}/sync", response_model=SyncResultPublic)
def sync_calendar(calendar_id: IdPath, user: CurrentUser, session: SessionDep) -> SyncResultPublic:
    """Sync now. A source that cannot be read still answers 200, with ``last_error`` set."""
    result = service.sync_now(session, user, calendar_id)
    return SyncResultPublic(
        added=result.added, updated=result.updated, removed=result.removed, last_error=result.error
    )
