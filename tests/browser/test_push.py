"""Notifications on the phone: push events delivered to the service worker through the
DevTools protocol (``ServiceWorker.deliverPushMessage``), with payloads built by the
server's own ``core.push.payloads``; installability; asking for permission only after
a tap, and the Home Screen hint on iPhone."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from core.models.calendar import MeetingRef
from core.push import payloads
from tests.browser.conftest import (
    CACHED,
    NOT_CACHED,
    PHONE,
    screenshot,
    sign_in,
    wait_for_service_worker,
    wait_until,
)

pytestmark = pytest.mark.browser

NOTIFICATIONS = """
  navigator.serviceWorker.ready
    .then((registration) => registration.getNotifications())
    .then((shown) => shown.map((n) => ({title: n.title, tag: n.tag, body: n.body, data: n.data})))
"""
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
COUNT_PERMISSION_PROMPTS = """
  window.__asked = 0;
  if (window.Notification) {
    const ask = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = (...args) => { window.__asked += 1; return ask(...args); };
  }
"""


class ServiceWorkerPush:
    """Delivers push messages to the page's service worker as a push service would."""

    def __init__(self, context: Any, page: Any, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.cdp = context.new_cdp_session(page)
        # Latest state per registration id, newest last: an update event for a
        # registration replaces what an earlier event said about it.
        self.registrations: dict[str, dict[str, Any]] = {}
        self.cdp.on("ServiceWorker.workerRegistrationUpdated", self._registrations_updated)
        self.events: list[Any] = []
        self.cdp.on("ServiceWorker.workerErrorReported", lambda e: self.events.append(e))
        self.cdp.on(
            "ServiceWorker.workerVersionUpdated",
            lambda e: self.events.append(
                [(v["runningStatus"], v["status"]) for v in e["versions"]]
            ),
        )
        self.cdp.send("ServiceWorker.enable")
        wait_until(page, "() => navigator.serviceWorker.ready.then(() => true)")
        for _ in range(40):
            if self.registration_id:
                break
            page.wait_for_timeout(100)
        assert self.registration_id, f"no service worker registration seen: {self.registrations}"

    def _registrations_updated(self, event: dict[str, Any]) -> None:
        for registration in event["registrations"]:
            key = str(registration["registrationId"])
            self.registrations.pop(key, None)
            self.registrations[key] = registration

    @property
    def registration_id(self) -> str | None:
        for key, registration in reversed(self.registrations.items()):
            if registration["scopeURL"] == self.origin + "/" and not registration["isDeleted"]:
                return key
        return None

    def deliver(self, payload: bytes, until: Any, what: str) -> list[dict[str, Any]]:
        """Deliver ``payload`` and wait until the shown notifications pass ``until``.

        Now and then headless Chromium drops a message delivered over DevTools
        (the worker is running and nothing is reported), so the message is delivered
        again every 3 s: each payload replaces its own notification (same tag), which
        makes a second delivery harmless.
        """
        for _ in range(7):  # 21 s: generous for a loaded CI machine
            self.cdp.send(
                "ServiceWorker.deliverPushMessage",
                {
                    "origin": self.origin,
                    "registrationId": self.registration_id,
                    "data": payload.decode(),
                },
            )
            for _ in range(30):
                shown = self.shown()
                if until(shown):
                    return shown
                self.page.wait_for_timeout(100)
        raise AssertionError(f"{what}; shown: {self.shown()}; worker: {self.events[-6:]}")

    def shown(self) -> list[dict[str, Any]]:
        return list(self.page.evaluate(NOTIFICATIONS))


def meeting_ref(meeting: dict[str, Any]) -> MeetingRef:
    start = datetime.fromisoformat(meeting["start"].replace("Z", "+00:00"))
    return MeetingRef(id=meeting["id"], title=meeting["title"], start=start, end=start)


def test_push_shows_the_brief_and_withdraw_closes_it(live_server, phone, acme_day):
    person, meeting = acme_day["person"], acme_day["meeting"]
    phone.grant_permissions(["notifications"], origin=live_server.url)
    page = phone.new_page()
    sign_in(page, person)
    wait_for_service_worker(page)
    push = ServiceWorkerPush(phone, page, live_server.url)
    brief = person.api("GET", f"/api/meetings/{meeting['id']}/brief")
    assert brief["tips"]

    # brief: one notification, tagged with the meeting id, saying which tips
    shown = push.deliver(
        payloads.brief(
            meeting_ref(meeting),
            [payloads.TipText(t["id"], t["title"], t["body"]) for t in brief["tips"]],
        ),
        until=lambda s: len(s) == 1,
        what="the brief should be shown",
    )
    note = shown[0]
    assert note["title"] == "Pricing call with Acme"
    assert note["tag"] == str(meeting["id"])
    for tip in brief["tips"]:
        assert tip["title"] in note["body"]
    assert note["data"]["url"] == f"/m/{meeting['id']}" and note["data"]["event"] == "brief"
    assert note["data"]["tips"] == [t["id"] for t in brief["tips"]]
    # ...and the brief page is saved for the trip underground
    wait_until(page, CACHED, f"/m/{meeting['id']}")

    # Settings lists what is in the tray right now (the README's notification picture)
    page.goto("/settings")
    shown_now = page.locator("#shown-list li")
    shown_now.first.wait_for()
    assert "Pricing call with Acme" in shown_now.first.inner_text()
    assert shown_now.first.locator("a").get_attribute("href") == f"/m/{meeting['id']}"
    page.evaluate("document.getElementById('shown').scrollIntoView({block: 'center'})")
    screenshot(page, "notification")

    # the same meeting pushed again replaces, never stacks
    push.deliver(
        payloads.brief(meeting_ref(meeting), []),
        until=lambda s: len(s) == 1 and "0 tips" in s[0]["body"],
        what="replaced in place",
    )

    # withdraw: the brief goes; a quiet note in its place says why
    shown = push.deliver(
        payloads.withdraw(meeting_ref(meeting)),
        until=lambda s: [n["data"]["event"] for n in s] == ["withdraw"],
        what="withdraw closes the brief",
    )
    assert [(n["title"], n["tag"]) for n in shown] == [
        ("Cancelled: Pricing call with Acme", str(meeting["id"]))
    ]
    wait_until(page, NOT_CACHED, f"/m/{meeting['id']}")

    # debrief: "what did you learn?" opening compose for that meeting
    shown = push.deliver(
        payloads.debrief(meeting_ref(meeting)),
        until=lambda s: any(n["title"] == "What did you learn?" for n in s),
        what="debrief asks",
    )
    debrief = next(n for n in shown if n["title"] == "What did you learn?")
    assert debrief["tag"] == str(meeting["id"])
    assert debrief["data"]["url"] == f"/compose?meeting={meeting['id']}"

    # a test push from the settings page
    shown = push.deliver(
        payloads.test(7, "Pixel 8"),
        until=lambda s: any(n["tag"] == "test" for n in s),
        what="test notification",
    )
    test_note = next(n for n in shown if n["tag"] == "test")
    assert test_note["title"] == "Tipoff works" and "Pixel 8" in test_note["body"]

    # whatever arrives, a notification only ever points inside the app
    shown = push.deliver(
        json.dumps(
            {"event": "brief", "v": 1, "meeting": {"id": 9}, "url": "https://evil.example/"}
        ).encode(),
        until=lambda s: any(n["tag"] == "9" for n in s),
        what="odd payload still shown",
    )
    assert next(n for n in shown if n["tag"] == "9")["data"]["url"] == "/"
    push.deliver(
        b"not json at all",
        until=lambda s: any(n["tag"] == "tipoff" for n in s),
        what="unreadable push still shown",
    )


CLOSE_ALL = """
  navigator.serviceWorker.ready
    .then((registration) => registration.getNotifications())
    .then((shown) => shown.forEach((n) => n.close()))
"""


def test_every_push_event_ends_with_a_visible_notification(live_server, phone, acme_day):
    """Browsers revoke push from sites that push silently: whatever arrives, something shows."""
    person, meeting = acme_day["person"], acme_day["meeting"]
    phone.grant_permissions(["notifications"], origin=live_server.url)
    page = phone.new_page()
    sign_in(page, person)
    wait_for_service_worker(page)
    push = ServiceWorkerPush(phone, page, live_server.url)
    ref = meeting_ref(meeting)
    tip = payloads.TipText(1, "Lead with their Q3 budget", "Ask about the budget.")
    kinds = {
        "brief": payloads.brief(ref, [tip]),
        # a withdraw for a brief no longer on screen: a quiet note, never nothing
        "withdraw": payloads.withdraw(ref),
        "debrief": payloads.debrief(ref),
        "digest": payloads.digest("2026-12-01", [ref, ref]),
        "test": payloads.test(3, "Pixel"),
        "unknown": json.dumps({"event": "from-the-future", "v": 9}).encode(),
        "garbage": b"\x00 not json",
        "empty brief": json.dumps({"event": "brief"}).encode(),
    }
    for kind, data in kinds.items():
        page.evaluate(CLOSE_ALL)
        wait_until(
            page,
            "() => navigator.serviceWorker.ready.then(r => r.getNotifications())"
            ".then(n => !n.length)",
        )
        shown = push.deliver(data, until=lambda s: len(s) >= 1, what=f"{kind} shows something")
        assert shown[0]["title"], kind
        if kind == "withdraw":
            assert shown[0]["title"] == "Cancelled: Pricing call with Acme"
            assert shown[0]["tag"] == str(meeting["id"])
        if kind == "digest":
            assert shown[0]["title"] == "Today: 2 meetings with briefs"
            assert shown[0]["data"]["url"] == "/"


def test_the_worker_sends_receipts_for_shown_and_opened(live_server, phone, acme_day):
    """A real outbox row's receipt travels in the payload; the worker reports it back."""
    from core.db import make_engine, session_scope
    from core.models import Device, Notification
    from core.notifications import receipts

    person = acme_day["person"]
    engine = make_engine(live_server.database_url)
    try:
        with session_scope(engine) as session:
            device = Device(
                user_id=person.id,
                endpoint=f"https://push.example/{person.id}",
                p256dh="x",
                auth="y",
            )
            session.add(device)
            session.flush()
            row = Notification(
                device_id=device.id or 0,
                user_id=person.id,
                occurrence=f"browser-{person.id}",
                kind="test",
                state="sent",
                due_at=datetime.now().astimezone(),
                expires_at=datetime.now().astimezone(),
            )
            token = receipts.arm(row)
            session.add(row)
            session.flush()
            row_id = row.id
    finally:
        engine.dispose()

    def stored() -> Notification:
        engine = make_engine(live_server.database_url)
        try:
            with session_scope(engine) as session:
                found = session.get(Notification, row_id)
                assert found is not None
                session.expunge(found)
                return found
        finally:
            engine.dispose()

    phone.grant_permissions(["notifications"], origin=live_server.url)
    page = phone.new_page()
    sign_in(page, person)
    wait_for_service_worker(page)
    push = ServiceWorkerPush(phone, page, live_server.url)
    push.deliver(
        payloads.test(7, "Pixel 8", receipt=token),
        until=lambda s: any(n["tag"] == "test" for n in s),
        what="test notification",
    )
    for _ in range(50):
        if stored().shown_at is not None:
            break
        page.wait_for_timeout(100)
    assert stored().shown_at is not None, "the worker reported the notification shown"
    assert stored().opened_at is None
    worker = worker_of(phone, live_server.url)
    worker.evaluate(
        """token => new Promise((resolve) => {
             onNotificationClick({
               notification: {
                 close() {}, data: { url: "/settings", event: "test", receipt: token },
               },
               waitUntil(promise) { promise.then(resolve, resolve); },
             });
           })""",
        token,
    )
    assert stored().opened_at is not None, "a tap reports it opened"
    devices = person.api("GET", "/api/devices")["items"]
    assert any(d["health"] == "ok" and d["last_shown_at"] for d in devices)


def test_app_is_installable(live_server, installed_profile, acme_day):
    page = installed_profile.new_page()
    sign_in(page, acme_day["person"])
    wait_for_service_worker(page)
    page.reload()
    cdp = installed_profile.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [], manifest["errors"]
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == [], errors


def test_permission_is_asked_only_after_the_tap(live_server, chromium, acme_day):
    context = chromium.new_context(base_url=live_server.url, **PHONE)
    try:
        context.add_init_script(COUNT_PERMISSION_PROMPTS)
        page = context.new_page()
        sign_in(page, acme_day["person"])
        wait_for_service_worker(page)
        page.goto("/settings")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__asked") == 0, "no prompt on page load"
        page.click("#enable-push")
        wait_until(page, "() => window.__asked === 1")
        # headless Chromium has no push service to subscribe with, so this ends in a message
        error = page.locator("#push-error")
        error.wait_for(state="visible")
        assert error.inner_text().strip()
        assert page.locator("#ios-install").is_hidden()
    finally:
        context.close()


def test_iphone_safari_is_shown_how_to_add_to_home_screen_first(live_server, chromium, acme_day):
    context = chromium.new_context(
        base_url=live_server.url, **{**PHONE, "user_agent": IPHONE_SAFARI}
    )
    try:
        context.add_init_script(COUNT_PERMISSION_PROMPTS)
        page = context.new_page()
        sign_in(page, acme_day["person"], path="/settings")
        assert page.locator("#ios-install").is_hidden()
        page.click("#enable-push")
        hint = page.locator("#ios-install")
        hint.wait_for(state="visible")
        assert "Add to Home Screen" in hint.inner_text()
        assert page.evaluate("window.__asked") == 0, "Safari outside the Home Screen cannot push"
    finally:
        context.close()


def test_settings_screenshot(live_server, phone, acme_day):
    page = phone.new_page()
    sign_in(page, acme_day["person"], path="/settings")
    page.locator("#calendar-list li[data-calendar]").wait_for()
    screenshot(page, "settings")


def worker_of(context: Any, origin: str) -> Any:
    for worker in context.service_workers:
        if worker.url.startswith(origin + "/sw.js"):
            return worker
    return context.wait_for_event("serviceworker", timeout=20_000)


def test_notification_click_opens_the_brief(live_server, phone, acme_day):
    """The handler, called as the browser calls it on a tap (no tool can tap a notification)."""
    meeting = acme_day["meeting"]
    page = phone.new_page()
    sign_in(page, acme_day["person"])
    wait_for_service_worker(page)
    worker = worker_of(phone, live_server.url)
    closed = worker.evaluate(
        """path => new Promise((resolve) => {
             let closed = false;
             onNotificationClick({
               notification: { close() { closed = true; }, data: { url: path, event: "brief" } },
               waitUntil(promise) { promise.then(() => resolve(closed), () => resolve(closed)); },
             });
           })""",
        f"/m/{meeting['id']}",
    )
    assert closed is True
    page.wait_for_url(f"**/m/{meeting['id']}")
    assert page.locator("h1").inner_text() == "Pricing call with Acme"
    # a payload pointing off-site opens the app instead
    assert worker.evaluate("safePath('https://evil.example/x')") == "/"
    assert worker.evaluate("safePath('//evil.example/x')") == "/"


def test_subscription_change_registers_the_new_one(live_server, phone, acme_day):
    from tests.push.pushservice import PushService

    person = acme_day["person"]
    page = phone.new_page()
    sign_in(page, person, path="/settings")
    wait_for_service_worker(page)
    page.reload()  # the page hands the worker its CSRF token and device name
    worker = worker_of(phone, live_server.url)
    with PushService() as service:
        fresh = service.subscribe().to_json()
        worker.evaluate(
            """subscription => new Promise((resolve, reject) => {
                 onPushSubscriptionChange({
                   oldSubscription: null,
                   newSubscription: { toJSON: () => subscription },
                   waitUntil(promise) { promise.then(resolve, reject); },
                 });
               })""",
            fresh,
        )
    devices = person.api("GET", "/api/devices")["items"]
    assert [d["push_service"] for d in devices] == ["127.0.0.1"]


def test_notification_actions_send_feedback_without_opening_the_app(live_server, phone, acme_day):
    person, meeting = acme_day["person"], acme_day["meeting"]
    phone.grant_permissions(["notifications"], origin=live_server.url)
    page = phone.new_page()
    sign_in(page, person, path="/settings")
    wait_for_service_worker(page)
    page.reload()  # the page hands the worker its CSRF token
    brief = person.api("GET", f"/api/meetings/{meeting['id']}/brief")
    top = brief["tips"][0]
    worker = worker_of(phone, live_server.url)
    tap = """([action, data]) => new Promise((resolve) => {
               onNotificationClick({
                 action,
                 notification: { close() {}, data },
                 waitUntil(promise) { promise.then(resolve, resolve); },
               });
             })"""
    data = {
        "url": f"/m/{meeting['id']}",
        "event": "brief",
        "meeting": meeting["id"],
        "tips": [t["id"] for t in brief["tips"]],
        "receipt": "",
    }
    pages_before = len(phone.pages)
    worker.evaluate(tap, ["helpful", data])
    after = person.api("GET", f"/api/meetings/{meeting['id']}/brief")
    counts = {t["id"]: t["helpful_count"] for t in after["tips"]}
    assert counts[top["id"]] == top["helpful_count"] + 1
    assert len(phone.pages) == pages_before  # the app was not opened
    shown = page.evaluate(NOTIFICATIONS)
    assert any(n["title"] == "Thanks" for n in shown)
    worker.evaluate(tap, ["not-for-this", data])
    after = person.api("GET", f"/api/meetings/{meeting['id']}/brief")
    assert top["id"] not in {t["id"] for t in after["tips"]}  # not for this meeting any more
