"""The sending client on its own: SSRF refusals at connect time, network trouble, helpers."""

from __future__ import annotations

import asyncio
import os

from core.push import vapid
from core.push.cipher import encrypt, helper_count
from core.push.webpush import Outcome, PushMessage, PushSender, Subscription, VapidSigner
from tests.push.pushservice_process import make_subscribers


def send_once(session, endpoint: str, *, allow_private: bool):
    keys = vapid.get_keys(session)
    [subscriber] = make_subscribers(1)

    async def run():
        sender = PushSender(
            VapidSigner(keys.vapid, "mailto:ops@example.com"),
            timeout=3,
            allow_private=allow_private,
        )
        try:
            message = PushMessage(
                Subscription(endpoint, subscriber.p256dh, subscriber.to_json()["keys"]["auth"]),
                b'{"event": "test", "v": 1}',
                {"TTL": "60", "Content-Encoding": "aes128gcm"},
            )
            body = encrypt(message.payload, message.subscription.p256dh, message.subscription.auth)
            return await sender.send(message, body)
        finally:
            await sender.aclose()

    return asyncio.run(run())


def test_a_name_that_resolves_to_a_private_address_is_refused_at_connect(session):
    result = send_once(session, "https://localhost:9/push/x", allow_private=False)
    assert result.outcome == Outcome.failed
    assert result.detail.startswith("refused:") and "localhost" in result.detail


def test_a_private_address_literal_is_refused_before_connecting(session):
    result = send_once(session, "https://10.1.2.3/push/x", allow_private=False)
    assert result.outcome == Outcome.failed and result.detail.startswith("refused:")


def test_a_push_service_that_is_down_is_retried_later(session):
    result = send_once(session, "http://127.0.0.1:9/push/x", allow_private=True)  # nothing on :9
    assert result.outcome == Outcome.retry
    assert "cannot connect" in result.detail


def test_helper_processes_default_to_one_per_spare_core():
    assert helper_count(0) == 0
    assert helper_count(3) == 3
    assert helper_count(-1) == max(0, min(4, (os.cpu_count() or 1) - 1))
