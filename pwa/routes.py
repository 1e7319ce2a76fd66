"""Every route of the PWA: the app shell, then the pages (see ``pwa/pages``)."""

from __future__ import annotations

from fastapi import APIRouter

from pwa.pages import account, agenda, helped, library, shell, signin

router = APIRouter(include_in_schema=False)
for module in (shell, signin, agenda, library, account, helped):
    router.include_router(module.router)
