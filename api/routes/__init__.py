"""JSON routers. Each stays thin: validate, call one ``core`` function, shape the answer.

``ROUTERS`` is the list the app root mounts, in the order their paths are matched.
"""

from __future__ import annotations

from fastapi import APIRouter

from api.routes import (
    audit,
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
    users,
)

ROUTERS: tuple[APIRouter, ...] = (
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
    users.router,
    audit.router,
    insights.router,
    requests.router,
)
