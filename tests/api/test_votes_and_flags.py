"""Votes and flags, built to resist gaming: distinct people count, authors don't."""

from __future__ import annotations

import pytest

from tests.api.test_tips import post_tip


def vote(client, person, tip_id, method="post"):
    response = client.request(method.upper(), f"/api/tips/{tip_id}/vote", headers=person.headers)
    assert response.status_code == 200, response.text
    return response.json()["helpful_count"]


def test_votes_count_distinct_voters_and_are_idempotent(client, member, other_member, make_user):
    tip = post_tip(client, member)
    third = make_user()
    assert vote(client, other_member, tip["id"]) == 1
    assert vote(client, other_member, tip["id"]) == 1
    assert vote(client, third, tip["id"]) == 2
    assert vote(client, third, tip["id"], "delete") == 1
    assert vote(client, third, tip["id"], "delete") == 1


def test_authors_own_vote_does_not_count(client, member):
    tip = post_tip(client, member)
    assert vote(client, member, tip["id"]) == 0


def test_curator_sees_who_voted(client, member, other_member, curator):
    tip = post_tip(client, member)
    vote(client, other_member, tip["id"])
    voters = client.get(f"/api/tips/{tip['id']}/votes", headers=curator.headers)
    assert voters.json() == [{"id": other_member.id, "name": other_member.name}]
    assert client.get(f"/api/tips/{tip['id']}/votes", headers=member.headers).status_code == 403


def flag(client, person, tip_id, reason="outdated"):
    return client.post(f"/api/tips/{tip_id}/flags", headers=person.headers, json={"reason": reason})


def test_three_distinct_flags_hide_a_tip_until_a_curator_decides(client, make_user, curator):
    author, *flaggers = (make_user() for _ in range(4))
    tip = post_tip(client, author)
    url = f"/api/tips/{tip['id']}"
    assert flag(client, flaggers[0], tip["id"]).status_code == 201
    assert flag(client, flaggers[0], tip["id"]).status_code == 409  # one flag per member
    assert flag(client, flaggers[1], tip["id"]).status_code == 201
    assert (
        client.get(url, headers=flaggers[2].headers).status_code == 200
    )  # two flags: still visible
    assert flag(client, flaggers[2], tip["id"], reason="wrong price").status_code == 201
    assert client.get(url, headers=flaggers[2].headers).status_code == 404
    assert client.get(url, headers=author.headers).status_code == 404
    assert client.get(url, headers=curator.headers).status_code == 200
    assert client.get("/api/tips", headers=author.headers).json()["items"] == []

    queue = client.get("/api/moderation", headers=curator.headers).json()["items"]
    assert [item["tip"]["id"] for item in queue] == [tip["id"]]
    assert queue[0]["status"] == "hidden"
    assert {f["reason"] for f in queue[0]["flags"]} == {"outdated", "wrong price"}
    assert {f["user"]["id"] for f in queue[0]["flags"]} == {p.id for p in flaggers[:3]}

    restored = client.post(
        f"/api/moderation/{tip['id']}", headers=curator.headers, json={"action": "restore"}
    )
    assert restored.status_code == 200
    assert client.get(url, headers=author.headers).status_code == 200
    assert client.get("/api/moderation", headers=curator.headers).json()["items"] == []


def test_curator_can_remove_a_flagged_tip(client, member, other_member, curator):
    tip = post_tip(client, member)
    flag(client, other_member, tip["id"])
    response = client.post(
        f"/api/moderation/{tip['id']}", headers=curator.headers, json={"action": "remove"}
    )
    assert response.status_code == 200
    assert client.get(f"/api/tips/{tip['id']}", headers=member.headers).status_code == 404


@pytest.mark.parametrize("body", [{"action": "burn"}, {}, {"action": "remove", "extra": 1}])
def test_bad_moderation_decision_is_422(client, member, curator, body):
    tip = post_tip(client, member)
    assert (
        client.post(f"/api/moderation/{tip['id']}", headers=curator.headers, json=body).status_code
        == 422
    )


def test_flagging_needs_a_reason_and_not_your_own_tip(client, member, other_member):
    tip = post_tip(client, member)
    assert flag(client, other_member, tip["id"], reason="").status_code == 422
    assert flag(client, member, tip["id"]).status_code == 422


def test_members_are_rate_limited_curators_are_not(client, member, curator, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "rate_limit_posts", "3/hour")
    for _ in range(3):
        post_tip(client, member)
    limited = client.post("/api/tips", headers=member.headers, json={"body": "one more"})
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    assert "limit" in limited.json()["detail"]
    for _ in range(5):
        post_tip(client, curator)


def test_votes_are_rate_limited(client, member, other_member, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "rate_limit_votes", "2/minute")
    tip = post_tip(client, member)
    vote(client, other_member, tip["id"])
    vote(client, other_member, tip["id"], "delete")
    response = client.post(f"/api/tips/{tip['id']}/vote", headers=other_member.headers)
    assert response.status_code == 429
