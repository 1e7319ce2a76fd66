"""Next up (the start page) and the brief page of one meeting."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import IdPath, SessionDep, writes_on_read
from core.insights import signals
from core.models import Meeting
from core.models.ownership import owned
from core.views.agenda import next_up
from core.views.brief import brief_page
from pwa.auth import PageUser
from pwa.render import PageRoute, render

router = APIRouter(route_class=PageRoute)


@router.get("/")
def home(request: Request, user: PageUser, session: SessionDep) -> Response:
    return render(request, "pages/next.html", {"view": next_up(session, user)}, user=user)


@router.get("/m/{meeting_id}")
@writes_on_read  # counts "opened" for the curators' usage figures
def brief(request: Request, meeting_id: IdPath, user: PageUser, session: SessionDep) -> Response:
    view = brief_page(session, user, meeting_id)
    # A person opening the page counts as "opened"; the service worker saving the brief
    # for offline use (a fetch, Sec-Fetch-Dest: empty) does not.
    if request.headers.get("sec-fetch-dest", "document") == "document":
        meeting = owned(session, Meeting, meeting_id, user)
        signals.brief_viewed(session, user, meeting, [tip.id for tip in view.tips])
    return render(request, "pages/brief.html", {"view": view}, user=user)
