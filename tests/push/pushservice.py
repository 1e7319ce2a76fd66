"""A Web Push service stand-in on loopback that checks everything a real one checks.

It plays the browser too: ``subscribe()`` makes a real P-256 key pair and a
16-byte auth secret, like ``PushManager.subscribe()``, and keeps the private
half. For each POST it

- verifies the VAPID ``Authorization: vapid t=<JWT>, k=<key>`` header (RFC 8292):
  the key is the server's public key, the ES256 signature verifies with it, the
  ``aud`` claim is this service's origin, ``exp`` is in the future and within
  24 hours, ``sub`` is a mailto: or https: contact;
- checks the RFC 8030 headers (``TTL``, ``Urgency``, ``Topic``);
- decrypts the aes128gcm body (RFC 8291) with the subscriber's private key and
  auth secret, and parses the JSON.

A request that fails any check is answered 400 and recorded in ``errors``, so
a test passes only if what arrived decrypts to what was sent. Responses can be
scripted per subscription (``script``) to play 429/410/500.

The server is a raw asyncio protocol over ``httptools`` (the parser uvicorn
uses), so the benchmarks measure the sender, not the receiver. It runs in a
thread (``PushService``) for tests, or in its own process
(``pushservice_process.PushServiceProcess``) for the benchmarks.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import http_ece
import httptools
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid.jwt import decode as jwt_decode

_TOPIC = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
URGENCIES = {"very-low", "low", "normal", "high"}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Subscriber:
    """A browser's side of one subscription: it can decrypt what is pushed to it."""

    path: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes
    endpoint: str = ""

    @property
    def p256dh(self) -> str:
        return b64(
            self.private_key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )

    def to_json(self) -> dict[str, Any]:
        """What ``PushSubscription.toJSON()`` gives the page."""
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": self.p256dh, "auth": b64(self.auth)},
        }

    def secrets(self) -> tuple[str, str]:
        """(private key DER, auth) as text, to hand the subscriber to another process."""
        der = self.private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return b64(der), b64(self.auth)

    @classmethod
    def from_secrets(cls, path: str, der: str, auth: str) -> Subscriber:
        key = serialization.load_der_private_key(unb64(der), password=None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return cls(path=path, private_key=key, auth=unb64(auth))


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    payload: dict[str, Any] | None  # None when this request was not decrypted (sampling)
    claims: dict[str, Any] | None
    status: int
    at: float

    @property
    def topic(self) -> str | None:
        return self.headers.get("topic")


@dataclass
class Checker:
    """The verification and recording logic, shared by the thread and process servers."""

    vapid_public_key: str | None
    origin: str = ""
    verify_every: int = 1  # check the JWT of every n-th request (benchmarks sample)
    decrypt_every: int = 1  # decrypt every n-th request
    keep_headers: bool = True
    subscribers: dict[str, Subscriber] = field(default_factory=dict)
    scripts: dict[str, deque[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    count: int = 0
    _verified_tokens: set[str] = field(default_factory=set)

    def verify_vapid(self, authorization: str) -> dict[str, Any]:
        scheme, _, rest = authorization.partition(" ")
        if scheme.lower() != "vapid":
            raise ValueError(f"Authorization scheme is {scheme!r}, not vapid")
        parts = dict(p.strip().split("=", 1) for p in rest.split(",") if "=" in p)
        token, key = parts.get("t", ""), parts.get("k", "")
        if self.vapid_public_key is not None and key != self.vapid_public_key:
            raise ValueError("the k= key is not the server's VAPID public key")
        claims: dict[str, Any] = jwt_decode(token, key)  # raises InvalidSignature
        header = json.loads(unb64(token.split(".")[0]))
        if header.get("alg") != "ES256":
            raise ValueError(f"JWT alg is {header.get('alg')!r}")
        if claims.get("aud") != self.origin:
            raise ValueError(f"aud {claims.get('aud')!r} is not {self.origin!r}")
        now = time.time()
        if not (now < float(claims.get("exp", 0)) <= now + 24 * 3600):
            raise ValueError(f"exp {claims.get('exp')!r} is not within the next 24 hours")
        sub = str(claims.get("sub", ""))
        if not (sub.startswith("mailto:") or sub.startswith("https:")):
            raise ValueError(f"sub {sub!r} is not a mailto: or https: contact")
        return claims

    def check_headers(self, headers: dict[str, str]) -> None:
        if headers.get("content-encoding") != "aes128gcm":
            raise ValueError("Content-Encoding is not aes128gcm")
        ttl = headers.get("ttl", "")
        if not ttl.isdigit():
            raise ValueError(f"TTL {ttl!r} is not a non-negative integer")
        urgency = headers.get("urgency")
        if urgency is not None and urgency not in URGENCIES:
            raise ValueError(f"Urgency {urgency!r} is not valid")
        topic = headers.get("topic")
        if topic is not None and not _TOPIC.match(topic):
            raise ValueError(f"Topic {topic!r} is not ≤ 32 URL-safe base64 characters")

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str]]:
        self.count += 1
        n = self.count
        subscriber = self.subscribers.get(path)
        if subscriber is None:
            return 404, {}
        script = self.scripts.get(path)
        claims: dict[str, Any] | None = None
        payload: dict[str, Any] | None = None
        try:
            self.check_headers(headers)
            authorization = headers.get("authorization", "")
            if n % self.verify_every == 0 or authorization not in self._verified_tokens:
                claims = self.verify_vapid(authorization)
                self._verified_tokens.add(authorization)
            if n % self.decrypt_every == 0 or script:
                plain = http_ece.decrypt(
                    body,
                    private_key=subscriber.private_key,
                    auth_secret=subscriber.auth,
                    version="aes128gcm",
                )
                if len(plain) > 3072:
                    raise ValueError(f"payload is {len(plain)} bytes, over 3 KB")
                payload = json.loads(plain)
        except Exception as exc:  # every failed check is a test failure, reported in errors
            self.errors.append(f"{path}: {type(exc).__name__}: {exc}")
            return 400, {}
        status, extra = (201, {"location": f"/m/{n}"})
        if script:
            status, extra = script.popleft()
        kept = headers if self.keep_headers else {"topic": headers.get("topic", "")}
        self.received.append(Received(path, kept, payload, claims, status, time.time()))
        return status, extra


class _Protocol(asyncio.Protocol):
    def __init__(self, checker: Checker, lock: threading.Lock) -> None:
        self.checker = checker
        self.lock = lock
        self.parser = httptools.HttpRequestParser(self)
        self.transport: Any = None  # asyncio's or uvloop's TCP transport
        self._url = b""
        self._headers: dict[str, str] = {}
        self._body: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            assert self.transport is not None
            self.transport.close()

    def on_url(self, url: bytes) -> None:
        self._url += url

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers[name.decode("latin-1").lower()] = value.decode("latin-1")

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        path = self._url.decode("latin-1").split("?", 1)[0]
        with self.lock:
            status, extra = self.checker.handle(path, self._headers, b"".join(self._body))
        self._url, self._headers, self._body = b"", {}, []
        lines = [f"HTTP/1.1 {status} X", "content-length: 0"]
        lines += [f"{k}: {v}" for k, v in extra.items()]
        assert self.transport is not None
        self.transport.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


async def _serve(checker: Checker, lock: threading.Lock, port: int = 0) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    return await loop.create_server(lambda: _Protocol(checker, lock), "127.0.0.1", port)


class PushService:
    """The stand-in in a background thread, for tests."""

    def __init__(self, vapid_public_key: str | None = None) -> None:
        self.checker = Checker(vapid_public_key=vapid_public_key)
        self.lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self.port = 0

    def __enter__(self) -> PushService:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(_serve(self.checker, self.lock), self._loop)
        self._server = future.result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        self.checker.origin = self.origin
        return self

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            assert self._server is not None
            self._server.close()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_vapid_key(self, public_key: str) -> None:
        self.checker.vapid_public_key = public_key

    def subscribe(self, name: str | None = None) -> Subscriber:
        path = f"/push/{name or os.urandom(8).hex()}"
        subscriber = Subscriber(
            path=path,
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth=os.urandom(16),
            endpoint=f"{self.origin}{path}",
        )
        with self.lock:
            self.checker.subscribers[path] = subscriber
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """The browser dropped it: the service answers 410 Gone from now on."""
        self.script(subscriber, [(410, {})] * 1000)

    def script(self, subscriber: Subscriber, responses: list[tuple[int, dict[str, str]]]) -> None:
        with self.lock:
            self.checker.scripts[subscriber.path] = deque(responses)

    @property
    def received(self) -> list[Received]:
        with self.lock:
            return list(self.checker.received)

    @property
    def errors(self) -> list[str]:
        with self.lock:
            return list(self.checker.errors)

    def delivered(self, subscriber: Subscriber) -> list[dict[str, Any]]:
        """Payloads the service accepted (2xx) for ``subscriber``, oldest first."""
        return [
            r.payload
            for r in self.received
            if r.path == subscriber.path and 200 <= r.status < 300 and r.payload is not None
        ]
