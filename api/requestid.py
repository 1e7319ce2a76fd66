"""A request id for every request: in the ``X-Request-ID`` response header and on
every log line written while handling it (``core.logs.request_id``), so the one
line a failure logs can be found from what the client saw. A sane incoming
``X-Request-ID`` (from a proxy) is kept; anything else is replaced."""

from __future__ import annotations

import re
import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.logs import request_id

_SANE = re.compile(rb"^[A-Za-z0-9._\-]{6,64}$")


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers", [])).get(b"x-request-id", b"")
        rid = incoming.decode() if _SANE.match(incoming) else secrets.token_hex(6)
        token = request_id.set(rid)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
