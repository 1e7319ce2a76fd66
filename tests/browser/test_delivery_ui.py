"""The app says what is going on (issue 16), in the system Chromium: the sync-failure banner,
compose with a draft and with the network cut and restored, "Enable notifications" that
gives up after 10 s with a message, and a cached brief that says when it was saved."""

from __future__ import annotations

import secrets

import pytest

from tests.browser.conftest import (
    CACHED,
    screenshot,
    sign_in,
    upcoming_events,
    wait_for_service_worker,
    wait_until,
)

pytestmark = pytest.mark.browser


def test_next_up_warns_when_the_calendar_link_broke(live_server, phone, feeds, library):
    person = live_server.add_user("member", name="Robin Rep")
    name = f"cal-{person.id}"
    url = feeds.publish(name, upcoming_events(me=person.email))
    calendar = person.api("POST", "/api/calendars", {"url": url})
    page = phone.new_page()
    sign_in(page, person)
    page.locator("a.card.meeting").first.wait_for()
    assert page.locator("[data-sync-trouble]").count() == 0
    assert page.locator("a.card.meeting [data-status]").first.inner_text().startswith("in ")

    del feeds.files[name]  # the link stops working (the feed answers 404)
    result = person.api("POST", f"/api/calendars/{calendar['id']}/sync")
    assert result["last_error"]
    page.reload()
    banner = page.locator("[data-sync-trouble]")
    banner.wait_for()
    assert "could not be synced" in banner.inner_text()
    assert "may be out of date" in banner.inner_text()
    assert banner.locator("a").get_attribute("href") == "/settings#calendars"
    # the stale meetings are still there, under the warning
    assert page.locator("a.card.meeting").count() >= 1
    screenshot(page, "sync-failure")


def _tips_with(person, text):
    return [t for t in person.api("GET", f"/api/tips?q={text}")["items"] if text in t["body"]]


def test_compose_keeps_a_draft_and_posts_when_back_online(live_server, phone, acme_day):
    person = acme_day["person"]
    marker = f"offline{secrets.token_hex(3)}"
    page = phone.new_page()
    sign_in(page, person, path="/compose")
    wait_for_service_worker(page)
    page.reload()  # controlled by the worker; /compose saved for offline use

    # a draft survives closing the page
    page.fill("#body", f"Draft about the loading dock {marker}")
    page.wait_for_timeout(600)
    page.reload()
    assert marker in page.locator("#body").input_value()
    assert "draft" in page.locator("#draft-note").inner_text().lower()

    # underground: no network. The tip is queued in the worker and the page says so
    phone.set_offline(True)
    page.fill("#title", "Loading dock code")
    page.fill("#body", f"Gate code for Acme's loading dock is on the visitor badge {marker}")
    page.click("#compose button[type=submit]")
    queued = page.locator("#queued")
    queued.wait_for()
    assert "saved on this phone" in queued.inner_text()
    assert page.locator("#body").input_value() == ""  # the draft went into the queue
    assert _tips_with(person, marker) == []

    # back above ground: Background Sync posts it; or the next open does
    phone.set_offline(False)
    for attempt in range(40):
        if _tips_with(person, marker):
            break
        if attempt == 10:
            page.goto("/")  # the next open flushes the queue where Background Sync did not
        page.wait_for_timeout(500)
    posted = _tips_with(person, marker)
    assert len(posted) == 1, "posted exactly once"
    assert posted[0]["title"] == "Loading dock code"


def test_enable_notifications_times_out_with_a_message(live_server, phone, acme_day):
    phone.grant_permissions(["notifications"], origin=live_server.url)
    # a push service that never answers: subscribe() hangs forever
    phone.add_init_script(
        "if (window.PushManager) PushManager.prototype.subscribe = () => new Promise(() => {});"
    )
    page = phone.new_page()
    sign_in(page, acme_day["person"], path="/settings")
    wait_for_service_worker(page)
    button = page.locator("#enable-push")
    button.click()
    page.wait_for_timeout(1000)
    assert button.is_disabled()  # working on it
    error = page.locator("#push-error")
    page.locator("#push-error", has_text="took too long").wait_for(timeout=15_000)
    assert "tap again" in error.inner_text()
    assert button.is_enabled()


def test_an_offline_brief_says_when_it_was_saved(live_server, phone, acme_day):
    meeting = acme_day["meeting"]
    page = phone.new_page()
    sign_in(page, acme_day["person"])
    wait_for_service_worker(page)
    page.goto(f"/m/{meeting['id']}")
    saved = page.locator("#saved-at")
    assert saved.is_hidden()  # fresh from the network: nothing to say
    wait_until(page, CACHED, f"/m/{meeting['id']}")
    phone.set_offline(True)
    try:
        page.reload()
        saved.wait_for()
        assert saved.inner_text().startswith("Saved ")
        assert "offline" in saved.inner_text()
        # attendees by name and company, not a domain
        assert "(Acme)" in page.locator(".attendees").inner_text()
        screenshot(page, "brief-offline")
    finally:
        phone.set_offline(False)


def test_settings_say_when_a_phone_stopped_receiving(live_server, phone, acme_day):
    """Three pushes went out to an iPhone and none was confirmed shown: Settings says so,
    with the fix for an iPhone; the delivery settings save through PATCH /api/me."""
    from datetime import UTC, datetime, timedelta

    from core.db import make_engine, session_scope
    from core.models import Device, Notification
    from core.notifications import receipts

    person = acme_day["person"]
    engine = make_engine(live_server.database_url)
    try:
        with session_scope(engine) as session:
            device = Device(
                user_id=person.id,
                endpoint=f"https://web.push.apple.com/{secrets.token_hex(8)}",
                p256dh="x",
                auth="y",
                name="iPhone",
            )
            session.add(device)
            session.flush()
            sent = datetime.now(UTC) - timedelta(hours=2)
            for n in range(3):
                row = Notification(
                    device_id=device.id or 0, user_id=person.id, occurrence=f"h{n}-{person.id}",
                    kind="brief", state="sent", due_at=sent, expires_at=sent, sent_at=sent,
                )  # fmt: skip
                receipts.arm(row)
                session.add(row)
            device.last_sent_at = sent
    finally:
        engine.dispose()
    page = phone.new_page()
    sign_in(page, person, path="/settings")
    health = page.locator("li[data-health=not_receiving] .health")
    health.wait_for()
    assert "Home Screen" in health.inner_text()
    page.evaluate("document.getElementById('notifications').scrollIntoView({block: 'start'})")
    screenshot(page, "device-health")

    page.fill("#travel", "45")
    page.select_option("#channel", "both")
    page.fill("#digest", "07:30")
    page.fill("#quiet-start", "22:00")
    page.fill("#quiet-end", "06:30")
    page.evaluate("document.getElementById('travel').scrollIntoView({block: 'center'})")
    screenshot(page, "settings-delivery")
    page.click("#profile-form button[type=submit]")
    page.locator("#status", has_text="Saved").wait_for()
    me = person.api("GET", "/api/me")
    assert (me["travel_minutes"], me["brief_channel"], me["digest_at"]) == (45, "both", "07:30")
    assert me["quiet_hours"] == {"start": "22:00", "end": "06:30"}
