"""Admission control: a bounded number of requests at once, a bounded wait for a turn,
then a fast 503 with Retry-After; tip writes have a lane of their own."""

from __future__ import annotations

import asyncio
import time

import httpx

from api.admission import AdmissionMiddleware


async def _slow_app(scope, receive, send):
    await asyncio.sleep(0.5)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _run(app, requests):
    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            started = time.monotonic()

            async def one(method, path):
                response = await client.request(method, path)
                return response, time.monotonic() - started

            return await asyncio.gather(*(one(m, p) for m, p in requests))

    return asyncio.run(go())


def test_over_capacity_is_a_fast_503_with_retry_after():
    app = AdmissionMiddleware(_slow_app, max_in_flight=1, max_heavy=1, queue_seconds=0.1)
    results = _run(app, [("GET", "/api/tips"), ("GET", "/api/tips"), ("GET", "/healthz")])
    statuses = sorted(r.status_code for r, _ in results)
    assert statuses == [200, 200, 503]  # /healthz is never queued
    refused = next((r, t) for r, t in results if r.status_code == 503)
    assert refused[0].headers["retry-after"] == "1"
    assert refused[0].json()["detail"]
    assert refused[1] < 0.4  # answered after the short wait, not after the slow one


def test_a_queued_request_gets_its_turn_within_the_wait():
    app = AdmissionMiddleware(_slow_app, max_in_flight=1, max_heavy=1, queue_seconds=2)
    results = _run(app, [("GET", "/a"), ("GET", "/b")])
    assert [r.status_code for r, _ in results] == [200, 200]


def test_tip_writes_have_their_own_lane():
    app = AdmissionMiddleware(_slow_app, max_in_flight=1, max_heavy=1, queue_seconds=0.1)
    results = _run(app, [("POST", "/api/tips"), ("POST", "/api/tips"), ("GET", "/api/me")])
    by_path = [(r.request.method, r.status_code) for r, _ in results]
    assert sorted(by_path) == [("GET", 200), ("POST", 200), ("POST", 503)]


def test_a_queue_longer_than_the_wait_is_refused_at_once():
    """Once a lane knows a turn takes 0.5 s, a request behind two waiters (1.5 s of queue
    for a 0.9 s wait) is refused on arrival instead of sitting out the wait first."""
    app = AdmissionMiddleware(_slow_app, max_in_flight=1, max_heavy=1, queue_seconds=0.9)

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            assert (await client.get("/warm")).status_code == 200  # the lane learns 0.5 s
            started = time.monotonic()

            async def one(delay):
                await asyncio.sleep(delay)
                response = await client.get("/x")
                return response.status_code, time.monotonic() - started

            return await asyncio.gather(one(0), one(0.05), one(0.1))

    results = asyncio.run(go())
    assert [status for status, _ in results] == [200, 200, 503]
    assert results[2][1] < 0.3  # refused on arrival, not after the wait
