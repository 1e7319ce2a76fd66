"""Getting in: sign in, the first-run setup link, an invite link."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import OptionalUser, SessionDep
from core.models.invite import InviteKind
from core.models.user import Role
from core.people import invites, oidc
from core.settings import get_settings
from pwa.auth import safe_next
from pwa.render import PageRoute, render

router = APIRouter(route_class=PageRoute)

Token = Annotated[str, Path(min_length=10, max_length=200)]


@router.get("/signin")
def signin(
    request: Request, user: OptionalUser, next: str | None = None, breakglass: bool = False
) -> Response:
    target = safe_next(next)
    if user is not None:
        return RedirectResponse(target, status_code=303)
    settings = get_settings()
    context = {
        "next": target,
        "sso_name": oidc.provider_name() if settings.oidc_enabled else None,
        "sso_url": "/auth/oidc/login"
        + (f"?next={quote(target, safe='')}" if target != "/" else ""),
        # With password sign-in off the form is shown only to a break-glass admin who asks.
        "password_form": settings.password_login or breakglass,
    }
    return render(request, "pages/signin.html", context)


@router.get("/setup/{token}")
def setup(request: Request, token: Token, session: SessionDep) -> Response:
    info = invites.info(session, token, InviteKind.setup)
    return render(
        request,
        "pages/join.html",
        {
            "heading": "Set up Tipoff",
            "intro": "You are the first person here: you become its admin, and can then "
            "invite colleagues.",
            "button": "Create admin account",
            "endpoint": "/api/setup",
            "token": token,
            "info": info,
        },
    )


@router.get("/join/{token}")
def join(request: Request, token: Token, session: SessionDep) -> Response:
    info = invites.info(session, token, InviteKind.invite)
    who = f"{info.invited_by} invited you" if info.invited_by else "You are invited"
    role = "" if info.role == Role.member else f" as {info.role.value}"
    return render(
        request,
        "pages/join.html",
        {
            "heading": "Join Tipoff",
            "intro": f"{who}{role}. Tipoff sends you colleagues' best tips just before "
            "each customer meeting.",
            "button": "Join",
            "endpoint": "/api/invites/accept",
            "token": token,
            "info": info,
            # password accounts off: an invited address joins through SSO instead
            "sso_only": None if get_settings().password_login else oidc.provider_name(),
        },
    )
