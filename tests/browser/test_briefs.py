"""The brief page on a phone: "this helped", flags, and opening it with no network."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CACHED, screenshot, sign_in, wait_for_service_worker, wait_until

pytestmark = pytest.mark.browser


def test_vote_and_flag_on_a_brief(live_server, phone, acme_day):
    page = phone.new_page()
    meeting = acme_day["meeting"]
    sign_in(page, acme_day["person"], path=f"/m/{meeting['id']}")
    card = page.locator("article.tip", has_text="Bring the logistics case study")
    tip_id = int(card.get_attribute("data-tip") or 0)
    before = acme_day["colleague"].api("GET", f"/api/tips/{tip_id}")["helpful_count"]

    helped = card.locator("button[data-action=vote]")
    assert helped.get_attribute("aria-pressed") == "false"
    helped.click()
    wait_until(page, "el => el.getAttribute('aria-pressed') === 'true'", helped.element_handle())
    assert card.locator(".count").inner_text() == str(before + 1)
    assert acme_day["colleague"].api("GET", f"/api/tips/{tip_id}")["helpful_count"] == before + 1
    page.reload()
    card = page.locator(f"article.tip[data-tip='{tip_id}']")
    assert card.locator("button[data-action=vote]").get_attribute("aria-pressed") == "true"

    card.locator("details.flag summary").click()
    card.locator("input[name=reason]").fill("The case study is from 2019")
    card.locator("form[data-action=flag] button").click()
    card.get_by_text("Flagged — a curator will look at it.").wait_for()
    curator = live_server.add_user("curator")
    flags = curator.api("GET", f"/api/tips/{tip_id}/flags")
    assert "The case study is from 2019" in [f["reason"] for f in flags]

    # taking the vote back
    card.locator("button[data-action=vote]").click()
    wait_until(
        page,
        "el => el.getAttribute('aria-pressed') === 'false'",
        card.locator("button[data-action=vote]").element_handle(),
    )
    assert acme_day["colleague"].api("GET", f"/api/tips/{tip_id}")["helpful_count"] == before


def test_brief_opens_offline_after_one_visit(live_server, phone, acme_day):
    page = phone.new_page()
    meeting = acme_day["meeting"]
    sign_in(page, acme_day["person"])
    wait_for_service_worker(page)
    page.goto(f"/m/{meeting['id']}")
    page.locator("article.tip").first.wait_for()
    wait_until(page, CACHED, f"/m/{meeting['id']}")
    screenshot(page, "brief")

    phone.set_offline(True)
    try:
        page.reload()
        assert page.locator("h1").inner_text() == "Pricing call with Acme"
        assert page.locator("article.tip").count() >= 2
        assert page.locator("link[rel=stylesheet]").count() == 1
        # styles came from the precached shell: the tab bar is laid out, not a bare list
        assert page.locator("nav.tabs").evaluate("el => getComputedStyle(el).position") == "fixed"
        # a page never opened shows the offline page instead of the browser's error
        page.goto("/tips?q=never-visited")
        assert page.locator("h1").inner_text() == "You are offline"
    finally:
        phone.set_offline(False)


def test_next_up_saves_upcoming_briefs_for_offline(live_server, phone, acme_day):
    """Briefs of upcoming meetings are saved when Next up is shown, before anyone opens them."""
    page = phone.new_page()
    meeting = acme_day["meeting"]
    sign_in(page, acme_day["person"])
    wait_for_service_worker(page)
    page.reload()  # now controlled: the page asks the worker to keep its briefs
    wait_until(page, CACHED, f"/m/{meeting['id']}")
    phone.set_offline(True)
    try:
        page.goto(f"/m/{meeting['id']}")
        assert page.locator("h1").inner_text() == "Pricing call with Acme"
    finally:
        phone.set_offline(False)


def test_signing_out_forgets_saved_pages(live_server, phone, acme_day):
    page = phone.new_page()
    meeting = acme_day["meeting"]
    sign_in(page, acme_day["person"], path=f"/m/{meeting['id']}")
    wait_for_service_worker(page)
    page.reload()
    wait_until(
        page, "() => caches.open('tipoff-pages').then(c => c.keys()).then(k => k.length > 0)"
    )
    page.goto("/settings")
    page.click("#sign-out")
    page.wait_for_url("**/signin")
    wait_until(page, "() => caches.has('tipoff-pages').then(has => !has)")
    page.goto(f"/m/{meeting['id']}")
    page.wait_for_url("**/signin?next=*")


def test_dark_mode_follows_the_phone(live_server, chromium, acme_day):
    from tests.browser.conftest import PHONE

    context = chromium.new_context(base_url=live_server.url, color_scheme="dark", **PHONE)
    try:
        page = context.new_page()
        sign_in(page, acme_day["person"], path=f"/m/{acme_day['meeting']['id']}")
        page.locator("article.tip").first.wait_for()
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        card = page.evaluate("getComputedStyle(document.querySelector('.card')).color")
        assert background == "rgb(15, 17, 21)"
        assert card == "rgb(233, 236, 241)"
        screenshot(page, "brief-dark")
    finally:
        context.close()


def test_not_for_this_meeting_leaves_the_brief_and_is_learned(live_server, phone, acme_day):
    page = phone.new_page()
    meeting = acme_day["meeting"]
    sign_in(page, acme_day["person"], path=f"/m/{meeting['id']}")
    card = page.locator("article.tip", has_text="Bring the logistics case study")
    tip_id = int(card.get_attribute("data-tip") or 0)

    card.locator("button[data-action=not-for]").click()
    card.get_by_text("Noted — this tip will not show for this meeting again.").wait_for()
    assert card.locator("button[data-action=not-for]").count() == 0
    screenshot(page, "brief-not-for-this-meeting")

    page.reload()
    page.locator("h1").wait_for()
    assert page.locator(f"article.tip[data-tip='{tip_id}']").count() == 0
    brief = acme_day["person"].api("GET", f"/api/meetings/{meeting['id']}/brief")
    assert tip_id not in [t["id"] for t in brief["tips"]]
