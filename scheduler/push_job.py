"""Push jobs: keep the outbox planned, and send what is due.

Both are thin: they open units of work and call ``core.notifications``. Any
number of processes may run them at once (claims use leases, and planning is
idempotent), so ``tipoff serve`` and extra ``tipoff worker`` processes share
the work.
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

from core.db import session_scope
from core.models import utcnow
from core.notifications import replan
from core.notifications.deliver import deliver_due
from core.settings import get_settings
from scheduler.jobs import job

CATCH_UP_EVERY_SECONDS = 60.0
_last_catch_up = 0.0


def plan_once() -> int:
    """One planning round; returns how many rows it touched (0 = nothing left to do)."""
    global _last_catch_up
    now = utcnow()
    ahead = timedelta(minutes=get_settings().push_prepare_minutes)
    with session_scope() as session:
        touched = replan.retime_for_lead_changes(session, now=now)
        touched += replan.prepare_soon(session, now=now, ahead=ahead)
        if time.monotonic() - _last_catch_up >= CATCH_UP_EVERY_SECONDS:
            caught = replan.catch_up(session, now=now)
            purged = replan.purge_finished(session, now=now)
            if caught == 0 and purged == 0:
                _last_catch_up = time.monotonic()
            touched += caught + purged
    return touched


@job("plan-notifications")
async def plan_notifications() -> int:
    return await asyncio.to_thread(plan_once)


@job("send-notifications")
async def send_notifications() -> int:
    report = await deliver_due()
    return report.total
