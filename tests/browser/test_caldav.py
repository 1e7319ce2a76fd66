"""Connecting a CalDAV account from the settings page, against a real Radicale on loopback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.browser.conftest import sign_in, vevent
from tests.calendars.conftest import radicale  # noqa: F401  (the session's Radicale server)

pytestmark = pytest.mark.browser


def test_connect_a_caldav_account_with_a_clear_message_on_failure(
    live_server,
    phone,
    radicale,  # noqa: F811
):
    person = live_server.add_user("member", name="Casey CalDAV")
    username, password = radicale.account()
    principal = radicale.client(username, password).principal()
    work = principal.make_calendar(name="Work")
    start = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(hours=3)
    work.save_event(
        "\r\n".join(
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Tipoff tests//EN",
                vevent("globex-1", "Globex renewal", start, 30, [person.email, "it@globex.com"]),
                "END:VCALENDAR",
                "",
            ]
        )
    )
    page = phone.new_page()
    sign_in(page, person, path="/settings#calendars")
    assert page.locator("#caldav-fields").is_hidden()
    page.check("input[name=kind][value=caldav]")
    assert page.locator("#caldav-fields").is_visible()
    page.fill("#cal-url", radicale.url)
    page.fill("#cal-user", username)
    page.fill("#cal-pass", "not the password")
    page.click("#connect-calendar button[type=submit]")
    error = page.locator("#calendar-error")
    error.wait_for(state="visible")
    message = error.inner_text()
    assert "rejected the username or password" in message and "not the password" not in message
    assert page.locator("#cal-user").input_value() == username  # nothing typed is lost

    page.fill("#cal-pass", password)
    page.click("#connect-calendar button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    page.locator("a.meeting", has_text="Globex renewal").wait_for()
    page.goto("/settings")
    assert "Work" in page.locator("#calendar-list").inner_text()
    assert password not in page.content()
