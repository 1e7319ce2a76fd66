"""Every error leaves as JSON ``{"detail": ...}`` with the right status; no tracebacks."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import RateLimited, TipoffError

log = logging.getLogger("tipoff.api")


async def _tipoff_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TipoffError)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
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


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse({"detail": "internal error; it has been logged"}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(TipoffError, _tipoff_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error_json)
    app.add_exception_handler(Exception, _unexpected)


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
        429: "Rate limited; see Retry-After",
    }.items()
}
