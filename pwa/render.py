"""Rendering pages: one Jinja2 environment, the context every page gets, time formatting.

Templates autoescape everything; the only markup that is inserted as-is is a
tip's ``body_html``, which core sanitised with nh3 when the tip was saved.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from jinja2 import Environment, FileSystemLoader, select_autoescape

from core.errors import TipoffError
from core.models import User
from pwa.assets import asset_url

TEMPLATES_DIR = Path(__file__).parent / "templates"

env = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals["asset"] = asset_url


def local(dt: datetime, tz: str) -> datetime:
    return dt.astimezone(ZoneInfo(tz))


def hhmm(dt: datetime, tz: str) -> str:
    return local(dt, tz).strftime("%H:%M")


def day_label(dt: datetime, tz: str) -> str:
    return local(dt, tz).strftime("%a %-d %b")


env.filters["hhmm"] = hhmm
env.filters["day"] = day_label


def csrf_token(request: Request) -> str:
    """The double-submit token (asgi-csrf sets its cookie when a page asks for it)."""
    getter = request.scope.get("csrftoken")
    return str(getter()) if callable(getter) else ""


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    user: User | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    page = env.get_template(template).render(
        request=request,
        user=user,
        csrf_token=csrf_token(request),
        path=request.url.path,
        **(context or {}),
    )
    return HTMLResponse(
        page, status_code=status_code, headers={"Cache-Control": "private, no-cache"}
    )


def error_page(
    request: Request, status_code: int, message: str, *, user: User | None = None
) -> HTMLResponse:
    return render(
        request,
        "pages/error.html",
        {"status_code": status_code, "message": message},
        user=user,
        status_code=status_code,
    )


class PageRoute(APIRoute):
    """Every page's one error handler: a domain error becomes the app's error page.

    Page functions just call ``core`` and let ``TipoffError`` rise (a meeting that
    is not yours, an expired invite): this turns it into HTML with the same status
    the JSON API would give, and the navigation of whoever is signed in
    (``pwa.auth.page_user`` leaves them on ``request.state``).
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_page(request: Request) -> Response:
            try:
                return await handle(request)
            except TipoffError as exc:
                user = getattr(request.state, "page_user", None)
                return error_page(request, exc.status_code, exc.detail, user=user)

        return handle_page
