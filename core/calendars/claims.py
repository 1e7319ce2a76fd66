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
    mark_unchanged,
    plan_sync,
    record_failure,
)
from core.calendars.upsert import lock_calendar
from core.db import UnitOfWork, is_postgres, units_of
from core.errors import Conflict, NotFound
from core.logs import describe
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
INTERNAL = "internal error during sync; it has been logged"


def plan_claimed(
    session: Session, ids: Sequence[int], *, now: datetime
) -> tuple[dict[int, SyncPlan], list[int]]:
    """The plans of freshly claimed calendars, read in the claim's unit (one SELECT), and
    the calendars whose plan could not be made (a secret that no longer decrypts…)."""
    if not ids:
        return {}, []
    rows = session.exec(select(Calendar).where(col(Calendar.id).in_(list(ids)))).all()
    plans: dict[int, SyncPlan] = {}
    failed: list[int] = []
    for row in rows:
        assert row.id is not None
        plan = plan_safely(session, row, now=now)
        if plan is None:
            failed.append(row.id)
        else:
            plans[row.id] = plan
    return plans, failed


def plan_safely(session: Session, calendar: Calendar, *, now: datetime) -> SyncPlan | None:
    """``plan_sync``, or None (logged) when it fails: one calendar must not stop a batch."""
    try:
        return plan_sync(session, calendar, now=now)
    except Exception as exc:
        _unexpected(calendar.id, exc)
        return None


def fetch_safely(calendar_id: int, plan: SyncPlan, fetch: Fetch) -> Download:
    """``fetch``, with an unexpected failure turned into the calendar's error (one log line)."""
    try:
        return fetch(plan)
    except Exception as exc:
        _unexpected(calendar_id, exc)
        return Download(error=INTERNAL)


def write_download(
    calendar_id: int, plan: SyncPlan, got: Download, *, units: UnitOfWork, now: datetime
) -> SyncResult | None:
    """Write one download in a short unit and end the claim; None if the calendar is gone.

    Never raises: a write that fails unexpectedly is recorded as the calendar's error.
    """
    try:
        with units() as session:
            if got.unchanged:  # one statement, not lock-load-flush-release
                return mark_unchanged(session, [(calendar_id, got)], now=now).get(calendar_id)
            lock_calendar(session, calendar_id)
            calendar = session.get(Calendar, calendar_id)
            if calendar is None:
                return None
            result = apply_download(session, calendar, plan, got, now=now)
            release(session, calendar)
        return result
    except Exception as exc:
        _unexpected(calendar_id, exc)
        return record_internal(calendar_id, units=units, now=now)


def record_internal(calendar_id: int, *, units: UnitOfWork, now: datetime) -> SyncResult | None:
    """Record an unexpected failure (already logged) as the calendar's error; end the claim."""
    with units() as session:
        lock_calendar(session, calendar_id)
        calendar = session.get(Calendar, calendar_id)
        if calendar is None:
            return None
        result = record_failure(session, calendar, INTERNAL, now=now)
        release(session, calendar)
    return result


def _unexpected(calendar_id: int | None, exc: Exception) -> None:
    """One line at ERROR; the traceback at DEBUG only."""
    log.error("calendar %s: sync failed unexpectedly: %s", calendar_id, describe(exc))
    log.debug("traceback", exc_info=True)


def sync_one(
    calendar_id: int,
    *,
    units: UnitOfWork,
    owner: User | None = None,
    now: datetime | None = None,
    fetch: Fetch = download,
) -> SyncResult:
    """Claim one calendar and sync it now: "sync now" in the API, the CLI and ``tipoff eval``.

    Three short units: claim and plan, then (no transaction open during the
    download, so the write lock is never held across the network) write. With
    ``owner``, someone else's calendar is reported missing. A calendar that a
    worker holds right now is a ``Conflict``, not a second concurrent sync.
    """
    moment = now or utcnow()
    with units() as session:
        if owner is not None:
            calendar = owned(session, Calendar, calendar_id, owner)
        else:
            found = session.get(Calendar, calendar_id)
            if found is None:
                raise NotFound("no such calendar")
            calendar = found
        if not claim(session, now=moment, limit=1, calendar_ids=[calendar_id]):
            raise Conflict("this calendar is being synced right now; try again in a minute")
        plan = plan_safely(session, calendar, now=moment)
    if plan is None:
        result = record_internal(calendar_id, units=units, now=moment)
    else:
        got = fetch_safely(calendar_id, plan, fetch)
        result = write_download(calendar_id, plan, got, units=units, now=moment)
    if result is None:
        raise NotFound("no such calendar")
    return result


def run_due(
    *, units: UnitOfWork | None = None, now: datetime | None = None, fetch: Fetch = download
) -> int:
    """Claim a batch of due calendars and sync each; returns how many were claimed.

    The batch is claimed and planned in one unit. A changed feed is written in a
    unit of its own as soon as it is parsed; unchanged ones (most syncs, at
    scale) are recorded together after the batch, so a feed that did not change
    costs its download and a share of one statement.
    """
    units = units or units_of()
    moment = now or utcnow()
    with units() as session:
        ids = claim(session, now=moment, limit=get_settings().sync_batch_size)
        plans, failed = plan_claimed(session, ids, now=moment)
    for calendar_id in failed:
        record_internal(calendar_id, units=units, now=moment)
    unchanged: list[tuple[int, Download]] = []
    for calendar_id, plan in plans.items():
        got = fetch_safely(calendar_id, plan, fetch)
        if got.unchanged:
            unchanged.append((calendar_id, got))
        else:
            write_download(calendar_id, plan, got, units=units, now=moment)
    if unchanged:
        try:
            with units() as session:
                mark_unchanged(session, unchanged, now=moment)
        except Exception as exc:  # the leases run out; the next round syncs them again
            log.error("recording %s unchanged syncs failed: %s", len(unchanged), describe(exc))
    return len(ids)
