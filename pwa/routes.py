"""Every route of the PWA: the app shell, then the pages (see ``pwa/pages``)."""

from __future__ import annotations

from fastapi import APIRouter

from pwa.pages import account, agenda, helped, insights, library, shell, signin

router = APIRouter(include_in_schema=False)
# insights before library: /tips/review is more specific than the library's /tips routes
for module in (shell, signin, agenda, insights, library, account, helped):
    router.include_router(module.router)
