"""The app says what is going on: sync failures, "in 35 min"/"now"/"ended", who attends,
when a brief was saved, an app-styled 404, HEAD wherever GET works, delivery settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from core.models import Calendar, utcnow
from core.views.timing import status_label
from tests.pwa.conftest import assert_strict_page


def test_status_labels():
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    hour = timedelta(hours=1)
    assert status_label(now + timedelta(minutes=35), now + hour, now) == "in 35 min"
    assert status_label(now + timedelta(seconds=20), now + hour, now) == "in 1 min"
    assert status_label(now + timedelta(minutes=150), now + 3 * hour, now) == "in 2 h 30 min"
    assert status_label(now - timedelta(minutes=5), now + hour, now) == "now"
    assert status_label(now - hour, now - timedelta(minutes=1), now) == "ended"
    assert status_label(now + 20 * hour, now + 21 * hour, now) == ""  # tomorrow: the time says it


def test_next_up_marks_meetings_in_progress_soon_and_ended(
    client, session, day_member, add_meeting
):
    add_meeting(day_member, "Done already", start=utcnow() - timedelta(minutes=10), minutes=5)
    add_meeting(day_member, "Going on", start=utcnow() - timedelta(minutes=5), minutes=30)
    add_meeting(day_member, "Coming up", start=utcnow() + timedelta(minutes=35, seconds=30))
    html = client.get("/", headers=day_member.headers).text
    assert_strict_page(html)
    for title, label in (
        ("Done already", "ended"),
        ("Going on", "now"),
        ("Coming up", "in 35 min"),
    ):
        card = html[html.index(title) - 600 : html.index(title)]
        assert f"data-status>{label}</span>" in card, (title, card)
    assert "data-start=" in html and "data-end=" in html  # the page keeps labels current
    twin = client.get("/api/next-up", headers=day_member.headers).json()
    assert {m["title"]: m["status"] for d in twin["days"] for m in d["meetings"]}[
        "Going on"
    ] == "now"


def test_next_up_warns_when_a_calendar_sync_failed(client, session, member, add_meeting):
    add_meeting(member, "Stale meeting")
    calendar = session.exec(select(Calendar).where(Calendar.user_id == member.id)).one()
    assert "could not be synced" not in client.get("/", headers=member.headers).text
    calendar.failure_count = 2
    calendar.last_error = "the calendar link answered 404 Not Found"
    calendar.last_synced_at = utcnow() - timedelta(hours=3)
    session.add(calendar)
    session.commit()
    html = client.get("/", headers=member.headers).text
    assert "Work could not be synced:" in html
    assert "the calendar link answered 404 Not Found" in html
    assert "may be out of date" in html and 'href="/settings#calendars"' in html
    twin = client.get("/api/next-up", headers=member.headers).json()
    assert twin["sync_trouble"][0]["error"] == "the calendar link answered 404 Not Found"


def test_the_brief_lists_who_attends_without_rooms(client, session, member, add_meeting):
    meeting = add_meeting(member, "Pricing call with Acme Medical", domains=("acme-medical.com",))
    meeting.attendees = [
        {"email": member.email, "name": "Me Myself", "kind": "person"},
        {"email": "jane.doe@acme-medical.com", "name": "Jane Doe", "kind": "person"},
        {"email": "cfo@acme-medical.com", "name": "", "kind": "person"},
        {"email": "kim@northwind.example", "name": "Kim Colleague", "kind": "person"},
        {"email": "everest@resource.calendar.google.com", "name": "Room Everest", "kind": "room"},
        {"email": "beamer@northwind.example", "name": "Beamer 2", "kind": "resource"},
    ]
    session.add(meeting)
    session.commit()
    html = client.get(f"/m/{meeting.id}", headers=member.headers).text
    assert "Jane Doe" in html and "(Acme Medical)" in html
    assert "cfo" in html and "Kim Colleague" in html
    assert "Room Everest" not in html and "Beamer 2" not in html and "Me Myself" not in html
    assert "With acme-medical.com" not in html  # names, not a domain
    assert 'id="saved-at"' in html and "data-saved-at=" in html


def test_unknown_pages_get_the_app_page_and_the_api_keeps_json(client, member):
    page = client.get("/no/such/page", headers=member.headers)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text and 'href="/"' in page.text
    assert_strict_page(page.text)
    stranger = client.get("/nothing-here")
    assert stranger.status_code == 404 and stranger.headers["content-type"].startswith("text/html")
    api = client.get("/api/no-such-thing", headers=member.headers)
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}


def test_head_works_wherever_get_does(client, member):
    # /healthz's write probe cannot take the lock this test's open transaction holds, so
    # its status here is whatever GET says; HEAD must say the same.
    for path, status in (("/", 303), ("/signin", 200), ("/healthz", None), ("/sw.js", 200),
                         ("/manifest.webmanifest", 200), ("/api/push/key", 200)):  # fmt: skip
        got = client.get(path, follow_redirects=False)
        head = client.head(path, follow_redirects=False)
        expected = got.status_code if status is None else status
        assert (got.status_code, head.status_code) == (expected, expected), path
        assert head.content == b""
        assert head.headers.get("content-type") == got.headers.get("content-type"), path
    assert client.head("/settings", headers=member.headers).status_code == 200
    assert client.head("/no/such/page").status_code == 404


def test_settings_show_delivery_settings_and_device_health(client, session, member):
    from core.models import Device

    session.add(
        Device(user_id=member.id, endpoint="https://web.push.apple.com/x", p256dh="p", auth="a")
    )
    session.commit()
    html = client.get("/settings", headers=member.headers).text
    for name in ("travel_minutes", "brief_channel", "fallback_minutes", "digest_at", "quiet_start"):
        assert f'name="{name}"' in html, name
    assert 'data-health="new"' in html
    # three pushes went out, none was confirmed: say so, with the fix for an iPhone
    from core.models import Notification
    from core.notifications import receipts

    device = session.exec(select(Device).where(Device.user_id == member.id)).one()
    sent = utcnow() - timedelta(minutes=30)
    for n in range(3):
        row = Notification(
            device_id=device.id, user_id=member.id, occurrence=f"o{n}", kind="test", state="sent",
            due_at=sent, expires_at=sent, sent_at=sent,
        )  # fmt: skip
        receipts.arm(row)
        session.add(row)
    session.commit()
    html = client.get("/settings", headers=member.headers).text
    assert 'data-health="not_receiving"' in html
    assert "Not receiving" in html and "open Tipoff from the Home Screen" in html
