"""The calendars and meetings API: connect, list, sync, delete, read meetings; who may see what."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from core.calendars.sync import SECRET_PURPOSE
from core.crypto import decrypt
from core.models import Calendar, Meeting
from tests.calendars.conftest import calendar, soon, vevent

SECRET = "private-4f9c0e1d2b3a/basic.ics"


@pytest.fixture
def feed(allow_private, feed_server):
    body = calendar(
        vevent("a@g", soon(1), summary="Acme kickoff").replace(
            "END:VEVENT", "ATTENDEE;CN=Kim;PARTSTAT=ACCEPTED:mailto:kim@acme.example\r\nEND:VEVENT"
        ),
        vevent("b@g", soon(2, hour=14), summary="Pipeline review"),
        vevent("past@g", datetime.now(UTC) - timedelta(days=3), summary="Long ago"),
        name="Work",
    )  # fmt: skip
    return feed_server.serve(f"/calendar/ical/{SECRET}", body, etag='"e1"')


def connect(client, person, url):
    return client.post("/api/calendars", json={"url": url}, headers=person.headers)


def test_connect_an_ics_link(client, member, feed, session, caplog):
    caplog.set_level(logging.DEBUG)
    response = connect(client, member, feed)
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"id", "kind", "name", "display_url", "last_synced_at", "last_error"}
    assert body["kind"] == "ics" and body["name"] == "Work"
    assert (
        body["display_url"].startswith("http://127.0.0.1") and "private" not in body["display_url"]
    )
    assert body["last_error"] is None and body["last_synced_at"] is not None
    row = session.get(Calendar, body["id"])
    assert SECRET not in row.url_encrypted and decrypt(row.url_encrypted, SECRET_PURPOSE) == feed
    assert SECRET not in caplog.text
    listed = client.get("/api/calendars", headers=member.headers).json()
    assert listed == {"items": [body]}
    assert SECRET not in str(listed)


def test_meetings_are_upcoming_sorted_and_shaped(client, member, feed):
    connect(client, member, feed)
    response = client.get("/api/meetings", headers=member.headers)
    assert response.status_code == 200
    items = response.json()["items"]
    assert [m["title"] for m in items] == ["Acme kickoff", "Pipeline review"]
    first = items[0]
    assert set(first) == {
        "id", "title", "start", "end", "location", "description", "calendar_id", "attendees",
        "external_domains",
    }  # fmt: skip
    assert first["start"].endswith("Z") and first["start"] == soon(1).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert first["attendees"] == [
        {"email": "kim@acme.example", "name": "Kim", "kind": "person", "partstat": "ACCEPTED"}
    ]
    assert first["external_domains"] == ["acme.example"]
    one = client.get(f"/api/meetings/{first['id']}", headers=member.headers)
    assert one.status_code == 200 and one.json() == first


def test_other_people_see_nothing(client, member, other_member, feed):
    cal = connect(client, member, feed).json()
    meeting = client.get("/api/meetings", headers=member.headers).json()["items"][0]
    them = other_member.headers
    assert client.get("/api/meetings", headers=them).json() == {"items": []}
    assert client.get("/api/calendars", headers=them).json() == {"items": []}
    assert client.get(f"/api/meetings/{meeting['id']}", headers=them).status_code == 404
    assert client.post(f"/api/calendars/{cal['id']}/sync", headers=them).status_code == 404
    assert client.delete(f"/api/calendars/{cal['id']}", headers=them).status_code == 404
    assert client.get(f"/api/meetings/{meeting['id']}", headers=member.headers).status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/calendars"), ("post", "/api/calendars"), ("delete", "/api/calendars/1"),
     ("post", "/api/calendars/1/sync"), ("get", "/api/meetings"), ("get", "/api/meetings/1")],
)  # fmt: skip
def test_anonymous_is_401(client, method, path):
    kwargs = {"json": {"url": "https://example.com/a.ics"}} if method == "post" else {}
    assert getattr(client, method)(path, **kwargs).status_code == 401


def test_sync_now_and_its_answer(client, member, feed, feed_server):
    cal = connect(client, member, feed).json()
    response = client.post(f"/api/calendars/{cal['id']}/sync", headers=member.headers)
    assert response.status_code == 200
    assert response.json() == {"added": 0, "updated": 0, "removed": 0, "last_error": None}
    assert feed_server.hits[-1].status == 304
    feed_server.routes[f"/calendar/ical/{SECRET}"].status = 404
    feed_server.routes[f"/calendar/ical/{SECRET}"].etag = None
    failed = client.post(f"/api/calendars/{cal['id']}/sync", headers=member.headers).json()
    assert failed["added"] == failed["removed"] == 0
    assert (
        "nothing is published at that link" in failed["last_error"]
        and SECRET not in failed["last_error"]
    )
    assert len(client.get("/api/meetings", headers=member.headers).json()["items"]) == 2
    listed = client.get("/api/calendars", headers=member.headers).json()["items"][0]
    assert listed["last_error"] == failed["last_error"]


def test_sync_now_while_a_worker_holds_the_lease_is_409(client, member, feed, session):
    cal = connect(client, member, feed).json()
    row = session.get(Calendar, cal["id"])
    row.lease_until = datetime.now(UTC) + timedelta(minutes=5)
    session.add(row)
    session.flush()
    response = client.post(f"/api/calendars/{cal['id']}/sync", headers=member.headers)
    assert response.status_code == 409 and "being synced" in response.json()["detail"]


def test_delete_removes_the_calendar_and_its_meetings(client, member, feed, session, monkeypatch):
    from core.notifications import outbox

    withdrawn = []
    monkeypatch.setattr(
        outbox, "meetings_changed", lambda db, **k: withdrawn.extend(m.title for m in k["removed"])
    )
    cal = connect(client, member, feed).json()
    assert client.delete(f"/api/calendars/{cal['id']}", headers=member.headers).status_code == 204
    assert client.get("/api/calendars", headers=member.headers).json() == {"items": []}
    assert client.get("/api/meetings", headers=member.headers).json() == {"items": []}
    assert session.exec(select(Meeting).where(Meeting.calendar_id == cal["id"])).first() is None
    assert sorted(withdrawn) == ["Acme kickoff", "Pipeline review"]  # "Long ago" was never kept
    assert client.delete(f"/api/calendars/{cal['id']}", headers=member.headers).status_code == 404


def test_the_same_link_twice_is_409(client, member, other_member, feed):
    assert connect(client, member, feed).status_code == 201
    again = connect(client, member, feed.replace("http://", "HTTP://") + "#same-link")
    assert again.status_code == 409, again.text
    assert connect(client, other_member, feed).status_code == 201  # someone else may


def test_a_web_page_is_refused_with_a_reason(client, member, allow_private, feed_server):
    url = feed_server.serve(
        "/share", b"<!DOCTYPE html><html><body>Calendar</body></html>", content_type="text/html"
    )
    response = connect(client, member, url)
    assert response.status_code == 422
    assert "not an iCalendar" in response.json()["detail"]
    assert client.get("/api/calendars", headers=member.headers).json() == {"items": []}


@pytest.mark.parametrize(
    ("status", "words"), [(404, "nothing is published"), (401, "needs a password"), (500, "500")]
)
def test_an_unusable_link_is_400(client, member, allow_private, feed_server, status, words):
    url = feed_server.serve(f"/{SECRET}", b"no", status=status)
    response = connect(client, member, url)
    assert response.status_code == 400
    assert words in response.json()["detail"] and SECRET not in response.json()["detail"]


def test_an_unreachable_host_is_400(client, member):
    response = connect(client, member, "https://no-such-host.invalid/cal.ics")
    assert response.status_code == 400 and "could not be found" in response.json()["detail"]


def test_a_feed_with_nothing_readable_is_422(client, member, allow_private, feed_server):
    url = feed_server.serve("/cut.ics", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x")
    response = connect(client, member, url)
    assert response.status_code == 422 and "no events could be read" in response.json()["detail"]


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"url": ""},
        {"url": "https://example.com/a.ics", "colour": "red"},
        {"kind": "exchange", "url": "https://example.com/"},
        {"kind": "caldav", "url": "https://dav.example.com/"},
        {"kind": "caldav", "url": "https://dav.example.com/", "username": "u"},
        {"url": "https://example.com/a.ics", "password": "x"},
        {"url": "https://example.com/" + "a" * 3000},
    ],
)
def test_bad_requests_are_422(client, member, payload, connections):
    response = client.post("/api/calendars", json=payload, headers=member.headers)
    assert response.status_code == 422, response.text
    assert connections == []


def test_a_failing_first_sync_never_logs_the_link(
    client, member, allow_private, feed_server, caplog
):
    caplog.set_level(logging.DEBUG)
    url = feed_server.serve(f"/{SECRET}", b"gone", status=410)
    connect(client, member, url)
    assert SECRET not in caplog.text
