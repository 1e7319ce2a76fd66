"""The job loop: run every job until nothing is due, sleep, repeat.

``JOBS`` is the order of a pass, written out: calendars first (their changes
plan notifications); the curators' upkeep (every five minutes: the requests and
reminders it queues go out in the same pass); planning (pushes, digests);
sending what planning made due; briefs that go by email (after the pushes, whose
missing receipts decide the fallback); sending mail; and the retention purge
(every ten minutes). A job with ``every`` runs at most that often; the loop
remembers when, per loop, so no state lives in a module. What is due lives in the database, so a crash loses
nothing and several loops (in ``serve`` and in ``tipoff worker`` processes)
share the work.

The loop also owns the process's shared push sender: it closes it when it stops,
so neither ``serve`` nor ``worker`` has to remember to.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from core.push.webpush import close_shared_sender
from core.settings import get_settings
from scheduler import jobs

log = logging.getLogger("tipoff.scheduler")
MAX_ROUNDS_PER_PASS = 50


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], Awaitable[int]]
    every: float = 0.0  # seconds between runs; 0 = every pass


JOBS: tuple[Job, ...] = (
    Job("sync-calendars", jobs.sync_calendars),
    Job("curation", jobs.curation, every=300.0),
    Job("plan-notifications", jobs.plan_notifications),
    Job("catch-up-notifications", jobs.catch_up_notifications, every=60.0),
    Job("plan-digests", jobs.plan_digests),
    Job("send-notifications", jobs.send_notifications),
    Job("email-briefs", jobs.plan_email_briefs),
    Job("send-mail", jobs.send_mail),
    Job("purge-expired", jobs.purge_expired_data, every=600.0),
)


@dataclass
class Loop:
    """One loop's memory: when each interval job last finished with nothing left."""

    jobs: tuple[Job, ...] = JOBS
    last_done: dict[str, float] = field(default_factory=dict)

    def _due(self, job: Job, now: float) -> bool:
        return job.every <= 0 or now - self.last_done.get(job.name, -job.every) >= job.every

    async def run_once(self) -> dict[str, int]:
        """Run each due job until it reports nothing more to do; return how much each did."""
        done: dict[str, int] = {}
        for job in self.jobs:
            if not self._due(job, time.monotonic()):
                continue
            total = 0
            for _ in range(MAX_ROUNDS_PER_PASS):
                try:
                    handled = await job.run()
                except Exception:
                    log.exception("job %s failed; it will be retried on the next pass", job.name)
                    break
                total += handled
                if handled == 0:
                    self.last_done[job.name] = time.monotonic()
                    break
            done[job.name] = total
        return done


async def run_once() -> dict[str, int]:
    """One pass of every job (``tipoff worker --once``, tests)."""
    try:
        return await Loop().run_once()
    finally:
        await close_shared_sender()


async def run_forever(stop: asyncio.Event) -> None:
    """Pass after pass until ``stop`` is set; then close the push sender."""
    loop = Loop()
    poll = get_settings().scheduler_poll_seconds
    try:
        while not stop.is_set():
            done = await loop.run_once()
            if any(done.values()):
                log.info("scheduler pass: %s", done)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll)
    finally:
        await close_shared_sender()


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
