"""Short messages to people, through the same outbox as briefs: a request for a tip,
its answer, "3 of your tips need a look".

One outbox row per (device, message key, kind), with the payload built at once
(nothing to rank later), due now and expiring after ``ttl``. The outbox's unique
key makes queueing the same message twice a no-op, and the delivery pipeline,
its retries and its receipts treat these rows like any other push.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from core.models import Device, Notification, NotificationKind, utcnow
from core.push import payloads

DEFAULT_TTL = timedelta(days=3)


@dataclass(frozen=True)
class Note:
    kind: NotificationKind
    key: str  # what the message is about, e.g. "request:12"; one message per key and device
    title: str
    body: str
    url: str


def _occurrence(key: str) -> str:
    digest = hashlib.sha256(key.encode()).digest()[:24]
    return base64.urlsafe_b64encode(digest).decode("ascii")


def queue_note(
    session: Session,
    user_ids: Iterable[int],
    note: Note,
    *,
    now: datetime | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> int:
    """Queue ``note`` for every device of ``user_ids``; return how many rows were added."""
    now = now or utcnow()
    ids = sorted(set(user_ids))
    if not ids:
        return 0
    occurrence = _occurrence(note.key)
    devices = session.exec(select(Device).where(col(Device.user_id).in_(ids))).all()
    existing = set(
        session.exec(
            select(Notification.device_id).where(
                Notification.occurrence == occurrence, Notification.kind == note.kind
            )
        ).all()
    )
    payload = payloads.note(
        note.kind.value, title=note.title, body=note.body, url=note.url, tag=occurrence[:16]
    ).decode()
    added = 0
    for device in devices:
        if device.id in existing:
            continue
        assert device.id is not None
        session.add(
            Notification(
                device_id=device.id,
                user_id=device.user_id,
                occurrence=occurrence,
                kind=note.kind,
                topic=occurrence,
                due_at=now,
                expires_at=now + ttl,
                payload=payload,
                created_at=now,
                updated_at=now,
            )
        )
        added += 1
    session.flush()
    return added
