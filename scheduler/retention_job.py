"""The "purge-expired" job: apply ``TIPOFF_RETENTION_DAYS`` (see core/people/retention.py).

Thin: one unit of work calling ``purge_expired``. It looks at most once every
ten minutes unless the previous pass still found rows (a backlog is worked off
in bounded batches).
"""

from __future__ import annotations

import asyncio
import time

from core.db import session_scope
from core.models import utcnow
from core.people.retention import purge_expired
from scheduler.jobs import job

EVERY_SECONDS = 600.0
_next_pass = 0.0


def purge_once() -> int:
    global _next_pass
    if time.monotonic() < _next_pass:
        return 0
    with session_scope() as session:
        purged = sum(purge_expired(session, now=utcnow()).values())
    if purged == 0:
        _next_pass = time.monotonic() + EVERY_SECONDS
    return purged


@job("purge-expired")
async def purge_expired_data() -> int:
    return await asyncio.to_thread(purge_once)
