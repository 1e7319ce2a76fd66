"""Seam between calendar sync and pushes (filled in by the pushes issue).

``core.calendars`` calls ``meetings_changed`` after a sync has written added and
moved meetings (flushed, ids set) and *before* it deletes removed ones, so the
outbox can re-time, drop or withdraw notifications while the rows still exist.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from core.models import Meeting


def meetings_changed(
    session: Session,
    *,
    added: Sequence[Meeting] = (),
    moved: Sequence[Meeting] = (),
    removed: Sequence[Meeting] = (),
) -> None:
    """Schedule, re-time or withdraw notifications for changed meetings."""
    return None
