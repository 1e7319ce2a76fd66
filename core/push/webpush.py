"""Sending one Web Push message: RFC 8291 encryption, RFC 8292 VAPID, one shared client.

- Encryption (aes128gcm) is http_ece (``core.push.cipher``): every message gets a
  fresh ephemeral ECDH key and salt, as RFC 8291 requires, so it cannot be
  cached; it costs ~0.14 ms of CPU per push (see docs/pushes.md).
- The VAPID JWT (py_vapid) is the same for every push to one push service
  until it expires, so it is signed once per origin and reused until an hour
  before its 12-hour expiry, instead of an ECDSA signature per push.
- One ``httpx.AsyncClient`` per process (``shared_sender``) keeps connections to
  each push service alive; a semaphore bounds how many pushes are in flight.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache

import httpx
from py_vapid import Vapid02

from core.push import cipher
from core.push.transport import REFUSED, check_literal, push_transport

VAPID_LIFETIME_SECONDS = 12 * 3600
VAPID_REFRESH_SECONDS = 3600  # re-sign when less than this is left
MAX_RETRY_AFTER_SECONDS = 6 * 3600


@dataclass(frozen=True)
class Subscription:
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True)
class PushMessage:
    subscription: Subscription
    payload: bytes
    headers: dict[str, str]  # TTL, Urgency, Topic, Content-Encoding (core.push.payloads)
    body: bytes | None = None  # already encrypted (by a cipher pool); else encrypted on send


class Outcome(StrEnum):
    sent = "sent"  # the push service accepted it (201)
    retry = "retry"  # 429, 5xx, network trouble: try again later
    gone = "gone"  # 404/410: the subscription has expired; delete the device
    failed = "failed"  # refused for good (400, 403, 413, a bad key...)
    skipped = "skipped"  # not sent at all: it would arrive after the moment it was for


@dataclass(frozen=True)
class PushResult:
    outcome: Outcome
    status: int | None = None
    retry_after: float | None = None  # seconds, from the Retry-After header
    detail: str = ""


@dataclass(frozen=True)
class Target:
    """What one endpoint parses to, kept per endpoint (URL parsing costs more than a push)."""

    url: httpx.URL
    origin: str  # the VAPID ``aud``: scheme://host[:port]


@lru_cache(maxsize=65536)
def target_of(endpoint: str) -> Target:
    url = httpx.URL(endpoint)
    default = 443 if url.scheme == "https" else 80
    port = f":{url.port}" if url.port and url.port != default else ""
    return Target(url=url, origin=f"{url.scheme}://{url.host}{port}")


def origin_of(endpoint: str) -> str:
    return target_of(endpoint).origin


class VapidSigner:
    """``Authorization: vapid t=<JWT>, k=<public key>`` per push-service origin, cached."""

    def __init__(self, vapid: Vapid02, subject: str) -> None:
        self._vapid = vapid
        self._subject = subject
        self._cache: dict[str, tuple[str, float]] = {}

    def authorization(self, origin: str, now: float | None = None) -> str:
        moment = time.time() if now is None else now
        cached = self._cache.get(origin)
        if cached is not None and cached[1] - VAPID_REFRESH_SECONDS > moment:
            return cached[0]
        expires = int(moment) + VAPID_LIFETIME_SECONDS
        claims = {"aud": origin, "sub": self._subject, "exp": expires}
        header = self._vapid.sign(claims)["Authorization"]
        self._cache[origin] = (header, float(expires))
        return header


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait: ``Retry-After`` is either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_SECONDS)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, min(moment.timestamp() - current, MAX_RETRY_AFTER_SECONDS))


def classify(response: httpx.Response) -> PushResult:
    status = response.status_code
    if 200 <= status < 300:
        return PushResult(Outcome.sent, status)
    detail = f"{status} {response.text[:200]}".strip()
    if status in (404, 410):
        return PushResult(Outcome.gone, status, detail=detail)
    if status == 429 or status >= 500:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        return PushResult(Outcome.retry, status, retry_after, detail)
    return PushResult(Outcome.failed, status, detail=detail)


class PushSender:
    """Encrypts, signs and posts pushes over one keep-alive client, ``concurrency`` at a time."""

    def __init__(
        self,
        signer: VapidSigner,
        *,
        concurrency: int = 32,
        timeout: float = 10.0,
        allow_private: bool = False,
    ) -> None:
        self.signer = signer
        self._limit = asyncio.Semaphore(concurrency)
        # Requests are built here (not by client.post) to skip re-merging client
        # defaults per push, so the timeout rides on each request's extensions.
        self._timeouts = httpx.Timeout(timeout).as_dict()
        self._allow_private = allow_private
        self.client = httpx.AsyncClient(
            transport=push_transport(allow_private=allow_private, connections=concurrency),
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
        )

    async def send(self, message: PushMessage) -> PushResult:
        subscription = message.subscription
        try:
            target = target_of(subscription.endpoint)
            refused = check_literal(target.url.host, self._allow_private)
            if refused:
                return PushResult(Outcome.failed, detail=refused)
            body = message.body or cipher.encrypt(
                message.payload, subscription.p256dh, subscription.auth
            )
            headers = {**message.headers, "Authorization": self.signer.authorization(target.origin)}
        except Exception as exc:  # a corrupt key or endpoint: this message can never be sent
            return PushResult(Outcome.failed, detail=f"cannot encrypt or sign: {exc}"[:300])
        request = httpx.Request(
            "POST",
            target.url,
            content=body,
            headers=headers,
            extensions={"timeout": self._timeouts},
        )
        async with self._limit:
            try:
                response = await self.client.send(request, stream=True)
                try:
                    if not 200 <= response.status_code < 300:
                        await response.aread()  # the push service's reason, for last_error
                finally:
                    await response.aclose()  # an accepted push has no body worth reading
            except httpx.TransportError as exc:
                if REFUSED in str(exc):  # the endpoint's host now resolves somewhere forbidden
                    return PushResult(Outcome.failed, detail=str(exc)[:300])
                return PushResult(Outcome.retry, detail=f"{type(exc).__name__}: {exc}"[:300])
        return classify(response)

    async def aclose(self) -> None:
        await self.client.aclose()


_shared: tuple[asyncio.AbstractEventLoop, str, PushSender] | None = None


def shared_sender(
    vapid: Vapid02,
    public_key: str,
    subject: str,
    *,
    concurrency: int,
    timeout: float,
    allow_private: bool,
) -> PushSender:
    """The process's one sender (and client), rebuilt only for a new event loop or key."""
    global _shared
    loop = asyncio.get_running_loop()
    if _shared is not None and _shared[0] is loop and _shared[1] == public_key:
        return _shared[2]
    sender = PushSender(
        VapidSigner(vapid, subject),
        concurrency=concurrency,
        timeout=timeout,
        allow_private=allow_private,
    )
    _shared = (loop, public_key, sender)
    return sender


async def close_shared_sender() -> None:
    """Close the process's client (tests and benchmarks that start a loop per pass)."""
    global _shared
    if _shared is not None:
        sender, _shared = _shared[2], None
        await sender.aclose()
