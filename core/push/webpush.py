"""Sending one Web Push message: RFC 8291 encryption, RFC 8292 VAPID, one shared client.

- Encryption (aes128gcm) is http_ece (``core.push.cipher``): every message gets a
  fresh ephemeral ECDH key and salt, as RFC 8291 requires, so it cannot be
  cached; it costs ~0.14 ms of CPU per push (see docs/pushes.md).
- The VAPID JWT (py_vapid) is the same for every push to one push service
  until it expires, so it is signed once per origin and reused until an hour
  before its 12-hour expiry, instead of an ECDSA signature per push.
- One ``aiohttp.ClientSession`` per process (``shared_sender``) keeps connections
  to each push service alive; a semaphore bounds how many pushes are in flight.
  Why aiohttp rather than httpx here: ``core.push.transport``.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache

import aiohttp
from py_vapid import Vapid02
from yarl import URL

from core.push.transport import REFUSED, check_literal, push_session

VAPID_LIFETIME_SECONDS = 12 * 3600
VAPID_REFRESH_SECONDS = 3600  # re-sign when less than this is left
MAX_RETRY_AFTER_SECONDS = 6 * 3600
MAX_ANSWER_BYTES = 4096  # a refusal's reason, kept for last_error


@dataclass(frozen=True, slots=True)
class Subscription:
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True, slots=True)
class PushMessage:
    """One push before encryption: ``payload`` is the JSON, encrypted per subscriber."""

    subscription: Subscription
    payload: bytes
    headers: dict[str, str]  # TTL, Urgency, Topic, Content-Encoding (core.push.payloads)


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

    url: URL
    origin: str  # the VAPID ``aud``: scheme://host[:port]


@lru_cache(maxsize=65536)
def target_of(endpoint: str) -> Target:
    url = URL(endpoint)
    default = 443 if url.scheme == "https" else 80
    explicit = url.explicit_port
    port = f":{explicit}" if explicit and explicit != default else ""
    return Target(url=url, origin=f"{url.scheme}://{url.raw_host}{port}")


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


def classify(status: int, retry_after: str | None = None, reason: str = "") -> PushResult:
    """What a push service's answer means for the notification and the device."""
    if 200 <= status < 300:
        return PushResult(Outcome.sent, status)
    detail = f"{status} {reason[:200]}".strip()
    if status in (404, 410):
        return PushResult(Outcome.gone, status, detail=detail)
    if status == 429 or status >= 500:
        return PushResult(Outcome.retry, status, parse_retry_after(retry_after), detail)
    return PushResult(Outcome.failed, status, detail=detail)


class PushSender:
    """Signs and posts encrypted pushes over one keep-alive session, ``concurrency`` at a time."""

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
        self._allow_private = allow_private
        self._concurrency = concurrency
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = push_session(
                allow_private=self._allow_private,
                connections=self._concurrency,
                timeout=self._timeout,
            )
        return self._session

    async def send(self, message: PushMessage, body: bytes) -> PushResult:
        """Post ``body`` (``message`` encrypted by ``core.push.cipher``) to its push service."""
        try:
            target = target_of(message.subscription.endpoint)
            refused = check_literal(target.url.raw_host or "", self._allow_private)
            if refused:
                return PushResult(Outcome.failed, detail=refused)
            headers = {**message.headers, "Authorization": self.signer.authorization(target.origin)}
        except Exception as exc:  # a corrupt endpoint: this message can never be sent
            return PushResult(Outcome.failed, detail=f"cannot sign: {exc}"[:300])
        async with self._limit:
            try:
                async with self.session.post(
                    target.url, data=body, headers=headers, allow_redirects=False
                ) as answer:
                    if answer.status < 300:  # accepted: nothing in the answer worth reading
                        return PushResult(Outcome.sent, answer.status)
                    reason = await answer.content.read(MAX_ANSWER_BYTES)
                    return classify(
                        answer.status,
                        answer.headers.get("Retry-After"),
                        reason.decode("utf-8", "replace"),
                    )
            except aiohttp.ClientConnectorError as exc:
                detail = str(exc.os_error) or str(exc)
                if detail.startswith(REFUSED):  # the host now resolves somewhere forbidden
                    return PushResult(Outcome.failed, detail=detail[:300])
                return PushResult(Outcome.retry, detail=f"cannot connect: {detail}"[:300])
            except (TimeoutError, aiohttp.ClientError, OSError) as exc:
                return PushResult(Outcome.retry, detail=f"{type(exc).__name__}: {exc}"[:300])

    async def aclose(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()


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
