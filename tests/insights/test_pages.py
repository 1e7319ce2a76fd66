"""The pages of the curator's loop, server-rendered: Insights, charts, review, requests,
compose from a request, "may be outdated" and the tending controls on cards."""

from __future__ import annotations

from tests.insights.conftest import ACME_TIP, post_tip


def test_insights_page_is_for_curators(client, curator, member):
    page = client.get("/insights", headers=curator.headers)
    assert page.status_code == 200
    expected = (
        "Gaps in the next 14 days", "Requests", "Tips due for review", "Per week",
        "Top tips", "Debrief funnel", "/insights/charts/weekly.svg", "format=csv",
    )  # fmt: skip
    for words in expected:
        assert words in page.text, words
    assert client.get("/insights", headers=member.headers).status_code == 403
    assert client.get("/api/insights/page", headers=curator.headers).status_code == 200
    assert client.get("/api/insights/page", headers=member.headers).status_code == 403


def test_charts_are_svg_images_without_script(client, curator, member):
    for name in ("weekly", "top", "funnel"):
        response = client.get(f"/insights/charts/{name}.svg", headers=curator.headers)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("image/svg+xml")
        assert response.headers["content-security-policy"] == (
            "default-src 'none'; style-src 'unsafe-inline'"
        )
        assert response.text.startswith("<svg") and "<script" not in response.text
        assert "cdn" not in response.text.lower()
    assert client.get("/insights/charts/weekly.svg", headers=member.headers).status_code == 403
    assert client.get("/insights/charts/other.svg", headers=curator.headers).status_code == 422


def test_review_page_lists_my_due_tips_with_tending_controls(client, member, travel):
    tip = post_tip(client, member, body="Check the loading dock hours", review_days=30)
    assert "None of your tips" in client.get("/tips/review", headers=member.headers).text
    travel(days=31)
    html = client.get("/tips/review", headers=member.headers).text
    assert f'id="tip-{tip["id"]}"' in html and "May be outdated" in html
    assert 'data-action="verify"' in html and 'data-action="edit"' in html
    assert 'data-action="delete"' in html


def test_brief_cards_offer_outdated_and_show_may_be_outdated(
    client, session, member, other_member, make_meeting, travel
):
    post_tip(client, member, **ACME_TIP, review_days=30)
    meeting = make_meeting(other_member.id, in_minutes=60 * 24 * 40)
    session.commit()
    html = client.get(f"/m/{meeting.id}", headers=other_member.headers).text
    assert 'data-action="outdated"' in html and "May be outdated" not in html
    assert 'data-action="edit"' not in html  # not theirs, not a curator
    travel(days=31)
    assert "May be outdated" in client.get(f"/m/{meeting.id}", headers=other_member.headers).text


def test_compose_from_a_request_is_prefilled(client, member, other_member):
    request = client.post(
        "/api/requests", headers=member.headers, json={"account": "acme.com", "note": "Pricing?"}
    ).json()
    html = client.get(f"/compose?request={request['id']}", headers=other_member.headers).text
    assert "A colleague asks about" in html and "Pricing?" in html
    assert f'data-request="{request["id"]}"' in html and 'value="acme.com"' in html
    form = client.get(f"/api/compose?request={request['id']}", headers=other_member.headers).json()
    assert form["accounts"] == ["acme.com"] and form["request"]["id"] == request["id"]
    assert client.get("/compose?request=999999", headers=other_member.headers).status_code == 404


def test_requests_page_and_settings_switches(client, member):
    client.post("/api/requests", headers=member.headers, json={"topic": "tenders", "note": "Any?"})
    html = client.get("/requests", headers=member.headers).text
    assert "tenders" in html and "1 asked" not in html and "0 asked" in html
    settings = client.get("/settings", headers=member.headers).text
    assert 'name="requests_enabled" checked' in settings
    assert 'name="show_in_helpers">' in settings


def test_curators_see_edit_and_owner_controls_on_any_card(client, member, curator):
    post_tip(client, member, title="Bring a printed agenda", body="Always.")
    html = client.get("/tips", headers=curator.headers).text
    assert 'data-action="edit"' in html and 'name="owner_id"' in html
    assert 'data-action="verify"' in html
    mine = client.get("/tips", headers=member.headers).text
    assert 'data-action="edit"' in mine and 'name="owner_id"' not in mine


def test_opening_a_brief_page_counts_once_and_the_service_worker_does_not(
    client, session, member, make_meeting
):
    from sqlmodel import select

    from core.models import UsageCount

    post_tip(client, member, **ACME_TIP)
    meeting = make_meeting(member.id, in_minutes=120)
    session.commit()

    def opened() -> int:
        rows = session.exec(
            select(UsageCount).where(UsageCount.key == "all", UsageCount.metric == "opened")
        ).all()
        return sum(r.count for r in rows)

    client.get(f"/m/{meeting.id}", headers={**member.headers, "Sec-Fetch-Dest": "empty"})
    assert opened() == 0  # the service worker caching it for offline use
    client.get(f"/m/{meeting.id}", headers={**member.headers, "Sec-Fetch-Dest": "document"})
    client.get(f"/m/{meeting.id}", headers=member.headers)
    assert opened() == 1
