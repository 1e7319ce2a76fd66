"""Conditional GET and the messages a person sees when a feed cannot be fetched."""

from __future__ import annotations

import pytest

from core.calendars.fetch import FetchFailed, fetch_feed
from core.net.ssrf import Unreachable
from tests.calendars.conftest import calendar, http_date, soon, vevent

FEED = calendar(vevent("a@example.test", soon()))


def test_etag_round_trip_costs_one_304(allow_private, feed_server):
    url = feed_server.serve("/cal.ics", FEED, etag='"v1"')
    first = fetch_feed(url)
    assert (first.status, first.body, first.etag) == (200, FEED, '"v1"')
    second = fetch_feed(url, etag=first.etag)
    assert second.not_modified and second.body == b"" and second.etag == '"v1"'
    assert [h.status for h in feed_server.hits] == [200, 304]
    assert feed_server.hits[1].headers["if-none-match"] == '"v1"'


def test_last_modified_round_trip(allow_private, feed_server):
    stamp = http_date(soon(-3))
    url = feed_server.serve("/cal.ics", FEED, last_modified=stamp)
    first = fetch_feed(url)
    assert first.last_modified == stamp and first.etag is None
    second = fetch_feed(url, last_modified=first.last_modified)
    assert second.not_modified
    assert feed_server.hits[1].headers["if-modified-since"] == stamp


def test_a_changed_feed_comes_back_in_full(allow_private, feed_server):
    url = feed_server.serve("/cal.ics", FEED, etag='"v1"')
    changed = calendar(vevent("b@example.test", soon(2)))
    feed_server.serve("/cal.ics", changed, etag='"v2"')
    fetched = fetch_feed(url, etag='"v1"')
    assert (fetched.status, fetched.body, fetched.etag) == (200, changed, '"v2"')


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (401, "needs a password or has expired"),
        (403, "refused access"),
        (404, "nothing is published at that link"),
        (410, "no longer published"),
        (500, "answered 500"),
    ],
)
def test_http_errors_say_what_happened_without_the_secret(
    allow_private, feed_server, status, words
):
    url = feed_server.serve("/private/SECRET-TOKEN/basic.ics", b"nope", status=status)
    with pytest.raises(FetchFailed) as failure:
        fetch_feed(url)
    assert words in failure.value.detail
    assert "SECRET-TOKEN" not in failure.value.detail
    assert failure.value.status_code == 400


def test_closed_port_is_unreachable(allow_private):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchFailed, match=r"could not download from 127\.0\.0\.1"):
        fetch_feed(f"http://127.0.0.1:{port}/cal.ics")


def test_unknown_host():
    with pytest.raises(Unreachable, match="could not be found"):
        fetch_feed("https://no-such-host.invalid/cal.ics")


def test_https_to_a_plain_http_server_says_so(allow_private, feed_server):
    url = feed_server.serve("/c.ics", FEED).replace("http://", "webcal://")
    with pytest.raises(FetchFailed, match=r"no secure \(https\) connection to 127\.0\.0\.1"):
        fetch_feed(url)
