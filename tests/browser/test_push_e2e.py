"""The whole push chain, from a tap on "enable notifications" to the notification.

Headless Chromium has no push service to subscribe with, so the page's
``PushManager.subscribe`` hands out a subscription whose endpoint is the push
service stand-in of the pushes tests (``tests/push/pushservice.py``, on
loopback): it holds a real P-256 key pair, verifies the server's VAPID JWT and
decrypts the aes128gcm body. What it decrypts is then delivered to the service
worker through the DevTools protocol, exactly as a push service would. Every
other step is the real one: the settings page registers the device, the
server's scheduler (inside ``tipoff serve``) plans and sends the brief, the
test push and the withdraw after a calendar sync.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.browser.conftest import sign_in, vevent, wait_for_service_worker, wait_until
from tests.browser.test_push import ServiceWorkerPush
from tests.push.pushservice import PushService

pytestmark = pytest.mark.browser

FAKE_SUBSCRIBE = """
(() => {
  const subscription = %s;
  const fake = {
    endpoint: subscription.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true },
    toJSON: () => subscription,
    unsubscribe: async () => { localStorage.removeItem("fake-subscribed"); return true; },
  };
  if (window.PushManager) {  // the browser keeps a subscription across page loads
    PushManager.prototype.subscribe = async function () {
      localStorage.setItem("fake-subscribed", "1");
      return fake;
    };
    PushManager.prototype.getSubscription = async function () {
      return localStorage.getItem("fake-subscribed") ? fake : null;
    };
  }
})();
"""


def arrival(
    service: PushService, subscriber: Any, event: str, seconds: float = 30
) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [p for p in service.delivered(subscriber) if p.get("event") == event]
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(
        f"no {event!r} push arrived; got {service.delivered(subscriber)}, errors {service.errors}"
    )


def test_enable_notifications_then_brief_test_and_withdraw_arrive(
    live_server, phone, acme_day, feeds
):
    person, meeting = acme_day["person"], acme_day["meeting"]
    vapid_key = httpx.get(live_server.url + "/api/push/key").json()["public_key"]
    # the brief is due at once: the meeting starts within the lead time
    person.api("PATCH", "/api/me", {"lead_minutes": 120})

    with PushService(vapid_key) as service:
        subscriber = service.subscribe()
        phone.grant_permissions(["notifications"], origin=live_server.url)
        phone.add_init_script(FAKE_SUBSCRIBE % json.dumps(subscriber.to_json()))
        page = phone.new_page()
        sign_in(page, person, path="/settings")
        wait_for_service_worker(page)
        worker = ServiceWorkerPush(phone, page, live_server.url)

        page.click("#enable-push")
        device = page.locator("#devices li[data-device]")
        device.wait_for()
        assert "Android phone" in device.inner_text()
        wait_until(
            page,
            "() => document.getElementById('enable-push').textContent"
            ".includes('Notifications are on')",
        )
        assert person.api("GET", "/api/devices")["items"][0]["name"] == "Android phone"

        # 1. the brief, planned and sent by the server's scheduler
        brief = arrival(service, subscriber, "brief")
        assert brief["meeting"]["id"] == meeting["id"] and brief["url"] == f"/m/{meeting['id']}"
        assert brief["tips"]
        shown = worker.deliver(
            json.dumps(brief).encode(), until=lambda s: len(s) == 1, what="the brief notification"
        )
        assert (shown[0]["title"], shown[0]["tag"]) == (
            "Pricing call with Acme",
            str(meeting["id"]),
        )

        # 2. "send a test" on the settings page
        page.reload()
        page.click("button[data-action=test-device]")
        page.get_by_text("Test sent").wait_for()
        test = arrival(service, subscriber, "test")
        shown = worker.deliver(
            json.dumps(test).encode(),
            until=lambda s: any(n["tag"] == "test" for n in s),
            what="the test",
        )
        assert "Android phone" in next(n for n in shown if n["tag"] == "test")["body"]

        # 3. the meeting is cancelled in the calendar: a sync withdraws the brief
        later = datetime.now(UTC) + timedelta(hours=20)
        feeds.publish(
            f"cal-{person.id}",
            [
                vevent(
                    "forecast-only",
                    "Forecast review",
                    later,
                    30,
                    [person.email, "a@northwind.example"],
                )
            ],
        )
        page.click("button[data-action=sync-calendar]")
        page.get_by_text("Synced:").wait_for()
        withdraw = arrival(service, subscriber, "withdraw")
        assert withdraw["meeting"]["id"] == meeting["id"]
        worker.deliver(
            json.dumps(withdraw).encode(),
            until=lambda s: (
                [n["title"] for n in s if n["tag"] == str(meeting["id"])]
                == ["Cancelled: Pricing call with Acme"]
            ),
            what="the withdraw replaces the brief",
        )
        topics = {r.topic for r in service.received if r.payload and r.payload["event"] != "test"}
        assert len(topics) == 1, "brief and withdraw share one Topic, so one replaces the other"
        assert service.errors == []
