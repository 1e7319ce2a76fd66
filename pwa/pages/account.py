"""Settings (profile, calendars, devices, invites) and the curators' review queue."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import SessionDep
from core.errors import Forbidden
from core.settings import get_settings
from core.tips import moderation
from core.views.settings import settings_page
from pwa.auth import PageUser
from pwa.render import PageRoute, render

router = APIRouter(route_class=PageRoute)


@router.get("/settings")
def settings(request: Request, user: PageUser, session: SessionDep) -> Response:
    context = {"view": settings_page(session, user), "invite_days": get_settings().invite_days}
    return render(request, "pages/settings.html", context, user=user)


@router.get("/moderation")
def review(request: Request, user: PageUser, session: SessionDep) -> Response:
    if not user.is_curator:
        raise Forbidden("Only curators and admins review flagged tips.")
    return render(request, "pages/moderation.html", {"queue": moderation.queue(session)}, user=user)
