"""Receipts: knowing that a push was shown, and opened, on the phone.

A push service answers 201 even when the phone is off, the subscription is dead
on the device, or iOS put the app to sleep. So every payload carries a receipt
token: 16 random bytes, one per notification, useful for nothing but saying
"this notification was shown / opened". The row keeps only its SHA-256, so a
database dump cannot forge receipts, and the token opens nothing else (no
session, no data).

What receipts drive:

- ``shown_at`` / ``opened_at`` on the outbox row (usage figures count them);
- the device's ``last_shown_at`` and health (``new``, ``ok``, ``not_receiving``
  after 3 pushes without a receipt), shown in Settings with a fix;
- withdraws: a cancelled meeting's brief is withdrawn only if it was shown. A
  brief that went out but is confirmed only after the meeting was cancelled
  (the phone was off) gets its withdraw when the receipt arrives;
- the email fallback (``core.notifications.email_briefs``): no "shown" in time
  → the brief goes by email.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from core.errors import NotFound
from core.models import Device, Notification, NotificationKind, NotificationState, utcnow
from core.models.calendar import MeetingRef
from core.models.push import DeviceListItem
from core.push import payloads

ReceiptEvent = Literal["shown", "opened"]
UNCONFIRMED_LIMIT = 3  # this many pushes with no receipt: the device is not receiving
RECEIPT_GRACE = timedelta(minutes=2)  # a push this fresh may still be on its way


def new_receipt() -> tuple[str, str]:
    """A fresh token (for the payload) and its hash (for the row)."""
    token = secrets.token_urlsafe(16)
    return token, receipt_hash(token)


def receipt_hash(token: str) -> str:
    return hashlib.sha256(f"tipoff-receipt\n{token}".encode()).hexdigest()


def arm(row: Notification) -> str:
    """Give ``row`` a new receipt and return the token to put in its payload."""
    token, digest = new_receipt()
    row.receipt_hash = digest
    row.shown_at = None
    row.opened_at = None
    return token


def record(
    session: Session, token: str, event: ReceiptEvent, *, now: datetime | None = None
) -> None:
    """Store a receipt from the service worker; an unknown token is a 404."""
    now = now or utcnow()
    if not 16 <= len(token) <= 64:
        raise NotFound("no such receipt")
    row = session.exec(
        select(Notification).where(Notification.receipt_hash == receipt_hash(token))
    ).first()
    if row is None:
        raise NotFound("no such receipt")
    first_shown = row.shown_at is None
    if first_shown:
        row.shown_at = now
    if event == "opened" and row.opened_at is None:
        row.opened_at = now
    row.updated_at = now
    session.add(row)
    device = session.get(Device, row.device_id)
    if device is not None and (device.last_shown_at is None or device.last_shown_at < now):
        device.last_shown_at = now
        session.add(device)
    if first_shown and row.kind == NotificationKind.brief:
        _withdraw_if_cancelled(session, row, now)
    session.flush()


def _withdraw_if_cancelled(session: Session, brief: Notification, now: datetime) -> None:
    """A brief shown only after its meeting was cancelled is withdrawn now.

    The meeting was cancelled if the brief was dropped while in flight, or its
    meeting row is gone although the meeting has not started (a meeting that
    is merely over leaves the sync window only after its start).
    """
    cancelled = brief.state == NotificationState.dropped or (
        brief.meeting_id is None and brief.expires_at > now
    )
    if not cancelled or brief.payload is None or brief.expires_at <= now:
        return
    try:
        meeting = json.loads(brief.payload)["meeting"]
        start = datetime.fromisoformat(str(meeting["start"]).replace("Z", "+00:00"))
        ref = MeetingRef(id=int(meeting["id"]), title=str(meeting["title"]), start=start, end=start)
    except (ValueError, KeyError, TypeError):
        return
    withdraw = session.exec(
        select(Notification).where(
            Notification.device_id == brief.device_id,
            Notification.occurrence == brief.occurrence,
            Notification.kind == NotificationKind.withdraw,
        )
    ).first()
    if withdraw is None:
        withdraw = Notification(
            device_id=brief.device_id,
            user_id=brief.user_id,
            meeting_id=None,
            occurrence=brief.occurrence,
            kind=NotificationKind.withdraw,
            topic=brief.topic,
            due_at=now,
            expires_at=brief.expires_at + timedelta(hours=1),
            created_at=now,
        )
    elif withdraw.state == NotificationState.pending:
        return
    withdraw.state = NotificationState.pending
    withdraw.due_at = now
    withdraw.attempts = 0
    withdraw.lease_until = None
    withdraw.sent_at = None
    withdraw.payload = payloads.withdraw(ref, receipt=arm(withdraw)).decode()
    withdraw.updated_at = now
    session.add(withdraw)


def device_health(
    session: Session, device: Device, *, now: datetime | None = None
) -> DeviceListItem:
    """The device as Settings lists it, with whether pushes are reaching it."""
    now = now or utcnow()
    recent = session.exec(
        select(Notification.shown_at)
        .where(
            Notification.device_id == device.id,
            Notification.state == NotificationState.sent,
            col(Notification.receipt_hash).is_not(None),
            col(Notification.sent_at) <= now - RECEIPT_GRACE,
        )
        .order_by(col(Notification.sent_at).desc())
        .limit(UNCONFIRMED_LIMIT)
    ).all()
    if len(recent) == UNCONFIRMED_LIMIT and all(shown is None for shown in recent):
        health = "not_receiving"
    elif device.last_shown_at is not None:
        health = "ok"
    else:
        health = "new"
    return DeviceListItem(
        id=device.id or 0,
        name=device.name,
        created_at=device.created_at,
        push_service=urlsplit(device.endpoint).hostname or "",
        last_sent_at=device.last_sent_at,
        last_shown_at=device.last_shown_at,
        health=health,
    )
