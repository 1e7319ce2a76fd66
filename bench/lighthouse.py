"""Lighthouse (mobile preset) on the PWA's Next up and brief pages, next to a baseline.

Starts a real ``tipoff serve`` on a free loopback port with its own throwaway
SQLite database, seeds one person with a calendar (an ICS feed served on
loopback), colleagues' tips and a browser session, then runs the ``lighthouse``
CLI against the system Chromium for each page, ``RUNS`` times, and prints the
median scores and the first-load bytes transferred (``total-byte-weight``:
Lighthouse starts each run with an empty cache and no service worker).

Baseline: ``/offline``, the app shell with no data — what any page costs at least.
Goals (issue 7): performance, accessibility, best practices >= 95 on Next up and
on a brief; a brief's first load <= 100 KB.

    bench/lighthouse.sh          # installs lighthouse via npm on first use, then runs this
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "lighthouse")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
RUNS = int(os.environ.get("RUNS", "3"))
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices")
GOAL_SCORE = 95
GOAL_BYTES = 100 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_feed(ics: str) -> str:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = ics.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/work.ics"


def calendar(me: str) -> str:
    now = datetime.now(UTC).replace(second=0, microsecond=0)

    def stamp(moment: datetime) -> str:
        return moment.strftime("%Y%m%dT%H%M%SZ")

    events = []
    for n, (title, hours, domain) in enumerate(
        [
            ("Pricing call with Acme", 1.5, "acme.com"),
            ("Globex renewal", 4, "globex.com"),
            ("Forecast review", 6, "northwind.example"),
            ("Acme onboarding kickoff", 20, "acme.com"),
        ]
    ):
        start = now + timedelta(hours=hours)
        events += [
            "BEGIN:VEVENT",
            f"UID:bench-{n}",
            f"DTSTAMP:{stamp(now)}",
            f"DTSTART:{stamp(start)}",
            f"DTEND:{stamp(start + timedelta(minutes=45))}",
            f"SUMMARY:{title}",
            f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{me}",
            f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:buyer@{domain}",
            "END:VEVENT",
        ]
    return "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", *events, "END:VCALENDAR", ""]
    )


TIPS = [
    {
        "title": "Lead with their Q3 budget",
        "body": "Acme's CFO joins pricing calls: ask about the **Q3 budget** first.",
        "tags": ["pricing"],
        "accounts": ["acme.com"],
    },
    {
        "title": "Bring the logistics case study",
        "body": "Acme always asks for a logistics reference.",
        "tags": ["references"],
        "accounts": ["acme.com"],
    },
    {
        "title": "Ask who signs",
        "body": "At Acme the CFO signs anything over 50k.",
        "tags": ["negotiation"],
        "accounts": ["acme.com"],
    },
    {
        "title": "Renewals: anchor on value",
        "body": "Globex renews yearly; show usage numbers before price.",
        "tags": ["renewal"],
        "accounts": ["globex.com"],
    },
]


def start_server(data: Path) -> tuple[subprocess.Popen[str], str, str]:
    port = free_port()
    database_url = f"sqlite:///{data / 'tipoff.db'}"
    env = {
        **os.environ,
        "TIPOFF_DATA_DIR": str(data),
        "TIPOFF_DATABASE_URL": database_url,
        "TIPOFF_SECRET_KEY": secrets.token_urlsafe(32),
        "TIPOFF_ALLOW_PRIVATE_NETWORKS": "true",
        "TIPOFF_RUN_SCHEDULER": "false",
        "TIPOFF_LOG_LEVEL": "WARNING",
    }
    tipoff = Path(sys.executable).with_name("tipoff")
    process = subprocess.Popen(
        [str(tipoff), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return process, url, database_url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit("tipoff serve did not start")


def seed(url: str, database_url: str) -> tuple[str, int]:
    """A rep with a calendar and colleagues' tips; returns (session cookie, brief meeting id)."""
    from core.db import make_engine, session_scope
    from core.models import Role
    from core.people import accounts

    engine = make_engine(database_url)
    with session_scope(engine) as session:
        rep = accounts.create_user(
            session, email="rep@northwind.example", name="Robin Rep", password=secrets.token_hex(8)
        )
        colleague = accounts.create_user(
            session, email="dana@northwind.example", name="Dana Colleague", role=Role.curator
        )
        rep_token = accounts.create_api_token(session, rep)
        colleague_token = accounts.create_api_token(session, colleague)
        cookie = accounts.start_web_session(session, rep)
    engine.dispose()
    for tip in TIPS:
        response = httpx.post(
            url + "/api/tips", json=tip, headers={"Authorization": f"Bearer {colleague_token}"}
        )
        response.raise_for_status()
    rep_auth = {"Authorization": f"Bearer {rep_token}"}
    feed = serve_feed(calendar("rep@northwind.example"))
    httpx.post(
        url + "/api/calendars", json={"url": feed}, headers=rep_auth, timeout=60
    ).raise_for_status()
    meetings = httpx.get(url + "/api/meetings", headers=rep_auth).json()["items"]
    pricing = next(m for m in meetings if m["title"] == "Pricing call with Acme")
    return cookie, pricing["id"]


@dataclass
class Run:
    figures: dict[str, float]  # the three category scores (0-100) and "bytes"
    weak: list[str]  # pass/fail audits that failed, to say what to fix


def lighthouse(url: str, cookie: str, out: Path, attempts: int = 3) -> Run:
    """One Lighthouse run; its sporadic trace errors (NO_NAVSTART and the like) are retried."""
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse_once(url, cookie, out)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"  (lighthouse run failed on {url}; retrying)", file=sys.stderr)
    raise AssertionError("unreachable")


def _lighthouse_once(url: str, cookie: str, out: Path) -> Run:
    subprocess.run(
        [
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--extra-headers",
            json.dumps({"Cookie": f"tipoff_session={cookie}"}),
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    report = json.loads(out.read_text())
    figures = {name: report["categories"][name]["score"] * 100.0 for name in CATEGORIES}
    figures["bytes"] = float(report["audits"]["total-byte-weight"]["numericValue"])
    weak = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") == "binary"
    ]
    return Run(figures, weak)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="tipoff-lighthouse-") as tmp:
        data = Path(tmp)
        process, url, database_url = start_server(data)
        try:
            cookie, meeting_id = seed(url, database_url)
            pages = [
                ("baseline: /offline", "/offline"),
                ("Next up: /", "/"),
                (f"brief: /m/{meeting_id}", f"/m/{meeting_id}"),
            ]
            print(
                f"lighthouse mobile preset, {RUNS} run(s) per page, medians; Chromium {CHROME_PATH}"
            )
            header = f"{'page':<22} {'perf':>5} {'a11y':>5} {'best':>5} {'first load':>12}"
            print(f"{header}  audits below 0.9")
            results = {}
            for label, path in pages:
                runs = [lighthouse(url + path, cookie, data / f"run-{i}.json") for i in range(RUNS)]
                median = {
                    key: statistics.median(run.figures[key] for run in runs)
                    for key in (*CATEGORIES, "bytes")
                }
                failed = sorted({audit for run in runs for audit in run.weak})
                results[path] = median
                print(
                    f"{label:<22} {median['performance']:>5.0f} {median['accessibility']:>5.0f} "
                    f"{median['best-practices']:>5.0f} {median['bytes'] / 1024:>9.1f} KB  "
                    f"{', '.join(failed) or '-'}"
                )
            brief = results[f"/m/{meeting_id}"]
            ok = all(
                results[p][c] >= GOAL_SCORE for p in ("/", f"/m/{meeting_id}") for c in CATEGORIES
            )
            ok = ok and brief["bytes"] <= GOAL_BYTES
            base = results["/offline"]["bytes"]
            kib = brief["bytes"] / 1024
            print(
                f"brief first load: {kib:.1f} KB = {brief['bytes'] / base:.2f}x the baseline shell"
            )
            goals = f"goals (>= {GOAL_SCORE} each, brief <= {GOAL_BYTES // 1024} KB)"
            print(f"{goals}: {'met' if ok else 'NOT met'}")
        finally:
            process.terminate()
            process.wait(timeout=15)


if __name__ == "__main__":
    main()
