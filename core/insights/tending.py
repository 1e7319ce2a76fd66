"""The curator's loop in the background: one pass of the periodic upkeep.

Run by the scheduler's "curation" job every few minutes (and by tests directly):
copy who-met-whom from meetings that began, open requests for unknown
customers someone meets soon, remind owners of due tips (weekly at most), close
finished usage weeks (forgetting their digests), and count what the outbox sent.
Several workers may run the job; one of them does a pass at a time
(``core.db.take_turn``), since the counts it inserts are keyed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from core.db import take_turn
from core.insights import contacts, requests, signals, usage
from core.models import utcnow
from core.tips import freshness

# The pass, in order: each step takes (session, now=) and says how much it did.
STEPS: tuple[tuple[str, Callable[..., int]], ...] = (
    ("contacts", contacts.record_contacts),
    ("requests", requests.auto_open),
    ("reminders", freshness.remind_owners),
    ("weeks_closed", usage.close_weeks),
    ("usage", signals.collect_outbox),
)


def tend(session: Session, *, now: datetime | None = None) -> dict[str, int]:
    """One pass; a worker that finds another mid-pass skips (all counts 0)."""
    now = now or utcnow()
    if not take_turn(session, "curation"):
        return dict.fromkeys((name for name, _ in STEPS), 0)
    return {name: step(session, now=now) for name, step in STEPS}
