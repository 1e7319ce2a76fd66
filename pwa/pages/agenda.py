"""Next up (the start page) and the brief page of one meeting."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import IdPath, SessionDep
from core.views.agenda import next_up
from core.views.brief import brief_page
from pwa.auth import PageUser
from pwa.render import PageRoute, render

router = APIRouter(route_class=PageRoute)


@router.get("/")
def home(request: Request, user: PageUser, session: SessionDep) -> Response:
    return render(request, "pages/next.html", {"view": next_up(session, user)}, user=user)


@router.get("/m/{meeting_id}")
def brief(request: Request, meeting_id: IdPath, user: PageUser, session: SessionDep) -> Response:
    view = brief_page(session, user, meeting_id)
    return render(request, "pages/brief.html", {"view": view}, user=user)
