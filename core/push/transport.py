"""The HTTP transport under the shared push client: aiohttp's, with the SSRF policy at connect.

Why not httpx's default transport: push traffic is thousands of small POSTs to a
handful of origins (FCM, Mozilla, Apple). httpcore's pool re-scans every
connection for every request and its anyio streams are heavy: on loopback it
costs ~450 µs of CPU per request and slows down as concurrency grows, against
~250 µs through ``httpx-aiohttp`` (aiohttp's C HTTP parser and keep-alive pool
behind the same ``httpx.AsyncClient`` API). Measured figures: docs/pushes.md.

Why a resolver: a push endpoint is a URL a browser handed us, so connections go
through the same policy as calendar links (``core.calendars.ssrf``): every name
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
from httpx_aiohttp import AiohttpTransport

from core.calendars.ssrf import ip_literal, refusal_reason

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


def push_transport(*, allow_private: bool, connections: int) -> AiohttpTransport:
    """httpx transport over one aiohttp session: keep-alive, ``connections`` per push service."""

    def session() -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            resolver=CheckedResolver(allow_private=allow_private),
            limit=connections * 4,
            limit_per_host=connections,
            keepalive_timeout=60,
            ssl=push_ssl_context(),
        )
        return aiohttp.ClientSession(connector=connector, trust_env=False)

    return AiohttpTransport(client=session)
