"""Next up (the start page) and the brief page of one meeting."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import IdPath, SessionDep
from core.calendars.meetings import get_meeting
from core.errors import TipoffError
from core.insights import signals
from pwa.auth import PageUser
from pwa.render import error_page, render
from pwa.views.agenda import next_up
from pwa.views.brief import brief_page

router = APIRouter()


@router.get("/")
def home(request: Request, user: PageUser, session: SessionDep) -> Response:
    return render(request, "pages/next.html", {"view": next_up(session, user)}, user=user)


@router.get("/m/{meeting_id}")
def brief(request: Request, meeting_id: IdPath, user: PageUser, session: SessionDep) -> Response:
    try:
        view = brief_page(session, user, meeting_id)
    except TipoffError as exc:
        return error_page(request, exc.status_code, exc.detail, user=user)
    # A person opening the page counts as "opened"; the service worker saving the brief
    # for offline use (a fetch, Sec-Fetch-Dest: empty) does not.
    if request.headers.get("sec-fetch-dest", "document") == "document":
        meeting = get_meeting(session, user, meeting_id)
        signals.brief_viewed(session, user, meeting, [tip.id for tip in view.tips])
    return render(request, "pages/brief.html", {"view": view}, user=user)
