"""Engine and sessions.

A unit of work commits or rolls back in exactly one place: ``session_scope`` for
jobs and the CLI, the request dependency in ``api.deps`` for HTTP. Core
functions take a session and only ``flush``.

Under load the database must degrade by queueing, never by collapsing. SQLite
has one writer at a time whatever we do, so we make that explicit: a write
unit of work takes the engine's *write slot* (a process-wide lock, see
``core.dbgate``) before ``BEGIN IMMEDIATE`` and gives it back right after its
COMMIT or ROLLBACK. Writers queue on a Python lock instead of spinning in
SQLite's busy handler, and one that cannot get the slot in
``TIPOFF_WRITE_WAIT_SECONDS`` is refused with ``Overloaded`` (503 with
Retry-After) instead of waiting half a minute. Readers begin deferred and never
wait (WAL). On PostgreSQL the pool is bounded, checkouts wait at most
``TIPOFF_POOL_TIMEOUT_SECONDS`` and every statement at most
``TIPOFF_STATEMENT_TIMEOUT_SECONDS``. SQL parameters never reach error
messages or logs (``hide_parameters``): they can hold password hashes and
personal data.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import event, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine, select

from core.dbgate import WriteGate
from core.settings import get_settings, normalise_database_url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions begin, so SAVEPOINTs
    # (nested transactions, per-test rollback) behave as on PostgreSQL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# A deferred transaction that has read cannot later write if another connection
# wrote in between: SQLite answers "database is locked" at once, whatever the busy
# timeout (SQLITE_BUSY_SNAPSHOT in WAL mode). So a unit of work that may write takes
# the write lock when it begins and other writers queue for it; only read-only units
# (safe HTTP methods) begin deferred, which never blocks anyone.
_BEGIN_OPTION = "tipoff_sqlite_begin"


def _sqlite_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
    if mode == "IMMEDIATE":
        dbapi_connection = connection.connection.dbapi_connection
        gate = WriteGate.of(connection.engine)
        gate.acquire(dbapi_connection)
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            gate.release(dbapi_connection)
            raise
        return
    connection.exec_driver_sql(f"BEGIN {mode}")


def _postgres_session(dbapi_connection: Any, _record: Any) -> None:
    seconds = get_settings().statement_timeout_seconds
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
    dbapi_connection.commit()


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_database_url(url)
    settings = get_settings()
    kwargs.setdefault("hide_parameters", True)
    if ":memory:" not in url and url not in ("sqlite://", "sqlite+pysqlite://"):
        kwargs.setdefault("pool_timeout", settings.pool_timeout_seconds)
    if url.startswith("sqlite"):
        if ":memory:" not in url and url.startswith("sqlite:///"):
            secure_database_path(Path(url.removeprefix("sqlite:///")))
        # Connections are cheap and one per worker thread (anyio's 40, the scheduler's):
        # a checkout should never be what a request waits for.
        if "pool_timeout" in kwargs:  # a file, not an in-memory database
            kwargs.setdefault("pool_size", 20)
            kwargs.setdefault("max_overflow", 40)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 10}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        WriteGate.install(engine, settings.write_wait_seconds)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 30)
    connect_args = kwargs.pop("connect_args", {})
    connect_args.setdefault("connect_timeout", max(1, int(settings.pool_timeout_seconds)))
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "connect", _postgres_session)
    return engine


def secure_database_path(path: Path) -> None:
    """A new data folder is 0700 and the database file 0600 (it holds password hashes);
    SQLite gives its -wal and -shm files the database file's mode."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(0o600)


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().effective_database_url)


@lru_cache(maxsize=16)  # once per engine, not once per GET request
def read_only(engine: Engine) -> Engine:
    """The same engine and pool, for units of work that only read.

    On SQLite their transactions begin deferred instead of taking the write lock;
    on PostgreSQL nothing changes.
    """
    return engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"})


def is_postgres(session_or_engine: Session | Engine) -> bool:
    bind = (
        session_or_engine.get_bind()
        if isinstance(session_or_engine, Session)
        else session_or_engine
    )
    return bind.dialect.name == "postgresql"


def take_turn(session: Session, name: str) -> bool:
    """Whether this transaction runs ``name`` now: one process at a time, the others skip.

    For upkeep that reads a cursor and then inserts counts (the curation pass):
    two workers doing it at once would both insert the same keys. On PostgreSQL
    a transaction-scoped advisory lock decides, released by the COMMIT or
    ROLLBACK; the worker that does not get it skips at once rather than waiting,
    since the pass repeats within minutes. On SQLite every writer already runs
    alone (``BEGIN IMMEDIATE``), so the answer is always yes.
    """
    if not is_postgres(session):
        return True
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    key = int.from_bytes(digest, "big", signed=True)
    return bool(session.exec(select(func.pg_try_advisory_xact_lock(key))).one())


@contextmanager
def session_scope(engine: Engine | None = None, *, reads_only: bool = False) -> Iterator[Session]:
    """Open a session, commit on success, roll back on error: the job/CLI unit of work.

    ``reads_only`` promises that the unit writes nothing, which lets it run beside
    a writer on SQLite (see ``_sqlite_begin``).
    """
    engine = engine or get_engine()
    session = Session(read_only(engine) if reads_only else engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


class UnitOfWork(Protocol):
    """Opens one unit of work: ``with units() as session: ...`` commits or rolls back.

    Flows that talk to the network between reads and writes (a calendar sync)
    take one of these instead of a session, so each of their transactions is
    short and none stays open across a download.
    """

    def __call__(self, *, reads_only: bool = False) -> AbstractContextManager[Session]: ...


def units_of(engine: Engine | None = None) -> UnitOfWork:
    """Units of work on ``engine`` (default: the app's), each its own transaction."""
    return partial(session_scope, engine)


def units_within(session: Session) -> UnitOfWork:
    """Units of work nested in a session the caller owns (a savepoint each).

    For callers that already hold the transaction (``tipoff eval``'s throwaway
    database, tests that roll everything back): the caller commits, not the flow.
    """

    @contextmanager
    def unit(*, reads_only: bool = False) -> Iterator[Session]:
        with session.begin_nested():
            yield session

    return unit


def database_answers(engine: Engine | None = None) -> bool:
    from sqlalchemy import text

    try:
        with read_only(engine or get_engine()).connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
