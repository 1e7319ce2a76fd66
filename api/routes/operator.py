"""Who may read the operator pages: ``/metrics``, ``/docs``, ``/redoc`` and ``/openapi.json``.

They describe the whole API and the server's load, so by default they need an
admin (session cookie or API token) or ``TIPOFF_METRICS_TOKEN`` as a bearer
token (what a Prometheus scrape config sends). ``TIPOFF_PUBLIC_METRICS=true``
opens them to everyone, as before.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from api.deps import SessionDep, _bearer_token, get_optional_user
from core.errors import Forbidden, Unauthorized
from core.models import Role
from core.settings import get_settings


def require_operator(request: Request, session: SessionDep) -> None:
    settings = get_settings()
    if settings.public_metrics:
        return
    bearer = _bearer_token(request)
    secret = settings.metrics_token.get_secret_value()
    if bearer and secret and hmac.compare_digest(bearer.encode(), secret.encode()):
        return
    user = get_optional_user(request, session)
    if user is None:
        raise Unauthorized("sign in as an admin, or send 'Authorization: Bearer <metrics token>'")
    if user.role != Role.admin:
        raise Forbidden("only admins (or the metrics token) can read this")


Operator = Annotated[None, Depends(require_operator)]


def docs_router(app: FastAPI) -> APIRouter:
    """The OpenAPI schema and its two viewers, behind ``require_operator``."""
    router = APIRouter(include_in_schema=False, dependencies=[Depends(require_operator)])

    @router.get("/openapi.json")
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    @router.get("/docs")
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} API")

    @router.get("/redoc")
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title=f"{app.title} API")

    return router
