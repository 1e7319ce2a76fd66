"""Admission control: under overload, answer fast with 503 + Retry-After.

A server that accepts every request into an unbounded queue lets latency grow
without limit until clients time out, and then does work for clients that have
gone (congestion collapse). Here at most ``TIPOFF_MAX_IN_FLIGHT`` requests are
handled at once; the rest wait on the event loop (holding no thread, no
database connection) for at most ``TIPOFF_QUEUE_SECONDS``. CPU-heavy requests
(writing a tip computes its embedding, ~0.1 s of CPU) have a smaller lane of
their own, ``TIPOFF_MAX_IN_FLIGHT_HEAVY`` (not counted in the other), so a burst
of posts cannot starve the cheap reads, nor a crowd of readers the posts.

A request is refused *at once* when the queue in front of it would take longer
than the wait allows (the waiters ahead times the lane's recent time per
request, over its capacity), and after the wait when its turn still has not
come: either way it gets ``503`` with ``Retry-After`` and nothing was done, so
the client may simply retry (the PWA does). The latency of an answered request
stays near one wait plus its own work however many clients come, instead of
every request sitting out the whole wait first. Health checks and metrics are
never queued.
"""

from __future__ import annotations

import asyncio
import re
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from api.body import send_json

EXEMPT_PATHS = frozenset({"/healthz", "/metrics"})
# Requests whose handling costs a large, fixed amount of CPU (tip profiling).
HEAVY = [
    ("POST", re.compile(r"^/api/tips/?$")),
    ("PATCH", re.compile(r"^/api/tips/[^/]+/?$")),
]
RETRY_AFTER = 1
SMOOTHING = 0.2  # weight of the newest request in a lane's time per request


def is_heavy(method: str, path: str) -> bool:
    return any(method == m and pattern.match(path) for m, pattern in HEAVY)


class Lane:
    """A number of turns, the requests waiting for one, and how long a turn lasts lately."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.turns = asyncio.Semaphore(capacity)
        self.waiting = 0
        self.seconds_per_request: float | None = None

    def expected_wait(self) -> float:
        """How long a request arriving now would wait, judged from the queue ahead of it."""
        if not self.turns.locked() or self.seconds_per_request is None:
            return 0.0
        return (self.waiting + 1) * self.seconds_per_request / self.capacity

    def served(self, seconds: float) -> None:
        previous = self.seconds_per_request
        self.seconds_per_request = (
            seconds if previous is None else previous + SMOOTHING * (seconds - previous)
        )


class AdmissionMiddleware:
    def __init__(
        self, app: ASGIApp, *, max_in_flight: int, max_heavy: int, queue_seconds: float
    ) -> None:
        self.app = app
        self.max_in_flight = max_in_flight
        self.max_heavy = max_heavy
        self.queue_seconds = queue_seconds
        self._general: Lane | None = None
        self._heavy: Lane | None = None
        self.refused = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        if self._general is None or self._heavy is None:  # made on the serving event loop
            self._general = Lane(self.max_in_flight)
            self._heavy = Lane(self.max_heavy)
        lane = self._heavy if is_heavy(scope["method"], scope["path"]) else self._general
        if not await self._turn(lane):
            self.refused += 1
            await send_json(
                send,
                503,
                {"detail": "the server is busy; try again in a moment"},
                [(b"retry-after", str(RETRY_AFTER).encode())],
            )
            return
        started = time.monotonic()
        try:
            await self.app(scope, receive, send)
        finally:
            lane.served(time.monotonic() - started)
            lane.turns.release()

    async def _turn(self, lane: Lane) -> bool:
        """Wait for a turn in ``lane``; False when there is none to be had in time."""
        if lane.expected_wait() > self.queue_seconds:
            return False
        lane.waiting += 1
        try:
            await asyncio.wait_for(lane.turns.acquire(), self.queue_seconds)
            return True
        except TimeoutError:
            return False
        finally:
            lane.waiting -= 1
