"""The signed-in person's profile and settings, password, data export and erasure."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from api.deps import (
    SESSION_COOKIE,
    ClientAddress,
    CurrentUser,
    SessionDep,
    writes_on_read,
)
from core.models import utcnow
from core.models.user import EraseMe, PasswordChange, UserPublic, UserUpdate
from core.notifications import outbox
from core.people import accounts, audit, lifecycle, passwords
from core.people.export import export_user

# Settings that decide when (and whether) a push goes: changing one re-plans the outbox.
TIMING_FIELDS = {"lead_minutes", "travel_minutes", "quiet_hours", "timezone", "brief_channel"}

router = APIRouter(prefix="/api/me", tags=["me"])


@router.get("", response_model=UserPublic)
def read_me(user: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(user, from_attributes=True)


@router.patch("", response_model=UserPublic)
def update_me(changes: UserUpdate, user: CurrentUser, session: SessionDep) -> UserPublic:
    accounts.update_profile(session, user, changes)
    if changes.model_fields_set & TIMING_FIELDS:
        outbox.replan_user(session, user)  # pushes still ahead follow the new settings
    return UserPublic.model_validate(user, from_attributes=True)


@router.post("/password", status_code=204)
def change_password(
    data: PasswordChange,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    client: ClientAddress,
) -> Response:
    """Change my password. My other browsers are signed out; this one stays signed in."""
    passwords.change_password(
        session,
        user,
        current_password=data.current_password,
        new_password=data.new_password,
        keep_session_token=request.cookies.get(SESSION_COOKIE),
        client=client,
    )
    return Response(status_code=204)


@router.get("/export", responses={200: {"description": "All my data, as a JSON download"}})
@writes_on_read
def export_me(user: CurrentUser, session: SessionDep, client: ClientAddress) -> JSONResponse:
    """Everything Tipoff keeps about me: profile, tips, votes, flags, calendars (without
    their secrets), meetings, devices, feedback."""
    data: dict[str, Any] = export_user(session, user)
    audit.record(
        session, actor=user, action="user.export", target=audit.user_target(user), client=client
    )
    stamp = utcnow().strftime("%Y%m%d")
    return JSONResponse(
        data,
        headers={"Content-Disposition": f'attachment; filename="tipoff-export-{stamp}.json"'},
    )


@router.delete("", status_code=204)
def erase_me(
    data: EraseMe,
    request: Request,
    response: Response,
    user: CurrentUser,
    session: SessionDep,
    client: ClientAddress,
) -> Response:
    """Erase my account and data. Needs my password (or, without one, a sign-in less
    than 5 minutes old). My tips stay, as "a former colleague"'s, unless `delete_tips`."""
    cookie = request.cookies.get(SESSION_COOKIE)
    web_session = accounts.web_session_for(session, cookie) if cookie else None
    lifecycle.confirm_erasure(user, password=data.password, web_session=web_session)
    lifecycle.erase(session, user, actor=user, delete_tips=data.delete_tips, client=client)
    answer = Response(status_code=204)
    answer.delete_cookie(SESSION_COOKIE, path="/")
    return answer
