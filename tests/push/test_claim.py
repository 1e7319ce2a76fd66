"""Claiming due rows: never twice at once, an expired lease is claimed again.

These run on committed data in a database of their own (several connections
must see it). The SKIP LOCKED behaviour is PostgreSQL's; the suite's SQLite run
checks the one-writer path instead.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session

from core.db import session_scope
from core.models import utcnow
from core.notifications.claim import claim_due
from core.notifications.replan import prepare_soon
from tests.conftest import TEST_DB
from tests.push.freshdb import fresh_database
from tests.push.pushservice import PushService
from tests.push.seed import seed_meetings, seed_tips


@pytest.fixture
def outbox_db(private_networks):
    """A committed outbox of 60 due briefs (20 devices, 3 meetings each), payloads built."""
    with fresh_database(TEST_DB) as (_url, engine), PushService() as service:
        with session_scope(engine) as session:
            seed_tips(session)
            subscribers = [service.subscribe() for _ in range(20)]
            seed_meetings(session, subscribers, meetings_per_device=3)
        with session_scope(engine) as session:
            while prepare_soon(session, now=utcnow(), ahead=timedelta(hours=1)):
                pass
        yield engine


def due_now():
    return utcnow() + timedelta(minutes=30)  # past every brief's due time


@pytest.mark.skipif(
    TEST_DB != "postgres", reason="SKIP LOCKED is PostgreSQL's; see the SQLite test"
)
def test_skip_locked_concurrent_claims_do_not_block_or_overlap(outbox_db):
    first = Session(outbox_db)
    second = Session(outbox_db)
    try:
        a = claim_due(first, now=due_now(), limit=25, lease_seconds=60)  # transaction left open
        second.execute(text("SET LOCAL lock_timeout = '2s'"))  # blocking would fail loudly
        b = claim_due(second, now=due_now(), limit=25, lease_seconds=60)
        assert len(a) == 25 and len(b) == 25
        assert not {c.id for c in a} & {c.id for c in b}
        first.commit()
        second.commit()
        third = claim_due(second, now=due_now(), limit=100, lease_seconds=60)
        second.commit()
        assert len(third) == 10  # 60 - 25 - 25: leased rows are not claimed again
        assert all(c.payload and c.subscription.endpoint for c in a + b + third)
    finally:
        first.close()
        second.close()


def test_parallel_claimers_share_the_rows_without_overlap(outbox_db):
    claimed: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with session_scope(outbox_db) as session:
                batch = claim_due(session, now=due_now(), limit=7, lease_seconds=60)
            if not batch:
                return
            with lock:
                claimed.extend(c.id for c in batch)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(claimed) == 60 and len(set(claimed)) == 60


def test_an_expired_lease_is_claimed_again(outbox_db):
    with session_scope(outbox_db) as session:
        first = claim_due(session, now=due_now(), limit=100, lease_seconds=30)
    assert len(first) == 60
    with session_scope(outbox_db) as session:
        assert (
            claim_due(session, now=due_now() + timedelta(seconds=29), limit=100, lease_seconds=30)
            == []
        )
    with session_scope(outbox_db) as session:
        again = claim_due(
            session, now=due_now() + timedelta(seconds=31), limit=100, lease_seconds=30
        )
    assert sorted(c.id for c in again) == sorted(c.id for c in first)
    assert {c.attempts for c in again} == {2}
