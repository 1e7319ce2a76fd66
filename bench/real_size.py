"""The "real size" feed of bench/sync.py: ten years of a Google calendar in one 6 MB file.

Google's secret iCal address exports every event the person ever had. This
generates one like it, relative to today: 5,000 single meetings spread over the
last ten years (and a few months ahead), 40 weekly series (most still running,
some ended, with EXDATEs and overrides, some overrides listed before their
master), each event with Google's properties, attendees, a long description and
a reminder (VALARM), lines folded at 75 octets. ``version`` 2 differs from 1 by a
few moved, added and removed events inside the window, as a changed feed does.

It also holds the peak-memory probe, which runs in a child process so the figure
is that of one sync, not of the benchmark around it.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

BERLIN = """BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
"""
HEADER = (
    "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:owner@northwind.example\r\n"
    "X-WR-TIMEZONE:Europe/Berlin\r\n"
)
ALARM = ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:This is an event reminder",
         "TRIGGER:-P0DT0H10M0S", "END:VALARM"]  # fmt: skip
TOPICS = ["Pipeline review", "Acme QBR", "Pricing call", "Renewal", "Demo", "Kickoff",
          "Abstimmung Konditionen", "Forecast", "Onboarding", "Contract call", "Team sync",
          "Deal desk", "Quarterly business review – Globex"]  # fmt: skip
CUSTOMERS = ["acme.example", "globex.example", "initech.example", "umbrella.example",
             "hooli.example", "stark.example"]  # fmt: skip


def fold(lines: list[str]) -> bytes:
    """RFC 5545 folding at 75 octets, as Google does (possibly inside a character)."""
    out = []
    for line in lines:
        raw = line.encode()
        out.append(raw[:75])
        for start in range(75, len(raw), 74):
            out.append(b"\r\n " + raw[start : start + 74])
        out.append(b"\r\n")
    return b"".join(out)


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _common(rng: random.Random, uid: str, created: datetime, title: str) -> list[str]:
    customer = rng.choice(CUSTOMERS)
    lines = ["DTSTAMP:" + _utc(created), "ORGANIZER;CN=Owner:mailto:owner@northwind.example",
             f"UID:{uid}"]  # fmt: skip
    for n in range(rng.randint(2, 6)):
        who = f"buyer{n}@{customer}" if n % 2 else f"colleague{n}@northwind.example"
        lines.append(
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT="
            f"{rng.choice(['ACCEPTED', 'NEEDS-ACTION', 'TENTATIVE'])};RSVP=TRUE"
            f";CN={who};X-NUM-GUESTS=0:mailto:{who}"
        )
    lines.append(
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Owner"
        ";X-NUM-GUESTS=0:mailto:owner@northwind.example"
    )
    description = (
        f"Agenda for {title}: review the open points with {customer}\\, agree next steps"
        "\\nJoin with Google Meet: https://meet.google.com/abc-defg-hij\\nOr dial: (DE) "
        "+49 30 12345678 PIN: 123456789#\\nMore phone numbers: https://tel.meet/abc-defg-hij"
        "\\n\\nPlease do not edit this section of the description."
    )
    lines += [
        "CREATED:" + _utc(created),
        "DESCRIPTION:" + description,
        "LAST-MODIFIED:" + _utc(created),
        f"LOCATION:Room {rng.randint(1, 9)}\\, Berlin office",
        "SEQUENCE:0",
        "STATUS:CONFIRMED",
        f"SUMMARY:{title}",
        "TRANSP:OPAQUE",
    ]
    return lines


def make_big_feed(
    seed: int, version: int, *, singles: int = 5000, series: int = 40, now: datetime | None = None
) -> bytes:
    """The 10-year Google-style feed; versions 1 and 2 differ inside the window."""
    today = (now or datetime.now(UTC)).replace(hour=0, minute=0, second=0, microsecond=0)
    first_day = today - timedelta(days=3650)
    blocks: list[bytes] = []
    for n in range(singles):
        rng = random.Random(f"{seed}-single-{n}")
        day = rng.randint(0, 3650 + 120)
        start = first_day + timedelta(days=day, hours=rng.randint(7, 17), minutes=rng.choice([0, 30]))
        if version == 2 and n % 1000 == 7:
            start = today + timedelta(days=2 + n % 5, hours=9 + n % 6)  # moved into the window
        if version == 2 and n % 1500 == 11:
            continue  # removed
        uid = f"{rng.getrandbits(104):026x}@google.com"
        lines = ["BEGIN:VEVENT", f"DTSTART:{_utc(start)}",
                 f"DTEND:{_utc(start + timedelta(minutes=rng.choice([30, 45, 60])))}",
                 *_common(rng, uid, start - timedelta(days=7), f"{rng.choice(TOPICS)} {n}"),
                 *ALARM, "END:VEVENT"]  # fmt: skip
        blocks.append(fold(lines))
    for n in range(series):
        rng = random.Random(f"{seed}-series-{n}")
        began = first_day + timedelta(days=rng.randint(0, 3000), hours=rng.randint(8, 16))
        began -= timedelta(days=began.weekday())  # a Monday
        uid = f"{rng.getrandbits(104):026x}@google.com"
        ended = n % 8 == 7  # most series still run
        rule = "RRULE:FREQ=WEEKLY;BYDAY=" + ("MO,TH" if n % 3 == 0 else "MO")
        if ended:
            rule += ";UNTIL=" + _utc(today - timedelta(days=rng.randint(30, 900)))
        title = f"Weekly {rng.choice(TOPICS)} {n}"
        master = ["BEGIN:VEVENT", f"DTSTART;TZID=Europe/Berlin:{_local(began)}",
                  f"DTEND;TZID=Europe/Berlin:{_local(began + timedelta(minutes=45))}", rule]  # fmt: skip
        weeks = (today - began).days // 7
        for k in sorted(rng.sample(range(1, max(weeks, 2)), min(6, max(weeks - 1, 1)))):
            master.append(f"EXDATE;TZID=Europe/Berlin:{_local(began + timedelta(weeks=k))}")
        master += [*_common(rng, uid, began, title), *ALARM, "END:VEVENT"]
        overrides = []
        # One override in the window (this week's Monday), two long ago.
        this_monday = began + timedelta(weeks=weeks)
        picks = [this_monday, began + timedelta(weeks=1), began + timedelta(weeks=2)]
        for k, original in enumerate(picks):
            moved = original + timedelta(hours=2 if version == 1 or k else 3)
            overrides.append(fold([
                "BEGIN:VEVENT", f"DTSTART;TZID=Europe/Berlin:{_local(moved)}",
                f"DTEND;TZID=Europe/Berlin:{_local(moved + timedelta(minutes=45))}",
                f"RECURRENCE-ID;TZID=Europe/Berlin:{_local(original)}",
                *_common(rng, uid, began, title + " (moved)"), *ALARM, "END:VEVENT"]))  # fmt: skip
        master_text = fold(master)
        # Google lists overrides after the master; some exports put them first.
        group = [*overrides, master_text] if n % 4 == 0 else [master_text, *overrides]
        position = random.Random(f"{seed}-position-{n}").randint(0, len(blocks))
        blocks[position:position] = group
    if version == 2:
        extra = today + timedelta(days=3, hours=11)
        rng = random.Random(f"{seed}-added")
        blocks.append(fold([
            "BEGIN:VEVENT", f"DTSTART:{_utc(extra)}", f"DTEND:{_utc(extra + timedelta(hours=1))}",
            *_common(rng, "added-in-v2@google.com", today, "Added"), "END:VEVENT"]))  # fmt: skip
    return (HEADER + BERLIN).encode() + b"".join(blocks) + b"END:VCALENDAR\r\n"
