"""Every error leaves as JSON ``{"detail": ...}`` with the right status; no tracebacks.

Database trouble is answered honestly: a database that cannot be reached, is
restarting or is too slow is a 503 with ``Retry-After`` (the pool reconnects by
itself when it is back), a full disk a 507. Such a failure is logged as one
line, at most once every few seconds while it lasts. Anything unexpected is
one line with the request id (``api.failures``); tracebacks only at DEBUG.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import RateLimited, TipoffError, Unavailable
from core.logs import Throttled, describe

log = logging.getLogger("tipoff.api")
_db_trouble = Throttled(logging.getLogger("tipoff.db"))
DB_RETRY_AFTER = 5


async def _tipoff_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TipoffError)
    headers = (
        {"Retry-After": str(exc.retry_after)}
        if isinstance(exc, RateLimited | Unavailable)
        else None
    )
    if exc.status_code == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", [])), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    return JSONResponse({"detail": errors}, status_code=422)


async def http_error_json(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return JSONResponse(
        {"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None)
    )


def is_disk_full(exc: BaseException) -> bool:
    original = getattr(exc, "orig", exc)
    if getattr(original, "sqlstate", None) == "53100":  # PostgreSQL disk_full
        return True
    text = str(original).lower()
    return "database or disk is full" in text or "no space left on device" in text


def database_error_response(exc: BaseException) -> JSONResponse:
    """The answer to a database failure that is not the request's fault."""
    if is_disk_full(exc):
        _db_trouble.warning(f"database disk full: {describe(exc)}")
        return JSONResponse(
            {"detail": "the server's storage is full; nothing can be saved until space is freed"},
            status_code=507,
            headers={"Retry-After": "60"},
        )
    _db_trouble.warning(f"database unavailable: {describe(exc)}")
    return JSONResponse(
        {"detail": "the database is unavailable right now; try again shortly"},
        status_code=503,
        headers={"Retry-After": str(DB_RETRY_AFTER)},
    )


async def _database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    return database_error_response(exc)


async def _integrity_error(request: Request, exc: Exception) -> JSONResponse:
    log.warning("%s %s: conflict: %s", request.method, request.url.path, describe(exc))
    return JSONResponse({"detail": "this conflicts with data already stored"}, status_code=409)


async def _data_error(request: Request, exc: Exception) -> JSONResponse:
    log.warning("%s %s: value refused: %s", request.method, request.url.path, describe(exc))
    return JSONResponse({"detail": "a value in the request cannot be stored"}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    from api.failures import UnexpectedErrorMiddleware

    app.add_exception_handler(TipoffError, _tipoff_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error_json)
    # Reaching the database failed (down, restarting, timed out, disk full, pool empty).
    app.add_exception_handler(sa_exc.OperationalError, _database_unavailable)
    app.add_exception_handler(sa_exc.InterfaceError, _database_unavailable)
    app.add_exception_handler(sa_exc.TimeoutError, _database_unavailable)
    app.add_exception_handler(sa_exc.DisconnectionError, _database_unavailable)
    app.add_exception_handler(sa_exc.IntegrityError, _integrity_error)
    app.add_exception_handler(sa_exc.DataError, _data_error)
    # Innermost of the user middleware, just outside the exception handlers: anything
    # else becomes one log line and a JSON 500, and is not re-raised to the server.
    app.add_middleware(UnexpectedErrorMiddleware)


class ErrorDetail(BaseModel):
    detail: str | list[dict[str, Any]]


# Declared on every router so the OpenAPI schema documents the errors clients will see.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorDetail, "description": description}
    for status, description in {
        400: "Bad request",
        401: "Not signed in, or the token is invalid",
        403: "Not allowed (role or CSRF)",
        404: "Not found, or not yours",
        409: "Conflict",
        413: "Too large",
        422: "Invalid input",
        415: "The body is not JSON",
        429: "Rate limited; see Retry-After",
        503: "Busy or the database is unavailable; see Retry-After",
        507: "The server's storage is full",
    }.items()
}
