"""One SQLite writer at a time by design: writers queue on the write slot, a writer that
cannot get it in time is refused fast (503), readers never wait; files are private."""

from __future__ import annotations

import stat
import threading
import time

import pytest
from sqlalchemy import text

from core.db import make_engine, read_only, session_scope
from core.dbgate import WriteGate
from core.errors import Overloaded


@pytest.fixture
def sqlite_engine(tmp_path, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "write_wait_seconds", 0.3)
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'gate.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (n INTEGER)"))
    yield engine
    engine.dispose()


def test_writers_queue_and_a_late_one_is_refused_fast(sqlite_engine):
    holding = threading.Event()
    release = threading.Event()

    def long_writer() -> None:
        with session_scope(sqlite_engine) as session:
            session.execute(text("INSERT INTO t VALUES (1)"))
            holding.set()
            release.wait(5)

    thread = threading.Thread(target=long_writer)
    thread.start()
    assert holding.wait(5)
    started = time.monotonic()
    with pytest.raises(Overloaded), session_scope(sqlite_engine) as session:
        session.execute(text("INSERT INTO t VALUES (2)"))
    assert time.monotonic() - started < 2  # refused after the wait, never 30 s
    # readers never wait for the writer
    with session_scope(sqlite_engine, reads_only=True) as session:
        assert session.execute(text("SELECT COUNT(*) FROM t")).scalar() == 0
    release.set()
    thread.join(5)
    # the slot came back after COMMIT; a refused writer left nothing behind
    with session_scope(sqlite_engine) as session:
        session.execute(text("INSERT INTO t VALUES (3)"))
    with read_only(sqlite_engine).connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM t")).scalar() == 2
    assert not WriteGate.of(sqlite_engine).busy()


def test_the_slot_is_released_after_rollback_and_errors(sqlite_engine):
    with pytest.raises(RuntimeError), session_scope(sqlite_engine) as session:
        session.execute(text("INSERT INTO t VALUES (1)"))
        raise RuntimeError("boom")
    assert not WriteGate.of(sqlite_engine).busy()
    with pytest.raises(Exception), session_scope(sqlite_engine) as session:  # noqa: B017
        session.execute(text("INSERT INTO nowhere VALUES (1)"))
    assert not WriteGate.of(sqlite_engine).busy()
    with sqlite_engine.connect() as connection:  # a connection closed mid-transaction
        connection.begin()
        connection.execute(text("INSERT INTO t VALUES (1)"))
    assert not WriteGate.of(sqlite_engine).busy()


def test_many_concurrent_writers_all_succeed_in_turn(sqlite_engine, monkeypatch):
    WriteGate.of(sqlite_engine).wait_seconds = 10
    failures: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for _ in range(20):
                with session_scope(sqlite_engine) as session:
                    session.execute(text("INSERT INTO t VALUES (:n)"), {"n": n})
        except BaseException as exc:  # pragma: no cover - the failure is the assertion
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    with read_only(sqlite_engine).connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM t")).scalar() == 320


def test_data_dir_is_0700_and_database_files_0600(tmp_path):
    folder = tmp_path / "fresh"
    engine = make_engine(f"sqlite:///{folder / 'tipoff.db'}")
    with session_scope(engine) as session:
        session.execute(text("CREATE TABLE t (n INTEGER)"))
        session.execute(text("INSERT INTO t VALUES (1)"))
    with engine.connect() as connection:  # keep it open so -wal and -shm exist
        connection.execute(text("SELECT 1"))
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for path in folder.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    engine.dispose()


def test_an_existing_world_readable_database_is_tightened(tmp_path):
    path = tmp_path / "old.db"
    path.touch()
    path.chmod(0o644)
    make_engine(f"sqlite:///{path}").dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_secret_key_folder_is_private(tmp_path, monkeypatch):
    from core.settings import Settings

    settings = Settings(data_dir=tmp_path / "new-data", secret_key="")
    settings.ensure_secret_key()
    assert stat.S_IMODE((tmp_path / "new-data").stat().st_mode) == 0o700


def test_engines_hide_sql_parameters():
    engine = make_engine("sqlite://")
    assert engine.hide_parameters
    engine.dispose()
