"""Real parts for calendar tests: ICS feeds served on loopback, a Radicale server,
a throwaway database for multi-process work, and switches for the SSRF policy."""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest

from tests.calendars.certs import certificates
from tests.calendars.servers import FeedServer, TlsServer

# --- ICS feeds on loopback ---------------------------------------------------------


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def public_server() -> Iterator[FeedServer]:
    """A server on 127.0.0.2 that tests treat as a public internet host (see ``public_host``)."""
    server = FeedServer(host="127.0.0.2").start()
    yield server
    server.stop()


PUBLIC_STAND_IN = "127.0.0.2"


@pytest.fixture
def public_host(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Let 127.0.0.2 pass the guard as if it were public, and give it DNS names.

    The guard itself runs unchanged; only its verdict on this one stand-in address
    and the system resolver's answers for ``*.example.test`` names are replaced.
    """
    from core.net import ssrf

    original_reason = ssrf.refusal_reason
    original_getaddrinfo = socket.getaddrinfo
    names: dict[str, list[str]] = {}

    def reason(address: Any, *, allow_private: bool) -> str | None:
        if str(address) == PUBLIC_STAND_IN:
            return None
        return original_reason(address, allow_private=allow_private)

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name in names:
            answers = names[name]
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))
                for address in answers
            ]
        return original_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(ssrf, "refusal_reason", reason)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def add_name(name: str, *addresses: str) -> None:
        names[name] = list(addresses) or [PUBLIC_STAND_IN]

    return add_name


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    """TIPOFF_ALLOW_PRIVATE_NETWORKS=true for this test only (loopback servers)."""
    from core.settings import get_settings

    settings = get_settings()
    monkeypatch.setattr(settings, "allow_private_networks", True)


@pytest.fixture
def setting(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Override settings for one test: ``setting(fetch_max_bytes=1000)``."""
    from core.settings import get_settings

    settings = get_settings()

    def apply(**values: Any) -> None:
        for name, value in values.items():
            monkeypatch.setattr(settings, name, value)

    return apply


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Record every outgoing TCP connection, and refuse any that leaves loopback.

    Proves that nothing was sent to a refused host, and guarantees that a broken
    guard could never send a packet to a private or metadata address from a test.
    """
    attempts: list[tuple[str, int]] = []
    original = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        host, port = address[0], address[1]
        attempts.append((host, port))
        if not (host.startswith("127.") or host in ("::1", "localhost")):
            raise OSError(f"test tripwire: connection to {host} blocked")
        return original(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts


# --- building feeds --------------------------------------------------------------


def ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent(
    uid: str, start: datetime, minutes: int = 60, summary: str = "Meeting", **extra: str
) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{ics_time(start)}",
        f"DTSTART:{ics_time(start)}",
        f"DTEND:{ics_time(start + timedelta(minutes=minutes))}",
        f"SUMMARY:{summary}",
        *(f"{k.replace('_', '-')}:{v}" for k, v in extra.items()),
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def calendar(*events: str, name: str | None = None) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tipoff tests//EN"]
    if name:
        head.append(f"X-WR-CALNAME:{name}")
    return ("\r\n".join([*head, *events, "END:VCALENDAR"]) + "\r\n").encode()


def soon(days: float = 1, hour: int = 10) -> datetime:
    """A whole hour ``days`` from today (UTC), inside the default sync window."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=days, hours=hour)


def http_date(moment: datetime) -> str:
    return formatdate(moment.timestamp(), usegmt=True)


# --- a throwaway database for work that needs committed rows -------------------------


# --- Radicale, a real CalDAV server -------------------------------------------------


@dataclass
class Radicale:
    url: str
    accounts: Iterator[tuple[str, str]]
    log: Path

    def account(self) -> tuple[str, str]:
        """A fresh (username, password): each test gets an account of its own."""
        return next(self.accounts)

    def client(self, username: str, password: str) -> Any:
        import caldav

        return caldav.DAVClient(
            url=self.url, username=username, password=password, enable_rfc6764=False
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def radicale() -> Iterator[Radicale]:
    directory = Path(tempfile.mkdtemp(prefix="tipoff-radicale-"))
    users = [(f"user{n}", f"pw-{secrets.token_hex(4)}") for n in range(60)]
    (directory / "users").write_text("".join(f"{u}:{p}\n" for u, p in users))
    port = _free_port()
    (directory / "config").write_text(
        f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {directory / "users"}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = {directory / "collections"}
[rights]
type = owner_only
[logging]
level = warning
"""
    )
    log = directory / "radicale.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(directory / "config")],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Radicale did not start: {log.read_text()}") from None
            time.sleep(0.1)
    yield Radicale(f"http://127.0.0.1:{port}/", iter(users), log)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(directory, ignore_errors=True)


# --- HTTPS with a test certificate authority -----------------------------------------


@pytest.fixture
def tls_server(
    public_host: Callable[..., None], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[TlsServer]:
    import ssl

    from core.net import ssrf

    ca_file, cert_file, key_file = certificates(tmp_path, "feeds.example.test")
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    server = TlsServer(host=PUBLIC_STAND_IN, context=server_context)

    def remember(_socket: Any, server_name: str | None, _context: Any) -> None:
        server.server_names.append(server_name or "")

    server_context.sni_callback = remember
    client_context = ssl.create_default_context(cafile=str(ca_file))
    monkeypatch.setattr(ssrf, "ssl_context", lambda: client_context)
    public_host(server.name)
    server.start()
    yield server
    server.stop()
