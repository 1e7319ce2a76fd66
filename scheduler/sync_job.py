"""The "sync-calendars" job: claim due calendars and sync them, off the event loop."""

from __future__ import annotations

import asyncio

from core.calendars.claims import run_due
from scheduler.jobs import job


@job("sync-calendars")
async def sync_calendars() -> int:
    """Sync one batch of due calendars; the loop calls again while batches come back full."""
    return await asyncio.to_thread(run_due)
