"""CalDAV asks the server for the window only, and copes with servers that refuse to filter.

A real Radicale serves the events; for the refusals a small loopback proxy sits in
front of it and answers 501 to the REPORTs a lesser server would not do (with a
``time-range``, or any REPORT at all), passing everything else through.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest

from core.calendars import caldav_source
from core.calendars.parse import Window
from tests.calendars.conftest import calendar, soon, vevent

WINDOW = Window(
    datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1),
    datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=15),
)


class RefusingProxy:
    """Forwards to Radicale; refuses REPORTs that match ``refuse`` with 501."""

    def __init__(self, upstream: str, refuse: str) -> None:
        self.upstream = urlsplit(upstream)
        self.refuse = refuse
        self.seen: list[tuple[str, bool]] = []  # (method, refused)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_one_request(self) -> None:
                self.raw_requestline = self.rfile.readline(65537)
                if not self.raw_requestline or not self.parse_request():
                    self.close_connection = True
                    return
                proxy.forward(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def forward(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        refused = request.command == "REPORT" and (
            self.refuse == "report" or (self.refuse == "time-range" and b"time-range" in body)
        )
        self.seen.append((request.command, refused))
        if refused:
            request.send_response(501, "Not Implemented")
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        upstream = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port)
        headers = {k: v for k, v in request.headers.items() if k.lower() != "host"}
        upstream.request(request.command, request.path, body=body, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        request.send_response(answer.status, answer.reason)
        for key, value in answer.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                request.send_header(key, value)
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)
        upstream.close()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def work(radicale) -> Iterator[tuple[Any, str, str]]:
    """A Radicale calendar with a near event, a far-past one and a series from years ago."""
    username, password = radicale.account()
    collection = radicale.client(username, password).principal().make_calendar(name="Work")
    long_ago = datetime(2016, 1, 4, 9, tzinfo=UTC)
    for event in (
        vevent("near", soon(2), summary="Near"),
        vevent("old", long_ago, summary="Old"),
        vevent("weekly", long_ago + timedelta(hours=3), summary="Weekly", RRULE="FREQ=WEEKLY"),
    ):
        collection.save_event(calendar(event).decode())
    yield collection, username, password


def uids(documents: list[bytes]) -> set[str]:
    return {line.split(b":", 1)[1].strip().decode() for d in documents
            for line in d.splitlines() if line.startswith(b"UID:")}  # fmt: skip


def test_the_server_filters_by_time_range(allow_private, work):
    collection, username, password = work
    got = caldav_source.download(str(collection.url), username, password, WINDOW, None)
    assert uids(got.documents) == {"near", "weekly"}  # the ten-year-old single stayed home


@pytest.mark.parametrize("refuse", ["time-range", "report"])
def test_a_server_that_refuses_still_syncs(allow_private, radicale, work, refuse):
    collection, username, password = work
    proxy = RefusingProxy(radicale.url, refuse)
    try:
        url = proxy.url.rstrip("/") + urlsplit(str(collection.url)).path
        got = caldav_source.download(url, username, password, WINDOW, None)
    finally:
        proxy.stop()
    assert uids(got.documents) == {"near", "old", "weekly"}  # everything, then parsed as usual
    assert ("REPORT", True) in proxy.seen
    if refuse == "report":
        assert ("GET", False) in proxy.seen
