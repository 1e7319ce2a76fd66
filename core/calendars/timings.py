"""Where a sync's time goes: download, scan, parse, expand, upsert.

Each sync logs its stages at DEBUG (``tipoff.calendars``) and observes them in one
Prometheus histogram, ``tipoff_calendar_sync_stage_seconds{stage}``, which the
API's ``/metrics`` registry includes (api/metrics.py). The histogram lives in the
process that syncs: with separate ``tipoff worker`` processes, each keeps its own.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from prometheus_client import Histogram

log = logging.getLogger("tipoff.calendars")
STAGES = ("download", "scan", "parse", "expand", "upsert")
STAGE_SECONDS = Histogram(
    "tipoff_calendar_sync_stage_seconds",
    "Seconds per stage of a calendar sync (download, scan, parse, expand, upsert)",
    ["stage"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=None,  # registered by api/metrics.py into the app's registry
)


def record(calendar_id: int | None, timings: Mapping[str, float], outcome: str) -> None:
    """Observe each measured stage and log them in one line (DEBUG)."""
    for stage in STAGES:
        if stage in timings:
            STAGE_SECONDS.labels(stage).observe(timings[stage])
    if log.isEnabledFor(logging.DEBUG):
        spent = " ".join(f"{s}={timings[s] * 1000:.1f}ms" for s in STAGES if s in timings)
        log.debug("calendar %s: sync %s: %s", calendar_id, outcome, spent)
