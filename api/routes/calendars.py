"""Calendars a user connects: ICS links and CalDAV accounts."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import CurrentUser, IdPath, SessionDep, UnitsDep, UserBeforeWriting
from core.calendars import claims, service
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
    data: CalendarCreate, user: UserBeforeWriting, units: UnitsDep
) -> CalendarPublic | CalendarsConnected:
    """``{url}`` connects an ICS link; ``{kind: "caldav", url, username, password}`` an account."""
    calendars = service.connect(units, user, data)
    if data.kind == "caldav":
        return CalendarsConnected(calendars=[CalendarPublic.model_validate(c) for c in calendars])
    return CalendarPublic.model_validate(calendars[0])


@router.get("", response_model=CalendarPage)
def list_calendars(user: CurrentUser, session: SessionDep) -> CalendarPage:
    return CalendarPage(
        items=[CalendarPublic.model_validate(c) for c in service.list_calendars(session, user)]
    )


@router.delete("/{calendar_id}", status_code=204)
def delete_calendar(calendar_id: IdPath, user: CurrentUser, session: SessionDep) -> Response:
    service.delete_calendar(session, user, calendar_id)
    return Response(status_code=204)


@router.post("/{calendar_id}/sync", response_model=SyncResultPublic)
def sync_calendar(
    calendar_id: IdPath, user: UserBeforeWriting, units: UnitsDep
) -> SyncResultPublic:
    """Sync now. A source that cannot be read still answers 200, with ``last_error`` set."""
    result = claims.sync_one(calendar_id, units=units, owner=user)
    return SyncResultPublic(
        added=result.added, updated=result.updated, removed=result.removed, last_error=result.error
    )
