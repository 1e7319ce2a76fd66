"""Recording how each push went, in a few statements per batch of results.

Accepted → ``sent``; 404/410 → the subscription is gone and the device is
deleted (its rows go with it); 429/5xx/network → retried after ``Retry-After``
or an exponential backoff, until ``push_max_attempts`` or the push would come
too late; other refusals → ``failed``. Every update is guarded by the lease the
sender held, so a worker that lost its lease (and a meeting that was re-timed
or cancelled meanwhile) is never overwritten by a stale result.
"""

from __future__ import annotations

import logging
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, or_, update
from sqlmodel import Session

from core.models import NotificationState
from core.notifications.claim import DEVICE, NOTIFICATION, Claimed
from core.push.webpush import Outcome, PushResult
from core.settings import Settings

log = logging.getLogger("tipoff.push")
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


# Built once with bound parameters only, so SQLAlchemy compiles them once.
_MARK_SENT = (
    update(NOTIFICATION)
    .where(
        NOTIFICATION.c.id.in_(bindparam("ids", expanding=True)),
        NOTIFICATION.c.lease_until == bindparam("lease"),
    )
    .values(
        state=NotificationState.sent.value,
        sent_at=bindparam("now"),
        lease_until=None,
        last_error=None,
        updated_at=bindparam("now"),
    )
)
# "Last push" is shown to the minute, so a device whose time is under a minute old
# keeps it: in a burst, each device row is written once rather than once a push.
_DEVICES_SENT = (
    update(DEVICE)
    .where(
        DEVICE.c.id.in_(bindparam("ids", expanding=True)),
        or_(DEVICE.c.last_sent_at.is_(None), DEVICE.c.last_sent_at < bindparam("a_minute_ago")),
    )
    .values(last_sent_at=bindparam("now"))
)


def record_results(
    session: Session,
    results: Sequence[tuple[Claimed, PushResult]],
    *,
    now: datetime,
    settings: Settings,
) -> DeliveryReport:
    """Write the outcome of each push, guarded by the lease the sender held."""
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
            session.execute(_MARK_SENT, {"ids": ids, "lease": lease, "now": now})
        devices = sorted({c.device_id for c, r in results if r.outcome == Outcome.sent})
        session.execute(
            _DEVICES_SENT, {"ids": devices, "now": now, "a_minute_ago": now - timedelta(minutes=1)}
        )
    _release(session, retry, now, due_at=bindparam("due"))
    _release(session, final, now, state=bindparam("state"))
    if gone:
        log.info("push subscriptions gone (404/410), deleting %d device(s)", len(gone))
        session.execute(delete(DEVICE).where(DEVICE.c.id.in_(sorted(gone))))
    session.flush()
    report = DeliveryReport(sent=len(sent), retry=len(retry), gone=len(gone_rows))
    for row in final:
        report.count(str(row["state"]))
    return report


def _release(session: Session, rows: list[dict[str, Any]], now: datetime, **values: Any) -> None:
    """Write each row's values and give up its lease, only where the lease is still ours."""
    if not rows:
        return
    n = NOTIFICATION.c
    session.execute(
        update(NOTIFICATION)
        .where(n.id == bindparam("nid"), n.lease_until == bindparam("lease"))
        .values(lease_until=None, last_error=bindparam("error"), updated_at=now, **values),
        rows,
    )
