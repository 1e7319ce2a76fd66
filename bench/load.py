"""A morning rush: N concurrent clients against a real ``tipoff serve``, half posting tips,
half reading briefs, on loopback only.

    .venv/bin/python bench/load.py [--db sqlite|postgres] [--clients 10,50,200] [--seconds 30]

Each level starts from the same seeded database (10 members with API tokens, 5 meetings
each, 60 tips) behind one ``tipoff serve`` subprocess, whose briefs are read once, untimed,
before the clock starts (as on a server that has been up: meeting embeddings cached); every
client is a closed loop
(send, wait for the answer, send again) on its own keep-alive connection. Per level
it prints throughput, latency percentiles and how every request ended:

- ``ok`` (2xx), ``busy`` (503 with ``Retry-After``: the server's fast "over capacity,
  come back" answer, which is an answer and counted apart), ``5xx`` (any other 5xx,
  including a 503 without ``Retry-After``), ``4xx``, and ``dropped`` (connection
  reset or closed with no answer) and ``timeout`` (no answer within ``--timeout``).

Goals (issue 12): zero 5xx, zero dropped or timed-out requests at every level;
throughput at 50 and 200 clients >= 80 % of the peak; p95 <= 1 s at 50 clients.
Rate limits are raised for the run (10 members post far more than 20 tips an hour
here); the scheduler is off (there is no calendar source to read).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TIPOFF_DATA_DIR", tempfile.mkdtemp(prefix="tipoff-bench-load-"))
os.environ.setdefault("TIPOFF_SECRET_KEY", "bench-load-secret-key")

PG_URL = os.environ.get("TIPOFF_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
MEMBERS = 10
MEETINGS_PER_MEMBER = 5
SEED_TIPS = 60
WORDS = (  # noqa: SIM905 - a list literal would be one word per line
    "pricing renewal demo procurement security review onboarding budget "
    "champion contract discount pilot rollout integration legal signature "
    "timeline risk stakeholder workshop kickoff quarterly roadmap objection "
    "competitor reference"
).split()
server_pid = 0  # the running server's process id (for profilers)
CUSTOMERS = ["acme.com", "globex.com", "initech.com", "umbrella.com", "hooli.com"]


@dataclass
class Level:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    ok: int = 0
    posts: int = 0
    briefs: int = 0
    busy: int = 0
    server_errors: int = 0
    client_errors: int = 0
    dropped: int = 0
    timeouts: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def throughput(self) -> float:
        return self.ok / self.seconds

    def line(self) -> str:
        return (
            f"{self.clients:>4} clients: {self.throughput:7.1f} req/s "
            f"({self.posts / self.seconds:.1f} posts/s, {self.briefs / self.seconds:.1f} briefs/s)"
            f"  p50 {self.pct(0.5) * 1000:6.0f} ms  p95 {self.pct(0.95) * 1000:6.0f} ms"
            f"  p99 {self.pct(0.99) * 1000:6.0f} ms  | 5xx {self.server_errors}"
            f"  dropped {self.dropped}  timeout {self.timeouts}  busy(503+Retry-After) {self.busy}"
            f"  4xx {self.client_errors}"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- a database and a server -------------------------------------------------------


@contextmanager
def database(kind: str) -> Iterator[str]:
    """The URL of an empty database: a temporary SQLite file, or a fresh PostgreSQL schema."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="tipoff-load-") as directory:
            yield f"sqlite:///{Path(directory) / 'data' / 'tipoff.db'}"
        return
    from sqlalchemy import text

    from core.db import make_engine
    from core.settings import normalise_database_url

    base = normalise_database_url(PG_URL)
    schema = f"load_{os.getpid()}_{secrets.token_hex(3)}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    joiner = "&" if "?" in base else "?"
    try:
        yield f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def server_env(database_url: str, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TIPOFF_DATA_DIR": str(data_dir),
        "TIPOFF_DATABASE_URL": database_url,
        "TIPOFF_SECRET_KEY": "bench-load-secret-key",
        "TIPOFF_RUN_SCHEDULER": "false",
        "TIPOFF_LOG_LEVEL": "WARNING",
        "TIPOFF_RATE_LIMIT_POSTS": "1000000/hour",
        "TIPOFF_RATE_LIMIT_VOTES": "1000000/hour",
    }


def seed(database_url: str, tips: int = SEED_TIPS) -> tuple[list[str], dict[str, list[int]]]:
    """Members with tokens, their meetings and a library: (tokens, token -> meeting ids)."""
    from core.db import make_engine, session_scope
    from core.migrate import upgrade
    from core.models import Calendar, Meeting, Role, utcnow
    from core.models.tip import TipCreate
    from core.people import accounts
    from core.tips.service import create_tip

    rng = random.Random(12)
    engine = make_engine(database_url)
    upgrade(engine)
    tokens: list[str] = []
    meetings: dict[str, list[int]] = {}
    with session_scope(engine) as session:
        for n in range(MEMBERS):
            user = accounts.create_user(
                session,
                email=f"rep{n}@northwind.example",
                name=f"Rep {n}",
                role=Role.member,
                password=None,
            )
            token = accounts.create_api_token(session, user)
            tokens.append(token)
            calendar = Calendar(user_id=user.id or 0, url_encrypted="-", source_key=f"load-{n}")
            session.add(calendar)
            session.flush()
            ids = []
            for m in range(MEETINGS_PER_MEMBER):
                start = utcnow() + timedelta(hours=2 + m)
                customer = CUSTOMERS[(n + m) % len(CUSTOMERS)]
                meeting = Meeting(
                    user_id=user.id or 0,
                    calendar_id=calendar.id or 0,
                    uid=f"load-{n}-{m}",
                    original_start=start,
                    title=f"{rng.choice(WORDS).title()} call with {customer.split('.')[0]}",
                    start=start,
                    end=start + timedelta(minutes=30),
                    attendees=[
                        {
                            "email": f"buyer@{customer}",
                            "name": "",
                            "kind": "person",
                            "partstat": "ACCEPTED",
                        }
                    ],
                    external_domains=[customer],
                )
                session.add(meeting)
                session.flush()
                ids.append(meeting.id or 0)
            meetings[token] = ids
            if n == 0:
                for _ in range(tips):
                    create_tip(session, user, tip_payload(rng, TipCreate))
    engine.dispose()
    return tokens, meetings


def tip_payload(rng: random.Random, model: type | None = None):  # type: ignore[no-untyped-def]
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
    data = {
        "title": " ".join(rng.choice(WORDS) for _ in range(4)).capitalize(),
        "body": body.capitalize() + ".",
        "tags": rng.sample(WORDS, 2),
        "accounts": [rng.choice(CUSTOMERS)],
    }
    return model(**data) if model else data


@contextmanager
def serve(database_url: str) -> Iterator[str]:
    """``tipoff serve`` on a free loopback port; yields its base URL."""
    import httpx

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="tipoff-load-data-") as data_dir:
        tipoff = Path(sys.executable).with_name("tipoff")
        log = open(Path(data_dir) / "server.log", "w+")  # noqa: SIM115
        process = subprocess.Popen(
            [str(tipoff), "serve", "--host", "127.0.0.1", "--port", str(port), "--no-scheduler"],
            env=server_env(database_url, Path(data_dir)),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        global server_pid
        server_pid = process.pid
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None:
                    break
                time.sleep(0.2)
            else:
                raise RuntimeError("tipoff serve did not start")
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError("tipoff serve exited:\n" + log.read()[-2000:])
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.seek(0)
            tail = log.read()
            log.close()
            errors = [line for line in tail.splitlines() if " ERROR " in line]
            if errors:
                print(f"  server logged {len(errors)} ERROR lines, e.g. {errors[0][:300]}")


# --- the clients ---------------------------------------------------------------------


async def client_loop(
    n: int,
    url: str,
    tokens: list[str],
    meetings: dict[str, list[int]],
    level: Level,
    stop_at: float,
    timeout: float,
) -> None:
    rng = random.Random(n)
    token = tokens[n % len(tokens)]
    headers = {"Authorization": f"Bearer {token}"}
    poster = n % 2 == 0
    connector = aiohttp.TCPConnector(limit=1, force_close=False)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)
    ) as http:
        while time.monotonic() < stop_at:
            started = time.monotonic()
            try:
                if poster:
                    request = http.post(url + "/api/tips", json=tip_payload(rng), headers=headers)
                else:
                    meeting = rng.choice(meetings[token])
                    request = http.get(f"{url}/api/meetings/{meeting}/brief", headers=headers)
                async with request as response:
                    await response.read()
                    status = response.status
                    retry_after = response.headers.get("Retry-After")
            except TimeoutError:
                level.timeouts += 1
                continue
            except aiohttp.ClientError:
                level.dropped += 1
                await asyncio.sleep(0.05)
                continue
            elapsed = time.monotonic() - started
            level.statuses[status] = level.statuses.get(status, 0) + 1
            if 200 <= status < 300:
                level.ok += 1
                level.latencies.append(elapsed)
                if poster:
                    level.posts += 1
                else:
                    level.briefs += 1
            elif status == 503 and retry_after:
                level.busy += 1
                await asyncio.sleep(min(float(retry_after), 2.0) * rng.random())
            elif status >= 500:
                level.server_errors += 1
            else:
                level.client_errors += 1


async def warm_up(url: str, meetings: dict[str, list[int]]) -> None:
    """Read every brief once, untimed: a server that has been up has ranked these meetings
    before (the push pipeline prepares briefs ahead), so their embeddings are cached."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:
        for token, ids in meetings.items():
            for meeting in ids:
                async with http.get(
                    f"{url}/api/meetings/{meeting}/brief",
                    headers={"Authorization": f"Bearer {token}"},
                ) as response:
                    await response.read()


async def run_level(
    url: str,
    tokens: list[str],
    meetings: dict[str, list[int]],
    clients: int,
    seconds: float,
    timeout: float = 10.0,
) -> Level:
    await warm_up(url, meetings)
    level = Level(clients=clients, seconds=seconds)
    stop_at = time.monotonic() + seconds
    await asyncio.gather(
        *(client_loop(n, url, tokens, meetings, level, stop_at, timeout) for n in range(clients))
    )
    return level


def measure(
    kind: str,
    clients: list[int],
    seconds: float,
    timeout: float = 10.0,
    *,
    seed_tips: int = SEED_TIPS,
    fresh: bool = True,
) -> list[Level]:
    """By default one fresh database and server per level, so every level starts from the
    same library; ``fresh=False`` runs the levels one after another on one server."""
    levels: list[Level] = []

    def run(url: str, tokens: list[str], meetings: dict[str, list[int]], count: int) -> None:
        level = asyncio.run(run_level(url, tokens, meetings, count, seconds, timeout))
        print("  " + level.line(), flush=True)
        levels.append(level)

    if not fresh:
        with database(kind) as database_url:
            tokens, meetings = seed(database_url, seed_tips)
            with serve(database_url) as url:
                for count in clients:
                    run(url, tokens, meetings, count)
        return levels
    for count in clients:
        with database(kind) as database_url:
            tokens, meetings = seed(database_url, seed_tips)
            with serve(database_url) as url:
                run(url, tokens, meetings, count)
    return levels


def verdict(levels: list[Level]) -> list[str]:
    """What misses the issue's goals (empty when all are met)."""
    misses = []
    peak = max(level.throughput for level in levels)
    for level in levels:
        if level.server_errors or level.dropped or level.timeouts:
            misses.append(f"{level.clients} clients: 5xx/dropped/timeouts")
        if level.clients >= 50 and level.throughput < 0.8 * peak:
            misses.append(f"{level.clients} clients: {level.throughput / peak:.0%} of peak")
        if level.clients == 50 and level.pct(0.95) > 1.0:
            misses.append(f"50 clients: p95 {level.pct(0.95):.2f} s > 1 s")
    return misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--clients", default="10,50,200")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--timeout", type=float, default=10.0, help="per request")
    args = parser.parse_args()
    counts = [int(c) for c in args.clients.split(",")]
    failed = False
    for kind in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
        print(f"{kind}: {args.seconds:.0f} s per level, half posting tips, half reading briefs")
        levels = measure(kind, counts, args.seconds, args.timeout)
        misses = verdict(levels)
        peak = max(level.throughput for level in levels)
        print(
            "  throughput vs peak: "
            + ", ".join(f"{lv.clients}: {lv.throughput / peak:.0%}" for lv in levels)
        )
        print("  goals met" if not misses else "  MISSED: " + "; ".join(misses))
        failed = failed or bool(misses)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
