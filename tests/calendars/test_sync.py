"""Sync semantics against a real feed server: upserts by identity, nothing lost, backoff."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from core.calendars import claims, sync
from core.calendars.service import display_url
from core.crypto import decrypt, encrypt
from core.db import units_within
from core.models import Calendar, Meeting, User
from tests.calendars.conftest import calendar, ics_time, soon, vevent

ME = "me@northwind.example"


@pytest.fixture
def me(make_user, session):
    person = make_user("member", email=ME)
    return session.get(User, person.id)


@pytest.fixture
def outbox_calls(monkeypatch, session):
    """Record the pushes seam, including what is in the database at the moment of the call."""
    from core.notifications import outbox

    calls = []

    def record(db, *, added=(), moved=(), removed=()):
        calls.append(
            {
                "added": [(m.id, m.title) for m in added],
                "moved": [(m.id, m.title) for m in moved],
                "removed": [(m.id, m.title) for m in removed],
                "removed_still_stored": all(db.get(Meeting, m.id) is not None for m in removed),
            }
        )

    monkeypatch.setattr(outbox, "meetings_changed", record)
    return calls


def connect(session, user, url) -> Calendar:
    row = Calendar(
        user_id=user.id,
        name="Work",
        display_url=display_url(url),
        url_encrypted=encrypt(url, sync.SECRET_PURPOSE),
        source_key=secrets.token_hex(16),
    )
    session.add(row)
    session.flush()
    return row


def sync_now(session, cal, now=None, **kwargs):
    """The one claim-and-sync path, inside the test's transaction."""
    return claims.sync_one(cal.id, units=units_within(session), now=now, **kwargs)


def stored(session, calendar_row) -> list[Meeting]:
    return list(
        session.exec(
            select(Meeting).where(Meeting.calendar_id == calendar_row.id).order_by(Meeting.start)
        )
    )


def titles(session, calendar_row) -> list[str]:
    return [m.title for m in stored(session, calendar_row)]


def test_first_sync_adds_and_an_unchanged_feed_costs_one_304(
    allow_private, feed_server, session, me
):
    body = calendar(
        vevent("a", soon(1), summary="Alpha"),
        vevent("b", soon(2), summary="Beta"),
        vevent("s", soon(3), summary="Series", RRULE="FREQ=DAILY;COUNT=3"),
        name="Team",
    )
    cal = connect(session, me, feed_server.serve("/c.ics", body, etag='"1"'))
    assert sync_now(session, cal) == sync.SyncResult(added=5)
    assert titles(session, cal) == ["Alpha", "Beta", "Series", "Series", "Series"]
    assert cal.etag == '"1"' and cal.last_error is None and cal.last_synced_at is not None
    assert sync_now(session, cal) == sync.SyncResult()
    assert [h.status for h in feed_server.hits] == [200, 304]
    assert len(stored(session, cal)) == 5


def test_moved_occurrences_and_events_update_in_place(
    allow_private, feed_server, session, me, outbox_calls
):
    start = soon(2)
    series = vevent("weekly", start, summary="Daily", RRULE="FREQ=DAILY;COUNT=3")
    single = vevent("single", soon(6), summary="One-off")
    url = feed_server.serve("/c.ics", calendar(series, single))
    cal = connect(session, me, url)
    sync_now(session, cal)
    before = {(m.title, m.original_start): m.id for m in stored(session, cal)}
    second = start + timedelta(days=1)
    override = vevent(
        "weekly", second + timedelta(hours=3), summary="Daily (later)",
        RECURRENCE_ID=ics_time(second),
    )  # fmt: skip
    moved_single = vevent("single", soon(7), summary="One-off")
    feed_server.serve("/c.ics", calendar(series, override, moved_single))
    assert sync_now(session, cal) == sync.SyncResult(updated=2)
    rows = stored(session, cal)
    moved = next(m for m in rows if m.title == "Daily (later)")
    assert moved.id == before[("Daily", second)]
    assert moved.start == second + timedelta(hours=3) and moved.original_start == second
    one_off = next(m for m in rows if m.title == "One-off")
    assert one_off.id == before[("One-off", soon(6))] and one_off.start == soon(7)
    assert len(rows) == 4
    assert sorted(outbox_calls[-1]["moved"]) == sorted(
        [(moved.id, "Daily (later)"), (one_off.id, "One-off")]
    )
    assert outbox_calls[-1]["added"] == [] and outbox_calls[-1]["removed"] == []


def test_a_title_change_is_an_update_but_not_a_move(
    allow_private, feed_server, session, me, outbox_calls
):
    url = feed_server.serve("/c.ics", calendar(vevent("a", soon(1), summary="Old")))
    cal = connect(session, me, url)
    sync_now(session, cal)
    feed_server.serve("/c.ics", calendar(vevent("a", soon(1), summary="New")))
    assert sync_now(session, cal) == sync.SyncResult(updated=1)
    assert outbox_calls[-1]["moved"] == []


def test_cancelled_declined_and_vanished_are_removed(
    allow_private, feed_server, session, me, outbox_calls
):
    events = {
        name: vevent(name, soon(day), summary=name.title())
        for day, name in enumerate(["cancel", "decline", "vanish", "keep"], start=1)
    }
    url = feed_server.serve("/c.ics", calendar(*events.values()))
    cal = connect(session, me, url)
    assert sync_now(session, cal).added == 4
    ids = {m.title: m.id for m in stored(session, cal)}
    feed_server.serve(
        "/c.ics",
        calendar(
            vevent("cancel", soon(1), summary="Cancel", STATUS="CANCELLED"),
            vevent("decline", soon(2), summary="Decline", ATTENDEE=f"PARTSTAT=DECLINED:mailto:{ME}")
            .replace("ATTENDEE:PARTSTAT", "ATTENDEE;PARTSTAT"),
            events["keep"],
            vevent("new", soon(5), summary="New"),
        ),
    )  # fmt: skip
    assert sync_now(session, cal) == sync.SyncResult(added=1, removed=3)
    assert titles(session, cal) == ["Keep", "New"]
    call = outbox_calls[-1]
    assert sorted(call["removed"]) == sorted(
        [(ids["Cancel"], "Cancel"), (ids["Decline"], "Decline"), (ids["Vanish"], "Vanish")]
    )
    assert call["removed_still_stored"] is True  # the seam runs before the delete
    assert [title for _, title in call["added"]] == ["New"] and call["added"][0][0] is not None


def test_nothing_is_lost_on_a_failed_fetch_and_it_backs_off(
    allow_private, feed_server, session, me, setting
):
    setting(sync_interval_minutes=15, sync_max_backoff_minutes=120)
    url = feed_server.serve(
        "/c.ics", calendar(vevent("a", soon(1)), vevent("b", soon(2))), etag='"1"'
    )
    cal = connect(session, me, url)
    sync_now(session, cal)
    feed_server.serve("/c.ics", b"server exploded", status=500)
    now = datetime.now(UTC)
    delays = []
    for _ in range(4):
        result = sync_now(session, cal, now=now)
        assert result.error is not None and "answered 500" in result.error
        delays.append((cal.next_sync_at - now) / timedelta(minutes=1))
    assert delays == [30, 60, 120, 120]  # doubling, capped
    assert cal.failure_count == 4 and "answered 500" in (cal.last_error or "")
    assert cal.etag is None  # the next good fetch is a full one
    assert len(stored(session, cal)) == 2
    feed_server.serve("/c.ics", calendar(vevent("a", soon(1))), etag='"2"')
    assert sync_now(session, cal) == sync.SyncResult(removed=1)
    assert cal.failure_count == 0 and cal.last_error is None
    assert feed_server.hits[-1].headers.get("if-none-match") is None


def test_a_truncated_download_adds_and_updates_but_removes_nothing(
    allow_private, feed_server, session, me
):
    full = calendar(
        vevent("a", soon(1), summary="A"), vevent("b", soon(2), summary="B"),
        vevent("c", soon(3), summary="C"),
    )  # fmt: skip
    url = feed_server.serve("/c.ics", full, etag='"1"')
    cal = connect(session, me, url)
    sync_now(session, cal)
    cut = calendar(vevent("a", soon(1), summary="A moved"), vevent("b", soon(2), summary="B"))
    cut = cut[: cut.index(b"BEGIN:VEVENT\r\nUID:b") + 40]  # breaks off inside B
    feed_server.serve("/c.ics", cut, etag='"2"')
    result = sync_now(session, cal)
    assert result.updated == 1 and result.removed == 0 and result.added == 0
    assert titles(session, cal) == ["A moved", "B", "C"]
    assert "middle of an event" in (cal.last_error or "")
    assert cal.etag is None and cal.sync_fingerprint is None  # never trust a partial read


def test_a_broken_series_keeps_its_stored_meetings(allow_private, feed_server, session, me):
    series = vevent("s", soon(1), summary="Series", RRULE="FREQ=DAILY;COUNT=3")
    url = feed_server.serve("/c.ics", calendar(series, vevent("x", soon(5), summary="X")))
    cal = connect(session, me, url)
    sync_now(session, cal)
    broken = series.replace("FREQ=DAILY", "FREQ=FORTNIGHTLY")
    feed_server.serve("/c.ics", calendar(broken, vevent("y", soon(6), summary="Y")))
    result = sync_now(session, cal)
    assert (result.added, result.removed) == (1, 1)  # Y in, X out; the series untouched
    assert titles(session, cal) == ["Series", "Series", "Series", "Y"]
    assert "'Series' could not be read" in (cal.last_error or "")


@pytest.mark.parametrize(
    "body", [b"<html><body>Please sign in</body></html>", b"", b"BEGIN:VCALENDAR\r\nBEGIN:VEV"]
)
def test_an_unreadable_download_keeps_everything(allow_private, feed_server, session, me, body):
    url = feed_server.serve("/c.ics", calendar(vevent("a", soon(1))))
    cal = connect(session, me, url)
    sync_now(session, cal)
    feed_server.serve("/c.ics", body)
    result = sync_now(session, cal)
    assert result.error and result.added == result.removed == 0
    assert len(stored(session, cal)) == 1 and cal.failure_count == 1


def test_a_new_address_of_the_user_forces_a_full_read(allow_private, feed_server, session, me):
    alias = "me.alias@northwind.example"
    body = calendar(
        vevent("a", soon(1), summary="Declined by my alias")
        .replace("END:VEVENT", f"ATTENDEE;PARTSTAT=DECLINED:mailto:{alias}\r\nEND:VEVENT")
    )  # fmt: skip
    cal = connect(session, me, feed_server.serve("/c.ics", body, etag='"1"'))
    assert sync_now(session, cal).added == 1
    me.emails = [alias]
    session.add(me)
    session.flush()
    assert sync_now(session, cal) == sync.SyncResult(removed=1)
    assert [h.status for h in feed_server.hits] == [200, 200]  # no 304: the old read is stale


def test_tomorrows_window_reads_the_feed_again(allow_private, feed_server, session, me):
    now = datetime.now(UTC)
    far = soon(15, hour=12)  # beyond today's window end, inside tomorrow's
    body = calendar(vevent("near", soon(1)), vevent("far", far, summary="Far"))
    cal = connect(session, me, feed_server.serve("/c.ics", body, etag='"1"'))
    assert sync_now(session, cal, now=now).added == 1
    assert sync_now(session, cal, now=now + timedelta(days=1)).added == 1
    assert [h.status for h in feed_server.hits] == [200, 200]
    assert "Far" in titles(session, cal)


def test_past_meetings_stay_when_they_leave_the_feed(allow_private, feed_server, session, me):
    old = datetime.now(UTC) - timedelta(days=10)
    body = calendar(vevent("old", old, summary="Old"), vevent("new", soon(1), summary="New"))
    cal = connect(session, me, feed_server.serve("/c.ics", body))
    sync_now(session, cal, now=old - timedelta(hours=1))
    feed_server.serve("/c.ics", calendar(vevent("new", soon(1), summary="New")))
    assert sync_now(session, cal).removed == 0
    assert "Old" in titles(session, cal)


def test_a_single_event_that_becomes_a_series_keeps_its_row(
    allow_private, feed_server, session, me
):
    start = soon(2)
    cal = connect(session, me, feed_server.serve("/c.ics", calendar(vevent("x", start))))
    sync_now(session, cal)
    (first,) = stored(session, cal)
    feed_server.serve("/c.ics", calendar(vevent("x", start, RRULE="FREQ=DAILY;COUNT=2")))
    assert sync_now(session, cal) == sync.SyncResult(added=1, updated=1)
    rows = stored(session, cal)
    assert rows[0].id == first.id and rows[0].recurring and len(rows) == 2


def test_a_sync_can_take_bytes_already_in_hand(session, me):
    row = connect(session, me, "https://calendar.example.com/private/abc/basic.ics")
    body = calendar(vevent("a", soon(1), summary="From bytes"), name="Given name")
    result = sync_now(session, row, fetch=lambda plan: sync.parsed_download(plan, body))
    assert result == sync.SyncResult(added=1)
    assert titles(session, row) == ["From bytes"]
    assert row.etag is None  # nothing was downloaded, so the next sync is a full one


def test_meetings_carry_the_contract_fields(allow_private, feed_server, session, me):
    event = (
        vevent("m", soon(1), summary="Acme QBR", LOCATION="Room 4", DESCRIPTION="Bring numbers")
        .replace(
            "END:VEVENT",
            "ORGANIZER;CN=Kim:mailto:Kim@Acme.example\r\n"
            "ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:MAILTO:ME@northwind.example\r\nEND:VEVENT",
        )
    )  # fmt: skip
    cal = connect(session, me, feed_server.serve("/c.ics", calendar(event)))
    sync_now(session, cal)
    (meeting,) = stored(session, cal)
    assert (meeting.title, meeting.location, meeting.description) == (
        "Acme QBR", "Room 4", "Bring numbers",
    )  # fmt: skip
    assert meeting.start.tzinfo is not None and meeting.end - meeting.start == timedelta(hours=1)
    assert meeting.attendees == [
        {"email": ME, "name": "Me", "kind": "person", "partstat": "ACCEPTED"},
        {"email": "kim@acme.example", "name": "Kim", "kind": "person", "partstat": "ACCEPTED"},
    ]
    assert meeting.external_domains == ["acme.example"]
    assert decrypt(cal.url_encrypted, sync.SECRET_PURPOSE).endswith("/c.ics")
