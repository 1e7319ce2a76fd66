"""Upsert a parsed feed into ``Meeting`` rows by occurrence identity.

Identity is UID + original start for an instance of a series and UID alone for
a single event, so a moved occurrence updates its row (its id, and the push
planned for it, survive). Rows are removed only on the strength of a complete
file, never for a series that failed to expand, and the pushes seam hears about
every change while removed rows still exist.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from core.calendars.parse import Occurrence, ParsedFeed, Window
from core.models import Calendar, Meeting
from core.models.occurrence import OccurrenceKey, occurrence_key
from core.notifications import outbox


def lock_calendar(session: Session, calendar: Calendar | int) -> None:
    """Take the write lock before reading what will be written.

    A no-op UPDATE of the calendar row: on PostgreSQL it row-locks the calendar
    (a concurrent sync of the same calendar waits); on SQLite it makes this
    transaction the writer *before* it reads, so a commit by another process in
    between cannot invalidate its snapshot ("database is locked").
    """
    calendar_id = calendar if isinstance(calendar, int) else calendar.id
    session.execute(
        update(Calendar)
        .where(col(Calendar.id) == calendar_id)
        .values(lease_until=Calendar.lease_until)
        .execution_options(synchronize_session=False)
    )


def _row_key(row: Meeting) -> OccurrenceKey:
    return occurrence_key(row.uid, row.original_start, recurring=row.recurring)


def reconcile(
    session: Session, calendar: Calendar, parsed: ParsedFeed, window: Window, now: datetime
) -> tuple[int, int, int]:
    """Upsert occurrences, then (seam for pushes) remove what vanished."""
    in_window = list(
        session.exec(
            select(Meeting).where(Meeting.calendar_id == calendar.id, Meeting.end > window.start)
        )
    )
    by_key = {_row_key(row): row for row in in_window}
    by_row_identity = {(row.uid, row.original_start): row for row in in_window}
    wanted: dict[OccurrenceKey, Occurrence] = {}
    for occurrence in parsed.occurrences:
        wanted.setdefault(occurrence.key, occurrence)
    unknown = {o.uid for key, o in wanted.items() if key not in by_key}
    if unknown:  # rows that ended before the window may come back (moved into it)
        for past in session.exec(
            select(Meeting).where(
                Meeting.calendar_id == calendar.id,
                Meeting.end <= window.start,
                col(Meeting.uid).in_(unknown),
            )
        ):
            by_key.setdefault(_row_key(past), past)
            by_row_identity.setdefault((past.uid, past.original_start), past)
    added: list[Meeting] = []
    moved: list[Meeting] = []
    updated = 0
    matched: set[int] = set()
    for key, occurrence in wanted.items():
        row: Meeting | None = by_key.get(key)
        if row is None or id(row) in matched:
            # Same UID and original start but a series became a single event (or back).
            row = by_row_identity.get((occurrence.uid, occurrence.original_start))
        if row is None or id(row) in matched:
            row = Meeting.model_validate(
                {
                    "user_id": calendar.user_id,
                    "calendar_id": calendar.id,
                    "created_at": now,
                    "updated_at": now,
                    **_values(occurrence),
                }
            )
            session.add(row)
            added.append(row)
            matched.add(id(row))
            continue
        matched.add(id(row))
        if row.start != occurrence.start or row.end != occurrence.end:
            moved.append(row)
        if _update(row, occurrence):
            row.updated_at = now
            updated += 1
    removed = []
    if parsed.complete:
        removed = [
            row for row in in_window if id(row) not in matched and row.uid not in parsed.broken_uids
        ]
    session.flush()
    outbox.meetings_changed(session, added=added, moved=moved, removed=removed)
    for row in removed:
        session.delete(row)
    session.flush()
    return len(added), updated, len(removed)


def _values(occurrence: Occurrence) -> dict[str, object]:
    return {
        "uid": occurrence.uid,
        "recurring": occurrence.recurring,
        "original_start": occurrence.original_start,
        "start": occurrence.start,
        "end": occurrence.end,
        "title": occurrence.title,
        "description": occurrence.description,
        "location": occurrence.location,
        "attendees": occurrence.attendees,
        "external_domains": occurrence.external_domains,
        "private": occurrence.private,
        "free": occurrence.free,
    }


def _update(row: Meeting, occurrence: Occurrence) -> bool:
    """Copy what changed onto the row; True when anything did."""
    changed = False
    for name, value in _values(occurrence).items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed
