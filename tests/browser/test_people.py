"""People admin in the browser: search, role, deactivate, invite by email (one and a pasted
list) with the mail received by a real SMTP server and its link followed, and "forgot
password" from the sign-in page to a new password."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.browser.conftest import PASSWORD, screenshot, sign_in
from tests.mail.smtpserver import MailServer, Received

pytestmark = pytest.mark.browser


def mail_to(server: MailServer, address: str, timeout: float = 30.0) -> Received:
    """The newest mail to ``address`` (the live server's scheduler sends within seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in server.received if address in m.recipients]
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no mail to {address} within {timeout} s")


def test_people_page(live_server, mail_server, phone, chromium):
    admin = live_server.add_user("admin", name="Pat Admin")
    leaver = live_server.add_user("member", name="Lee Leaver")
    page = phone.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, admin, path="/people")
    page.wait_for_url("**/people")
    assert page.locator("h1").inner_text() == "People"

    # search as you type
    page.fill("#people-q", "lee leav")
    row = page.locator(f'#people-list li[data-user="{leaver.id}"]')
    assert row.is_visible()
    assert page.locator(f'#people-list li[data-user="{admin.id}"]').is_hidden()

    # role
    row.locator('select[data-action="role"]').select_option("curator")
    page.locator("#status", has_text="Lee Leaver is now curator").wait_for()
    people = {p["id"]: p for p in admin.api("GET", "/api/users")["items"]}
    assert people[leaver.id]["role"] == "curator"

    # deactivate: takes effect at once
    assert (
        httpx.get(
            live_server.url + "/api/me", headers={"Authorization": f"Bearer {leaver.token}"}
        ).status_code
        == 200
    )
    row.locator('button[data-action="deactivate"]').click()
    row.locator('[data-field="state"]', has_text="deactivated").wait_for()
    assert (
        httpx.get(
            live_server.url + "/api/me", headers={"Authorization": f"Bearer {leaver.token}"}
        ).status_code
        == 401
    )
    assert row.locator('button[data-action="reactivate"]').is_visible()

    # invite one colleague by email; they follow the mailed link and join
    page.fill("#people-q", "")
    page.fill("#invite-email", "robin.new@northwind.example")
    page.select_option("#invite-role", "member")
    page.click("#invite-one button[type=submit]")
    page.locator("#invite-sent-text", has_text="robin.new@northwind.example").wait_for()
    mail = mail_to(mail_server, "robin.new@northwind.example")
    assert "Pat Admin invites you" in mail.text and "Join Tipoff" in mail.html
    [link] = mail.links()
    other = chromium.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    try:
        joiner = other.new_page()
        joiner.goto(link)
        assert "Pat Admin invited you" in joiner.content()
        joiner.fill("#name", "Robin New")
        joiner.fill("#password", PASSWORD)
        joiner.click("button[type=submit]")
        joiner.wait_for_url(live_server.url + "/")
    finally:
        other.close()

    # a pasted list, answered per address
    page.click("#bulk summary")
    page.fill(
        "#bulk-emails",
        f"kim.new@northwind.example,\n not-an-address; {leaver.email}\nrobin.new@northwind.example",
    )
    page.click("#invite-bulk button[type=submit]")
    results = page.locator("#bulk-results li")
    results.first.wait_for()
    assert [r.inner_text() for r in results.all()] == [
        "kim.new@northwind.example: invite sent",
        "not-an-address: not a valid address",
        f"{leaver.email}: already a member (deactivated: reactivate them on the People page)",
        "robin.new@northwind.example: already a member",
    ]
    kim = mail_to(mail_server, "kim.new@northwind.example")
    assert kim.recipients == ["kim.new@northwind.example"]
    page.goto("/people")
    page.locator("#members").evaluate("section => section.scrollIntoView()")
    screenshot(page, "people")


def test_forgot_password_from_sign_in_to_a_new_password(live_server, mail_server, phone):
    person = live_server.add_user("member", name="Forgetful Fran")
    page = phone.new_page()
    page.goto("/signin")
    page.click("#forgot-link")
    page.wait_for_url("**/forgot")
    page.fill("#email", person.email)
    page.click("#forgot button[type=submit]")
    page.locator("#forgot-sent").wait_for()
    [link] = mail_to(mail_server, person.email).links()
    assert "/reset/pwr_" in link
    page.goto(link)
    page.fill("#new-password", "a brand new password")
    page.click("#reset button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    # The old password is gone, the new one works, the link is used up.
    old = httpx.post(
        live_server.url + "/api/auth/login", json={"email": person.email, "password": PASSWORD}
    )
    assert old.status_code == 401
    new = httpx.post(
        live_server.url + "/api/auth/login",
        json={"email": person.email, "password": "a brand new password"},
    )
    assert new.status_code == 200
    page.goto(link)
    assert "expired or was already used" in page.content()
