"""Calendar sync vs. the bare library parse of the same bytes, and the unchanged-feed paths.

    .venv/bin/python bench/sync.py [--feeds 8] [--events 300] [--rounds 5] [--unchanged 50]
                                   [--big-rounds 4] [--big-unchanged 20] [--skip-big]

Realistic feeds are generated (a few hundred events each: single meetings,
weekly and daily series with EXDATEs and moved or cancelled overrides, 2-12
attendees with customers, rooms and free-mail guests, VTIMEZONE and UTC times)
and served over loopback HTTP by a server in another process. This process is
pinned to one CPU and syncs them into a throwaway SQLite database through the
production path (``core.calendars.claims.sync_one``: conditional download,
parse, filter, upsert, commit).

Printed, all measured in this run:

- floor: ``icalendar.Calendar.from_ical`` + ``recurring_ical_events.of(...).between``
  over the same bytes and window — the bare library parse;
- resync: a changed feed (200; a few events moved, added, removed), the common
  case for a feed that changed — median per feed and its ratio to the floor
  (goal <= 1.3x);
- first sync: every occurrence inserted (a one-off per calendar), for reference;
- unchanged: ETag matches, the server answers 304 — feeds per second on one
  core (goal >= 200/s), including the HTTP round trip and the commit;
- unchanged without validators: the same feeds served with no ETag or
  Last-Modified: the body comes in full and hashes like last time (goal >= 500/s);
- real size (bench/real_size.py): a generated 10-year Google-style feed (5,000
  single events, 40 weekly series, ~6 MB, no validators): a changed-feed resync
  next to the bare library parse of the same bytes (goal >= 10x faster), checked
  to store exactly the meetings of a full parse; the unchanged resync; and, in a
  child process, the peak resident memory of one sync above the idle process
  (goal <= 60 MB), next to the bare library parse's.

CPU figures are this process's CPU time (the server runs in another process);
on a busy machine they are the figures to read, wall-clock ones include waiting.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_size
from real_size import BERLIN

TOPICS = ["Pipeline review", "Acme QBR", "Pricing call", "1:1", "Renewal", "Demo", "Kickoff",
          "Abstimmung Konditionen", "Forecast", "Onboarding", "Contract call",
          "Team sync"]  # fmt: skip
CUSTOMERS = ["acme.example", "globex.example", "initech.example", "umbrella.example"]


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _attendees(rng: random.Random) -> list[str]:
    lines = ["ORGANIZER;CN=Owner:mailto:owner@northwind.example",
             "ATTENDEE;CN=Owner;PARTSTAT=ACCEPTED:mailto:owner@northwind.example"]  # fmt: skip
    customer = rng.choice(CUSTOMERS)
    for n in range(rng.randint(1, 11)):
        kind = rng.random()
        if kind < 0.4:
            lines.append(f'ATTENDEE;CN="Buyer {n}, {customer}";PARTSTAT=NEEDS-ACTION;'
                         f"RSVP=TRUE:mailto:buyer{n}@{customer}")  # fmt: skip
        elif kind < 0.8:
            lines.append(f"ATTENDEE;CN=Colleague {n};PARTSTAT=ACCEPTED:"
                         f"mailto:colleague{n}@northwind.example")  # fmt: skip
        elif kind < 0.9:
            lines.append(f"ATTENDEE;CUTYPE=ROOM;CN=Room {n}:mailto:room{n}@northwind.example")
        else:
            lines.append(f"ATTENDEE;CN=Guest {n};PARTSTAT=TENTATIVE:mailto:guest{n}@gmail.com")
    return lines


def make_feed(seed: int, events: int, version: int) -> bytes:
    """One feed; ``version`` 1 and 2 differ by a few moved, added and removed events."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    out = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tipoff bench//EN\r\n"
           f"X-WR-CALNAME:Bench {seed}\r\n", BERLIN]  # fmt: skip
    for n in range(events):
        rng = random.Random(f"{seed}-{n}")  # per event, so both versions draw the same
        day = rng.randint(-20, 20)
        hour = rng.randint(7, 18)
        start = today + timedelta(days=day, hours=hour, minutes=rng.choice([0, 15, 30]))
        minutes = rng.choice([15, 30, 45, 60, 90])
        if version == 2 and n % 50 == 7:
            start += timedelta(hours=1)  # moved
        removed = version == 2 and n % 97 == 3
        uid = f"bench-{seed}-{n}@example.com"
        lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{_utc(today)}",
                 f"SUMMARY:{rng.choice(TOPICS)} {n}",
                 f"DESCRIPTION:Agenda for item {n}\\nDial-in: https://meet.example/{seed}-{n}",
                 f"LOCATION:Room {n % 7}", *_attendees(rng)]  # fmt: skip
        shape = rng.random()
        if shape < 0.25:  # a weekly series in local time, with an exception and an override
            lines += [f"DTSTART;TZID=Europe/Berlin:{_local(start)}",
                      f"DTEND;TZID=Europe/Berlin:{_local(start + timedelta(minutes=minutes))}",
                      f"RRULE:FREQ=WEEKLY;COUNT={rng.randint(4, 30)}",
                      f"EXDATE;TZID=Europe/Berlin:{_local(start + timedelta(days=7))}"]  # fmt: skip
            lines.append("END:VEVENT")
            moved = start + timedelta(days=14)
            lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{_utc(today)}",
                      f"RECURRENCE-ID;TZID=Europe/Berlin:{_local(moved)}",
                      f"DTSTART;TZID=Europe/Berlin:{_local(moved + timedelta(hours=2))}",
                      f"DTEND;TZID=Europe/Berlin:{_local(moved + timedelta(hours=3))}",
                      f"SUMMARY:{rng.choice(TOPICS)} {n} (moved)", *_attendees(rng)]  # fmt: skip
            if rng.random() < 0.3:
                lines.append("STATUS:CANCELLED")
        elif shape < 0.35:  # a daily stand-up in UTC
            lines += [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(start + timedelta(minutes=15))}",
                      "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20"]  # fmt: skip
        else:
            lines += [f"DTSTART:{_utc(start)}",
                      f"DTEND:{_utc(start + timedelta(minutes=minutes))}"]  # fmt: skip
        lines.append("END:VEVENT")
        if not removed:
            out.append("\r\n".join(lines) + "\r\n")
    if version == 2:
        extra = today + timedelta(days=3, hours=9)
        added = [f"UID:bench-{seed}-new@example.com", f"DTSTART:{_utc(extra)}",
                 f"DTEND:{_utc(extra + timedelta(hours=1))}", "SUMMARY:Added"]  # fmt: skip
        out.append("BEGIN:VEVENT\r\n" + "\r\n".join(added) + "\r\nEND:VEVENT\r\n")
    out.append("END:VCALENDAR\r\n")
    return "".join(out).encode()


def serve(feeds: dict[str, dict[int, bytes]], port_queue: Any) -> None:
    """The feed server (another process): /feedN.ics, /_version/K switches every feed."""
    if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    state = {"version": 1}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path.startswith("/_version/"):
                state["version"] = int(self.path.rsplit("/", 1)[1])
                self._send(200, b"ok", None)
                return
            versions = feeds.get(self.path)
            if versions is None:
                self._send(404, b"", None)
                return
            version = state["version"]
            etag = None if self.path.startswith("/plain/") else f'"{self.path}-{version}"'
            if etag and self.headers.get("If-None-Match") == etag:
                self._send(304, b"", etag)
                return
            self._send(200, versions[version], etag)

        def _send(self, status: int, body: bytes, etag: str | None) -> None:
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=8)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5, help="changed-feed resyncs per feed")
    parser.add_argument("--unchanged", type=int, default=50, help="304 rounds over all feeds")
    parser.add_argument("--big-rounds", type=int, default=4, help="changed 6 MB resyncs")
    parser.add_argument("--big-unchanged", type=int, default=20, help="unchanged 6 MB resyncs")
    parser.add_argument("--skip-big", action="store_true", help="leave out the real-size case")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="tipoff-bench-sync-"))
    os.environ.update(
        TIPOFF_DATA_DIR=str(data_dir),
        TIPOFF_DATABASE_URL=f"sqlite:///{data_dir / 'bench.db'}",
        TIPOFF_SECRET_KEY=secrets.token_urlsafe(32),
        TIPOFF_ALLOW_PRIVATE_NETWORKS="true",
    )
    feeds = {
        f"/feed{n}.ics": {v: make_feed(1000 + n, args.events, v) for v in (1, 2)}
        for n in range(args.feeds)
    }
    plain = {"/plain" + path: versions for path, versions in feeds.items()}  # no validators
    big = {} if args.skip_big else {v: real_size.make_big_feed(7, v) for v in (1, 2)}
    served = {**feeds, **plain, "/plain/big.ics": big, "/plain/small.ics": feeds["/feed0.ics"]}
    queue: Any = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(served, queue), daemon=True)
    server.start()
    port = queue.get(timeout=30)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # this process: one core

    import httpx
    import icalendar
    import recurring_ical_events
    from sqlalchemy import update
    from sqlmodel import col, select

    from core.calendars.claims import run_due
    from core.calendars.claims import sync_one as claim_and_sync
    from core.calendars.parse import Owner
    from core.calendars.service import display_url
    from core.calendars.sync import SECRET_PURPOSE, window_at
    from core.crypto import encrypt
    from core.db import get_engine, session_scope, units_of
    from core.migrate import upgrade
    from core.models import Calendar, Meeting, Role
    from core.people import accounts

    upgrade(get_engine())
    window = window_at(datetime.now(UTC))
    base = f"http://127.0.0.1:{port}"
    with session_scope() as session:
        user = accounts.create_user(
            session, email="owner@northwind.example", name="Owner", role=Role.member,
            timezone="Europe/Berlin",
        )  # fmt: skip
        session.flush()
        assert user.id is not None
        calendar_ids: dict[str, int] = {}
        for path in [*feeds, *plain, "/plain/big.ics"]:
            row = Calendar(user_id=user.id, name=path, display_url=display_url(base),
                           url_encrypted=encrypt(base + path, SECRET_PURPOSE),
                           source_key=secrets.token_hex(16))  # fmt: skip
            session.add(row)
            session.flush()
            assert row.id is not None
            calendar_ids[path] = row.id
    ids = [calendar_ids[path] for path in feeds]
    plain_ids = [calendar_ids[path] for path in plain]

    def sync_one(calendar_id: int) -> tuple[float, float]:
        """(wall, CPU) seconds of one sync, committed."""
        wall, cpu = time.perf_counter(), time.process_time()
        result = claim_and_sync(calendar_id, units=units_of())
        elapsed = (time.perf_counter() - wall, time.process_time() - cpu)
        assert result.error is None, result.error
        return elapsed

    def floor(body: bytes) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        parsed = icalendar.Calendar.from_ical(body)
        recurring_ical_events.of(parsed).between(window.start, window.end)
        return time.perf_counter() - wall, time.process_time() - cpu

    def switch(version: int) -> None:
        httpx.get(f"{base}/_version/{version}")

    sizes = [len(v[1]) for v in feeds.values()]
    kilobytes = f"{min(sizes) // 1024}-{max(sizes) // 1024} KB"
    span = f"{window.start:%Y-%m-%d} -> {window.end:%Y-%m-%d}"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.feeds} feeds x {args.events} events ({kilobytes} each), window {span}, SQLite;"
          f" this process pinned to one CPU; load average {load:.1f} at start")  # fmt: skip

    first = [sync_one(i) for i in ids]
    with session_scope() as session:
        stored = len(session.exec(select(Meeting.id)).all())
    floors: list[tuple[float, float]] = []
    resyncs: list[tuple[float, float]] = []
    for round_number in range(args.rounds):
        version = 2 if round_number % 2 == 0 else 1
        switch(version)
        for calendar_id, versions in zip(ids, feeds.values(), strict=True):
            floors.append(floor(versions[version]))
            resyncs.append(sync_one(calendar_id))
    floors += [floor(v[1]) for v in feeds.values()]

    def rounds(calendars: list[int], count: int) -> tuple[list[tuple[float, float]], float, float]:
        wall_started, cpu_started = time.perf_counter(), time.process_time()
        samples = [sync_one(i) for _ in range(count) for i in calendars]
        return samples, time.perf_counter() - wall_started, time.process_time() - cpu_started

    def worker_rounds(calendars: list[int], count: int) -> tuple[int, float, float]:
        """The worker's path (``run_due``: a batch claimed and planned in one unit,
        unchanged feeds recorded together); making them due again is not timed."""
        synced, wall_spent, cpu_spent = 0, 0.0, 0.0
        for _ in range(count):
            with session_scope() as session:
                session.execute(
                    update(Calendar).where(col(Calendar.id).in_(calendars))
                    .values(next_sync_at=datetime.now(UTC) - timedelta(minutes=1))
                )  # fmt: skip
            wall, cpu = time.perf_counter(), time.process_time()
            while claimed := run_due(units=units_of()):
                synced += claimed
            wall_spent += time.perf_counter() - wall
            cpu_spent += time.process_time() - cpu
        return synced, wall_spent, cpu_spent

    switch(1)
    for calendar_id in ids:  # the last resync round left version 2 stored: read 1 once
        sync_one(calendar_id)
    unchanged, wall_total, cpu_total = rounds(ids, args.unchanged)
    for calendar_id in plain_ids:
        sync_one(calendar_id)  # read in full once; from now on the body hashes the same
    hashed, hashed_wall, hashed_cpu = rounds(plain_ids, args.unchanged)
    worker_304 = worker_rounds(ids, args.unchanged)
    worker_hashed = worker_rounds(plain_ids, args.unchanged)
    real: dict[str, float] = {}
    if big:
        owner = Owner.of(["owner@northwind.example"], "Europe/Berlin")
        real = real_size.measure(
            big=big, calendar_id=calendar_ids["/plain/big.ics"], owner=owner, window=window,
            rounds=args.big_rounds, unchanged_rounds=args.big_unchanged, sync_one=sync_one,
            floor=floor, switch=switch,
        )  # fmt: skip
        switch(1)
        memory = _memory_probe(base, data_dir)
    server.terminate()

    def median(samples: list[tuple[float, float]], which: int) -> float:
        return statistics.median(s[which] for s in samples)

    print(f"occurrences stored after the first sync: {stored} ({stored / len(ids):.0f} per feed)")
    print(f"{'median per feed':42}{'wall':>10}{'ratio':>8}{'CPU':>10}{'ratio':>8}")
    rows = [
        ("floor: icalendar + recurring-ical-events", floors),
        ("resync of a changed feed (200)", resyncs),
        ("first sync (all inserts)", first),
    ]
    for label, samples in rows:
        wall, cpu = median(samples, 0), median(samples, 1)
        print(f"{label:42}{wall * 1000:>7.1f} ms{wall / median(floors, 0):>7.2f}x"
              f"{cpu * 1000:>7.1f} ms{cpu / median(floors, 1):>7.2f}x")  # fmt: skip
    print("goal: resync <= 1.3x the floor")
    print(f"{'unchanged feeds per second, this process':42}{'wall':>10}{'CPU':>10}   goal")
    for label, (count, wall_spent, cpu_spent), goal in [
        ("304, sync now (sync_one)", (len(unchanged), wall_total, cpu_total), 200),
        ("304, the worker (run_due)", worker_304, 200),
        ("same keyed hash, sync now (sync_one)", (len(hashed), hashed_wall, hashed_cpu), 500),
        ("same keyed hash, the worker (run_due)", worker_hashed, 500),
    ]:
        print(f"{label:42}{count / wall_spent:>8.0f}/s{count / cpu_spent:>8.0f}/s   >= {goal}/s")
    print(
        f"medians per feed, sync now: 304 {median(unchanged, 0) * 1000:.2f} ms, "
        f"same hash {median(hashed, 0) * 1000:.2f} ms (the body is downloaded and hashed)"
    )
    if real:
        _print_real_size(real, memory, len(big[1]))


def _print_real_size(real: dict[str, float], memory: dict[str, int], size: int) -> None:
    ratio_wall = real["floor_wall"] / real["resync_wall"]
    ratio_cpu = real["floor_cpu"] / real["resync_cpu"]
    print(f"\nreal size: a {size / 1e6:.1f} MB 10-year feed, no validators, "
          f"{real['meetings']:.0f} meetings in the window")  # fmt: skip
    print(f"{'median':42}{'wall':>10}{'CPU':>10}")
    for label, key in [("floor: icalendar + recurring-ical-events", "floor"),
                       ("resync of the changed feed", "resync"),
                       ("resync of the unchanged feed (hash)", "unchanged")]:  # fmt: skip
        wall, cpu = real[key + "_wall"] * 1000, real[key + "_cpu"] * 1000
        print(f"{label:42}{wall:>7.1f} ms{cpu:>7.1f} ms")
    print(f"changed resync {ratio_wall:.1f}x faster than the floor wall-clock, {ratio_cpu:.1f}x "
          f"in CPU; goal >= 10x; same meetings as the full parse: "
          f"{'yes' if real['same'] else 'NO'}")  # fmt: skip
    above = (memory["sync_peak_kb"] - memory["idle_kb"]) / 1024
    library = memory["library_peak_above_kb"] / 1024
    print(f"peak RSS of one 6 MB sync: {above:.1f} MB above the idle process "
          f"({memory['idle_kb'] / 1024:.0f} MB idle); goal <= 60 MB; the bare library parse "
          f"of the same bytes peaks {library:.0f} MB above")  # fmt: skip
    interval = 15 * 60
    changed, same = interval / real["resync_cpu"], interval / real["unchanged_cpu"]
    print(f"one core keeps {changed:,.0f} such users synced every 15 min if every feed "
          f"changed each time, {same:,.0f} if none did")  # fmt: skip


def _memory_probe(base: str, data_dir: Path) -> dict[str, int]:
    """Run bench/real_size.py's probe in a child process with a database of its own."""
    import json

    env = {**os.environ, "TIPOFF_DATABASE_URL": f"sqlite:///{data_dir / 'memory.db'}"}
    probe = Path(__file__).resolve().parent / "real_size.py"
    done = subprocess.run(
        [sys.executable, str(probe), base + "/plain/big.ics", base + "/plain/small.ics"],
        env=env, capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    result: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


if __name__ == "__main__":
    main()
