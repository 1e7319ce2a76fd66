"""Unknown addresses outside ``/api`` get an app-styled "Not found" page, not raw JSON.

The API keeps answering JSON (``api.errors``); a person who follows an old
link or mistypes a path sees the app's own page with a way back to Next up.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.errors import http_error_json
from pwa.render import error_page

JSON_PREFIXES = ("/api/", "/scim/", "/docs", "/openapi.json", "/redoc", "/metrics", "/healthz")


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    path = request.url.path
    wants_page = (
        exc.status_code == 404
        and request.method in ("GET", "HEAD")
        and not (path == "/api" or path.startswith(JSON_PREFIXES))
    )
    if wants_page:
        return error_page(request, 404, "There is no page at this address.")
    return await http_error_json(request, exc)
