"""Which process syncs which calendar: due calendars are claimed with a lease.

A claim is one ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING
id``: on PostgreSQL concurrent workers skip each other's rows instead of waiting,
so several workers share the work without syncing a calendar twice; on SQLite
the statement takes the single write lock, so claims happen one at a time. The
lease (``lease_until``) makes a crashed worker's claim expire: nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from core.calendars.sync import (
    Download,
    SyncPlan,
    SyncResult,
    apply_download,
    download,
    plan_sync,
    record_failure,
)
from core.calendars.upsert import lock_calendar
from core.db import UnitOfWork, is_postgres, units_of
from core.errors import Conflict, NotFound
from core.models import Calendar, User, utcnow
from core.models.ownership import owned
from core.settings import get_settings

log = logging.getLogger("tipoff.calendars")


def claim(
    session: Session,
    *,
    now: datetime,
    limit: int,
    calendar_ids: Sequence[int] | None = None,
) -> list[int]:
    """Lease up to ``limit`` due calendars (or exactly ``calendar_ids``, due or not)."""
    lease = now + timedelta(seconds=get_settings().sync_lease_seconds)
    free = or_(col(Calendar.lease_until).is_(None), col(Calendar.lease_until) < now)
    candidates = select(Calendar.id).where(free)
    if calendar_ids is None:
        candidates = candidates.where(Calendar.next_sync_at <= now)
    else:
        candidates = candidates.where(col(Calendar.id).in_(list(calendar_ids)))
    candidates = candidates.order_by(col(Calendar.next_sync_at), col(Calendar.id)).limit(limit)
    if is_postgres(session):
        candidates = candidates.with_for_update(skip_locked=True)
    statement = (
        update(Calendar)
        .where(col(Calendar.id).in_(candidates.scalar_subquery()))
        .values(lease_until=lease)
        .returning(col(Calendar.id))
        .execution_options(synchronize_session=False)
    )
    return sorted(session.execute(statement).scalars().all())


def release(session: Session, calendar: Calendar) -> None:
    """End the claim. A statement, not an attribute change: ``claim`` set the lease
    behind the ORM's back, so a session that already held the row would see no
    change to write."""
    session.execute(
        update(Calendar).where(col(Calendar.id) == calendar.id).values(lease_until=None)
    )


Fetch = Callable[[SyncPlan], Download]


def sync_claimed(
    calendar_id: int, *, units: UnitOfWork, now: datetime | None = None, fetch: Fetch = download
) -> SyncResult | None:
    """Sync one claimed calendar in three short steps: read, download, write.

    No transaction is open during ``fetch`` (the network), so the write lock is
    never held across it. Returns None when the calendar was deleted meanwhile;
    never raises: an unexpected failure is recorded as the calendar's error.
    """
    moment = now or utcnow()
    try:
        with units(reads_only=True) as session:
            calendar = session.get(Calendar, calendar_id)
            if calendar is None:  # deleted since it was claimed
                return None
            plan = plan_sync(session, calendar, now=moment)
        got = fetch(plan)
        with units() as session:
            lock_calendar(session, calendar_id)
            calendar = session.get(Calendar, calendar_id)
            if calendar is None:
                return None
            result = apply_download(session, calendar, plan, got, now=moment)
            release(session, calendar)
        return result
    except Exception:
        log.exception("calendar %s: sync failed unexpectedly", calendar_id)
        with units() as session:
            lock_calendar(session, calendar_id)
            calendar = session.get(Calendar, calendar_id)
            if calendar is None:
                return None
            result = record_failure(
                session, calendar, "internal error during sync; it has been logged", now=moment
            )
            release(session, calendar)
        return result


def sync_one(
    calendar_id: int,
    *,
    units: UnitOfWork,
    owner: User | None = None,
    now: datetime | None = None,
    fetch: Fetch = download,
) -> SyncResult:
    """Claim one calendar and sync it now: "sync now" in the API, the CLI and ``tipoff eval``.

    With ``owner``, someone else's calendar is reported missing. A calendar that a
    worker holds right now is a ``Conflict``, not a second concurrent sync.
    """
    moment = now or utcnow()
    with units() as session:
        if owner is not None:
            owned(session, Calendar, calendar_id, owner)
        elif session.get(Calendar, calendar_id) is None:
            raise NotFound("no such calendar")
        if not claim(session, now=moment, limit=1, calendar_ids=[calendar_id]):
            raise Conflict("this calendar is being synced right now; try again in a minute")
    result = sync_claimed(calendar_id, units=units, now=moment, fetch=fetch)
    if result is None:
        raise NotFound("no such calendar")
    return result


def run_due(*, units: UnitOfWork | None = None, now: datetime | None = None) -> int:
    """Claim a batch of due calendars and sync each; returns how many were claimed."""
    units = units or units_of()
    with units() as session:
        ids = claim(session, now=now or utcnow(), limit=get_settings().sync_batch_size)
    for calendar_id in ids:
        sync_claimed(calendar_id, units=units, now=now)
    return len(ids)
