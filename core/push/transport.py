"""The HTTP client under push sending: one aiohttp session, with the SSRF policy at connect.

Why aiohttp and not httpx (which the rest of Tipoff uses, for calendars): push
traffic is thousands of small POSTs to a handful of origins (FCM, Mozilla,
Apple), and per request httpx costs several times aiohttp's CPU. Measured on
loopback under the push benchmark (docs/pushes.md): httpx's own transport
~450 µs of CPU per push, httpx over an aiohttp transport ~250 µs (its
``Request``/``Response`` models, header normalisation and cookie handling),
aiohttp's ``ClientSession`` directly ~100 µs. At the goal of ten times a naive
``pywebpush`` loop, that difference is most of the budget.

Why a resolver: a push endpoint is a URL a browser handed us, so connections go
through the same policy as calendar links (``core.net.ssrf``): every name
is resolved, every address checked, and aiohttp connects only to the addresses
the check returned (its DNS cache holds checked results only). IP-literal hosts
skip aiohttp's resolver, so ``check_literal`` covers them before sending.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from functools import lru_cache

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from core.net.ssrf import ip_literal, refusal_reason

REFUSED = "refused:"


class CheckedResolver(AbstractResolver):
    """Resolves through the system resolver and refuses names that reach forbidden addresses."""

    def __init__(self, *, allow_private: bool) -> None:
        self._allow_private = allow_private
        self._inner = aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        for result in results:
            address = ipaddress.ip_address(result["host"].split("%", 1)[0])
            reason = refusal_reason(address, allow_private=self._allow_private)
            if reason is not None:
                raise OSError(f"{REFUSED} {host} points to {reason} ({address})")
        return results

    async def close(self) -> None:
        await self._inner.close()


@lru_cache(maxsize=256)
def check_literal(host: str, allow_private: bool) -> str | None:
    """Why an IP-literal host is refused (None when it is fine or not a literal)."""
    address = ip_literal(host)
    if address is None:
        return None
    reason = refusal_reason(address, allow_private=allow_private)
    return None if reason is None else f"{REFUSED} {host} is {reason}"


@lru_cache(maxsize=1)
def push_ssl_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def push_session(*, allow_private: bool, connections: int, timeout: float) -> aiohttp.ClientSession:
    """The process's push client: keep-alive, at most ``connections`` per push service.

    Made inside the event loop that will use it (aiohttp binds a session to one loop).
    """
    connector = aiohttp.TCPConnector(
        resolver=CheckedResolver(allow_private=allow_private),
        limit=connections * 4,
        limit_per_host=connections,
        keepalive_timeout=60,
        ssl=push_ssl_context(),
    )
    return aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=timeout, sock_connect=timeout),
        trust_env=False,
        cookie_jar=aiohttp.DummyCookieJar(),  # push services set none worth keeping
        auto_decompress=False,
        skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"),
    )
