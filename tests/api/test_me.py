"""The profile: GET and PATCH /api/me."""

from __future__ import annotations

import pytest


def test_defaults(client, member):
    me = client.get("/api/me", headers=member.headers).json()
    assert me["lead_minutes"] == 30 and me["timezone"] == "UTC" and me["emails"] == []
    assert me["role"] == "member"
    assert "password_hash" not in me


def test_update_profile(client, member):
    response = client.patch(
        "/api/me",
        headers=member.headers,
        json={
            "name": "Sam Rivera",
            "timezone": "Europe/Berlin",
            "lead_minutes": 45,
            "emails": ["Sam@Personal.example", member.email],
        },
    )
    assert response.status_code == 200, response.text
    me = response.json()
    assert (me["name"], me["timezone"], me["lead_minutes"]) == ("Sam Rivera", "Europe/Berlin", 45)
    assert me["emails"] == ["sam@personal.example"]
    assert client.get("/api/me", headers=member.headers).json()["lead_minutes"] == 45


@pytest.mark.parametrize(
    "change",
    [
        {"timezone": "Mars/Olympus"},
        {"lead_minutes": 4},
        {"lead_minutes": 241},
        {"emails": ["not-an-address"]},
        {"name": ""},
        {"role": "admin"},
    ],
)
def test_bad_updates_are_422_and_change_nothing(client, member, change):
    response = client.patch("/api/me", headers=member.headers, json=change)
    assert response.status_code == 422, response.text
    me = client.get("/api/me", headers=member.headers).json()
    assert me["role"] == "member" and me["lead_minutes"] == 30 and me["timezone"] == "UTC"
