"""The device API: registering subscriptions, listing, deleting, "send a test"."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from sqlmodel import select

from core.models import Device, Notification, utcnow
from core.notifications.receipts import device_health


def test_push_key_is_public_and_a_p256_point(client):
    response = client.get("/api/push/key")
    assert response.status_code == 200
    key = response.json()["public_key"]
    raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
    assert len(raw) == 65 and raw[0] == 4
    assert "=" not in key and "+" not in key and "/" not in key
    assert client.get("/api/push/key").json()["public_key"] == key  # created once


def test_register_list_and_delete_a_device(client, member, push_service):
    subscriber = push_service.subscribe()
    body = {**subscriber.to_json(), "name": "Pixel 8"}
    response = client.post("/api/devices", json=body, headers=member.headers)
    assert response.status_code == 201, response.text
    device = response.json()
    assert set(device) == {"id", "name", "created_at"}
    assert device["name"] == "Pixel 8"

    listed = client.get("/api/devices", headers=member.headers)
    assert listed.status_code == 200
    [item] = listed.json()["items"]
    assert item["id"] == device["id"] and item["push_service"] == "127.0.0.1"
    assert subscriber.path not in listed.text  # the capability URL is never shown again
    assert subscriber.to_json()["keys"]["auth"] not in listed.text

    assert client.delete(f"/api/devices/{device['id']}", headers=member.headers).status_code == 204
    assert client.get("/api/devices", headers=member.headers).json()["items"] == []


def test_registering_the_same_subscription_again_updates_it(
    client, member, other_member, push_service
):
    subscriber = push_service.subscribe()
    first = client.post("/api/devices", json=subscriber.to_json(), headers=member.headers).json()
    again = client.post(
        "/api/devices", json={**subscriber.to_json(), "name": "Renamed"}, headers=member.headers
    ).json()
    assert again["id"] == first["id"] and again["name"] == "Renamed"
    # The browser is now signed in as someone else: the subscription moves with it.
    taken = client.post("/api/devices", json=subscriber.to_json(), headers=other_member.headers)
    assert taken.status_code == 201
    assert client.get("/api/devices", headers=member.headers).json()["items"] == []
    assert len(client.get("/api/devices", headers=other_member.headers).json()["items"]) == 1


def _subscription(push_service, **changes):
    body = push_service.subscribe().to_json()
    keys = {**body["keys"], **changes.pop("keys", {})}
    return {**body, "keys": keys, **changes}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"keys": {"p256dh": "not base64 at all!"}}, "p256dh"),
        ({"keys": {"p256dh": base64.urlsafe_b64encode(b"\x04" + b"\x01" * 64).decode()}}, "curve"),
        ({"keys": {"auth": "c2hvcnQ"}}, "16-byte"),
        ({"keys": {"extra": "x"}}, "extra"),
        ({"endpoint": "ftp://127.0.0.1/push/x"}, "https"),
        ({"endpoint": "webcal://push.example/x"}, "https"),
        ({"endpoint": "https://169.254.169.254/latest/meta-data"}, "link-local"),
        ({"endpoint": "https://0.0.0.0/push"}, "unspecified"),
        ({"endpoint": "not a url"}, "https"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_invalid_subscriptions_are_422(client, member, push_service, change, message):
    body = _subscription(push_service, **change)
    response = client.post("/api/devices", json=body, headers=member.headers)
    assert response.status_code == 422, response.text
    assert message in str(response.json()["detail"])


def test_missing_keys_are_422(client, member, push_service):
    body = push_service.subscribe().to_json()
    del body["keys"]
    assert client.post("/api/devices", json=body, headers=member.headers).status_code == 422


def test_private_endpoints_are_refused_unless_allowed(client, member):
    from tests.push.pushservice import PushService

    with PushService() as service:  # without the private_networks fixture
        body = service.subscribe().to_json()
        response = client.post("/api/devices", json=body, headers=member.headers)
        assert response.status_code == 422
        assert "https" in response.json()["detail"]
        https_loopback = {**body, "endpoint": body["endpoint"].replace("http://", "https://")}
        response = client.post("/api/devices", json=https_loopback, headers=member.headers)
        assert response.status_code == 422, response.text
        assert "loopback" in response.json()["detail"]
        decimal = {**body, "endpoint": "https://2130706433/push/x"}  # 127.0.0.1 spelled as a number
        assert client.post("/api/devices", json=decimal, headers=member.headers).status_code == 422


def test_devices_are_private(client, member, other_member, push_service):
    body = push_service.subscribe().to_json()
    device_id = client.post("/api/devices", json=body, headers=member.headers).json()["id"]
    assert (
        client.delete(f"/api/devices/{device_id}", headers=other_member.headers).status_code == 404
    )
    assert (
        client.post(f"/api/devices/{device_id}/test", headers=other_member.headers).status_code
        == 404
    )
    assert client.get("/api/devices", headers=other_member.headers).json()["items"] == []
    for method, path in [
        ("GET", "/api/devices"),
        ("POST", "/api/devices"),
        ("DELETE", f"/api/devices/{device_id}"),
        ("POST", f"/api/devices/{device_id}/test"),
    ]:
        assert client.request(method, path, json=body).status_code == 401


def test_send_a_test_push(client, session, member, push_service, deliver):
    subscriber = push_service.subscribe()
    device = client.post(
        "/api/devices", json={**subscriber.to_json(), "name": "Work phone"}, headers=member.headers
    ).json()
    response = client.post(f"/api/devices/{device['id']}/test", headers=member.headers)
    assert response.status_code == 202
    assert response.json()["kind"] == "test" and response.json()["state"] == "pending"
    assert deliver().sent == 1
    [payload] = push_service.delivered(subscriber)
    receipt = payload.pop("receipt")
    assert payload == {
        "event": "test",
        "v": 1,
        "device": {"id": device["id"], "name": "Work phone"},
        "url": "/settings",
    }
    [got] = push_service.received
    assert got.headers["urgency"] == "high" and "topic" not in got.headers
    assert push_service.errors == []
    [listed] = client.get("/api/devices", headers=member.headers).json()["items"]
    assert listed["health"] == "new" and listed["last_shown_at"] is None

    # the service worker reports it shown: no cookie, no token, just the receipt
    body = {"receipt": receipt, "event": "shown"}
    assert client.post("/api/push/receipts", json=body).status_code == 204
    assert client.post("/api/push/receipts", json={**body, "event": "opened"}).status_code == 204
    row = session.exec(select(Notification).where(Notification.kind == "test")).one()
    session.refresh(row)
    assert row.shown_at is not None and row.opened_at is not None
    [listed] = client.get("/api/devices", headers=member.headers).json()["items"]
    assert listed["health"] == "ok" and listed["last_shown_at"] is not None


def test_receipts_unknown_bad_and_rate_limited(client):
    unknown = {"receipt": "x" * 22, "event": "shown"}
    assert client.post("/api/push/receipts", json=unknown).status_code == 404
    assert client.post("/api/push/receipts", json={**unknown, "event": "read"}).status_code == 422
    assert client.post("/api/push/receipts", json={"receipt": "x"}).status_code == 422
    statuses = [client.post("/api/push/receipts", json=unknown).status_code for _ in range(130)]
    assert 429 in statuses and set(statuses) <= {404, 429}


def test_a_device_that_confirms_nothing_is_not_receiving(
    client, session, member, push_service, deliver, clock
):
    subscriber = push_service.subscribe()
    device = client.post("/api/devices", json=subscriber.to_json(), headers=member.headers).json()
    for _ in range(3):
        client.post(f"/api/devices/{device['id']}/test", headers=member.headers)
    assert deliver().sent == 3
    # fresh pushes may still be on their way: not judged yet
    [listed] = client.get("/api/devices", headers=member.headers).json()["items"]
    assert listed["health"] == "new"
    later = utcnow() + timedelta(minutes=5)
    stored = session.get(Device, device["id"])
    assert device_health(session, stored, now=later).health == "not_receiving"


def test_a_new_device_gets_the_upcoming_meetings(
    session, client, member, make_meeting, push_service
):
    meeting = make_meeting(member.id, in_minutes=120)
    past = make_meeting(member.id, in_minutes=-120)
    body = push_service.subscribe().to_json()
    device_id = client.post("/api/devices", json=body, headers=member.headers).json()["id"]
    planned = session.exec(select(Notification).where(Notification.device_id == device_id)).all()
    assert {(n.meeting_id, n.kind) for n in planned} == {
        (meeting.id, "brief"),
        (meeting.id, "debrief"),
    }
    assert past.id not in {n.meeting_id for n in planned}
    assert session.get(Device, device_id) is not None


def test_devices_per_person_are_capped(client, member, push_service):
    from core.notifications.devices import MAX_DEVICES

    for _ in range(MAX_DEVICES):
        body = push_service.subscribe().to_json()
        assert client.post("/api/devices", json=body, headers=member.headers).status_code == 201
    body = push_service.subscribe().to_json()
    response = client.post("/api/devices", json=body, headers=member.headers)
    assert response.status_code == 409 and "at most" in response.json()["detail"]


def test_test_pushes_are_rate_limited(client, member, push_service):
    body = push_service.subscribe().to_json()
    device_id = client.post("/api/devices", json=body, headers=member.headers).json()["id"]
    statuses = [
        client.post(f"/api/devices/{device_id}/test", headers=member.headers).status_code
        for _ in range(13)
    ]
    assert statuses[:12] == [202] * 12 and statuses[12] == 429
