"""SQLite units of work: one that read first can still write after another wrote."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text

from core.db import make_engine, session_scope


def _engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE note (body TEXT)"))
    return engine


def test_a_writer_that_read_first_is_not_refused_by_a_later_writer(tmp_path):
    """Before: the first unit read, a second unit wrote and committed, and the first
    unit's write failed at once with "database is locked" (a request answered 500)."""
    engine = _engine(tmp_path)
    first_has_read = threading.Event()
    errors: list[BaseException] = []

    def second_writer() -> None:
        first_has_read.wait()
        try:
            with session_scope(engine) as session:  # waits for the first unit's lock
                session.execute(text("INSERT INTO note VALUES ('second')"))
        except BaseException as error:  # reported below, in the test thread
            errors.append(error)

    other = threading.Thread(target=second_writer)
    other.start()
    with session_scope(engine) as session:
        session.execute(text("SELECT count(*) FROM note")).one()
        first_has_read.set()
        other.join(timeout=0.5)  # give the second writer its chance to cut in
        session.execute(text("INSERT INTO note VALUES ('first')"))
    other.join(timeout=15)
    assert not errors, errors
    with session_scope(engine, reads_only=True) as session:
        bodies = session.execute(text("SELECT body FROM note")).scalars().all()
    assert bodies == ["first", "second"]


def test_a_reader_does_not_wait_for_a_writer(tmp_path):
    engine = _engine(tmp_path)
    with session_scope(engine) as writer:
        writer.execute(text("INSERT INTO note VALUES ('pending')"))
        done = threading.Event()

        def read() -> None:
            with session_scope(engine, reads_only=True) as reader:
                assert reader.execute(text("SELECT count(*) FROM note")).scalar_one() == 0
            done.set()

        threading.Thread(target=read).start()
        assert done.wait(timeout=2), "a read-only unit queued behind the writer"
