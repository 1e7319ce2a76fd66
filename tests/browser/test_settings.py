"""Settings on the phone: lead time, time zone (offered from the device), debrief, and errors."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, sign_in

pytestmark = pytest.mark.browser


def test_profile_settings_are_saved(live_server, chromium, acme_day):
    person = acme_day["person"]
    context = chromium.new_context(
        base_url=live_server.url, **{**PHONE, "timezone_id": "Europe/Berlin"}
    )
    try:
        page = context.new_page()
        sign_in(page, person, path="/settings")
        use_device = page.locator("#use-device-tz")
        assert use_device.is_visible() and "Europe/Berlin" in use_device.inner_text()
        use_device.click()
        assert page.locator("#tz").input_value() == "Europe/Berlin"
        page.fill("#lead", "45")
        page.uncheck("input[name=debrief_enabled]")
        page.click("#profile-form button[type=submit]")
        page.get_by_text("Saved.").wait_for()
        me = person.api("GET", "/api/me")
        assert (me["timezone"], me["lead_minutes"], me["debrief_enabled"]) == (
            "Europe/Berlin",
            45,
            False,
        )
        page.reload()
        assert "45 minutes before" in page.locator("#notifications").inner_text()
        assert page.locator("#use-device-tz").is_hidden()

        page.fill("#lead", "1")
        page.click("#profile-form button[type=submit]")
        error = page.locator("#profile-error")
        error.wait_for(state="visible")
        assert "Send the brief this many minutes before a meeting:" in error.inner_text()
        assert "5" in error.inner_text()
        assert person.api("GET", "/api/me")["lead_minutes"] == 45
    finally:
        context.close()
