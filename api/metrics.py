"""Prometheus metrics: requests and latency per route template, plus library size.

Labels use the route *template* (``/api/tips/{tip_id}``), never the raw path,
so ids and query strings cannot blow up the label set or leak into metrics.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import text
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.calendars.timings import STAGE_SECONDS as CALENDAR_SYNC_STAGE_SECONDS
from core.db import get_engine

REGISTRY = CollectorRegistry()
REQUESTS = Counter(
    "tipoff_http_requests_total", "HTTP requests", ["method", "route", "status"], registry=REGISTRY
)
LATENCY = Histogram(
    "tipoff_http_request_duration_seconds", "HTTP request latency", ["method", "route"],
    registry=REGISTRY,
)  # fmt: skip


class LibraryCollector(Collector):
    """Counts read from the database at scrape time, so every process reports the truth."""

    def collect(self) -> Iterable[GaugeMetricFamily]:
        try:
            with get_engine().connect() as connection:
                tips: Any = connection.execute(
                    text("SELECT status, COUNT(*) FROM tip GROUP BY status")
                ).all()
                users: Any = connection.execute(
                    text('SELECT role, COUNT(*) FROM "user" GROUP BY role')
                ).all()
        except Exception:
            return
        tip_gauge = GaugeMetricFamily("tipoff_tips", "Tips by status", labels=["status"])
        for status, count in tips:
            tip_gauge.add_metric([status], count)
        user_gauge = GaugeMetricFamily("tipoff_users", "Users by role", labels=["role"])
        for role, count in users:
            user_gauge.add_metric([role], count)
        yield tip_gauge
        yield user_gauge


REGISTRY.register(LibraryCollector())
REGISTRY.register(CALENDAR_SYNC_STAGE_SECONDS)  # where calendar syncs spend their time


def render() -> bytes:
    return generate_latest(REGISTRY)


class _Usage(Collector):
    def __init__(self, totals: dict[str, int]) -> None:
        self.totals = totals

    def collect(self) -> Iterable[CounterMetricFamily]:
        family = CounterMetricFamily(
            "tipoff_usage",
            "Team-wide usage (tip events, debrief funnel); absent below the privacy floor",
            labels=["metric"],
        )
        for metric, count in sorted(self.totals.items()):
            family.add_metric([metric], count)
        yield family


def render_usage(totals: dict[str, int]) -> bytes:
    """The usage counters of ``core.insights.report.team_totals``, read per scrape."""
    registry = CollectorRegistry()
    registry.register(_Usage(totals))
    return generate_latest(registry)


class MetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope["method"]
            REQUESTS.labels(method, template, str(status)).inc()
            LATENCY.labels(method, template).observe(time.perf_counter() - started)
