"""``HEAD`` wherever ``GET`` works: uptime monitors and link checkers send ``HEAD /``.

FastAPI routes answer only the methods they declare, so ``HEAD /`` was a 405.
This middleware runs a ``HEAD`` request as the ``GET`` it stands for and sends
the headers (Content-Length included) without the body, as RFC 9110 §9.3.2 asks.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
