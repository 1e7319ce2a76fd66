"""Timing that knows the way: travel, quiet hours, the digest, out of office, re-planning.

Run on both databases with a moved clock (``clock``): nothing here waits for real time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from core.calendars import parse
from core.calendars.absence import says_away
from core.models import Absence, Calendar, Notification, User
from core.notifications import digest, email_briefs, outbox, timing


def rows(session, **where):
    query = select(Notification)
    for name, value in where.items():
        query = query.where(getattr(Notification, name) == value)
    return session.exec(query.order_by(Notification.id)).all()


def set_user(session, user_id, **values):
    user = session.get(User, user_id)
    for name, value in values.items():
        setattr(user, name, value)
    session.add(user)
    session.commit()
    return user


def at(meeting, **values):
    for name, value in values.items():
        setattr(meeting, name, value)
    return meeting


def test_a_meeting_somewhere_gets_its_brief_travel_minutes_earlier(
    session, member, make_meeting, subscribe
):
    subscribe(member.id)
    onsite = at(make_meeting(member.id, in_minutes=300), location="Acme HQ, Hauptstr. 5, Köln")
    video = at(make_meeting(member.id, in_minutes=300), location="https://zoom.us/j/123")
    phone = at(make_meeting(member.id, in_minutes=300), location="Phone: +49 30 1234")
    room = at(
        make_meeting(member.id, in_minutes=300),
        location="Room Everest",
        attendees=[{"email": "everest@northwind.example", "name": "Room Everest", "kind": "room"}],
    )
    nowhere = make_meeting(member.id, in_minutes=300)
    outbox.meetings_changed(session, added=[onsite, video, phone, room, nowhere])
    due = {r.meeting_id: r.due_at for r in rows(session, kind="brief")}
    assert due[onsite.id] == onsite.start - timedelta(minutes=30 + 30)
    for meeting in (video, phone, room, nowhere):
        assert due[meeting.id] == meeting.start - timedelta(minutes=30), meeting.location


def test_changing_travel_or_lead_re_plans_pending_briefs(
    client, session, member, make_meeting, subscribe
):
    subscribe(member.id)
    onsite = at(make_meeting(member.id, in_minutes=400), location="Acme plant, Werk 2")
    outbox.meetings_changed(session, added=[onsite])
    session.commit()
    changed = client.patch("/api/me", json={"travel_minutes": 90}, headers=member.headers)
    assert changed.status_code == 200 and changed.json()["travel_minutes"] == 90
    session.expire_all()
    [brief] = rows(session, kind="brief")
    assert brief.due_at == onsite.start - timedelta(minutes=30 + 90)
    client.patch("/api/me", json={"lead_minutes": 60}, headers=member.headers)
    session.expire_all()
    [brief] = rows(session, kind="brief")
    assert brief.due_at == onsite.start - timedelta(minutes=60 + 90)


def test_delivery_settings_are_validated(client, member):
    for bad in (
        {"travel_minutes": 181},
        {"travel_minutes": -1},
        {"fallback_minutes": 31},
        {"brief_channel": "pigeon"},
        {"digest_at": "7:30"},
        {"digest_at": "24:00"},
        {"quiet_hours": {"start": "22:00"}},
        {"quiet_hours": {"start": "22:00", "end": "07:00", "x": 1}},
    ):
        assert client.patch("/api/me", json=bad, headers=member.headers).status_code == 422, bad
    ok = client.patch(
        "/api/me",
        json={
            "brief_channel": "both",
            "fallback_minutes": 0,
            "digest_at": "07:30",
            "quiet_hours": {"start": "22:00", "end": "07:00"},
        },
        headers=member.headers,
    ).json()
    assert ok["brief_channel"] == "both" and ok["fallback_minutes"] == 0
    assert ok["digest_at"] == "07:30"
    assert ok["quiet_hours"] == {"start": "22:00", "end": "07:00"}
    off = client.patch(
        "/api/me", json={"digest_at": None, "quiet_hours": None}, headers=member.headers
    ).json()
    assert off["digest_at"] is None and off["quiet_hours"] is None
    fresh = client.get("/api/me", headers=member.headers).json()
    assert (fresh["travel_minutes"], fresh["brief_channel"]) == (30, "both")


def test_quiet_hours_hold_pushes_except_a_brief_for_a_meeting_inside_them(
    session, member, make_meeting, subscribe
):
    # Berlin, quiet 22:00-07:00 local (21:00-06:00 UTC in December)
    subscribe(member.id)
    set_user(session, member.id, timezone="Europe/Berlin", quiet_start="22:00", quiet_end="07:00")
    day = datetime.now(UTC).date() + timedelta(days=2)

    def utc(hour, minute=0):
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)

    early = make_meeting(member.id, start=utc(5, 0), minutes=30)  # 06:00 Berlin: inside
    morning = make_meeting(member.id, start=utc(6, 15), minutes=30)  # 07:15: brief due 06:45
    late = make_meeting(member.id, start=utc(20, 0), minutes=60)  # ends 22:00: debrief 22:05
    outbox.meetings_changed(session, added=[early, morning, late])
    brief = {r.meeting_id: r.due_at for r in rows(session, kind="brief")}
    debrief = {r.meeting_id: r.due_at for r in rows(session, kind="debrief")}
    assert brief[early.id] == early.start - timedelta(minutes=30)  # comes through
    assert brief[morning.id] == utc(6, 0)  # held to 07:00 Berlin, still before the start
    assert debrief[late.id] == utc(6, 0) + timedelta(days=1)  # held until the morning
    assert brief[late.id] == late.start - timedelta(minutes=30)


def test_quiet_hours_on_one_day_and_across_midnight():
    user = User(email="q@x", name="Q", timezone="UTC", quiet_start="12:00", quiet_end="13:00")
    noon = datetime(2026, 12, 3, 12, 30, tzinfo=UTC)
    assert timing.in_quiet_hours(noon, user)
    assert not timing.in_quiet_hours(noon.replace(hour=13), user)
    assert timing.hold_for_quiet(noon, user) == noon.replace(hour=13, minute=0)
    night = User(email="n@x", name="N", timezone="UTC", quiet_start="22:00", quiet_end="06:00")
    assert timing.hold_for_quiet(datetime(2026, 12, 3, 23, tzinfo=UTC), night) == datetime(
        2026, 12, 4, 6, tzinfo=UTC
    )
    assert timing.hold_for_quiet(datetime(2026, 12, 4, 1, tzinfo=UTC), night) == datetime(
        2026, 12, 4, 6, tzinfo=UTC
    )


def test_morning_digest_once_a_day_with_todays_briefs(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    phone, _ = subscribe(member.id)
    set_user(session, member.id, timezone="Europe/Berlin", digest_at="07:30")
    # move the clock to 07:31 Berlin tomorrow (06:31 UTC)
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    target = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 6, 31, tzinfo=UTC)
    clock.advance(seconds=(target - clock()).total_seconds())
    pricing = make_meeting(member.id, start=target + timedelta(hours=3))
    make_meeting(member.id, start=target + timedelta(hours=5), title="Dentist", domains=())
    make_meeting(member.id, start=target + timedelta(days=1), title="Acme pricing, again")
    assert digest.plan_digests(session, now=target - timedelta(minutes=2)) == 0  # 07:29: not yet
    assert digest.plan_digests(session, now=clock()) == 1
    assert digest.plan_digests(session, now=clock()) == 0  # once a day
    session.commit()
    deliver()
    [payload] = [p for p in push_service.delivered(phone) if p["event"] == "digest"]
    assert payload["day"] == tomorrow.isoformat() and payload["url"] == "/"
    assert [m["id"] for m in payload["meetings"]] == [pricing.id]  # today's, with a brief
    assert payload["receipt"]
    # too late is too late: no "today" list at lunchtime on a later day
    assert digest.plan_digests(session, now=clock() + timedelta(days=1, hours=5)) == 0


def test_out_of_office_is_read_from_what_calendars_write():
    for title in ("Out of office", "OOO", "Urlaub", "Sommerurlaub", "Vacation 🌴", "Betriebsferien",
                  "Annual leave", "Krank"):  # fmt: skip
        assert says_away(title), title
    for title in ("Office hours", "Pricing call with Acme", "Sam's birthday", "Lunch"):
        assert not says_away(title), title
    feed = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            # Outlook: a timed event marked OOF, whatever its title
            "BEGIN:VEVENT",
            "UID:oof@x",
            "DTSTART:20261203T080000Z",
            "DTEND:20261203T120000Z",
            "SUMMARY:Doctor",
            "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
            "END:VEVENT",
            # an all-day block in German
            "BEGIN:VEVENT",
            "UID:urlaub@x",
            "DTSTART;VALUE=DATE:20261207",
            "DTEND;VALUE=DATE:20261209",
            "SUMMARY:Urlaub",
            "END:VEVENT",
            # all day, but not an absence
            "BEGIN:VEVENT",
            "UID:bday@x",
            "DTSTART;VALUE=DATE:20261205",
            "SUMMARY:Sam's birthday",
            "END:VEVENT",
            # a cancelled vacation is no absence
            "BEGIN:VEVENT",
            "UID:cancelled@x",
            "DTSTART;VALUE=DATE:20261210",
            "SUMMARY:Vacation",
            "STATUS:CANCELLED",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()
    owner = parse.Owner.of(["me@northwind.example"], "Europe/Berlin")
    window = parse.Window(datetime(2026, 12, 1, tzinfo=UTC), datetime(2026, 12, 20, tzinfo=UTC))
    parsed = parse.parse_feed(feed, owner, window)
    spans = sorted((s.start, s.end, s.why) for s in parsed.absences)
    assert spans == [
        (datetime(2026, 12, 3, 8, tzinfo=UTC), datetime(2026, 12, 3, 12, tzinfo=UTC), "Doctor"),
        (  # the whole of 7 and 8 December in Berlin
            datetime(2026, 12, 6, 23, tzinfo=UTC),
            datetime(2026, 12, 8, 23, tzinfo=UTC),
            "Urlaub",
        ),
    ]


def test_out_of_office_drops_briefs_debriefs_and_emails(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock, smtp_server
):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=20)
    calendar = session.exec(select(Calendar).where(Calendar.user_id == member.id)).one()
    session.add(
        Absence(
            user_id=member.id,
            calendar_id=calendar.id,
            start=meeting.start - timedelta(days=1),
            end=meeting.start + timedelta(days=1),
            why="Urlaub",
        )
    )
    session.commit()
    outbox.meetings_changed(session, added=[meeting])
    assert deliver().sent == 0
    assert {(r.kind, r.state, r.last_error) for r in rows(session, kind="brief")} == {
        ("brief", "skipped", "out of office")
    }
    clock.advance(minutes=10)
    assert email_briefs.plan_briefs(session, now=clock()) == 0  # no email instead, either
    clock.advance(hours=1)
    assert deliver().sent == 0
    [debrief] = rows(session, kind="debrief")
    assert debrief.state == "skipped" and debrief.last_error == "out of office"
