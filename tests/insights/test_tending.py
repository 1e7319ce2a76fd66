"""The curation pass runs in one worker at a time; the others skip it."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.db import take_turn
from core.insights.tending import tend
from core.models import UsageCursor
from tests.conftest import TEST_DB


@pytest.mark.skipif(TEST_DB != "postgres", reason="SQLite runs one writer at a time anyway")
@pytest.mark.timeout(60)
def test_a_second_worker_skips_the_pass_while_another_holds_it(fresh_engine: Engine) -> None:
    # Two workers counting the same sent briefs at once both inserted the same
    # usage keys, and one failed with a duplicate key (the three-worker bench).
    first = Session(fresh_engine)
    second = Session(fresh_engine)
    try:
        tend(first)  # holds the turn, and its first usage cursors, until it commits
        assert not take_turn(second, "curation")
        assert set(tend(second).values()) == {0}  # at once: no wait on first's rows
        assert second.get(UsageCursor, "sent") is None
        second.rollback()
        assert take_turn(second, "other upkeep")  # each name is its own turn
        second.rollback()
        first.commit()  # the lock goes with the transaction
        assert take_turn(second, "curation")
    finally:
        first.close()
        second.close()


def test_one_worker_always_has_its_turn(session: Session) -> None:
    assert take_turn(session, "curation")
    assert take_turn(session, "curation")  # re-entrant within a transaction
    assert set(tend(session)) == {"contacts", "requests", "reminders", "weeks_closed", "usage"}
