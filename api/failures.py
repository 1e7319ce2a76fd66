"""The last net: an unexpected exception becomes one log line and a JSON 500.

Starlette's own catch-all answers and then re-raises, so the server logs a
second full traceback and may drop the connection. This middleware sits
innermost among the user middleware, catches what no exception handler took,
logs one line with the request id and answers; the traceback is logged at DEBUG
only (it can quote values). A database failure that surfaces here (raised
outside a route) still gets the honest 503/507.
"""

from __future__ import annotations

import logging

from sqlalchemy import exc as sa_exc
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.logs import describe

log = logging.getLogger("tipoff.api")
_DATABASE_TROUBLE = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.TimeoutError,
    sa_exc.DisconnectionError,
)


class UnexpectedErrorMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if isinstance(exc, _DATABASE_TROUBLE):
                from api.errors import database_error_response

                response = database_error_response(exc)
            else:
                log.error("%s %s failed: %s", scope["method"], scope["path"], describe(exc))
                log.debug("traceback", exc_info=exc)
                from starlette.responses import JSONResponse

                response = JSONResponse(
                    {"detail": "internal error; it has been logged"}, status_code=500
                )
            if not started:
                await response(scope, receive, send)
