"""Push throughput: the outbox pipeline vs a naive ``pywebpush.webpush()`` loop, same run.

    .venv/bin/python bench/push.py [--n 5000] [--devices 500] [--naive 400] [--db sqlite|postgres]

One worker process (this one, with its cipher helpers: ``TIPOFF_PUSH_ENCRYPT_PROCESSES``,
by default one per spare core) sends N brief pushes from a committed outbox to a
loopback push-service stand-in running in another process (uvloop + httptools,
so it is not the bottleneck). Each run prints where the CPU went per push: the
event loop, the worker's other threads (database, pool I/O), the cipher helpers
and the receiver. The stand-in accepts every push, verifies the
VAPID JWT and decrypts the body of a sample (1 in ``--sample``), and the run
fails if any check fails or any push is missing. The baseline is the obvious
loop: one ``pywebpush.webpush()`` call per notification (requests, a fresh
VAPID signature and connection each time), against the same receiver.

Planning (``meetings_changed``) and building the payloads (ranking, via
``prepare``) are timed and printed too, but they happen before a brief is due
(``push_prepare_minutes``), so the figure that matters at 9:00 is the send.
Goals (issue 6): >= 1,000 pushes/s and >= 10x the naive loop.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_DATA = tempfile.mkdtemp(prefix="tipoff-bench-push-")
os.environ.setdefault("TIPOFF_DATA_DIR", _DATA)
os.environ.setdefault("TIPOFF_SECRET_KEY", "bench-secret-key")
os.environ["TIPOFF_ALLOW_PRIVATE_NETWORKS"] = "true"  # the receiver is on loopback
os.environ.setdefault("TIPOFF_LOG_LEVEL", "WARNING")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="brief pushes per pipeline run")
    parser.add_argument("--devices", type=int, default=500, help="subscriptions (N/devices each)")
    parser.add_argument("--naive", type=int, default=400, help="pushes per naive-loop run")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; medians reported")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sample", type=int, default=50, help="decrypt/verify 1 in this many")
    parser.add_argument("--concurrency", type=int, default=None, help="TIPOFF_PUSH_CONCURRENCY")
    parser.add_argument("--batch", type=int, default=None, help="TIPOFF_PUSH_BATCH_SIZE")
    parser.add_argument("--loop", choices=["asyncio", "uvloop"], default="uvloop")
    parser.add_argument(
        "--encrypt-processes", type=int, default=None, help="TIPOFF_PUSH_ENCRYPT_PROCESSES"
    )
    parser.add_argument(
        "--no-receipts",
        action="store_true",
        help="payloads without receipt tokens (the before-receipts baseline, same code)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the first send run")
    parser.add_argument("--profile-sort", default="tottime")
    return parser.parse_args()


def _ticks_of(stat_path: Path) -> float:
    fields = stat_path.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> dict[str, float]:
    """CPU used so far by this process's event-loop thread, its other threads, and ``pids``.

    Helpers are read from /proc (Linux), so the benchmark can say where each
    push's CPU goes without a profiler distorting it.
    """
    loop = time.thread_time()  # called from the event loop's thread
    everything = time.process_time()  # includes threads that have exited since
    helpers = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):  # a helper that exited
            helpers += _ticks_of(Path(f"/proc/{pid}/stat"))
    return {
        "loop": loop,
        "threads": everything - loop,
        "helpers": helpers,
        "postgres": _postgres_server_seconds(),
    }


def _postgres_server_seconds() -> float:
    """CPU of the local PostgreSQL server's processes: it shares this machine's cores."""
    total = 0.0
    for process in Path("/proc").iterdir():
        if process.name.isdigit():
            with contextlib.suppress(OSError):  # a process that exited
                if (process / "comm").read_text().strip() == "postgres":
                    total += _ticks_of(process / "stat")
    return total


def main() -> int:
    args = parse_args()
    if args.concurrency:
        os.environ["TIPOFF_PUSH_CONCURRENCY"] = str(args.concurrency)
    if args.batch:
        os.environ["TIPOFF_PUSH_BATCH_SIZE"] = str(args.batch)
    if args.encrypt_processes is not None:
        os.environ["TIPOFF_PUSH_ENCRYPT_PROCESSES"] = str(args.encrypt_processes)

    from sqlalchemy import text

    from core.db import session_scope
    from core.models import utcnow
    from core.notifications.deliver import deliver_due
    from core.notifications.replan import prepare_soon
    from core.push import vapid
    from core.push.cipher import shared_encryptor
    from core.push.webpush import close_shared_sender
    from core.settings import get_settings
    from tests.push.freshdb import fresh_database
    from tests.push.pushservice_process import PushServiceProcess, make_subscribers
    from tests.push.seed import seed_meetings, seed_tips

    if args.no_receipts:
        from core.notifications import receipts

        receipts.arm = lambda row: ""  # type: ignore[assignment]  # no token, no hash
    settings = get_settings()
    per_device = max(1, args.n // args.devices)
    n = per_device * args.devices
    subscribers = make_subscribers(args.devices)
    run_loop = asyncio.run
    if args.loop == "uvloop":
        import uvloop

        run_loop = uvloop.run

    async def one_pass():  # type: ignore[no-untyped-def]
        try:
            return await deliver_due(lambda: session_scope(engine), budget_seconds=600)
        finally:
            await close_shared_sender()

    encryptor = shared_encryptor(settings.push_encrypt_processes)
    encryptor.warm_up()  # start the helpers before timing (spawning takes a second)

    with fresh_database(args.db) as (_url, engine):
        with session_scope(engine) as session:
            keys = vapid.get_keys(session)
            seed_tips(session)
        with PushServiceProcess(
            subscribers, keys.public_key, verify_every=args.sample, decrypt_every=args.sample
        ) as service:
            started = time.perf_counter()
            with session_scope(engine) as session:
                seed_meetings(session, subscribers, meetings_per_device=per_device)
            plan_seconds = time.perf_counter() - started

            started = time.perf_counter()
            prepared = 0
            while True:
                with session_scope(engine) as session:
                    done = prepare_soon(session, now=utcnow(), ahead=timedelta(hours=1))
                if not done:
                    break
                prepared += done
            prepare_seconds = time.perf_counter() - started
            if args.db == "postgres":
                # What autovacuum does within a minute of a bulk load: without statistics
                # the planner sorts every due row for each claim instead of reading the
                # (state, due_at) index in order.
                with engine.begin() as connection:
                    connection.execute(text("ANALYZE"))
            with engine.connect() as connection:
                ready = connection.execute(
                    text("SELECT count(*) FROM notification WHERE kind='brief' AND payload <> ''")
                ).scalar_one()
            if ready != n:
                print(f"only {ready} of {n} briefs have a payload (ranking found no tip?)")
                return 1

            pipeline: list[float] = []
            for run in range(args.repeat):
                if run:
                    with engine.begin() as connection:
                        connection.execute(
                            text(
                                "UPDATE notification SET state='pending', sent_at=NULL, "
                                "lease_until=NULL, attempts=0 WHERE kind='brief'"
                            )
                        )
                service.ask("reset")
                helpers = encryptor.helper_pids()
                receiver_started = service.ask("stats")["cpu_seconds"]
                cpu_started = cpu_seconds(helpers)
                started = time.perf_counter()
                if args.profile and run == 0:
                    import cProfile
                    import pstats

                    profiler = cProfile.Profile()
                    report = profiler.runcall(run_loop, one_pass())
                    pstats.Stats(profiler).sort_stats(args.profile_sort).print_stats(45)
                else:
                    report = run_loop(one_pass())
                seconds = time.perf_counter() - started
                cpu = {k: (v - cpu_started[k]) / n * 1e6 for k, v in cpu_seconds(helpers).items()}
                stats = service.ask("stats")
                receiver_cpu = (stats["cpu_seconds"] - receiver_started) / n * 1e6
                if report.sent != n or stats["accepted"] != n or stats["error_count"]:
                    print(f"run {run}: sent {report.sent}, receiver {stats}", file=sys.stderr)
                    return 1
                pipeline.append(n / seconds)
                rate = n / seconds
                print(
                    f"  pipeline run {run + 1}: {n} pushes in {seconds:.2f} s = {rate:,.0f}/s "
                    f"(receiver: {stats['accepted']} accepted, {stats['decrypted']} decrypted "
                    f"and JWT-verified samples, {stats['error_count']} errors)\n"
                    f"    CPU per push: event loop {cpu['loop']:,.0f} µs, other threads "
                    f"(database, pool) {cpu['threads']:,.0f} µs, cipher helpers "
                    f"{cpu['helpers']:,.0f} µs; receiver {receiver_cpu:,.0f} µs"
                    + (
                        f"; PostgreSQL server {cpu['postgres']:,.0f} µs"
                        if args.db == "postgres"
                        else ""
                    )
                )

            naive = naive_runs(engine, service, args, keys)
            if naive is None:
                return 1

    p, b = statistics.median(pipeline), statistics.median(naive)
    print()
    print(f"push benchmark ({args.db}, receipts {'off' if args.no_receipts else 'on'}, "
          f"loop={args.loop}, concurrency={settings.push_concurrency}, "
          f"batch={settings.push_batch_size}, encrypt processes={encryptor.processes}, "
          f"{args.devices} devices, {os.cpu_count()} cores)")  # fmt: skip
    plan_rate, prepare_rate = n / plan_seconds, prepared / prepare_seconds
    print(f"  plan {n} meetings (meetings_changed): {plan_seconds:6.2f} s ({plan_rate:,.0f}/s)")
    print(f"  rank + build {prepared} payloads: {prepare_seconds:6.2f} s ({prepare_rate:,.0f}/s; "
          "ahead of time, not on the send path)")  # fmt: skip
    print(f"  send, outbox pipeline (median of {len(pipeline)}) : {p:8,.0f} pushes/s")
    print(f"  send, naive webpush() loop (median of {len(naive)}): {b:8,.0f} pushes/s")
    print(f"  ratio: {p / b:.1f}x   goals: >= 1,000/s {'met' if p >= 1000 else 'MISSED'}, "
          f">= 10x {'met' if p >= 10 * b else 'MISSED'}")  # fmt: skip
    return 0


def naive_runs(engine, service, args, keys) -> list[float] | None:  # type: ignore[no-untyped-def]
    """The obvious loop: one pywebpush.webpush() per notification."""
    from pywebpush import webpush
    from sqlalchemy import text

    from core.crypto import decrypt
    from core.push.vapid import CRYPTO_PURPOSE, vapid_subject

    with engine.connect() as connection:
        private_key = decrypt(
            connection.execute(text("SELECT private_key_encrypted FROM vapid_key")).scalar_one(),
            CRYPTO_PURPOSE,
        )
        rows = connection.execute(
            text(
                "SELECT d.endpoint, d.p256dh, d.auth, n.payload, n.topic FROM notification n "
                "JOIN device d ON d.id = n.device_id WHERE n.kind='brief' ORDER BY n.id LIMIT :k"
            ),
            {"k": args.naive},
        ).all()
    subject = vapid_subject()
    rates = []
    for run in range(args.repeat):
        service.ask("reset")
        started = time.perf_counter()
        cpu_started = time.process_time()
        for endpoint, p256dh, auth, payload, topic in rows:
            webpush(
                {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}},
                data=payload,
                vapid_private_key=private_key,
                vapid_claims={"sub": subject},
                ttl=600,
                headers={"Urgency": "high", "Topic": topic},
            )
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        stats = service.ask("stats")
        if stats["accepted"] != len(rows) or stats["error_count"]:
            print(f"naive run {run}: receiver {stats}", file=sys.stderr)
            return None
        rates.append(len(rows) / seconds)
        rate = len(rows) / seconds
        print(
            f"  naive run {run + 1}: {len(rows)} pushes in {seconds:.2f} s = {rate:,.0f}/s "
            f"[{cpu / len(rows) * 1e6:,.0f} µs CPU per push]"
        )
    return rates


if __name__ == "__main__":
    sys.exit(main())
