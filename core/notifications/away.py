"""Whether a person is away (out of office, on holiday) at a given moment.

The spans come from their calendars (``core.calendars.absence`` reads them at
each sync into ``Absence`` rows). While someone is away, their briefs and
debriefs are dropped (a brief is about a meeting they will not attend) and
requests to them wait (``core.insights`` asks ``away_until``).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, func, select

from core.models import Absence


def is_away(session: Session, user_id: int, at: datetime) -> bool:
    """True when one of the person's calendars shows them out of office at ``at``."""
    found = session.exec(
        select(col(Absence.id))
        .where(Absence.user_id == user_id, Absence.start <= at, Absence.end > at)
        .limit(1)
    ).first()
    return found is not None


def away_until(session: Session, user_id: int, at: datetime) -> datetime | None:
    """When the absence covering ``at`` ends (None: not away). Overlapping spans are not
    chained: a second span that starts before the first ends is found on the next ask."""
    return session.exec(
        select(func.max(Absence.end)).where(
            Absence.user_id == user_id, Absence.start <= at, Absence.end > at
        )
    ).first()


def away_users(session: Session, user_ids: list[int], at: datetime) -> set[int]:
    """Of ``user_ids``, those away at ``at`` (one query)."""
    if not user_ids:
        return set()
    rows = session.exec(
        select(Absence.user_id)
        .where(col(Absence.user_id).in_(user_ids), Absence.start <= at, Absence.end > at)
        .distinct()
    ).all()
    return set(rows)
