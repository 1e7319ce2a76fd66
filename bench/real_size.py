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
import statistics
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

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
          "Deal desk", "Quarterly business review \u2013 Globex"]  # fmt: skip
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
    for n in range(rng.randint(1, 4)):
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
        "\\nJoin with Google Meet: https://meet.google.com/abc-defg-hij"
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
        hour, minute = rng.randint(7, 17), rng.choice([0, 30])
        start = first_day + timedelta(days=day, hours=hour, minutes=minute)
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
        ends = began + timedelta(minutes=45)
        master = ["BEGIN:VEVENT", f"DTSTART;TZID=Europe/Berlin:{_local(began)}",
                  f"DTEND;TZID=Europe/Berlin:{_local(ends)}", rule]  # fmt: skip
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


def measure(
    *,
    big: dict[int, bytes],
    calendar_id: int,
    owner: Any,
    window: Any,
    rounds: int,
    unchanged_rounds: int,
    sync_one: Callable[[int], tuple[float, float]],
    floor: Callable[[bytes], tuple[float, float]],
    switch: Callable[[int], None],
) -> dict[str, float]:
    """Changed resyncs next to the bare library parse of the same bytes, then unchanged ones."""
    from sqlmodel import select

    from core.calendars.parse import parse_feed
    from core.db import session_scope
    from core.models import Meeting

    switch(1)
    sync_one(calendar_id)  # the first sync inserts; what follows are resyncs
    floors, resyncs = [], []
    same = True
    for round_number in range(rounds):
        version = 2 if round_number % 2 == 0 else 1
        switch(version)
        floors.append(floor(big[version]))
        resyncs.append(sync_one(calendar_id))
        full = parse_feed(big[version], owner, window, preselect=False)
        wanted = {(o.uid, o.original_start, o.start, o.end, o.title) for o in full.occurrences}
        with session_scope() as session:
            rows = session.exec(select(Meeting).where(Meeting.calendar_id == calendar_id)).all()
            stored = {(m.uid, m.original_start, m.start, m.end, m.title) for m in rows}
        same = same and stored == wanted and not full.problems
    unchanged = [sync_one(calendar_id) for _ in range(unchanged_rounds)]
    return {
        "floor_wall": statistics.median(f[0] for f in floors),
        "floor_cpu": statistics.median(f[1] for f in floors),
        "resync_wall": statistics.median(r[0] for r in resyncs),
        "resync_cpu": statistics.median(r[1] for r in resyncs),
        "unchanged_wall": statistics.median(u[0] for u in unchanged),
        "unchanged_cpu": statistics.median(u[1] for u in unchanged),
        "meetings": len(wanted),
        "same": float(same),
    }


def _status(field_name: str) -> int:
    """A /proc/self/status figure in kB (VmRSS now, VmHWM the peak since the last reset)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field_name} in /proc/self/status")


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # resets VmHWM to the current RSS (Linux 4.0+)


def memory_probe(url: str, small_url: str) -> None:
    """Child process: peak RSS of one sync of the big feed, above the idle (warmed-up) process.

    Prints one JSON line. The idle process has imported everything and synced a
    small feed once, so the figure is what the big feed costs, not the imports.
    """
    import gc
    import json
    import secrets

    import icalendar
    import recurring_ical_events

    from core.calendars.claims import sync_one
    from core.calendars.service import display_url
    from core.calendars.sync import SECRET_PURPOSE, window_at
    from core.crypto import encrypt
    from core.db import get_engine, session_scope, units_of
    from core.migrate import upgrade
    from core.models import Calendar, Role
    from core.people import accounts

    upgrade(get_engine())
    with session_scope() as session:
        user = accounts.create_user(
            session, email="owner@northwind.example", name="Owner", role=Role.member,
            timezone="Europe/Berlin",
        )  # fmt: skip
        session.flush()
        ids = []
        for address in (small_url, url):
            row = Calendar(user_id=user.id or 0, name=address, display_url=display_url(address),
                           url_encrypted=encrypt(address, SECRET_PURPOSE),
                           source_key=secrets.token_hex(16))  # fmt: skip
            session.add(row)
            session.flush()
            ids.append(row.id or 0)

    def sync(calendar_id: int) -> None:
        assert sync_one(calendar_id, units=units_of()).error is None

    sync(ids[0])  # warm up: every module imported, every cache primed
    gc.collect()
    idle = _status("VmRSS")
    _reset_peak()
    sync(ids[1])
    sync_peak = _status("VmHWM")
    import httpx

    body = httpx.get(url).content
    window = window_at(datetime.now(UTC))
    gc.collect()
    before_parse = _status("VmRSS")
    _reset_peak()
    recurring_ical_events.of(icalendar.Calendar.from_ical(body)).between(window.start, window.end)
    parse_peak = _status("VmHWM")
    print(json.dumps({"idle_kb": idle, "sync_peak_kb": sync_peak,
                      "library_peak_above_kb": parse_peak - before_parse}))  # fmt: skip


if __name__ == "__main__":  # the memory probe's child process (see bench/sync.py)
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    memory_probe(sys.argv[1], sys.argv[2])
