"""``create_app()``: the served application, composed from ``api``, ``pwa`` and ``scheduler``.

Neither ``api`` nor ``pwa`` mounts the other: this module includes the JSON
routers and the page router side by side, installs the middleware and the error
handlers, and runs the job loop in-process when the settings ask for it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from api.errors import ERROR_RESPONSES, install_error_handlers
from api.hardening import harden
from api.head import HeadAsGetMiddleware
from api.metrics import MetricsMiddleware
from api.routes import ROUTERS, operator, scim
from api.security import BodySizeLimitMiddleware, SecurityHeadersMiddleware
from core.settings import get_settings
from pwa import errors as pwa_errors
from pwa.routes import router as pwa_router
from scheduler.loop import run_in_background


def create_fastapi(*, run_scheduler: bool | None = None) -> FastAPI:
    """The bare FastAPI app (what tests and schemathesis call), without the CSRF wrapper."""
    settings = get_settings()
    start_scheduler = settings.run_scheduler if run_scheduler is None else run_scheduler

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if not start_scheduler:
            yield
            return
        async with run_in_background():
            yield

    app = FastAPI(
        title="Tipoff",
        version="0.1.0",
        summary="Peer-written tips, pushed to your phone just before each customer meeting.",
        lifespan=lifespan,
        # served by api/routes/operator.py, for admins and the metrics token only
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    install_error_handlers(app)
    # Unknown pages get the app's own 404 page (JSON stays under /api): pwa/errors.py.
    app.add_exception_handler(StarletteHTTPException, pwa_errors.http_error)
    for router in ROUTERS:
        app.include_router(router, responses=ERROR_RESPONSES)
    scim.install(app)
    app.include_router(operator.docs_router(app))
    app.include_router(pwa_router)
    app.add_middleware(BodySizeLimitMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(HeadAsGetMiddleware)  # HEAD wherever GET works (uptime monitors)
    return app


def create_app(*, run_scheduler: bool | None = None) -> ASGIApp:
    """The served application: the FastAPI app behind CSRF protection and the
    outer guards (request ids, admission control, body checks: ``api.hardening``)."""
    settings = get_settings()
    return harden(create_fastapi(run_scheduler=run_scheduler), settings.ensure_secret_key())
