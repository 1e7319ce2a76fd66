"""CalDAV against a real Radicale server on loopback, connected through the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from core.calendars.sync import SECRET_PURPOSE
from core.crypto import decrypt
from core.models import Calendar
from tests.calendars.conftest import calendar, soon, vevent


@dataclass
class Account:
    username: str
    password: str
    principal: Any
    url: str

    def payload(self, **changes: str) -> dict[str, str]:
        data = {"kind": "caldav", "url": self.url, "username": self.username,
                "password": self.password}  # fmt: skip
        data.update(changes)
        return data


@pytest.fixture
def account(radicale) -> Account:
    username, password = radicale.account()
    principal = radicale.client(username, password).principal()
    return Account(username, password, principal, radicale.url)


def add(collection: Any, *events: str) -> None:
    for event in events:
        collection.save_event(calendar(event).decode())


def titles(client, person) -> list[str]:
    return [m["title"] for m in client.get("/api/meetings", headers=person.headers).json()["items"]]


def test_connect_a_caldav_account(client, member, account, allow_private, session, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    work = account.principal.make_calendar(name="Work")
    personal = account.principal.make_calendar(name="Personal")
    account.principal.make_calendar(name="Tasks", supported_calendar_component_set=["VTODO"])
    add(work, vevent("demo", soon(1), summary="Acme demo"),
        vevent("daily", soon(2), summary="Daily", RRULE="FREQ=DAILY;COUNT=2"))  # fmt: skip
    add(personal, vevent("gym", soon(1, hour=18), summary="Gym"))
    response = client.post("/api/calendars", json=account.payload(), headers=member.headers)
    assert response.status_code == 201, response.text
    found = response.json()["calendars"]
    assert sorted(c["name"] for c in found) == ["Personal", "Work"]  # the task list is skipped
    assert all(c["kind"] == "caldav" and c["display_url"] == "http://127.0.0.1" for c in found)
    assert all(c["last_error"] is None and c["last_synced_at"] for c in found)
    assert account.password not in response.text and account.password not in caplog.text
    assert titles(client, member) == ["Acme demo", "Gym", "Daily", "Daily"]
    row = session.get(Calendar, found[0]["id"])
    assert decrypt(row.password_encrypted, SECRET_PURPOSE) == account.password
    assert account.password not in row.password_encrypted
    assert decrypt(row.username_encrypted, SECRET_PURPOSE) == account.username


def test_server_side_changes_reach_the_meetings(
    client, member, account, allow_private, monkeypatch
):
    import caldav

    work = account.principal.make_calendar(name="Work")
    add(work, vevent("a", soon(1), summary="Alpha"), vevent("b", soon(2), summary="Beta"))
    (cal,) = client.post("/api/calendars", json=account.payload(), headers=member.headers).json()[
        "calendars"
    ]
    searches = []
    original = caldav.Calendar.search

    def counted(self, *args, **kwargs):
        if kwargs.get("start") is not None:  # a sync's time-range download, not a UID lookup
            searches.append(kwargs["start"])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(caldav.Calendar, "search", counted)
    sync = f"/api/calendars/{cal['id']}/sync"
    unchanged = client.post(sync, headers=member.headers).json()
    assert unchanged == {"added": 0, "updated": 0, "removed": 0, "last_error": None}
    assert searches == []  # the sync token was unchanged: no events were downloaded

    event = work.event_by_uid("a")
    event.data = calendar(vevent("a", soon(1) + timedelta(hours=2), summary="Alpha")).decode()
    event.save()
    work.event_by_uid("b").delete()
    add(work, vevent("c", soon(3), summary="Gamma"))
    changed = client.post(sync, headers=member.headers).json()
    assert changed == {"added": 1, "updated": 1, "removed": 1, "last_error": None}
    assert len(searches) == 1
    items = client.get("/api/meetings", headers=member.headers).json()["items"]
    assert [(m["title"], m["start"]) for m in items] == [
        ("Alpha", (soon(1) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("Gamma", soon(3).strftime("%Y-%m-%dT%H:%M:%SZ")),
    ]


def test_a_wrong_password_is_400(client, member, account, allow_private):
    account.principal.make_calendar(name="Work")
    response = client.post(
        "/api/calendars", json=account.payload(password="not-it"), headers=member.headers
    )
    assert response.status_code == 400
    assert "rejected the username or password" in response.json()["detail"]
    assert client.get("/api/calendars", headers=member.headers).json() == {"items": []}


def test_an_account_with_only_task_lists_is_422(client, member, account, allow_private):
    account.principal.make_calendar(name="Todo", supported_calendar_component_set=["VTODO"])
    response = client.post("/api/calendars", json=account.payload(), headers=member.headers)
    assert response.status_code == 422 and "no calendars with events" in response.json()["detail"]


def test_a_plain_web_server_is_not_caldav(client, member, allow_private, feed_server):
    feed_server.serve("/", b"<html>hello</html>", content_type="text/html")
    payload = {"kind": "caldav", "url": feed_server.url("/"), "username": "u", "password": "p"}
    response = client.post("/api/calendars", json=payload, headers=member.headers)
    assert response.status_code == 400, response.text
    assert "127.0.0.1" in response.json()["detail"]


def test_connecting_the_same_account_twice_is_409(client, member, account, allow_private):
    account.principal.make_calendar(name="Work")
    assert (
        client.post("/api/calendars", json=account.payload(), headers=member.headers).status_code
        == 201
    )
    again = client.post("/api/calendars", json=account.payload(), headers=member.headers)
    assert again.status_code == 409


def test_a_private_caldav_server_is_refused_when_private_networks_are_off(
    client, member, account, connections
):
    response = client.post("/api/calendars", json=account.payload(), headers=member.headers)
    assert response.status_code == 422 and "loopback" in response.json()["detail"]
    assert connections == []  # Radicale was never contacted


def test_the_guard_also_holds_at_connection_time(account, allow_private, monkeypatch, connections):
    """Even past the up-front check, caldav's own connections go through the guard."""
    from core.calendars import caldav_source
    from core.errors import TipoffError
    from core.net import ssrf
    from core.settings import get_settings

    monkeypatch.setattr(ssrf, "check_url", lambda url, allow_private: ssrf.normalise_url(url))
    monkeypatch.setattr(get_settings(), "allow_private_networks", False)
    with pytest.raises(TipoffError) as refusal:
        caldav_source.discover(account.url, account.username, account.password)
    assert refusal.value.status_code == 422 and "loopback" in refusal.value.detail
    assert connections == []
