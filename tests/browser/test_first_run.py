"""From `tipoff serve` to a first brief, as a new admin does it on a phone — and inviting
a colleague who then signs up through the link."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import PASSWORD, screenshot, upcoming_events

pytestmark = pytest.mark.browser


def test_setup_link_connect_calendar_first_brief_and_invite(live_server, feeds, phone, chromium):
    started = time.monotonic()
    colleague = live_server.add_user("member", name="Dana Colleague")
    colleague.api(
        "POST",
        "/api/tips",
        {
            "title": "Ask who signs",
            "body": "At Acme the CFO signs anything over 50k: ask who else joins.",
            "accounts": ["acme.com"],
        },
    )
    page = phone.new_page()

    # 1. the one-time link printed by `tipoff serve`
    page.goto(live_server.setup_link)
    assert page.locator("h1").inner_text() == "Set up Tipoff"
    page.fill("#name", "Alex Admin")
    page.fill("#email", "alex@northwind.example")
    page.fill("#password", "short")
    page.click("button[type=submit]")
    short = page.locator("#form-error")
    short.wait_for(state="visible")
    assert "8" in short.inner_text()
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("heading", name="Connect your calendar").is_visible()

    # 2. connect the calendar: first a link that is not a calendar, then the real one
    page.get_by_role("link", name="Connect a calendar").click()
    page.wait_for_url("**/settings#calendars")
    page.fill("#cal-url", feeds.base_url + "/nothing-here.ics")
    page.click("#connect-calendar button[type=submit]")
    error = page.locator("#calendar-error")
    error.wait_for(state="visible")
    assert error.inner_text().strip(), "a failed link must say why"
    ics = feeds.publish("alex", upcoming_events(me="alex@northwind.example"))
    page.fill("#cal-url", ics)
    page.click("#connect-calendar button[type=submit]")
    page.wait_for_url(live_server.url + "/")

    # 3. Next up shows the meeting; its brief has the colleague's tip
    meeting = page.locator("a.meeting", has_text="Pricing call with Acme")
    meeting.wait_for()
    assert "Ask who signs" in meeting.inner_text()
    meeting.click()
    page.wait_for_url("**/m/*")
    assert page.locator("h1").inner_text() == "Pricing call with Acme"
    assert page.locator("article.tip", has_text="the CFO signs anything over 50k").count() == 1
    elapsed = time.monotonic() - started
    print(f"\nsetup link to first brief, automated: {elapsed:.1f} s")
    assert elapsed < 120, f"setup to first brief took {elapsed:.1f}s of machine time"

    # 4. invite a colleague, who joins through the link in a browser of their own
    page.goto("/settings#invites")
    page.fill("#invite-email", "sam@northwind.example")
    page.click("#invite-form button[type=submit]")
    link = page.locator("#invite-url")
    link.wait_for(state="visible")
    invite_url = link.input_value()
    assert "/join/inv_" in invite_url
    page.reload()
    assert "/join/" not in page.content()  # shown once, never again

    other = chromium.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    try:
        joiner = other.new_page()
        joiner.goto(invite_url)
        assert "Alex Admin invited you" in joiner.content()
        assert joiner.locator("#email").input_value() == "sam@northwind.example"
        joiner.fill("#name", "Sam New")
        joiner.fill("#password", PASSWORD)
        joiner.click("button[type=submit]")
        joiner.wait_for_url(live_server.url + "/")
        assert joiner.get_by_role("heading", name="Connect your calendar").is_visible()
        joiner.goto(invite_url)
        assert "expired or was already used" in joiner.content()
    finally:
        other.close()

    # the setup link is used up too
    page.goto(live_server.setup_link)
    assert "already set up" in page.content() or "already used" in page.content()


def test_sign_in_returns_to_the_page_asked_for(live_server, phone, acme_day):
    page = phone.new_page()
    meeting = acme_day["meeting"]
    page.goto(f"/m/{meeting['id']}")
    page.wait_for_url("**/signin?next=*")
    page.fill("#email", acme_day["person"].email)
    page.fill("#password", "wrong password")
    page.click("button[type=submit]")
    error = page.locator("#form-error")
    error.wait_for(state="visible")
    assert "wrong email or password" in error.inner_text()
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/m/{meeting['id']}")
    assert page.locator("h1").inner_text() == "Pricing call with Acme"


def test_next_up_screenshot(live_server, phone, acme_day):
    from tests.browser.conftest import sign_in

    page = phone.new_page()
    sign_in(page, acme_day["person"])
    page.locator("a.meeting", has_text="Pricing call with Acme").wait_for()
    assert page.locator("h2", has_text="Today").count() == 1
    assert page.locator("h2", has_text="Tomorrow").count() == 1
    screenshot(page, "next-up")
