"""Exactly once across crashes: 3 ``tipoff worker`` processes on PostgreSQL, one SIGKILLed.

    .venv/bin/python bench/exactly_once.py [--notifications 2000] [--workers 3] [--json]

A fresh PostgreSQL schema gets ``--notifications`` due brief pushes (payloads
built, as ``plan-notifications`` would have). Three real ``tipoff worker``
processes share them through ``FOR UPDATE SKIP LOCKED`` claims; once a quarter
of the pushes have arrived, one worker is killed with SIGKILL. Its leased rows
come due again when the lease runs out and the survivors send them.

The receiver (the loopback push-service stand-in, in its own process) verifies
and decrypts every push and records (subscription, meeting, Topic). Printed:
expected, delivered distinct, lost, duplicates, and whether every duplicate
carried the same Topic as the original (so the push service would have
replaced, not added, it). Pass: 0 lost, duplicates ≤ kills x in-flight per
worker (``TIPOFF_PUSH_BATCH_SIZE``: the most rows a worker holds leased and
unrecorded), one Topic per notification. Exit status 0 on pass.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECRET = "bench-exactly-once-secret"
LEASED = (
    "SELECT count(*) FROM notification "
    "WHERE state = 'pending' AND lease_until > now() at time zone 'utc'"
)
SENT = "SELECT count(*) FROM notification WHERE kind = 'brief' AND state = 'sent'"
os.environ.setdefault("TIPOFF_DATA_DIR", tempfile.mkdtemp(prefix="tipoff-bench-eo-"))
os.environ["TIPOFF_SECRET_KEY"] = SECRET
os.environ["TIPOFF_ALLOW_PRIVATE_NETWORKS"] = "true"
os.environ.setdefault("TIPOFF_LOG_LEVEL", "WARNING")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notifications", type=int, default=2000)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--batch", type=int, default=50, help="TIPOFF_PUSH_BATCH_SIZE per worker")
    parser.add_argument("--lease", type=int, default=5, help="TIPOFF_PUSH_LEASE_SECONDS")
    parser.add_argument("--kill-at", type=float, default=0.25, help="share delivered at the kill")
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--json", action="store_true", help="print one JSON line of results")
    return parser.parse_args()


def worker_env(url: str, args: argparse.Namespace, data_dir: str) -> dict[str, str]:
    env = {
        **os.environ,
        "TIPOFF_DATABASE_URL": url,
        "TIPOFF_DATA_DIR": data_dir,
        "TIPOFF_SECRET_KEY": SECRET,
        "TIPOFF_ALLOW_PRIVATE_NETWORKS": "true",
        "TIPOFF_PUSH_BATCH_SIZE": str(args.batch),
        "TIPOFF_PUSH_CONCURRENCY": str(min(16, args.batch)),
        "TIPOFF_PUSH_LEASE_SECONDS": str(args.lease),
        "TIPOFF_SCHEDULER_POLL_SECONDS": "0.2",
        "TIPOFF_LOG_LEVEL": "WARNING",
    }
    return env


def connections_to(pid: int, port: int) -> int:
    """Established TCP connections of process ``pid`` to local ``port`` (Linux /proc)."""
    try:
        inodes = {
            os.readlink(f"/proc/{pid}/fd/{fd}")[8:-1]
            for fd in os.listdir(f"/proc/{pid}/fd")
            if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:[")
        }
    except OSError:
        return 0
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in handle.readlines()[1:]:
                fields = line.split()
                remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                if remote_port == port and fields[3] == "01" and fields[9] in inodes:
                    count += 1
    return count


def main() -> int:
    args = parse_args()
    from sqlalchemy import text

    from core.db import session_scope
    from core.models import utcnow
    from core.notifications.replan import prepare_soon
    from core.push import vapid
    from tests.push.freshdb import fresh_database
    from tests.push.pushservice_process import PushServiceProcess, make_subscribers
    from tests.push.seed import seed_meetings, seed_tips

    per_device = max(1, args.notifications // args.devices)
    expected = per_device * args.devices
    subscribers = make_subscribers(args.devices)
    tipoff = str(Path(sys.executable).with_name("tipoff"))
    command = [tipoff, "worker"] if Path(tipoff).exists() else [sys.executable, "-m", "cli.main"]

    with fresh_database("postgres") as (url, engine):
        with session_scope(engine) as session:
            keys = vapid.get_keys(session)
            seed_tips(session)
        with PushServiceProcess(subscribers, keys.public_key) as service:
            with session_scope(engine) as session:
                seed_meetings(session, subscribers, meetings_per_device=per_device)
            while True:
                with session_scope(engine) as session:
                    if not prepare_soon(session, now=utcnow(), ahead=timedelta(hours=1)):
                        break
            with engine.connect() as connection:
                ready = connection.execute(
                    text("SELECT count(*) FROM notification WHERE kind='brief' AND payload <> ''")
                ).scalar_one()
            if ready != expected:
                print(f"only {ready} of {expected} briefs are ready to send", file=sys.stderr)
                return 1

            data_dir = tempfile.mkdtemp(prefix="tipoff-eo-workers-")
            env = worker_env(url, args, data_dir)
            started = time.monotonic()
            workers = [
                subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
                for _ in range(args.workers)
            ]
            kills = 0
            sent = 0
            try:
                while time.monotonic() - started < args.timeout:
                    time.sleep(0.02)
                    delivered = service.ask("stats")["accepted"]
                    if not kills and delivered >= expected * args.kill_at:
                        # Kill a worker that is sending right now (it holds connections).
                        busy = max(workers, key=lambda w: connections_to(w.pid, service.port))
                        if connections_to(busy.pid, service.port):
                            with engine.connect() as connection:
                                leased = connection.execute(text(LEASED)).scalar_one()
                            os.kill(busy.pid, signal.SIGKILL)
                            busy.wait(10)
                            kills = 1
                            killed_at = delivered
                    with engine.connect() as connection:
                        sent = connection.execute(text(SENT)).scalar_one()
                    if sent == expected and kills:
                        break
                elapsed = time.monotonic() - started
            finally:
                for worker in workers:
                    if worker.poll() is None:
                        worker.send_signal(signal.SIGTERM)
                for worker in workers:
                    try:
                        worker.wait(20)
                    except subprocess.TimeoutExpired:
                        worker.kill()
            records = service.ask("received")
            stats = service.ask("stats")
            with engine.connect() as connection:
                topics = dict(
                    connection.execute(
                        text(
                            "SELECT d.endpoint || '#' || n.meeting_id, n.topic FROM notification n "
                            "JOIN device d ON d.id = n.device_id WHERE n.kind = 'brief'"
                        )
                    ).all()
                )

    port_prefix = subscribers[0].endpoint.rsplit("/push/", 1)[0]
    seen: dict[str, list[str | None]] = defaultdict(list)
    for path, topic, status, payload in records:
        if 200 <= status < 300 and payload and payload.get("event") == "brief":
            seen[f"{port_prefix}{path}#{payload['meeting']['id']}"].append(topic)
    delivered_total = sum(len(v) for v in seen.values())
    lost = len(set(topics) - set(seen))
    duplicates = delivered_total - len(seen)
    same_topic = all(set(v) == {topics.get(k)} for k, v in seen.items())
    bound = kills * args.batch
    result = {
        "workers": args.workers,
        "killed": kills,
        "killed_after_delivered": killed_at if kills else None,
        "leased_at_kill": leased if kills else None,
        "expected": expected,
        "rows_sent": sent,
        "delivered_distinct": len(seen),
        "delivered_total": delivered_total,
        "lost": lost,
        "duplicates": duplicates,
        "duplicate_bound": bound,
        "duplicates_same_topic": same_topic,
        "receiver_errors": stats["error_count"],
        "seconds": round(elapsed, 2),
    }
    passed = (
        kills == 1 and lost == 0 and duplicates <= bound and same_topic and not stats["error_count"]
    )
    result["passed"] = passed
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"exactly-once run: {args.workers} tipoff workers on PostgreSQL, {expected} due pushes"
        )
        print(
            f"  SIGKILLed a sending worker after {result['killed_after_delivered']} pushes had "
            f"arrived ({result['leased_at_kill']} rows were leased by all workers at that moment)"
        )
        print(f"  delivered distinct : {len(seen)} of {expected}  (rows marked sent: {sent})")
        print(f"  lost               : {lost}")
        print(f"  duplicates         : {duplicates}  (bound: kills x in-flight = 1 x {args.batch})")
        print(f"  duplicates share the original Topic: {same_topic}")
        print(f"  receiver errors (VAPID/decrypt)     : {stats['error_count']}")
        print(f"  took {elapsed:.1f} s   -> {'PASS' if passed else 'FAIL'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
