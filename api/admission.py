"""Admission control: under overload, answer fast with 503 + Retry-After.

A server that accepts every request into an unbounded queue lets latency grow
without limit until clients time out, and then does work for clients that have
gone (congestion collapse). Here at most ``TIPOFF_MAX_IN_FLIGHT`` requests are
handled at once; the rest wait on the event loop (holding no thread, no
database connection) for at most ``TIPOFF_QUEUE_SECONDS``, and one that still
has no turn gets ``503`` with ``Retry-After``. CPU-heavy requests (writing a
tip computes its embedding, ~0.1-0.2 s of CPU) have a smaller lane of their
own, ``TIPOFF_MAX_IN_FLIGHT_HEAVY`` (not counted in the other), so a burst of posts
cannot starve the cheap reads, nor a crowd of readers the posts. Health checks and
metrics are never queued.
"""

from __future__ import annotations

import asyncio
import re

from starlette.types import ASGIApp, Receive, Scope, Send

from api.body import send_json

EXEMPT_PATHS = frozenset({"/healthz", "/metrics"})
# Requests whose handling costs a large, fixed amount of CPU (tip profiling).
HEAVY = [
    ("POST", re.compile(r"^/api/tips/?$")),
    ("PATCH", re.compile(r"^/api/tips/[^/]+/?$")),
]
RETRY_AFTER = 1


def is_heavy(method: str, path: str) -> bool:
    return any(method == m and pattern.match(path) for m, pattern in HEAVY)


class AdmissionMiddleware:
    def __init__(
        self, app: ASGIApp, *, max_in_flight: int, max_heavy: int, queue_seconds: float
    ) -> None:
        self.app = app
        self.max_in_flight = max_in_flight
        self.max_heavy = max_heavy
        self.queue_seconds = queue_seconds
        self._general: asyncio.Semaphore | None = None
        self._heavy: asyncio.Semaphore | None = None
        self.refused = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        if self._general is None or self._heavy is None:
            self._general = asyncio.Semaphore(self.max_in_flight)
            self._heavy = asyncio.Semaphore(self.max_heavy)
        lane = self._heavy if is_heavy(scope["method"], scope["path"]) else self._general
        try:
            await asyncio.wait_for(lane.acquire(), self.queue_seconds)
        except TimeoutError:
            self.refused += 1
            await send_json(
                send,
                503,
                {"detail": "the server is busy; try again in a moment"},
                [(b"retry-after", str(RETRY_AFTER).encode())],
            )
            return
        try:
            await self.app(scope, receive, send)
        finally:
            lane.release()
