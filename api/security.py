"""Browser-facing protections: security headers (a strict CSP), a request size cap
and CSRF on every cookie-authenticated write (asgi-csrf, double-submit token).

Bearer-token requests and requests without cookies skip the CSRF check:
a cross-site page can make a browser send cookies, never an Authorization header.
"""

from __future__ import annotations

import json

from asgi_csrf import asgi_csrf
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.settings import get_settings

CSRF_COOKIE = "csrftoken"
CSRF_HEADER = "x-csrftoken"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
    ]
)
# /docs loads Swagger UI from a CDN; it gets a looser policy of its own.
_DOCS_PATHS = ("/docs", "/redoc")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


# Sent when the public URL is https: browsers then refuse plain http for a year, so a
# phone on hostile Wi-Fi cannot be downgraded (whatever proxy terminates TLS).
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        from core.settings import get_settings

        self.app = app
        self.headers = list(SECURITY_HEADERS)
        if get_settings().effective_public_url.startswith("https://"):
            self.headers.append(HSTS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(_DOCS_PATHS)

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend(self.headers)
                # A response with a policy of its own keeps it (the charts' SVG images).
                own = any(name.lower() == b"content-security-policy" for name, _ in headers)
                if not docs and not own:
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_wrapper)


class BodySizeLimitMiddleware:
    """The body checks of ``api.body`` inside the FastAPI app too (tests call it bare);
    skipped when the outer copy in ``api.hardening`` has already run."""

    def __init__(self, app: ASGIApp, max_bytes: int | None = None) -> None:
        from api.body import BodyGuardMiddleware
        from core.settings import get_settings

        self.app = app
        self.guard = BodyGuardMiddleware(app, max_bytes or get_settings().max_body_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("tipoff.body_checked"):
            await self.app(scope, receive, send)
        else:
            await self.guard(scope, receive, send)


def with_csrf(app: ASGIApp, secret: str) -> ASGIApp:
    return asgi_csrf(
        app,
        signing_secret=secret,
        cookie_name=CSRF_COOKIE,
        http_header=CSRF_HEADER,
        cookie_samesite="Lax",
        cookie_secure=get_settings().effective_public_url.startswith("https://"),
        always_set_cookie=True,
        send_csrf_failed=_csrf_failed,
    )


async def _csrf_failed(scope: Scope, send: Send, message_id: object) -> None:
    body = json.dumps(
        {"detail": "CSRF check failed: send the csrftoken cookie's value in the X-CSRFToken header"}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})
