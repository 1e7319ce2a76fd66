"""``create_app()``: the FastAPI application with its middleware, routers and the PWA."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from api.errors import ERROR_RESPONSES, install_error_handlers
from api.head import HeadAsGetMiddleware
from api.metrics import MetricsMiddleware
from api.routes import (
    auth,
    briefs,
    calendars,
    devices,
    health,
    insights,
    invites,
    me,
    meetings,
    moderation,
    pwa_views,
    requests,
    tips,
)
from api.security import BodySizeLimitMiddleware, SecurityHeadersMiddleware, with_csrf
from core.settings import get_settings
from pwa import errors as pwa_errors
from pwa.routes import router as pwa_router

log = logging.getLogger("tipoff")


def create_fastapi(*, run_scheduler: bool | None = None) -> FastAPI:
    """The bare FastAPI app (what tests and schemathesis call), without the CSRF wrapper."""
    settings = get_settings()
    start_scheduler = settings.run_scheduler if run_scheduler is None else run_scheduler

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if not start_scheduler:
            yield
            return
        from scheduler.loop import run_in_background

        async with run_in_background():
            yield
        from core.push.webpush import close_shared_sender

        await close_shared_sender()  # close push connections cleanly

    app = FastAPI(
        title="Tipoff",
        version="0.1.0",
        summary="Peer-written tips, pushed to your phone just before each customer meeting.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    # Unknown pages get the app's own 404 page (JSON stays under /api): pwa/errors.py.
    app.add_exception_handler(StarletteHTTPException, pwa_errors.http_error)
    for router in (
        health.router,
        auth.router,
        me.router,
        tips.router,
        moderation.router,
        invites.router,
        pwa_views.router,
        calendars.router,
        meetings.router,
        briefs.router,
        devices.router,
        insights.router,
        requests.router,
    ):
        app.include_router(router, responses=ERROR_RESPONSES)
    app.include_router(pwa_router)
    app.add_middleware(BodySizeLimitMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(HeadAsGetMiddleware)  # HEAD wherever GET works (uptime monitors)
    return app


def create_app(*, run_scheduler: bool | None = None) -> ASGIApp:
    """The served application: the FastAPI app behind CSRF protection."""
    settings = get_settings()
    return with_csrf(create_fastapi(run_scheduler=run_scheduler), settings.ensure_secret_key())
