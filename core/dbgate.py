"""The write slot: one SQLite writer at a time, by design rather than by contention.

SQLite serialises writers anyway. Left to itself, each waiting writer polls the
lock from SQLite's busy handler with growing sleeps, so under a burst the lock
sits idle between polls, waiters time out after the busy timeout with
"database is locked", and throughput collapses. Here writers queue on a Python
lock instead: the slot passes to the next writer the moment the previous one
commits, and a writer that cannot get it within ``wait_seconds`` is refused
with ``Overloaded`` (503 + Retry-After), a fast answer instead of a long wait.

The slot is taken in the engine's ``begin`` event (just before ``BEGIN
IMMEDIATE``) and released after the DBAPI COMMIT or ROLLBACK has run (the
dialect's ``do_commit``/``do_rollback``, which also cover the pool's reset on
return), or when the connection is closed or invalidated. Read-only units
begin deferred and never touch it. Other processes writing to the same file
(``tipoff worker``) still meet SQLite's busy timeout.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from core.errors import Overloaded

_ATTRIBUTE = "_tipoff_write_gate"


class WriteGate:
    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        self._lock = threading.Lock()
        self._holder: int | None = None  # id() of the DBAPI connection holding the slot
        self.waited = 0.0  # seconds spent waiting, all writers together (for metrics/tests)

    @classmethod
    def install(cls, engine: Engine, wait_seconds: float) -> WriteGate:
        gate = cls(wait_seconds)
        setattr(engine, _ATTRIBUTE, gate)
        dialect = engine.dialect
        do_commit, do_rollback = dialect.do_commit, dialect.do_rollback

        def commit(dbapi_connection: Any) -> None:
            try:
                do_commit(dbapi_connection)
            finally:
                gate.release(dbapi_connection)

        def rollback(dbapi_connection: Any) -> None:
            try:
                do_rollback(dbapi_connection)
            finally:
                gate.release(dbapi_connection)

        dialect.do_commit = commit  # type: ignore[method-assign]
        dialect.do_rollback = rollback  # type: ignore[method-assign]

        def lost(dbapi_connection: Any, *_args: Any) -> None:
            gate.release(dbapi_connection)

        event.listen(engine.pool, "close", lost)
        event.listen(engine.pool, "invalidate", lost)
        event.listen(engine.pool, "soft_invalidate", lost)
        return gate

    @staticmethod
    def of(engine: Engine) -> WriteGate:
        return getattr(engine, _ATTRIBUTE)

    @staticmethod
    def _key(connection: Any) -> int:
        # SQLAlchemy hands the dialect either the pool's proxy or the DBAPI connection.
        return id(getattr(connection, "dbapi_connection", None) or connection)

    def acquire(self, dbapi_connection: Any) -> None:
        started = time.monotonic()
        if not self._lock.acquire(timeout=self.wait_seconds):
            raise Overloaded("the server is busy writing; try again in a moment", retry_after=1)
        self.waited += time.monotonic() - started
        self._holder = self._key(dbapi_connection)

    def busy(self) -> bool:
        return self._lock.locked()

    def release(self, dbapi_connection: Any) -> None:
        if self._holder is not None and self._holder == self._key(dbapi_connection):
            self._holder = None
            self._lock.release()
