"""The served application's outer layers, outermost first:

1. ``RequestIdMiddleware``: an id per request, on its log lines and in the answer;
2. ``BodyGuardMiddleware``: the body cap counted on the stream, JSON only for
   writes, the one text rule (``api.body``) — before the CSRF middleware, which
   would otherwise parse form bodies whole;
3. ``AdmissionMiddleware``: a bounded number of requests at once, a bounded wait
   for a turn, then a fast 503 with Retry-After (``api.admission``);
4. CSRF (``api.security.with_csrf``), then the FastAPI app itself.
"""

from __future__ import annotations

from starlette.types import ASGIApp

from api.admission import AdmissionMiddleware
from api.body import BodyGuardMiddleware
from api.requestid import RequestIdMiddleware
from api.security import with_csrf
from core.settings import get_settings


def harden(app: ASGIApp, secret: str) -> ASGIApp:
    settings = get_settings()
    wrapped: ASGIApp = with_csrf(app, secret)
    wrapped = AdmissionMiddleware(
        wrapped,
        max_in_flight=settings.max_in_flight,
        max_heavy=settings.max_in_flight_heavy,
        queue_seconds=settings.queue_seconds,
    )
    wrapped = BodyGuardMiddleware(wrapped, settings.max_body_bytes)
    return RequestIdMiddleware(wrapped)
