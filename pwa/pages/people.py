"""People admin (for admins), and getting back in: "forgot password" and the reset link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import OptionalUser, SessionDep
from core.errors import TipoffError
from core.models import Role
from core.people import directory, invites, passwords
from core.settings import get_settings
from pwa.auth import PageUser
from pwa.render import PageRoute, error_page, render

router = APIRouter(route_class=PageRoute)

Token = Annotated[str, Path(min_length=10, max_length=200)]


@router.get("/people")
def people(request: Request, user: PageUser, session: SessionDep, q: str | None = None) -> Response:
    if user.role != Role.admin:
        return error_page(request, 403, "Only admins manage people.", user=user)
    settings = get_settings()
    context = {
        "people": directory.list_people(session, q=q[:200] if q else None),
        "q": q or "",
        "invites": [i for i in invites.list_invites(session) if i.status == "open"],
        "invite_days": settings.invite_days,
        "mail_configured": bool(settings.smtp_url.get_secret_value()),
        "roles": [r.value for r in Role],
    }
    return render(request, "pages/people.html", context, user=user)


@router.get("/forgot")
def forgot(request: Request, user: OptionalUser) -> Response:
    if user is not None:
        return RedirectResponse("/settings#account", status_code=303)
    return render(request, "pages/forgot.html")


@router.get("/reset/{token}")
def reset(request: Request, token: Token, session: SessionDep) -> Response:
    try:
        passwords.check_reset_token(session, token)
    except TipoffError as exc:
        return error_page(request, exc.status_code, exc.detail)
    return render(request, "pages/reset.html", {"token": token})
