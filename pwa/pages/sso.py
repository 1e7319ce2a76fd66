"""Single sign-on pages: off to the identity provider, and back again.

``/auth/oidc/login`` sends the browser to the provider with a sealed cookie
holding this login's state, nonce and PKCE verifier; ``/auth/oidc/callback``
checks the answer, signs the person in and goes on to where they were headed.
A refusal is a page that says why (domain not allowed, account deactivated,
address not verified), never a bare error.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import WriteSessionDep, client_address
from api.routes.auth import set_session_cookie
from core.errors import TipoffError
from core.people import accounts, oidc, sso
from core.settings import get_settings
from pwa.auth import safe_next
from pwa.render import PageRoute, error_page

router = APIRouter(route_class=PageRoute)

_COOKIE_PATH = "/auth/oidc"
Param = Annotated[str | None, Query(max_length=4096)]


def _secure() -> bool:
    return get_settings().effective_public_url.startswith("https://")


@router.get("/auth/oidc/login")
def oidc_login(request: Request, next: Param = None) -> Response:
    if not get_settings().oidc_enabled:
        return error_page(request, 404, "Single sign-on is not set up on this Tipoff.")
    try:
        start = oidc.start_login(safe_next(next))
    except TipoffError as exc:
        return error_page(request, exc.status_code, exc.detail)
    response = RedirectResponse(start.url, status_code=303)
    response.set_cookie(
        oidc.LOGIN_COOKIE,
        start.cookie,
        max_age=oidc.LOGIN_SECONDS,
        httponly=True,
        samesite="lax",
        secure=_secure(),
        path=_COOKIE_PATH,
    )
    return response


@router.get("/auth/oidc/callback")
def oidc_callback(
    request: Request,
    session: WriteSessionDep,
    code: Param = None,
    state: Param = None,
    error: Param = None,
    iss: Param = None,
) -> Response:
    if not get_settings().oidc_enabled:
        return error_page(request, 404, "Single sign-on is not set up on this Tipoff.")
    try:
        result = oidc.finish_login(
            cookie=request.cookies.get(oidc.LOGIN_COOKIE),
            code=code,
            state=state,
            error=error,
            iss=iss,
        )
        user = sso.sign_in(session, result.claims, client=client_address(request))
    except TipoffError as exc:
        page = error_page(request, exc.status_code, f"Single sign-on failed: {exc.detail}")
        page.delete_cookie(oidc.LOGIN_COOKIE, path=_COOKIE_PATH)
        return page
    response = RedirectResponse(safe_next(result.next_path), status_code=303)
    set_session_cookie(response, accounts.start_web_session(session, user, method="oidc"))
    response.delete_cookie(oidc.LOGIN_COOKIE, path=_COOKIE_PATH)
    return response
