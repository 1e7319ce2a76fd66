"""Claiming due notifications with a lease, so any number of workers share the outbox.

On PostgreSQL the due rows are picked with ``SELECT … FOR UPDATE SKIP LOCKED``
inside the ``UPDATE`` that sets the lease: concurrent workers never wait for
each other and never get the same row. On SQLite the ``UPDATE`` takes the one
write lock, which serialises claims the same way. A claim is only a lease
(``lease_until``): the row stays ``pending`` until a result is recorded, so a
worker that dies mid-send loses nothing — its rows come due again when the lease
runs out (at the cost of sending the in-flight ones twice, with the same Topic).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, Table, Update, bindparam, or_, select, update
from sqlmodel import Session, col

from core.db import is_postgres
from core.models import Device, Notification, NotificationState
from core.notifications.prepare import prepare
from core.push.webpush import Subscription

NOTIFICATION: Table = Notification.__table__  # type: ignore[attr-defined]
DEVICE: Table = Device.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Claimed:
    """One leased notification with everything needed to send it, detached from the session."""

    id: int
    device_id: int
    kind: str
    topic: str | None
    expires_at: datetime
    lease_until: datetime
    attempts: int
    payload: str | None
    subscription: Subscription


def _due_ids(*, postgres: bool) -> Select[Any]:
    n = NOTIFICATION.c
    due = (
        select(n.id)
        .where(
            n.state == NotificationState.pending.value,
            n.due_at <= bindparam("now"),
            or_(n.lease_until.is_(None), n.lease_until <= bindparam("now")),
        )
        .order_by(n.due_at, n.id)
        .limit(bindparam("limit"))
    )
    return due.with_for_update(skip_locked=True) if postgres else due


def _lease_statement(*, postgres: bool) -> Update:
    """Lease the due rows and return what sending needs, in one statement.

    Built once per dialect, with bound parameters only, so SQLAlchemy compiles it
    once: at a few thousand pushes a second, building statements per claim shows.
    """
    n = NOTIFICATION.c
    return (
        update(NOTIFICATION)
        .where(n.id.in_(_due_ids(postgres=postgres).scalar_subquery()))
        .values(lease_until=bindparam("lease"), attempts=n.attempts + 1)
        .returning(
            n.id, n.device_id, n.kind, n.topic, n.due_at, n.expires_at, n.attempts, n.payload
        )
        .execution_options(synchronize_session=False)
    )


_LEASE = {postgres: _lease_statement(postgres=postgres) for postgres in (False, True)}
_SUBSCRIPTIONS = select(DEVICE.c.id, DEVICE.c.endpoint, DEVICE.c.p256dh, DEVICE.c.auth).where(
    DEVICE.c.id.in_(bindparam("ids", expanding=True))
)


def claim_due(
    session: Session, *, now: datetime, limit: int, lease_seconds: float
) -> list[Claimed]:
    """Lease up to ``limit`` due rows (oldest first) and return them ready to send.

    Payloads still missing are built here, after the lease is taken, and stored
    with it: the caller's unit of work commits both before anything is sent.
    """
    lease = now + timedelta(seconds=lease_seconds)
    leased: list[Any] = list(
        session.execute(
            _LEASE[is_postgres(session)], {"now": now, "limit": limit, "lease": lease}
        ).all()  # one fetch, not a round trip per row
    )
    if not leased:
        return []
    payloads: dict[int, str | None] = {row.id: row.payload for row in leased}
    missing = [nid for nid, payload in payloads.items() if payload is None]
    if missing:
        rows = session.scalars(
            select(Notification)
            .where(col(Notification.id).in_(missing))
            .execution_options(populate_existing=True)  # the UPDATE above bypassed the ORM
        ).all()
        prepare(session, rows, now)
        # A row ``prepare`` skipped is no longer pending: it keeps no payload, and the
        # caller releases it without sending.
        payloads.update({row.id: row.payload for row in rows if row.id is not None})
    subscriptions = _subscriptions(session, {row.device_id for row in leased})
    leased.sort(key=lambda row: (row.due_at, row.id))
    return [
        Claimed(
            id=row.id,
            device_id=row.device_id,
            kind=row.kind,
            topic=row.topic,
            expires_at=row.expires_at,
            lease_until=lease,
            attempts=row.attempts,
            payload=payloads[row.id],
            subscription=subscriptions[row.device_id],
        )
        for row in leased
    ]


def _subscriptions(session: Session, device_ids: set[int]) -> dict[int, Subscription]:
    rows: Any = session.execute(_SUBSCRIPTIONS, {"ids": sorted(device_ids)}).all()
    return {row.id: Subscription(row.endpoint, row.p256dh, row.auth) for row in rows}
