"""Usage, counted privacy first: numbers per tip, tag and week — never per person.

What is counted (each is a *tip event*: a brief with three tips delivers three):

- ``delivered``: a brief push the push service accepted, per tip in it;
- ``shown`` / ``opened``: the service worker's receipts, and the brief viewed by
  its owner in the app or through the API (once per meeting);
- ``helpful`` / ``not_helpful``: marks on a brief, and "this helped" votes;
- the debrief funnel: ``debrief_prompts`` sent, ``debrief_tips`` written from one.

How: ``usage_count`` rows (week, key, metric) → count, with keys ``tip:<id>``,
``tag:<tag>`` and ``all``. To know how many *distinct* people a row's numbers
come from — the privacy floor needs that — the open week keeps, per key, a
keyed digest of each person (HMAC with a random key of that week, ``usage_salt``).
When the week closes (``close_weeks``) the digests are counted into the ``people``
metric and deleted together with the week's key, so from then on nothing links a
number to anyone. The same digests make an event count once ("once" keys: the
same brief opened five times is one open).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, func
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from core.db import is_postgres
from core.models import Tip, UsageCount, UsageSalt, UsageSeen, utcnow

TIP_METRICS = ("delivered", "shown", "opened", "helpful", "not_helpful")
FUNNEL_METRICS = ("debrief_prompts", "debrief_tips")
PEOPLE = "people"
ALL = "all"
FUNNEL = "funnel"
ONCE = "once"
# Core tables, not ORM entities: ON CONFLICT … RETURNING / counts behave the same on both databases.
SEEN: Table = UsageSeen.__table__  # type: ignore[attr-defined]
SALT: Table = UsageSalt.__table__  # type: ignore[attr-defined]
COUNT: Table = UsageCount.__table__  # type: ignore[attr-defined]


def week_of(moment: datetime | date) -> date:
    """The Monday (UTC) of ``moment``'s week."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def _insert(session: Session) -> Any:
    return postgresql.insert if is_postgres(session) else sqlite.insert


def _salt(session: Session, week: date) -> str:
    row = session.get(UsageSalt, week)
    if row is None:
        statement = _insert(session)(SALT).values(week=week, salt=secrets.token_hex(32))
        session.execute(statement.on_conflict_do_nothing(index_elements=["week"]))
        row = session.get(UsageSalt, week, populate_existing=True)
        assert row is not None
    return row.salt


def _digest(salt: str, *parts: object) -> str:
    message = "\x1f".join(str(p) for p in parts).encode()
    return hmac.new(bytes.fromhex(salt), message, hashlib.sha256).hexdigest()[:32]


def _first_time(session: Session, week: date, key: str, digest: str) -> bool:
    statement = _insert(session)(SEEN).values(week=week, key=key, digest=digest)
    inserted = session.execute(statement.on_conflict_do_nothing().returning(SEEN.c.week))
    return inserted.first() is not None


def _bump(session: Session, week: date, key: str, metric: str, by: int = 1) -> None:
    insert = _insert(session)
    statement = insert(COUNT).values(week=week, key=key, metric=metric, count=by)
    statement = statement.on_conflict_do_update(
        index_elements=["week", "key", "metric"],
        set_={"count": COUNT.c.count + statement.excluded.count},
    )
    session.execute(statement)


def _tip_keys(session: Session, tip_ids: Sequence[int]) -> dict[int, list[str]]:
    tags = dict(session.exec(select(Tip.id, Tip.tags).where(col(Tip.id).in_(tip_ids))).all())
    return {
        tip_id: [f"tip:{tip_id}", *(f"tag:{t}" for t in sorted(set(tags.get(tip_id) or [])))]
        for tip_id in tip_ids
        if tip_id in tags
    }


def count(
    session: Session,
    metric: str,
    *,
    person: int,
    tip_ids: Iterable[int],
    once: str | None = None,
    now: datetime | None = None,
) -> bool:
    """Count ``metric`` for each tip, its tags and the team; False if ``once`` was seen."""
    assert metric in TIP_METRICS
    week = week_of(now or utcnow())
    salt = _salt(session, week)
    if once is not None and not _first_time(session, week, ONCE, _digest(salt, ONCE, once)):
        return False
    keys = _tip_keys(session, sorted(set(tip_ids)))
    if not keys:
        return False
    me = _digest(salt, PEOPLE, person)
    for tip_keys in keys.values():
        for key in (*tip_keys, ALL):
            _bump(session, week, key, metric)
    for key in {k for tip_keys in keys.values() for k in tip_keys} | {ALL}:
        _first_time(session, week, key, me)
    session.flush()
    return True


def count_funnel(
    session: Session,
    metric: str,
    *,
    person: int,
    once: str | None = None,
    now: datetime | None = None,
) -> bool:
    assert metric in FUNNEL_METRICS
    week = week_of(now or utcnow())
    salt = _salt(session, week)
    if once is not None and not _first_time(session, week, ONCE, _digest(salt, ONCE, once)):
        return False
    _bump(session, week, FUNNEL, metric)
    _first_time(session, week, FUNNEL, _digest(salt, PEOPLE, person))
    session.flush()
    return True


def close_weeks(session: Session, *, now: datetime | None = None) -> int:
    """Count each finished week's digests into ``people``; delete the digests and the key."""
    current = week_of(now or utcnow())
    weeks = session.exec(select(col(UsageSalt.week)).where(col(UsageSalt.week) < current)).all()
    for week in weeks:
        people = session.exec(
            select(UsageSeen.key, func.count())
            .where(UsageSeen.week == week, UsageSeen.key != ONCE)
            .group_by(col(UsageSeen.key))
        ).all()
        for key, n in people:
            _bump(session, week, key, PEOPLE, n)
        session.exec(delete(UsageSeen).where(col(UsageSeen.week) == week))
        session.exec(delete(UsageSalt).where(col(UsageSalt.week) == week))
    session.flush()
    return len(weeks)


def people_by_week(
    session: Session, weeks: tuple[date, date], keys: Sequence[str] | None, prefix: str | None
) -> dict[tuple[date, str], int]:
    """Distinct people per (week, key): closed weeks from ``people``, the open one from digests."""
    first, last = weeks

    def where(column_key: Any, column_week: Any) -> list[Any]:
        clauses = [column_week >= first, column_week <= last]
        if keys is not None:
            clauses.append(column_key.in_(keys))
        if prefix is not None:
            clauses.append(column_key.like(prefix + "%"))
        return clauses

    found: dict[tuple[date, str], int] = {}
    for week, key, n in session.exec(
        select(col(UsageCount.week), col(UsageCount.key), col(UsageCount.count)).where(
            UsageCount.metric == PEOPLE, *where(col(UsageCount.key), col(UsageCount.week))
        )
    ).all():
        found[(week, key)] = n
    for week, key, n in session.exec(
        select(col(UsageSeen.week), col(UsageSeen.key), func.count())
        .where(*where(col(UsageSeen.key), col(UsageSeen.week)))
        .group_by(col(UsageSeen.week), col(UsageSeen.key))
    ).all():
        found[(week, key)] = found.get((week, key), 0) + n
    return found


def counts(
    session: Session, weeks: tuple[date, date], keys: Sequence[str] | None, prefix: str | None
) -> dict[tuple[date, str], dict[str, int]]:
    first, last = weeks
    query = select(
        col(UsageCount.week), col(UsageCount.key), col(UsageCount.metric), col(UsageCount.count)
    ).where(
        col(UsageCount.week) >= first, col(UsageCount.week) <= last, UsageCount.metric != PEOPLE
    )
    if keys is not None:
        query = query.where(col(UsageCount.key).in_(keys))
    if prefix is not None:
        query = query.where(col(UsageCount.key).like(prefix + "%"))
    found: dict[tuple[date, str], dict[str, int]] = {}
    for week, key, metric, n in session.exec(query).all():
        found.setdefault((week, key), {})[metric] = n
    return found
