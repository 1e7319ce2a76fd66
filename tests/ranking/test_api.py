"""GET /api/meetings/{id}/brief and POST /api/meetings/{id}/feedback."""

from __future__ import annotations

from sqlmodel import select

from core.models import BriefFeedback


def setup_brief(add_tip, add_meeting, member, curator):  # type: ignore[no-untyped-def]
    account = add_tip(curator.id, "Acme's CTO hates slide decks: bring a live demo.",
                      tags=["demo"], accounts=["acme.com"])  # fmt: skip
    generic = add_tip(curator.id, "Demos: show the outcome first.", tags=["demo"])
    meeting = add_meeting(member.id, "Onsite demo at Acme", attendees=["priya@acme.com"],
                          location="Acme HQ")  # fmt: skip
    return account, generic, meeting


def test_brief_shape_and_reasons(client, member, curator, add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]
    account, generic, meeting = setup_brief(add_tip, add_meeting, member, curator)
    response = client.get(f"/api/meetings/{meeting.id}/brief", headers=member.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["meeting"]["id"] == meeting.id and body["meeting"]["title"] == meeting.title
    assert [t["id"] for t in body["tips"]] == [account.id, generic.id]
    first = body["tips"][0]
    assert set(first) == {
        "id", "title", "body", "body_html", "helpful_count", "score", "reasons", "stale"
    }  # fmt: skip
    assert "for acme.com" in first["reasons"] and "product demo" in first["reasons"]
    assert first["score"] >= body["tips"][1]["score"]


def test_brief_is_empty_when_nothing_fits(client, member, add_meeting) -> None:  # type: ignore[no-untyped-def]
    meeting = add_meeting(member.id, "Dentist")
    response = client.get(f"/api/meetings/{meeting.id}/brief", headers=member.headers)
    assert response.status_code == 200 and response.json()["tips"] == []


def test_brief_size_setting_caps_the_brief(client, member, curator, add_tip, add_meeting,
                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from core.settings import get_settings

    for n in range(5):
        add_tip(curator.id, f"Renewal advice {n}: send usage first.", tags=["renewal"])
    meeting = add_meeting(member.id, "Renewal", attendees=["it@globex.com"])
    assert len(client.get(f"/api/meetings/{meeting.id}/brief",
                          headers=member.headers).json()["tips"]) == 3  # fmt: skip
    monkeypatch.setattr(get_settings(), "brief_size", 2)
    assert len(client.get(f"/api/meetings/{meeting.id}/brief",
                          headers=member.headers).json()["tips"]) == 2  # fmt: skip


def test_another_users_meeting_is_not_found(client, member, other_member, add_meeting) -> None:  # type: ignore[no-untyped-def]
    meeting = add_meeting(member.id, "Renewal", attendees=["it@globex.com"])
    assert client.get(f"/api/meetings/{meeting.id}/brief",
                      headers=other_member.headers).status_code == 404  # fmt: skip
    assert client.post(f"/api/meetings/{meeting.id}/feedback", headers=other_member.headers,
                       json={"tip_id": 1, "helpful": True}).status_code == 404  # fmt: skip
    assert client.get("/api/meetings/999999/brief", headers=member.headers).status_code == 404


def test_anonymous_is_refused(client, member, add_meeting) -> None:  # type: ignore[no-untyped-def]
    meeting = add_meeting(member.id, "Renewal", attendees=["it@globex.com"])
    assert client.get(f"/api/meetings/{meeting.id}/brief").status_code == 401
    assert client.post(f"/api/meetings/{meeting.id}/feedback",
                       json={"tip_id": 1, "helpful": True}).status_code == 401  # fmt: skip


def test_feedback_is_a_vote_kept_with_the_meeting(client, session, member, curator, add_tip,
                                                   add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    _, generic, meeting = setup_brief(add_tip, add_meeting, member, curator)
    url = f"/api/meetings/{meeting.id}/feedback"
    response = client.post(
        url, headers=member.headers, json={"tip_id": generic.id, "helpful": True}
    )
    assert response.status_code == 200, response.text
    assert response.json()["helpful_count"] == 1 and response.json()["helpful"] is True
    again = client.post(url, headers=member.headers, json={"tip_id": generic.id, "helpful": True})
    assert again.json()["helpful_count"] == 1  # one vote per person
    tip = client.get(f"/api/tips/{generic.id}", headers=member.headers).json()
    assert tip["helpful_count"] == 1

    withdrawn = client.post(url, headers=member.headers,
                            json={"tip_id": generic.id, "helpful": False})  # fmt: skip
    assert withdrawn.json()["helpful_count"] == 0
    rows = session.exec(select(BriefFeedback).where(BriefFeedback.meeting_id == meeting.id)).all()
    assert [(r.tip_id, r.user_id, r.helpful) for r in rows] == [(generic.id, member.id, False)]
    brief = client.get(f"/api/meetings/{meeting.id}/brief", headers=member.headers).json()
    assert generic.id not in [t["id"] for t in brief["tips"]]  # "did not help here" sticks


def test_feedback_rejects_bad_input(client, member, add_meeting) -> None:  # type: ignore[no-untyped-def]
    meeting = add_meeting(member.id, "Renewal", attendees=["it@globex.com"])
    url = f"/api/meetings/{meeting.id}/feedback"
    assert client.post(url, headers=member.headers, json={"tip_id": 1}).status_code == 422
    assert client.post(url, headers=member.headers,
                       json={"tip_id": 1, "helpful": True, "x": 1}).status_code == 422  # fmt: skip
    missing = client.post(url, headers=member.headers, json={"tip_id": 99999, "helpful": True})
    assert missing.status_code == 404 and "detail" in missing.json()
