"""Sending what is due, and recording how each push went.

The pipeline of one worker: claim a batch (one short transaction), start its
pushes (bounded by the sender's concurrency), record results in small batches
as they finish, and claim more once half the batch is done — so the database
sees a few statements per hundred pushes and the push service always has work
in flight. At most ``push_batch_size`` rows are leased and unrecorded at any
moment: that is the most a killed worker can cause to be sent twice.

Results: accepted → ``sent``; 404/410 → the subscription is gone, the device is
deleted (its rows go with it); 429/5xx/network → retried after ``Retry-After``
or an exponential backoff, until ``push_max_attempts`` or the push would come
too late; other refusals → ``failed``. Every update is guarded by the lease the
worker holds, so a worker that lost its lease (and a meeting that was re-timed
or cancelled meanwhile) is never overwritten by a stale result.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import bindparam, delete, update
from sqlmodel import Session

from core.db import session_scope
from core.models import NotificationState, utcnow
from core.notifications.claim import DEVICE, NOTIFICATION, Claimed, claim_due
from core.push import payloads
from core.push.cipher import shared_encryptor
from core.push.vapid import VapidKeys, get_keys, vapid_subject
from core.push.webpush import Outcome, PushMessage, PushResult, PushSender, shared_sender
from core.settings import Settings, get_settings

log = logging.getLogger("tipoff.push")
UnitOfWork = Callable[[], AbstractContextManager[Session]]
T = TypeVar("T")
FLUSH_EVERY = 50  # results recorded per statement batch
CHUNK = 25  # pushes encrypted together (one round trip to the cipher pool)
MAX_BACKOFF_SECONDS = 3600.0


@dataclass
class DeliveryReport:
    sent: int = 0
    retry: int = 0
    gone: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.sent + self.retry + self.gone + self.failed + self.skipped

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def add(self, other: DeliveryReport) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


def backoff_seconds(attempts: int, base: float) -> float:
    """Exponential backoff with ±20 % jitter, so retries from many workers spread out."""
    delay = min(MAX_BACKOFF_SECONDS, base * 2 ** max(0, attempts - 1))
    return delay * random.uniform(0.8, 1.2)


def record_results(
    session: Session,
    results: Sequence[tuple[Claimed, PushResult]],
    *,
    now: datetime,
    settings: Settings,
) -> DeliveryReport:
    """Write the outcome of each push, guarded by the lease the sender held."""
    n = NOTIFICATION.c
    guard = (n.id == bindparam("nid")) & (n.lease_until == bindparam("lease"))
    sent: list[dict[str, Any]] = []
    retry: list[dict[str, Any]] = []
    final: list[dict[str, Any]] = []
    gone: set[int] = set()
    gone_rows: list[int] = []
    for claimed, result in results:
        key: dict[str, Any] = {"nid": claimed.id, "lease": claimed.lease_until}
        if result.outcome == Outcome.sent:
            sent.append(key)
        elif result.outcome == Outcome.gone:
            gone.add(claimed.device_id)
            gone_rows.append(claimed.id)
        elif result.outcome == Outcome.retry:
            delay = result.retry_after
            if delay is None:
                delay = backoff_seconds(claimed.attempts, settings.push_retry_seconds)
            due = now + timedelta(seconds=max(1.0, delay))
            if claimed.attempts >= settings.push_max_attempts or due >= claimed.expires_at:
                why = "gave up" if claimed.attempts >= settings.push_max_attempts else "too late"
                final.append(
                    {
                        **key,
                        "state": NotificationState.failed.value,
                        "error": f"{why}: {result.detail}"[:500],
                    }
                )
            else:
                retry.append({**key, "due": due, "error": result.detail[:500]})
        else:
            state = (
                NotificationState.failed
                if result.outcome == Outcome.failed
                else NotificationState.skipped
            )
            final.append({**key, "state": state.value, "error": result.detail[:500]})
    if sent:
        # Rows claimed together share one lease value: one statement per claim batch.
        by_lease: dict[datetime, list[int]] = defaultdict(list)
        for key in sent:
            by_lease[key["lease"]].append(key["nid"])
        for lease, ids in by_lease.items():
            session.execute(
                update(NOTIFICATION)
                .where(n.id.in_(ids), n.lease_until == lease)
                .values(
                    state=NotificationState.sent.value,
                    sent_at=now,
                    lease_until=None,
                    last_error=None,
                    updated_at=now,
                )
            )
        devices = sorted({c.device_id for c, r in results if r.outcome == Outcome.sent})
        session.execute(update(DEVICE).where(DEVICE.c.id.in_(devices)).values(last_sent_at=now))
    if retry:
        session.execute(
            update(NOTIFICATION)
            .where(guard)
            .values(
                due_at=bindparam("due"),
                lease_until=None,
                last_error=bindparam("error"),
                updated_at=now,
            ),
            retry,
        )
    if final:
        session.execute(
            update(NOTIFICATION)
            .where(guard)
            .values(
                state=bindparam("state"),
                lease_until=None,
                last_error=bindparam("error"),
                updated_at=now,
            ),
            final,
        )
    if gone:
        log.info("push subscriptions gone (404/410), deleting %d device(s)", len(gone))
        session.execute(delete(DEVICE).where(DEVICE.c.id.in_(sorted(gone))))
    session.flush()
    report = DeliveryReport(sent=len(sent), retry=len(retry), gone=len(gone_rows))
    for row in final:
        report.count(str(row["state"]))
    return report


def message_for(claimed: Claimed, now: datetime) -> PushMessage | PushResult:
    """The push to send, or the reason not to send it (it would arrive too late)."""
    ttl = payloads.ttl_seconds(claimed.expires_at, now)
    if ttl <= 0:
        return PushResult(
            Outcome.failed if claimed.kind == "test" else Outcome.skipped,
            detail="too late: the moment it was for has passed",
        )
    assert claimed.payload is not None
    return PushMessage(
        subscription=claimed.subscription,
        payload=claimed.payload.encode("utf-8"),
        headers=payloads.headers(claimed.kind, ttl=ttl, topic=claimed.topic),
    )


class _Database:
    """Runs unit-of-work calls in a thread, one at a time (they may share one session in tests)."""

    def __init__(self, unit_of_work: UnitOfWork) -> None:
        self._uow = unit_of_work
        self._lock = asyncio.Lock()

    def _run(self, work: Callable[[Session], T]) -> T:
        with self._uow() as session:
            return work(session)

    async def __call__(self, work: Callable[[Session], T]) -> T:
        async with self._lock:
            return await asyncio.to_thread(self._run, work)


def sender_for(keys: VapidKeys, settings: Settings) -> PushSender:
    return shared_sender(
        keys.vapid,
        keys.public_key,
        vapid_subject(),
        concurrency=settings.push_concurrency,
        timeout=settings.push_timeout_seconds,
        allow_private=settings.allow_private_networks,
    )


async def deliver_due(
    unit_of_work: UnitOfWork = session_scope,
    *,
    budget_seconds: float = 30.0,
    now: Callable[[], datetime] = utcnow,
    settings: Settings | None = None,
) -> DeliveryReport:
    """Send what is due until nothing is left or ``budget_seconds`` have passed."""
    settings = settings or get_settings()
    db = _Database(unit_of_work)
    sender = sender_for(await db(get_keys), settings)
    report = DeliveryReport()
    batch = settings.push_batch_size
    deadline = time.monotonic() + budget_seconds
    encryptor = shared_encryptor(settings.push_encrypt_processes)
    in_flight: set[asyncio.Task[list[tuple[Claimed, PushResult]]]] = set()
    done: list[tuple[Claimed, PushResult]] = []
    unrecorded = 0  # leased rows whose result is not written yet
    more = True

    async def flush() -> None:
        nonlocal unrecorded
        if not done:
            return
        chunk = done[:]
        done.clear()
        recorded = await db(lambda s: record_results(s, chunk, now=now(), settings=settings))
        unrecorded -= len(chunk)
        report.add(recorded)

    async def send(claimed: Claimed, message: PushMessage) -> tuple[Claimed, PushResult]:
        return claimed, await sender.send(message)

    async def send_chunk(chunk: list[Claimed]) -> list[tuple[Claimed, PushResult]]:
        """Encrypt a chunk (in the cipher pool, when there is one), then send it."""
        results: list[tuple[Claimed, PushResult]] = []
        ready: list[tuple[Claimed, PushMessage]] = []
        for claimed in chunk:
            message = message_for(claimed, now())
            if isinstance(message, PushResult):
                results.append((claimed, message))
            else:
                ready.append((claimed, message))
        if encryptor.processes and ready:
            bodies = await encryptor.encrypt(
                [(m.payload, m.subscription.p256dh, m.subscription.auth) for _, m in ready]
            )
            encrypted = []
            for (claimed, message), body in zip(ready, bodies, strict=True):
                if isinstance(body, str):
                    results.append((claimed, PushResult(Outcome.failed, detail=body)))
                else:
                    encrypted.append((claimed, replace(message, body=body)))
            ready = encrypted
        results.extend(await asyncio.gather(*(send(c, m) for c, m in ready)))
        return results

    while True:
        if more and unrecorded <= batch // 2 and time.monotonic() < deadline:
            await flush()
            wanted = batch - unrecorded
            claimed = await db(
                partial(
                    claim_due, now=now(), limit=wanted, lease_seconds=settings.push_lease_seconds
                )
            )
            more = len(claimed) == wanted
            sendable = [item for item in claimed if item.payload is not None]
            report.skipped += len(claimed) - len(sendable)  # skipped while being prepared
            unrecorded += len(sendable)
            for start in range(0, len(sendable), CHUNK):
                in_flight.add(asyncio.create_task(send_chunk(sendable[start : start + CHUNK])))
        if not in_flight:
            break
        finished, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
        for task in finished:
            done.extend(task.result())
        if len(done) >= FLUSH_EVERY:
            await flush()
    await flush()
    return report


def as_dict(report: DeliveryReport) -> dict[str, Any]:
    return asdict(report)
