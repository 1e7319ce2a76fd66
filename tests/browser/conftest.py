"""Browser tests: a real ``tipoff serve`` on a loopback port, driven by Debian's Chromium.

The server runs in a subprocess against its own throwaway SQLite database (in
both suite runs: what is under test here is the browser side), with private
networks allowed so it can read the calendar feed these tests serve on
loopback. People are created with core functions on that database; everything
else goes through the server: the pages, or the JSON API with a bearer token.
Never a downloaded browser build: Playwright drives ``/usr/bin/chromium``.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.clock import midday_zone
from tests.mail.smtpserver import MailServer

CHROMIUM = os.environ.get("TIPOFF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
    "timezone_id": "UTC",
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
    ),
}
PASSWORD = "correct horse battery"
# Screenshots go to tests/browser/artifacts/ (ignored by git) unless TIPOFF_SCREENSHOTS names
# another folder: `TIPOFF_SCREENSHOTS=docs/screenshots make test-sqlite ARGS=tests/browser`
# refreshes the README's pictures.
SCREENSHOTS = Path(
    os.environ.get("TIPOFF_SCREENSHOTS") or Path(__file__).resolve().parent / "artifacts"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- a calendar feed on loopback ---------------------------------------------------


def ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent(uid: str, title: str, start: datetime, minutes: int, attendees: list[str]) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{ics_time(datetime.now(UTC))}",
        f"DTSTART:{ics_time(start)}",
        f"DTEND:{ics_time(start + timedelta(minutes=minutes))}",
        f"SUMMARY:{title}",
        *(f"ATTENDEE;CN={a.split('@')[0]};PARTSTAT=ACCEPTED:mailto:{a}" for a in attendees),
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


@dataclass
class Feeds:
    """ICS files served over HTTP on loopback, as a calendar provider would."""

    base_url: str
    files: dict[str, str] = field(default_factory=dict)

    def publish(self, name: str, events: list[str]) -> str:
        self.files[name] = "\r\n".join(
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Tipoff tests//EN",
                *events,
                "END:VCALENDAR",
                "",
            ]
        )
        return f"{self.base_url}/{name}.ics"


@pytest.fixture(scope="session")
def feeds() -> Iterator[Feeds]:
    served = Feeds(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            name = self.path.lstrip("/").removesuffix(".ics")
            body = served.files.get(name)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html><body>Not here</body></html>")
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    server.shutdown()


# --- the Tipoff server ---------------------------------------------------------------


@dataclass
class LiveServer:
    url: str
    database_url: str
    setup_link: str
    output: list[str]

    def add_user(
        self, role: str = "member", *, name: str | None = None, timezone: str = "UTC"
    ) -> Person:
        """A person in the server's database (core functions), with an API token."""
        from core.db import make_engine, session_scope
        from core.models import Role
        from core.people import accounts

        engine = make_engine(self.database_url)
        email = f"{role}-{secrets.token_hex(4)}@northwind.example"
        try:
            with session_scope(engine) as session:
                user = accounts.create_user(
                    session,
                    email=email,
                    name=name or f"{role.title()} {email[-24:-20]}",
                    role=Role(role),
                    timezone=timezone,
                    password=PASSWORD,
                )
                token = accounts.create_api_token(session, user)
                person = Person(self, user.id or 0, email, user.name, token)
        finally:
            engine.dispose()
        return person


@dataclass
class Person:
    server: LiveServer
    id: int
    email: str
    name: str
    token: str

    def api(self, method: str, path: str, json: Any = None) -> Any:
        response = httpx.request(
            method,
            self.server.url + path,
            json=json,
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=60,
        )
        log = "".join(self.server.output[-40:]) if response.status_code >= 500 else ""
        assert response.status_code < 400, f"{method} {path}: {response.text}\n{log}"
        return response.json() if response.content else None


@pytest.fixture(scope="session")
def mail_server() -> Iterator[MailServer]:
    """A real SMTP server on loopback (aiosmtpd): the live server's mail arrives here."""
    with MailServer() as server:
        yield server


@pytest.fixture(scope="session")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, mail_server: MailServer
) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("tipoff-browser")
    port = free_port()
    database_url = f"sqlite:///{data / 'tipoff.db'}"
    env = {
        **os.environ,
        "TIPOFF_DATA_DIR": str(data),
        "TIPOFF_DATABASE_URL": database_url,
        "TIPOFF_SECRET_KEY": secrets.token_urlsafe(32),
        "TIPOFF_ALLOW_PRIVATE_NETWORKS": "true",
        # the embedded scheduler, as `tipoff serve` runs it, polling often enough for tests
        "TIPOFF_RUN_SCHEDULER": "true",
        "TIPOFF_SCHEDULER_POLL_SECONDS": "0.5",
        "TIPOFF_LOG_LEVEL": "WARNING",
        # Every simulated person of the suite signs up and in from 127.0.0.1, so the
        # per-address limits would throttle the suite itself on a fast machine; the
        # limits are tested in tests/api.
        "TIPOFF_RATE_LIMIT_LOGIN": "1000/minute",
        # Mail (invites, password resets) goes to the loopback SMTP server; its links
        # are built on the public URL, which is this server's own address.
        "TIPOFF_SMTP_URL": mail_server.url(),
        "TIPOFF_MAIL_FROM": "Tipoff <tipoff@northwind.example>",
        "TIPOFF_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    tipoff = Path(sys.executable).with_name("tipoff")
    command = [str(tipoff), "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output: list[str] = []
    assert process.stdout is not None
    stream = process.stdout
    threading.Thread(target=lambda: output.extend(iter(stream.readline, "")), daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("tipoff serve exited:\n" + "".join(output))
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("tipoff serve did not answer /healthz:\n" + "".join(output))
    hint = next((line for line in output if line.startswith("No admin yet.")), "")
    link = re.search(r"(http://\S+/setup/\S+)", hint)
    assert link, f"no setup link printed; output was:\n{''.join(output)}"
    yield LiveServer(url=url, database_url=database_url, setup_link=link.group(1), output=output)
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


# --- the browser ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright):  # type: ignore[no-untyped-def]
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def installed_profile(playwright, live_server, tmp_path):  # type: ignore[no-untyped-def]
    """A phone browser with an ordinary (not incognito) profile: only those can install apps."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        base_url=live_server.url,
        **PHONE,
    )
    context.set_default_timeout(20_000)
    yield context
    context.close()


@pytest.fixture
def phone(chromium, live_server):  # type: ignore[no-untyped-def]
    """A fresh phone-sized browser profile (no cookies, no service worker yet)."""
    context = chromium.new_context(base_url=live_server.url, **PHONE)
    context.set_default_timeout(20_000)
    yield context
    context.close()


def sign_in(page, person: Person, *, path: str = "/") -> None:  # type: ignore[no-untyped-def]
    page.goto(path)
    page.fill("#email", person.email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/signin" not in url)


#: Whether the offline cache holds the page at ``path`` (for ``wait_until``).
CACHED = "path => caches.open('tipoff-pages').then(c => c.match(path)).then(Boolean)"
NOT_CACHED = "path => caches.open('tipoff-pages').then(c => c.match(path)).then(r => !r)"


def wait_until(  # type: ignore[no-untyped-def]
    page, predicate: str, arg: Any = None, *, timeout: float = 20.0
) -> Any:
    """Polls the JavaScript function ``predicate`` (``arg`` its argument) until it is truthy.

    Not ``page.wait_for_function``, for two reasons. Its first check runs inside the
    DevTools evaluation, but each later check ``eval``s the expression again from a
    timer, and the app's CSP (``script-src 'self'``) forbids that: a condition that was
    not true at once failed with an ``EvalError`` on a slow machine. And it takes a
    returned promise as a truthy answer at once, instead of awaiting what it resolves
    to. ``page.evaluate`` is exempt from the page's CSP and awaits promises.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = page.evaluate(predicate, arg)
        except Exception as error:  # a navigation replaced the page under the check
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:g} s: {predicate}")
        page.wait_for_timeout(100)


def wait_for_service_worker(page) -> None:  # type: ignore[no-untyped-def]
    """Until the page is controlled by an active service worker."""
    wait_until(page, "() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")


def screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def upcoming_events(domain: str = "acme.com", *, me: str, customer: str = "Acme") -> list[str]:
    """A customer meeting in 90 minutes and an internal one tomorrow.

    The title names ``customer``: with people from a company no tip is written for, a
    title that names a customer the library knows makes it that customer's meeting too.
    """
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return [
        vevent(
            f"pricing-{secrets.token_hex(4)}",
            f"Pricing call with {customer}",
            now + timedelta(minutes=90),
            45,
            [me, f"buyer@{domain}", f"cfo@{domain}"],
        ),
        vevent(
            f"forecast-{secrets.token_hex(4)}",
            "Forecast review",
            now + timedelta(hours=20),
            30,
            [me, "lead@northwind.example"],
        ),
    ]


ACME_TIPS = [
    {
        "title": "Lead with their Q3 budget",
        "body": "Acme's CFO joins pricing calls. "
        "Ask about the **Q3 budget** before you show the price.",
        "tags": ["pricing"],
        "accounts": ["acme.com"],
    },
    {
        "title": "Bring the logistics case study",
        "body": "Acme always asks for a reference from logistics. The *Globex* case study works.",
        "tags": ["references"],
        "accounts": ["acme.com"],
    },
]


@pytest.fixture(scope="session")
def library(live_server):  # type: ignore[no-untyped-def]
    """Colleagues' tips for acme.com, written once for the whole session."""
    colleague = live_server.add_user("member", name="Dana Colleague")
    return {
        "colleague": colleague,
        "tips": [colleague.api("POST", "/api/tips", t) for t in ACME_TIPS],
    }


@pytest.fixture
def acme_day(live_server, feeds, library):  # type: ignore[no-untyped-def]
    """A member whose calendar (a loopback feed) has a Pricing call with Acme coming up."""
    # Midday in Robin's zone keeps the meeting in 90 minutes "today" whenever CI runs.
    person = live_server.add_user("member", name="Robin Rep", timezone=midday_zone())
    url = feeds.publish(f"cal-{person.id}", upcoming_events(me=person.email))
    person.api("POST", "/api/calendars", {"url": url})
    meetings = person.api("GET", "/api/meetings")["items"]
    pricing = next(m for m in meetings if m["title"] == "Pricing call with Acme")
    return {"person": person, **library, "meeting": pricing}
