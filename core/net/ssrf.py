"""The guard every user-given URL goes through before Tipoff connects anywhere.

Why it is built this way:

- A URL is judged by the *addresses* its host resolves to, never by its spelling:
  ``2130706433``, ``0177.0.0.1``, ``127.1`` and ``[::ffff:127.0.0.1]`` are all
  loopback, and a public-looking name may resolve to a private address.
- Every address a name resolves to must pass, not just the first one.
- The check and the connection share one resolution: ``GuardedTransport`` (httpx,
  for ICS feeds) and ``guarded_resolver`` (niquests, which the ``caldav`` library
  uses) resolve, check, and connect to exactly the checked addresses, keeping the
  real name in the Host header and TLS SNI. DNS cannot answer "public" to the
  check and "private" to the connection (rebinding).
- Redirects are never followed by the HTTP client itself; ``fetch`` re-checks
  every hop through this module.

``TIPOFF_ALLOW_PRIVATE_NETWORKS=true`` lets loopback, private (RFC 1918, ULA) and
CGNAT targets through, for on-premises servers and tests. Link-local (cloud
metadata at 169.254.169.254), unspecified (0.0.0.0), multicast and reserved
addresses stay refused whatever the setting.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import threading
from functools import lru_cache
from typing import Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

import httpx

from core.errors import BadRequest, InvalidInput

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SCHEME_ALIASES = {"webcal": "https", "webcals": "https", "http": "http", "https": "https"}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_BROADCAST = ipaddress.IPv4Address("255.255.255.255")
_MAX_POOLS = 256
_LEGACY_IPV4 = re.compile(r"[0-9a-fx.]+", re.IGNORECASE)
PRIVATE_HINT = (
    "Tipoff only fetches calendars from public servers; an administrator can allow "
    "on-premises servers with TIPOFF_ALLOW_PRIVATE_NETWORKS=true"
)


class UrlRefused(InvalidInput):
    """The URL is not one Tipoff will connect to (scheme, or where it points)."""


class Unreachable(BadRequest):
    """The host could not be found or connected to."""


def refusal_reason(address: IPAddress, *, allow_private: bool) -> str | None:
    """Why Tipoff must not connect to ``address``, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address):
        translated = address.ipv4_mapped
        if translated is None and address in _NAT64:
            translated = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if translated is not None:  # the packets really go to this IPv4 address
            return refusal_reason(translated, allow_private=allow_private)
        tunnelled = address.sixtofour or (address.teredo[1] if address.teredo else None)
        if tunnelled is not None:
            reason = refusal_reason(tunnelled, allow_private=allow_private)
            if reason is not None:
                return reason
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_multicast or address == _BROADCAST:
        return "a multicast or broadcast address"
    if address.is_link_local:
        return "a link-local address (such as cloud metadata)"
    if address.is_loopback:
        return None if allow_private else "a loopback address"
    if address.is_reserved:
        return "a reserved address"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return None if allow_private else "a carrier-grade NAT address"
    if address.is_private:
        return None if allow_private else "a private network address"
    if not address.is_global:
        return None if allow_private else "a non-public address"
    return None


def ip_literal(host: str) -> IPAddress | None:
    """The address a host name spells directly, including legacy forms (``0177.1``)."""
    candidate = host.strip("[]")
    try:
        return ipaddress.ip_address(candidate.split("%", 1)[0])
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(candidate):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(candidate))
        except OSError:
            return None
    return None


def normalise_url(raw: str) -> str:
    """A URL Tipoff may try: http(s) only (``webcal`` read as https), host required,
    numeric hosts in canonical form, no fragment. Raises ``UrlRefused``."""
    text = raw.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise UrlRefused(f"that is not a valid link: {exc}") from None
    scheme = _SCHEME_ALIASES.get(parts.scheme.lower())
    if scheme is None:
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise UrlRefused(f"only http, https and webcal links can be used (got {shown})")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UrlRefused("the link has no host name")
    literal = ip_literal(host)
    if literal is not None:
        host = f"[{literal}]" if literal.version == 6 else str(literal)
    netloc = host if port is None else f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    return urlunsplit(SplitResult(scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The host alone: what messages and ``display_url`` may show of a secret URL."""
    return (urlsplit(url).hostname or "").rstrip(".")


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in the resolver's order."""
    literal = ip_literal(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unreachable(f"the host {host} could not be found") from exc
    found: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    if not found:
        raise Unreachable(f"the host {host} could not be found")
    return found


def checked_addresses(host: str, port: int, *, allow_private: bool) -> list[IPAddress]:
    """Resolve ``host`` and return its addresses, refusing if any one of them is off-limits."""
    addresses = resolve(host, port)
    for address in addresses:
        reason = refusal_reason(address, allow_private=allow_private)
        if reason is not None:
            raise UrlRefused(f"{host} points to {reason} ({address}). {PRIVATE_HINT}.")
    return addresses


def check_url(url: str, *, allow_private: bool) -> str:
    """Normalise and check a URL before anything is sent (for early, clear refusals)."""
    normal = normalise_url(url)
    parts = urlsplit(normal)
    default = 443 if parts.scheme == "https" else 80
    checked_addresses(parts.hostname or "", parts.port or default, allow_private=allow_private)
    return normal


@lru_cache(maxsize=1)
def ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for every fetch (loading CA certificates is slow)."""
    return httpx.create_ssl_context()


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that connects only to checked addresses, pinned per connection.

    The request URL's host is replaced by the checked address; the Host header
    (set by httpx from the original URL) and the TLS server name keep the real
    host, so virtual hosting and certificate checks work as usual. Kept-alive
    connections are pooled per original host name, so a connection made (and
    certificate-checked) for one name is never reused for another.
    """

    def __init__(self, *, allow_private: bool, shared: bool = False) -> None:
        self._allow_private = allow_private
        self._shared = shared
        self._pools: dict[tuple[str, str, int], httpx.HTTPTransport] = {}
        self._lock = threading.Lock()

    def _pool(self, scheme: str, host: str, port: int) -> httpx.HTTPTransport:
        key = (scheme, host, port)
        with self._lock:
            pool = self._pools.get(key)
            if pool is None:
                if len(self._pools) >= _MAX_POOLS:  # many hosts: start over rather than grow
                    for old in self._pools.values():
                        old.close()
                    self._pools.clear()
                pool = httpx.HTTPTransport(verify=ssl_context(), trust_env=False)
                self._pools[key] = pool
            return pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        host = url.host
        port = url.port or (443 if url.scheme == "https" else 80)
        addresses = checked_addresses(host, port, allow_private=self._allow_private)
        if url.scheme == "https" and ip_literal(host) is None:
            request.extensions = {**request.extensions, "sni_hostname": host}
        pool = self._pool(url.scheme, host, port)
        failure: httpx.ConnectError | None = None
        for address in addresses:
            request.url = url.copy_with(host=str(address))
            try:
                return pool.handle_request(request)
            except httpx.ConnectError as exc:
                failure = exc
        assert failure is not None
        raise failure

    def close(self) -> None:
        if self._shared:  # lives as long as the process; clients come and go
            return
        with self._lock:
            for pool in self._pools.values():
                pool.close()
            self._pools.clear()


@lru_cache(maxsize=2)
def shared_transport(allow_private: bool) -> GuardedTransport:
    """The process-wide guarded transport (connection reuse across fetches to one host)."""
    return GuardedTransport(allow_private=allow_private, shared=True)


def guarded_resolver(*, allow_private: bool) -> Any:
    """A niquests DNS resolver that applies the same policy at connect time.

    The ``caldav`` library talks through niquests; with this resolver installed on
    its session, every connection (redirects included) resolves through the check
    and connects to the addresses it returned. A refusal is kept on ``.refusal``
    so the caller can report it instead of niquests' generic connection error.
    """
    from niquests.packages.urllib3.contrib.resolver.system import SystemResolver

    class GuardedResolver(SystemResolver):
        refusal: UrlRefused | None = None

        def getaddrinfo(
            self, host, port, family, type, proto=0, flags=0, *, quic_upgrade_via_dns_rr=False
        ):
            name = host.decode("ascii") if isinstance(host, bytes) else str(host or "")
            number = int(port or 0)
            try:
                addresses = checked_addresses(name, number, allow_private=allow_private)
            except UrlRefused as exc:
                self.refusal = exc
                raise OSError(str(exc)) from exc
            except Unreachable as exc:
                raise socket.gaierror(str(exc)) from exc
            records: list[tuple[Any, ...]] = []
            for address in addresses:
                if address.version == 4 and family in (socket.AF_UNSPEC, socket.AF_INET):
                    records.append((socket.AF_INET, type, proto, "", (str(address), number)))
                elif address.version == 6 and family in (socket.AF_UNSPEC, socket.AF_INET6):
                    sockaddr = (str(address), number, 0, 0)
                    records.append((socket.AF_INET6, type, proto, "", sockaddr))
            return records

    return GuardedResolver()
