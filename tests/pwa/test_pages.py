"""The pages as HTML: who may see them, what they show, and that they stay strict."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.models import utcnow
from core.people import invites
from tests.pwa.conftest import assert_strict_page, tags_of

PAGES = ["/", "/tips", "/compose", "/settings", "/moderation"]


@pytest.mark.parametrize("path", [*PAGES, "/m/1", "/compose?meeting=1&text=hi"])
def test_pages_send_strangers_to_sign_in_and_back(client, path):
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    if path == "/":
        assert location == "/signin"
    else:
        from urllib.parse import parse_qs, urlsplit

        assert urlsplit(location).path == "/signin"
        assert parse_qs(urlsplit(location).query)["next"] == [path]


def test_sign_in_page(client):
    response = client.get("/signin?next=/m/5")
    assert response.status_code == 200
    html = response.text
    assert '<form id="signin"' in html and 'data-endpoint="/api/auth/login"' in html
    assert 'data-next="/m/5"' in html
    assert 'autocomplete="current-password"' in html
    assert_strict_page(html)


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_sign_in_never_sends_people_off_site(client, target):
    html = client.get("/signin", params={"next": target}).text
    assert 'data-next="/"' in html


def test_signed_in_people_skip_the_sign_in_page(client, member):
    response = client.get("/signin?next=/tips", headers=member.headers, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/tips")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_strict_and_private(client, curator, path):
    response = client.get(path, headers=curator.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "private" in response.headers["cache-control"]
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert_strict_page(response.text)
    assert 'rel="manifest" href="/manifest.webmanifest"' in response.text
    assert response.text.count('aria-current="page"') == 1


def test_next_up_lists_today_and_tomorrow_with_brief_at_a_glance(
    client, day_member, add_meeting, add_tip
):
    add_tip(
        day_member, "Ask about their Q3 budget first.", title="Budget first", accounts=["acme.com"]
    )
    soon = add_meeting(day_member, "Pricing call with Acme", domains=("acme.com",))
    later = add_meeting(
        day_member,
        "Globex intro",
        start=utcnow() + timedelta(days=1, hours=1),
        domains=("globex.com",),
    )
    # yesterday's is not shown (today's finished ones are, marked "ended": test_delivery_pages)
    add_meeting(day_member, "Old meeting", start=utcnow() - timedelta(days=1, hours=1))
    add_meeting(day_member, "Next week", start=utcnow() + timedelta(days=4))  # too far: not shown
    html = client.get("/", headers=day_member.headers).text
    assert f'href="/m/{soon.id}"' in html and "Pricing call with Acme" in html
    assert f'href="/m/{later.id}"' in html
    assert "Budget first" in html  # the brief at a glance
    assert "No tips fit this one" in html  # Globex has none
    assert "Old meeting" not in html and "Next week" not in html
    assert "Connect your calendar" not in html
    assert "<h2" in html and "Today" in html and "Tomorrow" in html


def test_next_up_invites_to_connect_a_calendar_first(client, member):
    html = client.get("/", headers=member.headers).text
    assert "Connect your calendar" in html and 'href="/settings#calendars"' in html


def test_next_up_shows_times_in_the_persons_time_zone(client, make_user, add_meeting, session):
    person = make_user("member", timezone="Asia/Kolkata")  # UTC+05:30, no DST
    start = (utcnow() + timedelta(hours=2)).replace(second=0, microsecond=0)
    add_meeting(person, start=start)
    local = start + timedelta(hours=5, minutes=30)
    assert local.strftime("%H:%M") in client.get("/", headers=person.headers).text


def test_brief_page_shows_sanitised_tips_with_reasons_and_actions(
    client, member, other_member, add_meeting, add_tip
):
    tip = add_tip(
        other_member,
        "Bring the **case study**. <script>alert(1)</script> <img src=x onerror=alert(2)>",
        title="Case study",
        accounts=["acme.com"],
    )
    meeting = add_meeting(member, "Pricing call with Acme", location="Room 4")
    response = client.get(f"/m/{meeting.id}", headers=member.headers)
    assert response.status_code == 200
    html = response.text
    assert "<strong>case study</strong>" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert not [tag for tag, _ in tags_of(html) if tag == "img"]
    assert "for acme.com" in html  # why it was picked
    assert f'data-tip="{tip.id}"' in html and f'data-meeting="{meeting.id}"' in html
    assert 'data-action="vote" aria-pressed="false"' in html
    assert 'data-action="flag"' in html
    assert f'href="/compose?meeting={meeting.id}"' in html
    assert "Room 4" in html
    assert_strict_page(html)


def test_brief_page_marks_what_the_reader_did(client, member, other_member, add_meeting, add_tip):
    tip = add_tip(other_member, "Lead with the ROI numbers.", accounts=["acme.com"])
    meeting = add_meeting(member)
    client.post(f"/api/tips/{tip.id}/vote", headers=member.headers)
    client.post(f"/api/tips/{tip.id}/flags", headers=member.headers, json={"reason": "outdated"})
    html = client.get(f"/m/{meeting.id}", headers=member.headers).text
    assert 'aria-pressed="true"' in html
    assert "Flagged" in html and 'data-action="flag"' not in html


def test_own_tips_get_no_vote_or_flag_buttons(client, member, add_meeting, add_tip):
    add_tip(member, "My own advice.", accounts=["acme.com"])
    meeting = add_meeting(member)
    html = client.get(f"/m/{meeting.id}", headers=member.headers).text
    assert "Your tip" in html and 'data-action="vote"' not in html


def test_empty_brief_says_so(client, member, add_meeting):
    meeting = add_meeting(member, "Dentist", domains=())
    html = client.get(f"/m/{meeting.id}", headers=member.headers).text
    assert "No tips for this one" in html


def test_someone_elses_brief_is_not_found(client, member, other_member, add_meeting):
    meeting = add_meeting(other_member)
    response = client.get(f"/m/{meeting.id}", headers=member.headers)
    assert response.status_code == 404
    assert "Pricing call" not in response.text
    assert client.get("/m/999999", headers=member.headers).status_code == 404


def test_tips_feed_search_and_filters(client, member, other_member, add_tip):
    add_tip(other_member, "Mention the **pilot** discount.", title="Pilot", tags=["Pricing Talks"])
    add_tip(other_member, "Bring a printed agenda.", title="Agenda", accounts=["globex.com"])
    html = client.get("/tips", headers=member.headers).text
    assert "Pilot" in html and "Agenda" in html
    found = client.get("/tips?q=discount", headers=member.headers).text
    assert "Pilot" in found and "printed agenda" not in found
    tagged = client.get("/tips?tag=pricing-talks", headers=member.headers).text
    assert "Pilot" in tagged and "printed agenda" not in tagged and "#pricing-talks" in tagged
    by_account = client.get("/tips?account=globex.com", headers=member.headers).text
    assert "printed agenda" in by_account and "Pilot" not in by_account
    none = client.get("/tips?q=zebra", headers=member.headers).text
    assert "No tips match." in none


def test_tips_feed_pages_with_a_cursor(client, member, other_member, add_tip):
    for n in range(23):
        add_tip(other_member, f"Tip number {n}")
    first = client.get("/tips", headers=member.headers).text
    assert "Tip number 22" in first and "Tip number 2<" not in first
    assert "More tips" in first
    next_url = first.split('href="/tips?cursor=')[1].split('"')[0]
    second = client.get(f"/tips?cursor={next_url}", headers=member.headers).text
    assert "Tip number 0" in second and "More tips" not in second


def test_bad_cursor_is_a_page_not_a_traceback(client, member):
    response = client.get("/tips?cursor=%%%", headers=member.headers)
    assert response.status_code == 422 and "cursor" in response.text


def test_compose_from_a_meeting_suggests_tags_and_accounts(
    client, member, other_member, add_meeting, add_tip
):
    add_tip(
        other_member,
        "Acme asks for a discount at every renewal: anchor high on price.",
        title="Anchor high at Acme renewals",
        tags=["negotiation"],
        accounts=["acme.com"],
    )
    add_tip(other_member, "Know the renewal date.", tags=["renewal"])
    meeting = add_meeting(member, "Acme renewal call", domains=("acme.com",))
    brief = client.get(f"/api/meetings/{meeting.id}/brief", headers=member.headers).json()
    assert brief["tips"], "the brief should pick the Acme tip"
    html = client.get(f"/compose?meeting={meeting.id}", headers=member.headers).text
    assert 'value="acme.com"' in html
    assert 'data-tag="negotiation"' in html  # from the brief
    assert 'data-tag="renewal"' in html  # a library tag named in the title
    assert f'data-meeting="{meeting.id}"' in html
    assert "Acme renewal call" in html


def test_compose_as_share_target_is_prefilled(client, member):
    response = client.get(
        "/compose",
        params={
            "title": "Great article",
            "text": "Read this before pricing calls",
            "url": "https://example.com/a",
        },
        headers=member.headers,
    )
    html = response.text
    assert 'value="Great article"' in html
    assert "Read this before pricing calls\n\n&lt;https://example.com/a&gt;</textarea>" in html


def test_compose_escapes_what_was_shared(client, member):
    html = client.get(
        "/compose", params={"text": "</textarea><script>x()</script>"}, headers=member.headers
    ).text
    assert "<script>x()" not in html and "&lt;/textarea&gt;" in html


def test_compose_for_someone_elses_meeting_is_not_found(client, member, other_member, add_meeting):
    meeting = add_meeting(other_member)
    assert client.get(f"/compose?meeting={meeting.id}", headers=member.headers).status_code == 404


def test_settings_shows_profile_calendars_and_no_secrets(client, member, add_meeting):
    add_meeting(member)  # creates a calendar whose URL carries a secret token
    html = client.get("/settings", headers=member.headers).text
    assert "https://calendar.example" in html  # host only
    assert "secret-feed-token" not in html
    assert member.token not in html
    assert 'id="enable-push"' in html and 'id="ios-install"' in html
    assert 'id="connect-calendar"' in html
    assert "<option selected>UTC</option>" in html
    assert 'name="debrief_enabled" checked' in html
    assert 'id="invites"' not in html  # members do not invite


def test_settings_for_admins_has_invites_without_links(client, admin):
    client.post("/api/invites", headers=admin.headers, json={"email": "x@northwind.example"})
    html = client.get("/settings", headers=admin.headers).text
    assert 'id="invite-form"' in html and "x@northwind.example" in html
    assert "/join/inv_" not in html


def test_moderation_queue_for_curators_only(
    client, curator, member, other_member, make_user, add_tip
):
    tip = add_tip(other_member, "Promise a discount nobody approved.", title="Risky")
    for _ in range(3):
        flagger = make_user("member")
        client.post(
            f"/api/tips/{tip.id}/flags", headers=flagger.headers, json={"reason": "not our policy"}
        )
    html = client.get("/moderation", headers=curator.headers).text
    assert "Risky" in html and "not our policy" in html and "Hidden from members" in html
    assert 'data-decision="keep"' in html and 'data-decision="remove"' in html
    assert "Keep (dismiss the flags)" in html
    refused = client.get("/moderation", headers=member.headers)
    assert refused.status_code == 403 and "curators" in refused.text


def test_setup_page(client, session):
    token = invites.create_setup_link(session)
    session.commit()
    html = client.get(f"/setup/{token}").text
    assert "Set up Tipoff" in html and 'data-endpoint="/api/setup"' in html
    assert_strict_page(html)
    gone = client.get("/setup/inv_not-a-real-token-at-all")
    assert gone.status_code == 404 and "expired" in gone.text


def test_join_page(client, admin):
    url = client.post(
        "/api/invites", headers=admin.headers, json={"email": "ana@northwind.example"}
    ).json()["url"]
    html = client.get(url.replace("http://testserver", "")).text
    assert f"{admin.name} invited you" in html
    assert 'value="ana@northwind.example" readonly' in html
    assert 'data-endpoint="/api/invites/accept"' in html


def test_offline_page_is_public(client):
    response = client.get("/offline")
    assert response.status_code == 200 and "You are offline" in response.text


def test_pages_set_the_csrf_cookie_they_embed():
    """Through the CSRF middleware, a page sets the csrftoken cookie and embeds the same token."""
    from fastapi.testclient import TestClient

    from app.main import create_app

    with TestClient(create_app(run_scheduler=False)) as browser:
        response = browser.get("/signin")
        token = response.cookies["csrftoken"]
        assert f'<meta name="csrf-token" content="{token}">' in response.text
        refused = browser.post(
            "/api/auth/login", json={"email": "a@b.example", "password": "x" * 8}
        )
        assert refused.status_code == 403
        allowed = browser.post(
            "/api/auth/login",
            json={"email": "a@b.example", "password": "x" * 8},
            headers={"X-CSRFToken": token},
        )
        assert allowed.status_code == 401  # past CSRF; wrong password


@pytest.mark.parametrize(
    ("text", "url", "body"),
    [
        ("Read this", "https://x.example/a", "Read this\n\n<https://x.example/a>"),
        ("Read https://x.example/a now", "https://x.example/a", "Read <https://x.example/a> now"),
        ("", "https://x.example/a", "<https://x.example/a>"),
        ("Just text", None, "Just text"),
        ("Odd", "ftp://x.example/a", "Odd\n\nftp://x.example/a"),
    ],
)
def test_shared_links_become_markdown_links(text, url, body):
    from core.views.compose import shared_body

    assert shared_body(text, url) == body
