"""Through a real ICS sync: feed on loopback → calendar sync → outbox → push → decrypt."""

from __future__ import annotations

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlmodel import select

from core.models import Notification, utcnow


class Feed:
    def __init__(self) -> None:
        self.body = b""
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar")
                self.send_header("Content-Length", str(len(feed.body)))
                self.end_headers()
                self.wfile.write(feed.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/calendar.ics"

    def publish(self, owner: str, *events: tuple[str, object, int]) -> None:
        def stamp(moment) -> str:
            return moment.strftime("%Y%m%dT%H%M%SZ")

        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tipoff tests//EN"]
        for uid, start, minutes in events:
            lines += [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                f"DTSTAMP:{stamp(utcnow())}",
                f"DTSTART:{stamp(start)}",
                f"DTEND:{stamp(start + timedelta(minutes=minutes))}",
                "SUMMARY:Acme pricing negotiation",
                f"ORGANIZER:mailto:{owner}",
                f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{owner}",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:buyer@acme.com",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        self.body = ("\r\n".join(lines) + "\r\n").encode()


@pytest.fixture
def feed():
    served = Feed()
    served.thread.start()
    yield served
    served.server.shutdown()


def test_sync_brief_move_cancel(
    client, session, member, acme_tip, push_service, feed, deliver, clock, phone
):
    subscriber = push_service.subscribe()
    added = client.post("/api/devices", json=subscriber.to_json(), headers=member.headers)
    assert added.status_code == 201
    start = (utcnow() + timedelta(minutes=20)).replace(microsecond=0)
    feed.publish(member.email, ("deal@acme.example", start, 30))

    connected = client.post("/api/calendars", json={"url": feed.url}, headers=member.headers)
    assert connected.status_code == 201, connected.text
    calendar_id = connected.json()["id"]

    assert deliver().sent == 1  # synced inside the lead time: pushed at once
    [brief] = push_service.delivered(subscriber)
    assert brief["event"] == "brief" and brief["tips"][0]["id"] == acme_tip.id

    # Moved to tomorrow in the calendar: the next sync re-arms the brief for then.
    feed.publish(member.email, ("deal@acme.example", start + timedelta(days=1), 30))
    synced = client.post(f"/api/calendars/{calendar_id}/sync", headers=member.headers)
    assert synced.status_code == 200, synced.text
    assert deliver().total == 0
    briefs = session.exec(select(Notification).where(Notification.kind == "brief")).all()
    assert len(briefs) == 1 and briefs[0].state == "pending"  # the same row, re-timed
    clock.advance(days=1)
    assert deliver().sent == 1
    assert push_service.delivered(subscriber)[1]["meeting"]["start"].startswith(
        (start + timedelta(days=1)).strftime("%Y-%m-%d")
    )

    # Cancelled: the event vanishes from the feed, the shown brief is withdrawn.
    assert phone.show(subscriber) == 1  # the first brief's token died with the move
    feed.publish(member.email)
    assert (
        client.post(f"/api/calendars/{calendar_id}/sync", headers=member.headers).status_code == 200
    )
    assert deliver().sent == 1
    events = [p["event"] for p in push_service.delivered(subscriber)]
    assert events == ["brief", "brief", "withdraw"]
    topics = {r.topic for r in push_service.received}
    assert len(topics) == 1  # one occurrence, one Topic throughout
    assert push_service.errors == []


def test_an_out_of_office_day_in_the_feed_holds_the_brief(
    client, session, member, acme_tip, push_service, feed, deliver
):
    """Through a real sync: an all-day "Urlaub" block covering the meeting drops its brief."""
    from core.models import Absence

    subscriber = push_service.subscribe()
    client.post("/api/devices", json=subscriber.to_json(), headers=member.headers)
    start = (utcnow() + timedelta(minutes=20)).replace(microsecond=0)
    feed.publish(member.email, ("deal@acme.example", start, 30))
    day = start.date()
    feed.body = feed.body.replace(
        b"END:VCALENDAR",
        (
            "BEGIN:VEVENT\r\nUID:holiday@x\r\nDTSTAMP:20261201T000000Z\r\n"
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}\r\nDTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"
            "\r\nSUMMARY:Urlaub\r\nEND:VEVENT\r\nEND:VCALENDAR"
        ).encode(),
    )
    connected = client.post("/api/calendars", json={"url": feed.url}, headers=member.headers)
    assert connected.status_code == 201, connected.text
    [absence] = session.exec(select(Absence)).all()
    assert absence.why == "Urlaub" and absence.user_id == member.id
    assert deliver().sent == 0
    [brief] = session.exec(select(Notification).where(Notification.kind == "brief")).all()
    assert (brief.state, brief.last_error) == ("skipped", "out of office")
    # back from holiday: the next sync without the block forgets it
    feed.publish(member.email, ("deal@acme.example", start, 30))
    calendar_id = connected.json()["id"]
    client.post(f"/api/calendars/{calendar_id}/sync", headers=member.headers)
    session.expire_all()
    assert session.exec(select(Absence)).all() == []
