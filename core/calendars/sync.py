"""Keep a calendar's ``Meeting`` rows equal to what its source says, without losing any.

A sync has three phases so that no database transaction stays open across the
network: ``plan_sync`` reads what is needed, ``download`` talks to the server
(no session), ``apply_download`` writes. ``core.calendars.claims`` runs them as
separate units of work, the one shape every caller uses (API, CLI, worker,
``tipoff eval``).

Rows are matched by occurrence identity (UID + original start; UID alone for a
single event): a moved occurrence updates its row, so its id (and the push
scheduled for it) survives. Removal happens only on the strength of a complete
file, and never for a series that failed to expand: one bad download must not
delete what is stored.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import IO

from sqlalchemy import delete, update
from sqlmodel import Session, col

from core.calendars import caldav_source, timings
from core.calendars.absence import AbsenceSpan
from core.calendars.fetch import fetch_feed
from core.calendars.parse import (
    PARSER_VERSION,
    NotACalendar,
    Owner,
    ParsedFeed,
    Window,
    parse_feed,
)
from core.calendars.upsert import lock_calendar, reconcile
from core.crypto import decrypt, mac_key
from core.errors import TipoffError
from core.models import Absence, Calendar, User
from core.settings import Settings, get_settings

log = logging.getLogger("tipoff.calendars")
SECRET_PURPOSE = "calendars"
BODY_PURPOSE = "calendar-body"  # the key of the keyed hash of feed bodies


@dataclass(frozen=True)
class SyncResult:
    added: int = 0
    updated: int = 0
    removed: int = 0
    error: str | None = None  # what went wrong (also stored as the calendar's last_error)


@dataclass(frozen=True)
class SyncPlan:
    """Everything a download needs, read up front (secrets decrypted, hidden from repr)."""

    kind: str
    url: str = field(repr=False)
    username: str | None = field(repr=False)
    password: str | None = field(repr=False)
    etag: str | None  # only when the stored meetings were computed like this sync would
    last_modified: str | None
    owner: Owner
    window: Window
    fingerprint: str
    body_hash: str | None = None  # like etag: only when the stored meetings are trusted


@dataclass(frozen=True)
class Download:
    """What the source said, already parsed: everything before the database writes."""

    unchanged: bool = False
    parsed: ParsedFeed | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    body_hash: str | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)


def owner_of(user: User) -> Owner:
    return Owner.of(user.addresses, user.timezone)


def window_at(now: datetime, settings: Settings | None = None) -> Window:
    settings = settings or get_settings()
    return Window.around(
        now, past_days=settings.sync_past_days, future_days=settings.sync_future_days
    )


def fingerprint(owner: Owner, window: Window, settings: Settings) -> str:
    """What the stored meetings depend on besides the feed (see ``Calendar.sync_fingerprint``)."""
    parts = [
        PARSER_VERSION,
        window.start.isoformat(),
        window.end.isoformat(),
        ",".join(sorted(owner.addresses)),
        str(owner.timezone),
        str(settings.sync_max_occurrences),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def plan_sync(session: Session, calendar: Calendar, *, now: datetime) -> SyncPlan:
    settings = get_settings()
    user = session.get(User, calendar.user_id)
    assert user is not None, "a calendar always has a user (foreign key)"
    owner, window = owner_of(user), window_at(now, settings)
    stamp = fingerprint(owner, window, settings)
    trusted = calendar.sync_fingerprint == stamp
    return SyncPlan(
        kind=calendar.kind,
        url=decrypt(calendar.url_encrypted, SECRET_PURPOSE),
        username=_decrypted(calendar.username_encrypted),
        password=_decrypted(calendar.password_encrypted),
        etag=calendar.etag if trusted else None,
        last_modified=calendar.last_modified if trusted else None,
        owner=owner,
        window=window,
        fingerprint=stamp,
        body_hash=calendar.body_hash if trusted else None,
    )


def first_plan(
    user: User,
    *,
    kind: str,
    url: str,
    username: str | None = None,
    password: str | None = None,
    now: datetime,
) -> SyncPlan:
    """The plan of a calendar's first sync, before it has a row (connecting it)."""
    settings = get_settings()
    owner, window = owner_of(user), window_at(now, settings)
    return SyncPlan(
        kind=kind,
        url=url,
        username=username,
        password=password,
        etag=None,
        last_modified=None,
        owner=owner,
        window=window,
        fingerprint=fingerprint(owner, window, settings),
    )


def _decrypted(value: str | None) -> str | None:
    return None if value is None else decrypt(value, SECRET_PURPOSE)


def download(plan: SyncPlan) -> Download:
    """Fetch and parse the calendar's content: network and CPU, no database.

    Failures come back as ``error`` rather than raised. An ICS body that hashes
    like the last complete one is "unchanged", validators or not.
    """
    started = time.perf_counter()
    try:
        if plan.kind == "caldav":
            got = caldav_source.download(
                plan.url, plan.username or "", plan.password or "", plan.window, plan.etag
            )
            spent = {"download": time.perf_counter() - started}
            if got.unchanged:
                return Download(unchanged=True, etag=got.tag, timings=spent)
            return parsed_download(plan, got.documents, etag=got.tag, spent=spent)
        with fetch_feed(
            plan.url,
            etag=plan.etag,
            last_modified=plan.last_modified,
            digest_key=mac_key(BODY_PURPOSE),
        ) as fetched:
            spent = {"download": time.perf_counter() - started}
            if fetched.not_modified or (plan.body_hash and fetched.digest == plan.body_hash):
                return Download(
                    True, None, fetched.etag, fetched.last_modified, body_hash=plan.body_hash,
                    timings=spent,
                )  # fmt: skip
            assert fetched.file is not None
            return parsed_download(
                plan,
                fetched.file,
                etag=fetched.etag,
                last_modified=fetched.last_modified,
                body_hash=fetched.digest,
                spent=spent,
            )
    except TipoffError as exc:
        return Download(error=exc.detail)


def parsed_download(
    plan: SyncPlan,
    documents: bytes | IO[bytes] | Sequence[bytes],
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    body_hash: str | None = None,
    spent: dict[str, float] | None = None,
) -> Download:
    """Parse downloaded documents with the plan's owner and window (``NotACalendar`` → error)."""
    try:
        parsed = parse_feed(
            documents,
            plan.owner,
            plan.window,
            max_occurrences=get_settings().sync_max_occurrences,
        )
    except NotACalendar as exc:
        return Download(error=exc.detail)
    return Download(
        False, parsed, etag, last_modified, body_hash=body_hash,
        timings={**(spent or {}), **parsed.timings},
    )  # fmt: skip


def apply_download(
    session: Session, calendar: Calendar, plan: SyncPlan, got: Download, *, now: datetime
) -> SyncResult:
    """Write what a download found (the caller records an unchanged one with
    ``mark_unchanged``)."""
    if got.error is not None:
        return record_failure(session, calendar, got.error, now=now)
    assert not got.unchanged, "an unchanged download is recorded by mark_unchanged"
    assert got.parsed is not None
    return apply_parsed(
        session, calendar, got.parsed, plan, now=now, etag=got.etag,
        last_modified=got.last_modified, body_hash=got.body_hash, spent=got.timings,
    )  # fmt: skip


def mark_unchanged(
    session: Session, found: Sequence[tuple[int, Download]], *, now: datetime
) -> dict[int, SyncResult]:
    """Record syncs that found nothing new and end their claims.

    At scale this is most syncs, so it skips the lock-load-flush-release of a
    changed feed: one ``UPDATE … RETURNING`` per distinct pair of validators
    (one for a whole batch of feeds without any). Calendars deleted meanwhile
    are simply absent from the result.
    """
    groups: dict[tuple[str | None, str | None], list[tuple[int, Download]]] = {}
    for calendar_id, got in found:
        groups.setdefault((got.etag, got.last_modified), []).append((calendar_id, got))
    results: dict[int, SyncResult] = {}
    for (etag, last_modified), members in groups.items():
        values: dict[str, object] = {
            "last_synced_at": now,
            "failure_count": 0,
            "next_sync_at": now + timedelta(minutes=get_settings().sync_interval_minutes),
            "lease_until": None,
        }
        if etag or last_modified:  # a body seen before may come with new validators
            values.update(etag=etag, last_modified=last_modified)
        statement = (
            update(Calendar)
            .where(col(Calendar.id).in_([calendar_id for calendar_id, _ in members]))
            .values(**values)
            .returning(col(Calendar.id), col(Calendar.last_error))
            .execution_options(synchronize_session="evaluate")  # rows already loaded see it
        )
        errors = dict(session.execute(statement).tuples().all())
        for calendar_id, got in members:
            if calendar_id in errors:
                timings.record(calendar_id, got.timings, "unchanged")
                results[calendar_id] = SyncResult(error=errors[calendar_id])
    return results


def apply_parsed(
    session: Session,
    calendar: Calendar,
    parsed: ParsedFeed,
    plan: SyncPlan,
    *,
    now: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
    body_hash: str | None = None,
    spent: dict[str, float] | None = None,
) -> SyncResult:
    """Write a parsed feed into the calendar's meetings and record how it went."""
    settings = get_settings()
    started = time.perf_counter()
    if not parsed.complete and not parsed.occurrences:
        return record_failure(session, calendar, problem_summary(parsed.problems), now=now)
    lock_calendar(session, calendar)  # the upsert reads meetings before it writes them
    added, updated, removed = reconcile(session, calendar, parsed, plan.window, now)
    calendar.last_synced_at = now
    calendar.last_error = problem_summary(parsed.problems) if parsed.problems else None
    calendar.failure_count = 0
    calendar.next_sync_at = now + timedelta(minutes=settings.sync_interval_minutes)
    # Conditional fetches are trusted only after a complete read.
    calendar.etag = etag if parsed.complete else None
    calendar.last_modified = last_modified if parsed.complete else None
    calendar.sync_fingerprint = plan.fingerprint if parsed.complete else None
    calendar.body_hash = body_hash if parsed.complete else None
    if not calendar.name and parsed.name:
        calendar.name = parsed.name
    if parsed.complete:
        replace_absences(session, calendar, parsed.absences)
    session.add(calendar)
    session.flush()
    stages = {**(spent or parsed.timings), "upsert": time.perf_counter() - started}
    timings.record(calendar.id, stages, f"+{added} ~{updated} -{removed}")
    return SyncResult(added, updated, removed, calendar.last_error)


def replace_absences(session: Session, calendar: Calendar, spans: Sequence[AbsenceSpan]) -> None:
    """The calendar's out-of-office spans, as of this (complete) read."""
    session.execute(delete(Absence).where(col(Absence.calendar_id) == calendar.id))
    assert calendar.id is not None
    for span in spans:
        session.add(
            Absence(
                user_id=calendar.user_id,
                calendar_id=calendar.id,
                start=span.start,
                end=span.end,
                why=span.why,
            )
        )


def record_failure(
    session: Session, calendar: Calendar, message: str, *, now: datetime
) -> SyncResult:
    """Keep every stored meeting, say what failed, and try again later (backing off)."""
    settings = get_settings()
    calendar.failure_count += 1
    calendar.last_error = message[:1000]
    calendar.etag = calendar.last_modified = calendar.sync_fingerprint = None
    calendar.body_hash = None
    delay = settings.sync_interval_minutes * 2 ** min(calendar.failure_count, 16)
    calendar.next_sync_at = now + timedelta(minutes=min(delay, settings.sync_max_backoff_minutes))
    session.add(calendar)
    session.flush()
    log.info("calendar %s: sync failed (%s): %s", calendar.id, calendar.failure_count, message)
    return SyncResult(error=calendar.last_error)


def problem_summary(problems: Sequence[str]) -> str:
    if len(problems) == 1:
        return problems[0][:1000]
    return f"{len(problems)} problems: " + "; ".join(problems)[:980]
