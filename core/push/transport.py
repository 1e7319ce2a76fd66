"""The HTTP transport under the shared push client: kept-alive lanes, pinned addresses.

Why not httpx's default pool: push traffic is many small POSTs to a handful of
origins (FCM, Mozilla, Apple), and httpcore's pool re-scans every connection
for every request (and probes each socket), so on loopback it tops out around
1,300 requests/s and *slows down* as concurrency grows (measured in
docs/pushes.md). Here each origin keeps a stack of idle HTTP/1.1 connections
(httpcore does the protocol work); a request takes one, uses it, and puts it
back: O(1) per request.

Why a custom network backend: a push endpoint is a URL a browser handed us, so
it goes through the same SSRF policy as calendar links, at connect time — every
new connection resolves the host, checks every address (``core.calendars.ssrf``)
and connects to exactly a checked address, keeping the real name for TLS SNI.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import httpcore
import httpx

from core.calendars.ssrf import Unreachable, UrlRefused, checked_addresses


@lru_cache(maxsize=1)
def push_ssl_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


class EndpointRefused(httpx.TransportError):
    """The endpoint's host resolves to an address pushes must not go to."""


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Resolve, check every address, connect to a checked one (no DNS rebinding window)."""

    def __init__(self, *, allow_private: bool) -> None:
        self._allow_private = allow_private
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await asyncio.to_thread(
                checked_addresses, host, port, allow_private=self._allow_private
            )
        except UrlRefused as exc:
            raise httpcore.ConnectError(f"refused: {exc.detail}") from exc
        except Unreachable as exc:
            raise httpcore.ConnectError(exc.detail) from exc
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


OriginKey = tuple[bytes, bytes, int]  # httpcore.Origin is not hashable


def _origin(url: httpx.URL) -> OriginKey:
    return (url.raw_scheme, url.raw_host, url.port or (443 if url.scheme == "https" else 80))


class LaneTransport(httpx.AsyncBaseTransport):
    """Per-origin stacks of idle keep-alive connections, at most ``per_origin`` open each."""

    def __init__(self, *, allow_private: bool, per_origin: int = 64) -> None:
        self._backend = PinnedBackend(allow_private=allow_private)
        self._per_origin = per_origin
        self._idle: dict[OriginKey, list[httpcore.AsyncHTTPConnection]] = defaultdict(list)
        self._open: dict[OriginKey, int] = defaultdict(int)
        self._freed = asyncio.Condition()
        self._waiting = 0  # requests waiting for a connection slot; skip notify when none

    async def _acquire(self, origin: OriginKey) -> httpcore.AsyncHTTPConnection:
        while True:
            idle = self._idle[origin]
            while idle:
                connection = idle.pop()
                if connection.is_available() and not connection.has_expired():
                    return connection
                await self._discard(origin, connection)
            if self._open[origin] < self._per_origin:
                self._open[origin] += 1
                return httpcore.AsyncHTTPConnection(
                    httpcore.Origin(*origin),
                    ssl_context=push_ssl_context(),
                    keepalive_expiry=60.0,
                    network_backend=self._backend,
                )
            self._waiting += 1
            try:
                async with self._freed:
                    await self._freed.wait()
            finally:
                self._waiting -= 1

    async def _notify(self) -> None:
        if self._waiting:
            async with self._freed:
                self._freed.notify()

    async def _discard(self, origin: OriginKey, connection: httpcore.AsyncHTTPConnection) -> None:
        self._open[origin] -= 1
        try:
            await connection.aclose()
        finally:
            await self._notify()

    async def _release(self, origin: OriginKey, connection: httpcore.AsyncHTTPConnection) -> None:
        if connection.is_available():
            self._idle[origin].append(connection)
            await self._notify()
        else:
            await self._discard(origin, connection)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        origin = _origin(request.url)
        connection = await self._acquire(origin)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.content,
            extensions=request.extensions,
        )
        try:
            response = await connection.handle_async_request(core_request)
            try:
                body = await response.aread()
            finally:
                await response.aclose()
        except httpcore.TimeoutException as exc:
            await self._discard(origin, connection)
            raise httpx.TimeoutException(str(exc) or "timed out", request=request) from exc
        except httpcore.ConnectError as exc:
            await self._discard(origin, connection)
            message = str(exc) or "could not connect"
            if message.startswith("refused:"):
                raise EndpointRefused(message, request=request) from exc
            raise httpx.ConnectError(message, request=request) from exc
        except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
            await self._discard(origin, connection)
            raise httpx.TransportError(str(exc) or type(exc).__name__, request=request) from exc
        except BaseException:
            await self._discard(origin, connection)
            raise
        await self._release(origin, connection)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            content=body,
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        for origin, connections in list(self._idle.items()):
            while connections:
                await self._discard(origin, connections.pop())
