"""Unchanged bytes cost a hash; the body streams to a file; a sync reports where its time goes."""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import UTC, datetime, timedelta

import pytest

from core.calendars import fetch, sync
from core.calendars.fetch import FetchFailed, fetch_feed
from core.crypto import mac_key
from core.models import User
from tests.calendars.conftest import calendar, soon, vevent
from tests.calendars.test_sync import connect, sync_now

ME = "me@northwind.example"


@pytest.fixture
def me(make_user, session):
    person = make_user("member", email=ME)
    return session.get(User, person.id)


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """Count the parses a sync runs (the production function, only counted)."""
    calls: list[int] = []
    real = sync.parse_feed

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(sync, "parse_feed", counted)
    return calls


def test_an_unchanged_body_without_validators_costs_a_hash(
    allow_private, feed_server, session, me, parses, caplog
):
    body = calendar(vevent("a", soon(1), summary="Alpha"), vevent("b", soon(2)))
    cal = connect(session, me, feed_server.serve("/c.ics", body))  # no ETag, no Last-Modified
    assert sync_now(session, cal).added == 2
    expected = hmac.new(mac_key(sync.BODY_PURPOSE), body, hashlib.sha256).hexdigest()
    assert cal.body_hash == expected != hashlib.sha256(body).hexdigest()  # keyed, not bare
    first_synced = cal.last_synced_at
    with caplog.at_level(logging.DEBUG, logger="tipoff.calendars"):
        later = datetime.now(UTC) + timedelta(minutes=1)
        assert sync_now(session, cal, now=later) == sync.SyncResult()
    assert len(parses) == 1 and [h.status for h in feed_server.hits] == [200, 200]
    assert cal.last_synced_at is not None and first_synced is not None
    assert cal.last_synced_at > first_synced
    assert any("sync unchanged: download=" in r.getMessage() for r in caplog.records)


def test_a_changed_body_a_new_window_or_a_failure_read_the_feed_again(
    allow_private, feed_server, session, me, parses
):
    body = calendar(vevent("a", soon(1), summary="Alpha"))
    url = feed_server.serve("/c.ics", body)
    cal = connect(session, me, url)
    now = datetime.now(UTC)
    sync_now(session, cal, now=now)
    feed_server.serve("/c.ics", calendar(vevent("a", soon(1), summary="Alpha v2")))
    assert sync_now(session, cal, now=now).updated == 1
    assert sync_now(session, cal, now=now + timedelta(days=1)).error is None
    assert len(parses) == 3  # a new day: same bytes, but the window moved
    feed_server.serve("/c.ics", b"", status=500)
    assert sync_now(session, cal, now=now).error and cal.body_hash is None
    feed_server.serve("/c.ics", calendar(vevent("a", soon(1), summary="Alpha v2")))
    assert sync_now(session, cal, now=now).error is None
    assert len(parses) == 4 and cal.body_hash is not None


def test_the_body_streams_to_a_file_and_the_cap_counts_while_streaming(
    allow_private, feed_server, setting
):
    big = calendar(*(vevent(f"e{n}", soon(1), summary="x" * 500) for n in range(2000)))
    assert len(big) > fetch.SPOOL_BYTES
    key = b"k" * 32
    with fetch_feed(feed_server.serve("/big.ics", big), digest_key=key) as fetched:
        assert fetched.file is not None and fetched.file._rolled  # type: ignore[attr-defined]
        assert fetched.size == len(big) and fetched.body == big
        assert fetched.digest == hmac.new(key, big, hashlib.sha256).hexdigest()
    setting(fetch_max_bytes=len(big) - 1)
    url = feed_server.serve("/nolength.ics", big, send_length=False)
    with pytest.raises(FetchFailed, match="larger than"):
        fetch_feed(url)


def test_sync_stages_are_in_the_metrics(allow_private, feed_server, session, me, client, make_user):
    cal = connect(session, me, feed_server.serve("/c.ics", calendar(vevent("a", soon(1)))))
    sync_now(session, cal)
    text = client.get("/metrics", headers=make_user("admin").headers).text
    for stage in ("download", "scan", "parse", "expand", "upsert"):
        assert f'tipoff_calendar_sync_stage_seconds_count{{stage="{stage}"}}' in text


def test_a_sync_reads_the_streamed_file_through_pre_selection(
    allow_private, feed_server, session, me
):
    long_ago = datetime(2016, 1, 4, 9, tzinfo=UTC)
    body = calendar(vevent("old", long_ago, summary="Old"), vevent("a", soon(1), summary="Near"))
    cal = connect(session, me, feed_server.serve("/c.ics", body))
    plan = sync.plan_sync(session, cal, now=datetime.now(UTC))
    got = sync.download(plan)
    assert got.parsed is not None and got.parsed.dropped == 1
    assert [o.title for o in got.parsed.occurrences] == ["Near"]
    assert set(got.timings) == {"download", "scan", "parse", "expand"}
