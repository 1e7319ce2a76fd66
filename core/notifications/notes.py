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

from core.models import Device, Notification, NotificationKind, User, utcnow
from core.notifications import receipts
from core.notifications.email_briefs import email_ready
from core.notifications.mail_outbox import enqueue_mail
from core.push import payloads
from core.settings import get_settings

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
    """Queue ``note`` for every device of ``user_ids`` (and by email where SMTP is set up);
    return how many pushes were added. Deactivated people get nothing."""
    now = now or utcnow()
    people = session.exec(
        select(User).where(col(User.id).in_(sorted(set(user_ids))), col(User.active).is_(True))
    ).all()
    ids = sorted(p.id for p in people if p.id is not None)
    if not ids:
        return 0
    if email_ready():
        site = get_settings().effective_public_url.rstrip("/")
        for person in people:
            enqueue_mail(
                session,
                to=person.email,
                subject=note.title,
                text=f"{note.body}\n\n{site}{note.url}\n",
                html=None,
                kind=note.kind.value,
                user_id=person.id,
                key=f"note:{note.key}:{person.id}",
                due_at=now,
            )
    occurrence = _occurrence(note.key)
    devices = session.exec(select(Device).where(col(Device.user_id).in_(ids))).all()
    existing = set(
        session.exec(
            select(Notification.device_id).where(
                Notification.occurrence == occurrence, Notification.kind == note.kind
            )
        ).all()
    )
    added = 0
    for device in devices:
        if device.id in existing:
            continue
        assert device.id is not None
        row = Notification(
            device_id=device.id,
            user_id=device.user_id,
            occurrence=occurrence,
            kind=note.kind,
            topic=occurrence,
            due_at=now,
            expires_at=now + ttl,
            created_at=now,
            updated_at=now,
        )
        row.payload = payloads.note(
            note.kind.value,
            title=note.title,
            body=note.body,
            url=note.url,
            tag=occurrence[:16],
            receipt=receipts.arm(row),  # shown/opened, like every push
        ).decode()
        session.add(row)
        added += 1
    session.flush()
    return added
