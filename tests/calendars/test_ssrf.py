"""The SSRF guard, with ALLOW_PRIVATE_NETWORKS off (the default in tests).

Every refusal is checked through the real fetch path and through the API, and
the ``connections`` tripwire proves nothing was sent to the refused host.
"""

from __future__ import annotations

import ipaddress

import pytest

from core.calendars.fetch import FetchFailed, fetch_feed
from core.net import ssrf
from tests.calendars.conftest import calendar, soon, vevent

FEED = calendar(vevent("one@example.test", soon()))


def refused_urls(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/feed.ics",
        f"http://localhost:{port}/feed.ics",
        f"http://[::1]:{port}/feed.ics",
        f"webcal://127.0.0.1:{port}/feed.ics",
        f"http://0.0.0.0:{port}/feed.ics",
        f"http://[::ffff:127.0.0.1]:{port}/feed.ics",
        f"http://2130706433:{port}/feed.ics",  # decimal 127.0.0.1
        f"http://0177.0.0.1:{port}/feed.ics",  # octal 127.0.0.1
        f"http://0x7f.1:{port}/feed.ics",  # hex, short form
        f"http://127.1:{port}/feed.ics",
        "http://10.0.0.1/feed.ics",
        "http://10.255.255.254:8080/feed.ics",
        "http://172.16.5.4/feed.ics",
        "http://192.168.1.10/feed.ics",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/feed.ics",  # CGNAT
        "http://100.127.255.254/feed.ics",
        "http://224.0.0.1/feed.ics",  # multicast
        "http://[fe80::1]/feed.ics",
        "http://[fd00::1]/feed.ics",
        "http://[::ffff:10.0.0.1]/feed.ics",
        "http://[::ffff:169.254.169.254]/feed.ics",
    ]


@pytest.mark.parametrize("index", range(22))
def test_fetch_refuses_private_targets_and_sends_nothing(index, feed_server, connections):
    feed_server.serve("/feed.ics", FEED)
    url = refused_urls(feed_server.port)[index]
    with pytest.raises(ssrf.UrlRefused) as refusal:
        fetch_feed(url)
    assert refusal.value.status_code == 422
    assert "public servers" in refusal.value.detail
    assert connections == []
    assert feed_server.hits == []


@pytest.mark.parametrize("index", [0, 4, 5, 6, 7, 14, 15])
def test_api_refuses_private_targets_with_422(index, client, member, feed_server, connections):
    feed_server.serve("/feed.ics", FEED)
    url = refused_urls(feed_server.port)[index]
    response = client.post("/api/calendars", json={"url": url}, headers=member.headers)
    assert response.status_code == 422, response.text
    assert "points to" in response.json()["detail"]
    assert connections == [] and feed_server.hits == []
    assert client.get("/api/calendars", headers=member.headers).json()["items"] == []


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/cal.ics",
        "file:///etc/passwd",
        "gopher://example.com/",
        "javascript:alert(1)",
        "example.com/cal.ics",
        "http:///cal.ics",
        "http://exa mple.com/cal.ics",
    ],
)
def test_only_http_and_https_links(url, client, member, connections):
    response = client.post("/api/calendars", json={"url": url}, headers=member.headers)
    assert response.status_code in (400, 422), response.text
    assert connections == []


def test_webcal_is_read_as_https():
    assert ssrf.normalise_url("webcal://Calendar.Example.com/a/b.ics?key=1#x") == (
        "https://calendar.example.com/a/b.ics?key=1"
    )
    assert ssrf.normalise_url("WEBCALS://example.com") == "https://example.com/"


def test_legacy_numeric_hosts_are_canonicalised():
    assert ssrf.normalise_url("http://2130706433/x") == "http://127.0.0.1/x"
    assert ssrf.normalise_url("http://0177.0.0.1/x") == "http://127.0.0.1/x"
    assert ssrf.normalise_url("http://0x7f.0.0.1/x") == "http://127.0.0.1/x"
    assert ssrf.normalise_url("http://[::ffff:127.0.0.1]/x") == "http://[::ffff:7f00:1]/x"


@pytest.mark.parametrize(
    ("address", "private_allowed"),
    [
        ("127.0.0.1", True), ("10.1.2.3", True), ("172.31.0.1", True), ("192.168.0.1", True),
        ("100.64.0.1", True), ("::1", True), ("fd12::1", True), ("::ffff:192.168.0.1", True),
        ("169.254.169.254", False), ("fe80::1", False), ("0.0.0.0", False), ("::", False),
        ("224.0.0.251", False), ("ff02::1", False), ("255.255.255.255", False),
        ("240.0.0.1", False), ("::ffff:169.254.169.254", False),
    ],
)  # fmt: skip
def test_address_policy(address, private_allowed):
    ip = ipaddress.ip_address(address)
    assert ssrf.refusal_reason(ip, allow_private=False) is not None
    allowed = ssrf.refusal_reason(ip, allow_private=True) is None
    assert allowed is private_allowed


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808"]
)
def test_public_addresses_pass(address):
    assert ssrf.refusal_reason(ipaddress.ip_address(address), allow_private=False) is None


def test_allow_private_networks_lets_loopback_through(allow_private, feed_server):
    url = feed_server.serve("/feed.ics", FEED)
    assert fetch_feed(url).body == FEED


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/", "http://0.0.0.0:9/x"])
def test_metadata_and_unspecified_stay_refused_even_when_private_is_allowed(
    url, allow_private, connections
):
    with pytest.raises(ssrf.UrlRefused):
        fetch_feed(url)
    assert connections == []


def test_redirect_to_loopback_is_refused(public_host, public_server, feed_server, connections):
    secret = feed_server.serve("/internal.ics", FEED)
    public_server.serve("/feed.ics", b"", status=302, location=secret)
    with pytest.raises(ssrf.UrlRefused, match="loopback"):
        fetch_feed(public_server.url("/feed.ics"))
    assert len(public_server.hits) == 1  # the public hop was fetched…
    assert feed_server.hits == []  # …the redirect target never was
    assert all(host == "127.0.0.2" for host, _ in connections)


def test_redirect_to_metadata_is_refused(public_host, public_server, connections):
    public_server.serve(
        "/feed.ics", b"", status=301, location="http://169.254.169.254/latest/meta-data/"
    )
    with pytest.raises(ssrf.UrlRefused, match="link-local"):
        fetch_feed(public_server.url("/feed.ics"))
    assert all(host == "127.0.0.2" for host, _ in connections)


def test_redirect_to_a_name_that_resolves_privately_is_refused(
    public_host, public_server, feed_server, connections
):
    public_host("intranet.example.test", "127.0.0.1")
    target = f"http://intranet.example.test:{feed_server.port}/internal.ics"
    feed_server.serve("/internal.ics", FEED)
    public_server.serve("/feed.ics", b"", status=307, location=target)
    with pytest.raises(ssrf.UrlRefused):
        fetch_feed(public_server.url("/feed.ics"))
    assert feed_server.hits == []


def test_public_redirects_are_followed_with_host_header_kept(public_host, public_server):
    public_host("feeds.example.test")
    public_server.serve("/old.ics", b"", status=301, location="/new.ics")
    public_server.serve("/new.ics", FEED)
    fetched = fetch_feed(f"http://feeds.example.test:{public_server.port}/old.ics")
    assert fetched.body == FEED
    assert [h.path for h in public_server.hits] == ["/old.ics", "/new.ics"]
    assert all(
        h.headers["host"] == f"feeds.example.test:{public_server.port}" for h in public_server.hits
    )


def test_every_resolved_address_must_pass(public_host, public_server, connections):
    public_host("mixed.example.test", "127.0.0.2", "10.0.0.7")
    public_server.serve("/feed.ics", FEED)
    with pytest.raises(ssrf.UrlRefused, match=r"10\.0\.0\.7"):
        fetch_feed(f"http://mixed.example.test:{public_server.port}/feed.ics")
    assert connections == [] and public_server.hits == []


def test_connection_is_pinned_to_the_checked_address(
    public_host, public_server, feed_server, monkeypatch, connections
):
    """DNS rebinding: the name answers public for the check, private afterwards."""
    import socket

    answers = iter(["127.0.0.2", "127.0.0.1", "127.0.0.1", "127.0.0.1"])
    resolved: list[str] = []
    patched = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "rebind.example.test":
            address = next(answers)
            resolved.append(address)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port)))]
        return patched(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    public_server.serve("/feed.ics", FEED)
    feed_server.serve("/feed.ics", b"SECRET")
    fetched = fetch_feed(f"http://rebind.example.test:{public_server.port}/feed.ics")
    assert fetched.body == FEED
    assert resolved == ["127.0.0.2"]  # resolved once, and that answer was used
    assert connections == [("127.0.0.2", public_server.port)]
    assert feed_server.hits == []


def test_https_to_http_downgrade_is_refused(public_host, tls_server, public_server):
    public_server.serve("/feed.ics", FEED)
    tls_server.serve("/feed.ics", b"", status=302, location=public_server.url("/feed.ics"))
    with pytest.raises(ssrf.UrlRefused, match="plain http"):
        fetch_feed(tls_server.url("/feed.ics"))
    assert public_server.hits == []


def test_tls_keeps_the_server_name_while_connecting_to_the_checked_address(
    public_host, tls_server, connections
):
    tls_server.serve("/feed.ics", FEED)
    assert fetch_feed(tls_server.url("/feed.ics")).body == FEED
    assert tls_server.server_names == ["feeds.example.test"]  # SNI was the name, not the IP
    assert connections == [("127.0.0.2", tls_server.port)]


def test_size_cap_with_content_length(allow_private, feed_server, setting):
    setting(fetch_max_bytes=2000)
    url = feed_server.serve("/big.ics", b"X" * 5000)
    with pytest.raises(FetchFailed, match="larger than"):
        fetch_feed(url)


def test_size_cap_without_content_length(allow_private, feed_server, setting):
    setting(fetch_max_bytes=2000)
    url = feed_server.serve("/big.ics", b"X" * 50_000, send_length=False)
    with pytest.raises(FetchFailed, match="larger than"):
        fetch_feed(url)


def test_time_cap_on_a_slow_server(allow_private, feed_server, setting):
    import time

    setting(fetch_timeout_seconds=1.0)
    url = feed_server.serve("/slow.ics", b"X" * 20_000, chunk_delay=0.2)
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="within 1 s"):
        fetch_feed(url)
    assert time.monotonic() - started < 2.5


def test_redirect_loops_end(allow_private, feed_server, setting):
    setting(fetch_max_redirects=3)
    feed_server.serve("/a.ics", b"", status=302, location="/b.ics")
    feed_server.serve("/b.ics", b"", status=302, location="/a.ics")
    with pytest.raises(FetchFailed, match="redirected more than 3 times"):
        fetch_feed(feed_server.url("/a.ics"))
    assert len(feed_server.hits) == 4


def test_caldav_resolver_applies_the_same_policy(feed_server, connections):
    import niquests

    resolver = ssrf.guarded_resolver(allow_private=False)
    feed_server.serve("/feed.ics", FEED)
    with niquests.Session(resolver=resolver) as session, pytest.raises(niquests.RequestException):
        session.get(f"http://localhost:{feed_server.port}/feed.ics", timeout=5)
    assert resolver.refusal is not None and "loopback" in resolver.refusal.detail
    assert feed_server.hits == [] and connections == []
