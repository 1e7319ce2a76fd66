"""Every page also answers as JSON through the API, and the two agree.

| page                 | JSON                                                 |
|----------------------|------------------------------------------------------|
| /                    | GET /api/next-up                                     |
| /m/<id>              | GET /api/meetings/<id>/brief                         |
| /tips                | GET /api/tips                                        |
| /compose             | GET /api/compose (+ POST /api/compose/preview)       |
| /settings            | GET /api/me, /api/calendars, /api/devices, /api/invites |
| /moderation          | GET /api/moderation                                  |
| /setup/<t>, /join/<t>| GET /api/setup/<t>, /api/invites/<t>                 |
"""

from __future__ import annotations

from datetime import timedelta

from core.models import User, utcnow
from core.people import invites


def test_next_up_json_matches_the_page(
    client, session, day_member, other_member, add_meeting, add_tip
):
    add_tip(other_member, "Ask about their Q3 budget.", title="Budget first", accounts=["acme.com"])
    add_meeting(day_member, "Pricing call with Acme")
    add_meeting(
        day_member, "Globex intro", start=utcnow() + timedelta(days=1), domains=("globex.com",)
    )
    data = client.get("/api/next-up", headers=day_member.headers).json()
    html = client.get("/", headers=day_member.headers).text
    assert [day["label"] for day in data["days"]] == ["Today", "Tomorrow"]
    assert data["timezone"] == session.get(User, day_member.id).timezone and data["calendars"] == 1
    shown = [m for day in data["days"] for m in day["meetings"]]
    assert {m["title"] for m in shown} == {"Pricing call with Acme", "Globex intro"}
    for meeting in shown:
        assert f'href="{meeting["url"]}"' in html
        for tip in meeting["tips"]:
            assert tip["title"] in html
    assert any(m["tips"] for m in shown)


def test_brief_json_matches_the_page(client, member, other_member, add_meeting, add_tip):
    add_tip(
        other_member,
        "Acme's CFO joins pricing calls: ask about the **Q3 budget** first.",
        title="Budget first",
        accounts=["acme.com"],
    )
    meeting = add_meeting(member, "Pricing call with Acme")
    data = client.get(f"/api/meetings/{meeting.id}/brief", headers=member.headers).json()
    html = client.get(f"/m/{meeting.id}", headers=member.headers).text
    assert data["tips"]
    for tip in data["tips"]:
        assert f'data-tip="{tip["id"]}"' in html
        assert tip["body_html"] in html  # the same sanitised HTML
        for reason in tip["reasons"]:
            assert reason.replace('"', "&#34;") in html


def test_tips_json_matches_the_page(client, member, other_member, add_tip):
    for n in range(3):
        add_tip(other_member, f"Tip {n} about *discounts*", tags=["pricing"])
    data = client.get("/api/tips?tag=pricing", headers=member.headers).json()
    html = client.get("/tips?tag=pricing", headers=member.headers).text
    assert len(data["items"]) == 3
    for tip in data["items"]:
        assert f'data-tip="{tip["id"]}"' in html and tip["body_html"] in html


def test_compose_json_matches_the_page(client, member, add_meeting):
    meeting = add_meeting(member, "Acme renewal", domains=("acme.com", "acme.de"))
    data = client.get(
        "/api/compose", params={"meeting": meeting.id, "text": "shared"}, headers=member.headers
    ).json()
    html = client.get(
        "/compose", params={"meeting": meeting.id, "text": "shared"}, headers=member.headers
    ).text
    assert data["accounts"] == ["acme.com", "acme.de"]
    assert 'value="acme.com, acme.de"' in html
    assert data["body"] == "shared" and ">shared</textarea>" in html
    assert data["meeting"]["url"] == f"/m/{meeting.id}" and data["meeting"]["url"] in html
    assert client.get("/api/compose?meeting=999999", headers=member.headers).status_code == 404


def test_preview_uses_the_library_sanitiser(client, member):
    response = client.post(
        "/api/compose/preview",
        headers=member.headers,
        json={"body": "**bold** <script>x()</script> [link](javascript:alert(1))"},
    )
    html = response.json()["body_html"]
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and 'href="javascript' not in html
    created = client.post(
        "/api/tips", headers=member.headers, json={"body": "**bold** <script>x()</script>"}
    ).json()
    again = client.post(
        "/api/compose/preview",
        headers=member.headers,
        json={"body": "**bold** <script>x()</script>"},
    )
    assert again.json()["body_html"] == created["body_html"]
    too_long = client.post(
        "/api/compose/preview", headers=member.headers, json={"body": "x" * 2001}
    )
    assert too_long.status_code == 422
    assert client.post("/api/compose/preview", json={"body": "x"}).status_code == 401


def test_settings_json_matches_the_page(client, admin, add_meeting):
    add_meeting(admin)
    html = client.get("/settings", headers=admin.headers).text
    me = client.get("/api/me", headers=admin.headers).json()
    calendars = client.get("/api/calendars", headers=admin.headers).json()["items"]
    devices = client.get("/api/devices", headers=admin.headers).json()["items"]
    invites_ = client.get("/api/invites", headers=admin.headers).json()["items"]
    assert f'value="{me["lead_minutes"]}"' in html and me["email"] in html
    assert [f'data-calendar="{c["id"]}"' in html for c in calendars] == [True]
    assert devices == [] and "No devices yet." in html
    assert invites_ == []


def test_moderation_json_matches_the_page(client, curator, other_member, make_user, add_tip):
    tip = add_tip(other_member, "Questionable advice")
    flagger = make_user("member")
    client.post(f"/api/tips/{tip.id}/flags", headers=flagger.headers, json={"reason": "wrong"})
    data = client.get("/api/moderation", headers=curator.headers).json()
    html = client.get("/moderation", headers=curator.headers).text
    assert [item["tip"]["id"] for item in data["items"]] == [tip.id]
    assert f'data-tip="{tip.id}"' in html and "wrong" in html


def test_setup_page_json_matches(client, session):
    token = invites.create_setup_link(session)
    session.commit()
    info = client.get(f"/api/setup/{token}").json()
    assert info["role"] == "admin" and "Set up Tipoff" in client.get(f"/setup/{token}").text


def test_join_page_json_matches(client, admin):
    url = client.post("/api/invites", headers=admin.headers, json={}).json()["url"]
    token = url.rsplit("/", 1)[1]
    info = client.get(f"/api/invites/{token}").json()
    html = client.get(f"/join/{token}").text
    assert info["invited_by"] in html
