"""The job loop: run every job until nothing is due, sleep, repeat.

It holds no state of its own: what is due lives in the database, so a crash
loses nothing and several loops (in ``serve`` and in ``tipoff worker``
processes) share the work.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from core.logs import describe
from core.settings import get_settings
from scheduler.jobs import load_jobs

log = logging.getLogger("tipoff.scheduler")
MAX_ROUNDS_PER_PASS = 50


async def run_once() -> dict[str, int]:
    """Run each job until it reports nothing more to do; return how much each did."""
    done: dict[str, int] = {}
    for name, job in load_jobs().items():
        total = 0
        for _ in range(MAX_ROUNDS_PER_PASS):
            try:
                handled = await job.run()
            except Exception as exc:  # one line; the traceback at DEBUG only
                log.error("job %s failed (%s); retried on the next pass", name, describe(exc))
                log.debug("traceback", exc_info=True)
                break
            total += handled
            if handled == 0:
                break
        done[name] = total
    return done


async def run_forever(stop: asyncio.Event) -> None:
    poll = get_settings().scheduler_poll_seconds
    while not stop.is_set():
        done = await run_once()
        if any(done.values()):
            log.info("scheduler pass: %s", done)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=poll)


@asynccontextmanager
async def run_in_background() -> AsyncIterator[None]:
    """Run the loop inside another event loop (``tipoff serve``) while the block runs."""
    stop = asyncio.Event()
    task = asyncio.create_task(run_forever(stop), name="tipoff-scheduler")
    try:
        yield
    finally:
        stop.set()
        await task
