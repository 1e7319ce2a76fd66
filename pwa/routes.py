"""Every route of the PWA: the app shell, then the pages (see ``pwa/pages``)."""

from __future__ import annotations

from fastapi import APIRouter

from pwa.pages import account, agenda, helped, insights, library, people, shell, signin, sso

router = APIRouter(include_in_schema=False)  # each page module uses PageRoute
# insights before library: /tips/review is more specific than the library's /tips routes
for module in (shell, signin, sso, agenda, insights, library, account, people, helped):
    router.include_router(module.router)
