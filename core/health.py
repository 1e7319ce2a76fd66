"""Is the database usable: does it answer, and does it take a write?

``SELECT 1`` passes on a full disk, a read-only file or a PostgreSQL in
recovery, so the health check also rewrites one row (``health_probe``) — at
most once per ``PROBE_SECONDS`` per process, so load balancers polling
``/healthz`` every second cost almost nothing; a failed probe is retried
sooner. The write runs through the normal unit of work (on SQLite it takes the
write slot like any writer).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine

from core.db import get_engine, read_only, session_scope
from core.errors import Overloaded
from core.logs import describe
from core.models import HealthProbe, utcnow

PROBE_SECONDS = 10.0
RETRY_SECONDS = 2.0


@dataclass
class Health:
    ok: bool
    detail: str = ""


_lock = threading.Lock()
_last: dict[int, tuple[float, Health]] = {}


def _write_probe(engine: Engine) -> Health:
    try:
        with session_scope(engine) as session:
            row = session.get(HealthProbe, 1)
            if row is None:
                session.add(HealthProbe(id=1, checked_at=utcnow()))
            else:
                row.checked_at = utcnow()
                session.add(row)
        return Health(True)
    except Exception as exc:
        if isinstance(exc, Overloaded):  # busy writing is not broken
            return Health(True)
        reason = "its storage is full" if is_disk_full(exc) else describe(exc)
        return Health(False, f"the database cannot be written: {reason}")


def is_disk_full(exc: BaseException) -> bool:
    original = getattr(exc, "orig", None) or exc
    if getattr(original, "sqlstate", None) == "53100":  # PostgreSQL disk_full
        return True
    text = str(original).lower()
    return "database or disk is full" in text or "no space left on device" in text


def check(engine: Engine | None = None, *, now: float | None = None) -> Health:
    engine = engine or get_engine()
    try:
        with read_only(engine).connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        return Health(False, f"the database cannot be reached: {describe(exc)}")
    now = time.monotonic() if now is None else now
    with _lock:
        previous = _last.get(id(engine))
    if previous is not None:
        at, health = previous
        if now - at < (PROBE_SECONDS if health.ok else RETRY_SECONDS):
            return health
    gate = getattr(engine, "_tipoff_write_gate", None)
    if gate is not None and gate.busy():
        return Health(True)  # someone is writing right now; probe on a later call
    health = _write_probe(engine)
    with _lock:
        _last[id(engine)] = (now, health)
    return health


def forget() -> None:
    """Drop remembered probe results (tests)."""
    with _lock:
        _last.clear()
