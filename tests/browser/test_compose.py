"""Posting tips from the phone: compose (from a meeting, with preview) and the share target."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_compose_from_a_meeting_with_preview(live_server, phone, acme_day):
    page = phone.new_page()
    meeting = acme_day["meeting"]
    sign_in(page, acme_day["person"], path=f"/m/{meeting['id']}")
    page.get_by_role("link", name="Add a tip for this meeting").click()
    page.wait_for_url(f"**/compose?meeting={meeting['id']}")
    assert page.locator("#accounts").input_value() == "acme.com"
    suggestions = page.locator("#tag-suggestions button[data-tag]")
    assert suggestions.count() >= 1  # the tags of the tips this meeting's brief picked
    first_tag = suggestions.first.get_attribute("data-tag")

    page.fill("#title", "Their CFO wants a 3-year price")
    page.fill("#body", "Offer a **3-year** price lock.\n\n- anchor high\n- concede term, not price")
    preview = page.locator("#preview")
    assert preview.is_hidden()
    page.click("#preview-toggle")
    preview.locator("strong").wait_for()
    assert preview.locator("strong").inner_text() == "3-year"
    assert preview.locator("li").count() == 2
    suggestions.first.click()
    assert first_tag in page.locator("#tags").input_value()
    page.evaluate(
        "document.querySelector('label[for=body]').scrollIntoView(); window.scrollBy(0, -64)"
    )
    screenshot(page, "compose")

    page.click("#compose button[type=submit]")
    page.wait_for_url(f"**/m/{meeting['id']}#tip-*")
    tip_id = int(page.url.rsplit("#tip-", 1)[1])
    tip = acme_day["person"].api("GET", f"/api/tips/{tip_id}")
    assert tip["title"] == "Their CFO wants a 3-year price"
    assert tip["accounts"] == ["acme.com"] and first_tag in tip["tags"]
    assert "<strong>3-year</strong>" in tip["body_html"]


def test_compose_says_what_is_wrong(live_server, phone, acme_day):
    page = phone.new_page()
    sign_in(page, acme_day["person"], path="/compose")
    page.click("#compose button[type=submit]")
    assert page.locator("#compose-error").inner_text() == "Write your tip first."
    page.fill("#body", "Good advice")
    page.fill("#accounts", "not a domain")
    page.click("#compose button[type=submit]")
    error = page.locator("#compose-error")
    error.wait_for(state="visible")
    assert "not a domain" in error.inner_text()
    assert "/compose" in page.url  # nothing lost: still on the form, text intact
    assert page.locator("#body").input_value() == "Good advice"


def test_share_target_opens_compose_prefilled(live_server, phone, acme_day):
    """What Android does when a link is shared to the installed app (manifest share_target)."""
    manifest = phone.request.get("/manifest.webmanifest").json()
    target = manifest["share_target"]
    params = target["params"]
    shared = {
        params["title"]: "Negotiation checklist",
        params["text"]: "Worth reading before any renewal call",
        params["url"]: "https://example.com/checklist",
    }
    page = phone.new_page()
    sign_in(page, acme_day["person"], path=f"{target['action']}?{urlencode(shared)}")
    assert page.locator("#title").input_value() == "Negotiation checklist"
    body = page.locator("#body").input_value()
    assert body == "Worth reading before any renewal call\n\n<https://example.com/checklist>"
    page.click("#compose button[type=submit]")
    page.wait_for_url("**/tips?posted=*")
    assert "your tip is in the library" in page.content()
    posted = page.locator("article.tip").first
    assert "Negotiation checklist" in posted.inner_text()
    link = posted.locator(".body a")
    assert link.get_attribute("href") == "https://example.com/checklist"
    assert link.get_attribute("rel") == "noopener nofollow"


def test_a_busy_server_is_retried_and_the_tip_posts_once(live_server, phone, acme_day):
    """A 503 with Retry-After (admission control refused before doing anything) is sent
    again after the pause; a 503 the third time over is shown, not retried for ever."""
    page = phone.new_page()
    sign_in(page, acme_day["person"], path="/compose")
    refusals = {"left": 2, "posts": 0}

    def busy_twice(route):
        refusals["posts"] += 1
        if refusals["left"]:
            refusals["left"] -= 1
            route.fulfill(status=503, headers={"Retry-After": "0"},
                          json={"detail": "the server is busy; try again in a moment"})  # fmt: skip
        else:
            route.continue_()

    page.route("**/api/tips", busy_twice)
    page.fill("#body", "Ask who signs before you send the quote.")
    page.click("#compose button[type=submit]")
    page.wait_for_url("**/tips?posted=*")
    assert refusals["posts"] == 3
    mine = acme_day["person"].api("GET", "/api/tips?q=signs")
    assert [t["body"] for t in mine["items"]].count("Ask who signs before you send the quote.") == 1

    page.unroute("**/api/tips")
    page.goto(live_server.url + "/compose")
    busy = {"detail": "the server is busy"}
    page.route(
        "**/api/tips",
        lambda route: route.fulfill(status=503, headers={"Retry-After": "0"}, json=busy),
    )
    page.fill("#body", "Another one")
    page.click("#compose button[type=submit]")
    page.locator("#compose-error").wait_for(state="visible")
    assert page.locator("#compose-error").inner_text() == "the server is busy"
