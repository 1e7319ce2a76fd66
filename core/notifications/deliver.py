"""Sending what is due: one worker's pipeline from the outbox to the push services.

Four stages run side by side, so the database, the cipher and the network are
never waiting for each other:

1. **claim** a batch of due rows (one short transaction, ``core.notifications.claim``);
2. **encrypt** it in chunks — inline, or in the cipher pool's helper processes
   (``TIPOFF_PUSH_ENCRYPT_PROCESSES``), which is where a multi-core machine
   gets its speed, because RFC 8291 encryption is most of a push's CPU;
3. **send**: ``push_concurrency`` long-lived sender tasks take encrypted pushes
   from a queue and post them over the process's one shared client;
4. **record** results in small batches as they arrive (``core.notifications.results``).

Whenever a quarter of the batch has results, one transaction records them and
leases as many new rows as that frees. At most
``push_batch_size`` rows are leased and unrecorded at any moment: that is the
most a killed worker can cause to be sent twice (with the same Topic, so the
phone shows one notification).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TypeVar

from sqlmodel import Session

from core.db import session_scope
from core.models import utcnow
from core.notifications.claim import Claimed, claim_due
from core.notifications.results import DeliveryReport, record_results
from core.push import payloads
from core.push.cipher import Encryptor, shared_encryptor
from core.push.vapid import VapidKeys, get_keys, vapid_subject
from core.push.webpush import Outcome, PushMessage, PushResult, PushSender, shared_sender
from core.settings import Settings, get_settings

log = logging.getLogger("tipoff.push")
UnitOfWork = Callable[[], AbstractContextManager[Session]]
T = TypeVar("T")
CHUNK = 25  # pushes encrypted together (one round trip to the cipher pool)


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


@dataclass
class _Step:
    """What one database round trip did: results recorded, rows newly leased."""

    recorded: DeliveryReport
    claimed: list[Claimed]
    asked: int  # how many rows were asked for (fewer came back: nothing more is due)
    claim_error: str = ""


class _Pipeline:
    """One delivery pass: the stages above, sharing a queue and a list of results."""

    def __init__(
        self,
        db: _Database,
        sender: PushSender,
        encryptor: Encryptor,
        settings: Settings,
        now: Callable[[], datetime],
    ) -> None:
        self.db = db
        self.sender = sender
        self.encryptor = encryptor
        self.settings = settings
        self.now = now
        self.report = DeliveryReport()
        self.ready: asyncio.Queue[tuple[Claimed, PushMessage, bytes]] = asyncio.Queue()
        self.done: list[tuple[Claimed, PushResult]] = []
        # Set when the database side has work: a quarter of the batch has results,
        # or nothing is in flight any more. Not on every result: waking the record
        # task thousands of times a second only to find too little to write costs
        # the event loop more than the writes do.
        self.progress = asyncio.Event()
        self.quarter = max(1, settings.push_batch_size // 4)
        self.encrypting: set[asyncio.Task[None]] = set()
        self.unrecorded = 0  # leased rows whose result is not written yet

    async def run(self, budget_seconds: float) -> DeliveryReport:
        senders = [
            asyncio.create_task(self._send_from_queue())
            for _ in range(self.settings.push_concurrency)
        ]
        try:
            await self._record_and_claim(deadline=time.monotonic() + budget_seconds)
        finally:
            for task in (*senders, *self.encrypting):
                task.cancel()
            await asyncio.gather(*senders, *self.encrypting, return_exceptions=True)
        return self.report

    async def _record_and_claim(self, deadline: float) -> None:
        """The database side: record results and top up the lease, in one transaction.

        It goes to the database once a quarter of the batch has results (or all
        of it does), records them, and in the same transaction leases as many
        new rows as that frees — so the cipher and the senders are fed while the
        rest of the batch is still in flight.
        """
        batch, quarter = self.settings.push_batch_size, self.quarter
        claiming = True
        while True:
            claiming = claiming and time.monotonic() < deadline
            all_done = self._nothing_in_flight()
            room = batch - self.unrecorded + len(self.done) if claiming else 0
            if len(self.done) < quarter and not (all_done and (self.done or room)):
                if all_done:
                    return  # nothing in flight, nothing to record, nothing more to claim
                await self.progress.wait()
                self.progress.clear()
                continue
            results, self.done = self.done, []
            step = await self.db(partial(self._step, results, room if room >= quarter else 0))
            self.report.add(step.recorded)
            self.unrecorded -= len(results)
            if step.claim_error:
                log.error("claiming due pushes failed: %s", step.claim_error)
                claiming = False
            elif step.asked:
                claiming = len(step.claimed) == step.asked
                self._start(step.claimed)

    def _step(
        self, results: list[tuple[Claimed, PushResult]], room: int, session: Session
    ) -> _Step:
        now = self.now()
        recorded = (
            record_results(session, results, now=now, settings=self.settings)
            if results
            else DeliveryReport()
        )
        if not room:
            return _Step(recorded, [], 0)
        try:
            with session.begin_nested():  # a failed claim must not undo the results
                claimed = claim_due(
                    session, now=now, limit=room, lease_seconds=self.settings.push_lease_seconds
                )
        except Exception as exc:
            return _Step(recorded, [], room, claim_error=f"{type(exc).__name__}: {exc}"[:300])
        return _Step(recorded, claimed, room)

    def _start(self, claimed: list[Claimed]) -> None:
        """Encrypt and queue newly leased rows, in chunks."""
        # A row ``prepare`` skipped while claiming has no payload and is no longer
        # pending: it is counted, and nothing is sent or recorded for it.
        sendable = [item for item in claimed if item.payload is not None]
        self.report.skipped += len(claimed) - len(sendable)
        self.unrecorded += len(sendable)
        inline = len(sendable) <= CHUNK  # a few pushes: not worth a helper process
        for start in range(0, len(sendable), CHUNK):
            task = asyncio.create_task(self._encrypt(sendable[start : start + CHUNK], inline))
            self.encrypting.add(task)
            task.add_done_callback(self._encrypted)

    def _encrypted(self, task: asyncio.Task[None]) -> None:
        self.encrypting.discard(task)
        if self._nothing_in_flight():
            self.progress.set()

    async def _encrypt(self, chunk: list[Claimed], inline: bool) -> None:
        """Build and encrypt a chunk (in the cipher pool, when there is one), then queue it."""
        ready: list[tuple[Claimed, PushMessage]] = []
        now = self.now()
        for claimed in chunk:
            message = message_for(claimed, now)
            if isinstance(message, PushResult):
                self._finished(claimed, message)
            else:
                ready.append((claimed, message))
        try:
            bodies = await self.encryptor.encrypt(
                [(m.payload, m.subscription.p256dh, m.subscription.auth) for _, m in ready],
                inline=inline,
            )
        except Exception as exc:  # the cipher pool broke: nothing was sent, try again later
            detail = f"cannot encrypt now: {type(exc).__name__}: {exc}"[:300]
            for claimed, _message in ready:
                self._finished(claimed, PushResult(Outcome.retry, detail=detail))
            return
        for (claimed, message), body in zip(ready, bodies, strict=True):
            if isinstance(body, str):  # a corrupt stored key: this one can never be sent
                self._finished(claimed, PushResult(Outcome.failed, detail=body))
            else:
                self.ready.put_nowait((claimed, message, body))

    async def _send_from_queue(self) -> None:
        """One sender; ``run`` cancels it when the pass is over."""
        while True:
            claimed, message, body = await self.ready.get()
            self._finished(claimed, await self.sender.send(message, body))

    def _finished(self, claimed: Claimed, result: PushResult) -> None:
        self.done.append((claimed, result))
        if len(self.done) >= self.quarter or self._nothing_in_flight():
            self.progress.set()

    def _nothing_in_flight(self) -> bool:
        """Every leased row has a result waiting to be recorded, and no chunk is encrypting."""
        return self.unrecorded == len(self.done) and not self.encrypting


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
    encryptor = shared_encryptor(settings.push_encrypt_processes)
    return await _Pipeline(db, sender, encryptor, settings, now).run(budget_seconds)
