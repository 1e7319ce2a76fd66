"""The "curation" job: the curator's loop upkeep (``core.insights.tending.tend``).

Every ``EVERY`` seconds at most per process, since each step scans a little
(meetings that began, upcoming customers, due tips): in order after
"sync-calendars" (fresh meetings) and before "deliver-pushes" (requests and
reminders it queues go out in the same pass).
"""

from __future__ import annotations

import asyncio
import time

from core.db import session_scope
from core.insights.tending import tend
from scheduler.jobs import job

EVERY = 300.0
_last = {"at": float("-inf")}


def _run() -> int:
    with session_scope() as session:
        tend(session)
    return 0  # one pass is complete: nothing to repeat at once


@job("curation")
async def curation() -> int:
    if time.monotonic() - _last["at"] < EVERY:
        return 0
    _last["at"] = time.monotonic()
    return await asyncio.to_thread(_run)
