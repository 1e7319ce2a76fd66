"""Background sync: leases, SKIP LOCKED on PostgreSQL, several workers, the CLI commands."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from core.calendars.claims import claim, run_due, sync_one
from core.calendars.service import display_url
from core.calendars.sync import SECRET_PURPOSE, download
from core.crypto import encrypt
from core.db import session_scope, units_of
from core.models import Calendar, Meeting, Role
from core.people import accounts
from tests.calendars.conftest import calendar, soon, vevent
from tests.conftest import TEST_DB

ROOT = Path(__file__).resolve().parents[2]


def add_calendar(session: Session, user_id: int, url: str, **fields) -> Calendar:
    row = Calendar(
        user_id=user_id,
        name="Work",
        display_url=display_url(url),
        url_encrypted=encrypt(url, SECRET_PURPOSE),
        source_key=secrets.token_hex(16),
        **fields,
    )
    session.add(row)
    session.flush()
    return row


def seed(engine, urls: list[str], email: str = "worker@northwind.example") -> list[int]:
    with session_scope(engine) as session:
        user = accounts.create_user(session, email=email, name="Worker", role=Role.member)
        session.flush()
        return [add_calendar(session, user.id, url).id for url in urls]


def test_claims_take_due_calendars_and_hold_them_with_a_lease(session, member, setting):
    setting(sync_lease_seconds=300)
    now = datetime.now(UTC)
    due = [
        add_calendar(
            session,
            member.id,
            f"https://e.example/{n}.ics",
            next_sync_at=now - timedelta(minutes=n),
        )
        for n in range(3)
    ]
    later = add_calendar(session, member.id, "https://e.example/later.ics",
                         next_sync_at=now + timedelta(hours=1))  # fmt: skip
    busy = add_calendar(session, member.id, "https://e.example/busy.ics", next_sync_at=now,
                        lease_until=now + timedelta(minutes=1))  # fmt: skip
    assert claim(session, now=now, limit=10) == sorted(c.id for c in due)
    assert claim(session, now=now, limit=10) == []  # all leased now
    session.expire_all()
    assert session.get(Calendar, due[0].id).lease_until == now + timedelta(seconds=300)
    expired = now + timedelta(seconds=301)
    assert claim(session, now=expired, limit=10) == sorted([*(c.id for c in due), busy.id])
    assert claim(session, now=expired, limit=1, calendar_ids=[later.id]) == [later.id]


def test_claims_take_the_longest_waiting_first(session, member):
    now = datetime.now(UTC)
    ids = [
        add_calendar(session, member.id, f"https://e.example/{n}.ics",
                     next_sync_at=now - timedelta(minutes=n)).id
        for n in range(5)
    ]  # fmt: skip
    assert claim(session, now=now, limit=2) == sorted(ids[3:])


@pytest.mark.skipif(TEST_DB != "postgres", reason="SKIP LOCKED is PostgreSQL's")
def test_postgres_workers_skip_each_others_rows_without_waiting(fresh_engine):
    ids = seed(fresh_engine, [f"https://e.example/{n}.ics" for n in range(6)])
    now = datetime.now(UTC) + timedelta(seconds=1)
    first = Session(fresh_engine)
    second = Session(fresh_engine)
    try:
        mine = claim(first, now=now, limit=3)  # still uncommitted: rows locked
        second.execute(text("SET LOCAL lock_timeout = '2s'"))
        theirs = claim(second, now=now, limit=10)
        first.commit()
        second.commit()
    finally:
        first.close()
        second.close()
    assert len(mine) == 3 and len(theirs) == 3
    assert sorted(mine + theirs) == sorted(ids)


def test_run_due_syncs_claimed_calendars_and_releases_them(
    fresh_engine, allow_private, feed_server
):
    urls = [
        feed_server.serve(f"/{n}.ics", calendar(vevent(f"e{n}", soon(1), summary=f"E{n}")))
        for n in range(3)
    ]
    ids = seed(fresh_engine, urls)
    assert run_due(units=units_of(fresh_engine)) == 3
    assert run_due(units=units_of(fresh_engine)) == 0  # nothing due until the next interval
    assert sorted(h.path for h in feed_server.hits) == ["/0.ics", "/1.ics", "/2.ics"]
    with session_scope(fresh_engine) as session:
        rows = [session.get(Calendar, i) for i in ids]
        assert all(r.lease_until is None and r.last_synced_at is not None for r in rows)
        assert all(r.next_sync_at > datetime.now(UTC) for r in rows)
        assert len(session.exec(select(Meeting)).all()) == 3


def test_two_workers_never_sync_the_same_calendar_twice(
    fresh_engine, allow_private, feed_server, setting
):
    setting(sync_batch_size=2)
    urls = [
        feed_server.serve(f"/{n}.ics", calendar(vevent(f"e{n}", soon(1), summary=f"E{n}")),
                          chunk_delay=0.01)
        for n in range(12)
    ]  # fmt: skip
    seed(fresh_engine, urls)
    claimed: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            while (count := run_due(units=units_of(fresh_engine))) > 0:
                claimed.append(count)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sum(claimed) == 12
    assert sorted(h.path for h in feed_server.hits) == sorted(f"/{n}.ics" for n in range(12))
    with session_scope(fresh_engine) as session:
        assert len(session.exec(select(Meeting)).all()) == 12


def test_the_sync_job_is_in_the_loop():
    from scheduler.loop import JOBS

    assert "sync-calendars" in [job.name for job in JOBS]


def _cli(engine, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "TIPOFF_DATABASE_URL": engine.url_for_subprocess,
        "TIPOFF_ALLOW_PRIVATE_NETWORKS": "true",
        "TIPOFF_RUN_SCHEDULER": "false",
    }
    return subprocess.run(
        [sys.executable, "-c", "from cli.main import entry; entry()", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_worker_once_runs_the_due_syncs(fresh_engine, feed_server):
    urls = [feed_server.serve(f"/{n}.ics", calendar(vevent(f"e{n}", soon(1)))) for n in range(2)]
    seed(fresh_engine, urls)
    done = _cli(fresh_engine, "worker", "--once")
    assert done.returncode == 0, done.stderr
    assert "sync-calendars=2" in done.stdout
    assert len(feed_server.hits) == 2


def test_tipoff_sync_for_one_user(fresh_engine, feed_server):
    good = feed_server.serve("/good.ics", calendar(vevent("g", soon(1)), vevent("h", soon(2))))
    bad = feed_server.serve("/SECRET-bad.ics", b"gone", status=410)
    mine = seed(fresh_engine, [good, bad], email="me@northwind.example")
    seed(
        fresh_engine, [feed_server.serve("/other.ics", calendar())], email="other@northwind.example"
    )
    done = _cli(fresh_engine, "sync", "--user", "me@northwind.example")
    assert done.returncode == 1
    assert f"calendar {mine[0]}: +2 ~0 -0" in done.stdout
    assert done.stderr.strip().splitlines() == [
        f"tipoff: error: calendar {mine[1]}: "
        "127.0.0.1 answered 410 Gone: the link is no longer published"
    ]
    assert "/other.ics" not in [h.path for h in feed_server.hits]
    again = _cli(fresh_engine, "sync", "--user", "nobody@northwind.example")
    assert again.returncode == 1
    assert again.stderr.strip() == "tipoff: error: no user with email nobody@northwind.example"


def test_run_due_records_unchanged_feeds_together_and_survives_a_bad_one(
    fresh_engine, allow_private, feed_server
):
    """The worker's batch: unchanged bodies are recorded after the batch in one unit; a
    calendar deleted mid-batch and a download that blows up do not disturb the others."""
    urls = [
        feed_server.serve(f"/{n}.ics", calendar(vevent(f"e{n}", soon(1), summary=f"E{n}")))
        for n in range(4)
    ]  # no validators: the second round is "unchanged" by the keyed hash
    ids = seed(fresh_engine, urls)
    assert run_due(units=units_of(fresh_engine)) == 4
    later = datetime.now(UTC) + timedelta(hours=1)
    deleted, broken = ids[0], ids[1]

    def fetch(plan):
        if plan.url == urls[0]:  # its owner deletes it while it downloads
            with session_scope(fresh_engine) as session:
                session.delete(session.get(Calendar, deleted))
        if plan.url == urls[1]:
            raise RuntimeError("a bug in the download path")
        return download(plan)

    with session_scope(fresh_engine) as session:
        before = {i: session.get(Calendar, i).last_synced_at for i in ids}
    assert run_due(units=units_of(fresh_engine), now=later, fetch=fetch) == 4
    with session_scope(fresh_engine) as session:
        assert session.get(Calendar, deleted) is None
        bad = session.get(Calendar, broken)
        assert bad.last_error == "internal error during sync; it has been logged"
        assert bad.lease_until is None and bad.failure_count == 1
        for calendar_id in ids[2:]:
            row = session.get(Calendar, calendar_id)
            assert row.last_synced_at == later > before[calendar_id]
            assert row.lease_until is None and row.last_error is None
            assert row.next_sync_at > later
        assert len(session.exec(select(Meeting)).all()) == 3  # the deleted one's went with it
    assert [h.status for h in feed_server.hits].count(200) == 4 + 3


def test_a_calendar_whose_secret_no_longer_decrypts_does_not_stop_the_batch(
    fresh_engine, allow_private, feed_server
):
    """Its plan fails (a key rotated without re-encrypting, a damaged row): it gets the
    internal error and its claim ends; the rest of the batch syncs; "sync now" says so too."""
    urls = [
        feed_server.serve(f"/{n}.ics", calendar(vevent(f"e{n}", soon(1), summary=f"E{n}")))
        for n in range(3)
    ]
    ids = seed(fresh_engine, urls)
    with session_scope(fresh_engine) as session:
        damaged = session.get(Calendar, ids[1])
        damaged.url_encrypted = "not a token"
        session.add(damaged)
    assert run_due(units=units_of(fresh_engine)) == 3
    with session_scope(fresh_engine) as session:
        bad = session.get(Calendar, ids[1])
        assert bad.last_error == "internal error during sync; it has been logged"
        assert bad.lease_until is None and bad.failure_count == 1
        for calendar_id in (ids[0], ids[2]):
            row = session.get(Calendar, calendar_id)
            assert row.last_error is None and row.last_synced_at is not None
    result = sync_one(ids[1], units=units_of(fresh_engine))
    assert result.error == "internal error during sync; it has been logged"
