"""Fresh tips: owners, review dates, "may be outdated", retiring from briefs, reminders.

The tests move the clock (time-machine), never the code's idea of it.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from tests.insights.conftest import ACME_TIP, post_tip


def brief_tips(client, person, meeting_id):
    response = client.get(f"/api/meetings/{meeting_id}/brief", headers=person.headers)
    assert response.status_code == 200, response.text
    return response.json()["tips"]


def test_a_new_tip_is_owned_by_its_author_and_due_in_180_days(client, member):
    tip = post_tip(client, member)
    assert tip["owner"] == {"id": member.id, "name": member.name}
    assert tip["review_days"] == 180
    assert tip["verified_at"] is None and tip["stale"] is False
    created = tip["created_at"]
    from datetime import datetime

    due = datetime.fromisoformat(tip["review_due_at"]) - datetime.fromisoformat(created)
    assert due == timedelta(days=180)


@pytest.mark.parametrize("days, status", [(29, 422), (731, 422), (30, 201), (730, 201)])
def test_review_interval_is_30_to_730_days(client, member, days, status):
    response = client.post(
        "/api/tips", headers=member.headers, json={"body": "x", "review_days": days}
    )
    assert response.status_code == status, response.text


def test_past_due_the_brief_says_may_be_outdated_and_at_twice_it_leaves(
    client, session, member, make_meeting, travel
):
    tip = post_tip(client, member, **ACME_TIP, review_days=30)
    meeting = make_meeting(member.id, in_minutes=60 * 24 * 200)
    session.commit()
    assert [(t["id"], t["stale"]) for t in brief_tips(client, member, meeting.id)] == [
        (tip["id"], False)
    ]

    travel(days=31)
    assert [(t["id"], t["stale"]) for t in brief_tips(client, member, meeting.id)] == [
        (tip["id"], True)
    ]
    stale = client.get("/api/tips?stale=true", headers=member.headers).json()["items"]
    assert [t["id"] for t in stale] == [tip["id"]]
    assert client.get("/api/tips?stale=false", headers=member.headers).json()["items"] == []

    travel(days=61)  # twice the interval, never verified
    assert brief_tips(client, member, meeting.id) == []
    # Still in the library (and on the review list), just not in briefs.
    assert client.get(f"/api/tips/{tip['id']}", headers=member.headers).status_code == 200

    verified = client.post(f"/api/tips/{tip['id']}/verify", headers=member.headers)
    assert verified.status_code == 200, verified.text
    assert verified.json()["stale"] is False and verified.json()["verified_at"]
    assert [(t["id"], t["stale"]) for t in brief_tips(client, member, meeting.id)] == [
        (tip["id"], False)
    ]


def test_only_the_owner_or_a_curator_verifies(client, member, other_member, curator):
    tip = post_tip(client, member)
    assert (
        client.post(f"/api/tips/{tip['id']}/verify", headers=other_member.headers).status_code
        == 403
    )
    assert client.post(f"/api/tips/{tip['id']}/verify", headers=curator.headers).status_code == 200
    assert client.post("/api/tips/999999/verify", headers=curator.headers).status_code == 404


def test_curators_reassign_the_owner_and_members_cannot(client, member, other_member, curator):
    tip = post_tip(client, member)
    refused = client.patch(
        f"/api/tips/{tip['id']}", headers=member.headers, json={"owner_id": other_member.id}
    )
    assert refused.status_code == 403
    moved = client.patch(
        f"/api/tips/{tip['id']}", headers=curator.headers, json={"owner_id": other_member.id}
    )
    assert moved.status_code == 200
    assert moved.json()["owner"]["id"] == other_member.id
    assert moved.json()["author"]["id"] == member.id
    # The new owner may verify it now; the author (no longer owner) may still edit it.
    assert (
        client.post(f"/api/tips/{tip['id']}/verify", headers=other_member.headers).status_code
        == 200
    )
    bad = client.patch(f"/api/tips/{tip['id']}", headers=curator.headers, json={"owner_id": 999999})
    assert bad.status_code == 422


def test_outdated_on_a_brief_makes_the_tip_due_and_tells_its_owner(
    client, session, member, other_member, make_meeting, subscribe
):
    from core.models import Notification

    tip = post_tip(client, member, **ACME_TIP)
    subscribe(member.id)
    meeting = make_meeting(other_member.id, in_minutes=120)
    session.commit()
    assert brief_tips(client, other_member, meeting.id)[0]["stale"] is False

    answer = client.post(
        f"/api/meetings/{meeting.id}/feedback",
        headers=other_member.headers,
        json={"tip_id": tip["id"], "helpful": False, "reason": "outdated"},
    )
    assert answer.status_code == 200, answer.text
    assert client.get(f"/api/tips/{tip['id']}", headers=member.headers).json()["stale"] is True

    rows = session.exec(select(Notification).where(Notification.kind == "review")).all()
    assert [r.user_id for r in rows] == [member.id]
    payload = json.loads(rows[0].payload or "{}")
    assert payload["event"] == "review" and payload["url"].startswith("/tips/review")
    # A second "outdated" on a tip that is already due tells nobody again.
    client.post(
        f"/api/meetings/{meeting.id}/feedback",
        headers=other_member.headers,
        json={"tip_id": tip["id"], "helpful": False, "reason": "outdated"},
    )
    assert len(session.exec(select(Notification).where(Notification.kind == "review")).all()) == 1
    bad = client.post(
        f"/api/meetings/{meeting.id}/feedback",
        headers=other_member.headers,
        json={"tip_id": tip["id"], "helpful": True, "reason": "outdated"},
    )
    assert bad.status_code == 422


def test_owners_hear_about_due_tips_once_a_week(client, session, member, subscribe, travel):
    from core.models import Notification
    from core.tips.freshness import remind_owners

    for n in range(3):
        post_tip(client, member, body=f"Tip number {n}", review_days=30)
    subscribe(member.id)
    assert remind_owners(session) == 0  # nothing due yet

    travel(days=31)
    assert remind_owners(session) == 1
    rows = session.exec(select(Notification).where(Notification.kind == "review")).all()
    assert len(rows) == 1
    payload = json.loads(rows[0].payload or "{}")
    assert payload["title"] == "3 of your tips need a look"
    assert payload["url"] == "/tips/review"

    travel(days=35)  # four days later: still the same week
    assert remind_owners(session) == 0
    travel(days=39)
    assert remind_owners(session) == 1
