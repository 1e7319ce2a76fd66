"""The usage report, with the privacy floor applied, and the floor itself.

Any row whose numbers come from fewer than the floor's distinct people
(``TIPOFF_INSIGHTS_MIN_GROUP``, 5, unless an admin changed it) is folded into
``other``; so is the debrief funnel. Over several weeks a row's people is the
largest weekly number: distinct people cannot be added up across weeks without
keeping who they were, and the largest week is never more than the truth, so the
floor errs on the side of folding.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from sqlmodel import Session, SQLModel, col, select

from core.errors import Forbidden, InvalidInput
from core.insights.usage import (
    ALL,
    FUNNEL,
    FUNNEL_METRICS,
    TIP_METRICS,
    counts,
    people_by_week,
    week_of,
)
from core.models import InsightsPolicy, Role, Tip, User, utcnow
from core.people import audit
from core.settings import get_settings

By = Literal["tip", "tag", "week"]
MAX_RANGE_DAYS = 3 * 366


class UsageRow(SQLModel):
    key: str
    label: str
    delivered: int = 0
    shown: int = 0
    opened: int = 0
    helpful: int = 0
    not_helpful: int = 0


class UsageOther(SQLModel):
    rows: int = 0  # how many rows were folded in
    delivered: int = 0
    shown: int = 0
    opened: int = 0
    helpful: int = 0
    not_helpful: int = 0


class Funnel(SQLModel):
    debrief_prompts: int | None  # None: fewer people than the floor
    debrief_tips: int | None


class UsageReport(SQLModel):
    start: date
    end: date
    by: str
    min_group: int
    items: list[UsageRow]
    other: UsageOther
    funnel: Funnel


class FloorPublic(SQLModel):
    min_group: int
    default: int
    changed_at: datetime | None


def floor(session: Session) -> int:
    latest = session.exec(
        select(InsightsPolicy.min_group).order_by(col(InsightsPolicy.id).desc()).limit(1)
    ).first()
    return latest if latest is not None else get_settings().insights_min_group


def floor_public(session: Session) -> FloorPublic:
    latest = session.exec(select(InsightsPolicy).order_by(col(InsightsPolicy.id).desc())).first()
    return FloorPublic(
        min_group=floor(session),
        default=get_settings().insights_min_group,
        changed_at=latest.created_at if latest else None,
    )


def set_floor(session: Session, admin: User, min_group: int) -> InsightsPolicy:
    """An admin changes the floor; every change is kept (``insights_policy``) and audited."""
    if admin.role != Role.admin:
        raise Forbidden("only admins can change the privacy floor")
    if min_group < 2:
        raise InvalidInput("the privacy floor is at least 2 people")
    before = floor(session)
    row = InsightsPolicy(min_group=min_group, changed_by_id=admin.id)
    session.add(row)
    audit.record(
        session,
        actor=admin,
        action="insights.privacy_floor",
        target="insights",
        detail={"from": before, "to": min_group, "lowered": min_group < before},
    )
    session.flush()
    return row


def date_range(
    start: date | None, end: date | None, *, today: date | None = None
) -> tuple[date, date]:
    today = today or utcnow().date()
    end = end or today
    start = start or end - timedelta(days=12 * 7 - 1)
    if start > end:
        raise InvalidInput("from must not be after to")
    if (end - start).days > MAX_RANGE_DAYS:
        raise InvalidInput(f"a range of at most {MAX_RANGE_DAYS} days")
    return start, end


def _labels(session: Session, keys: list[str], by: By) -> dict[str, str]:
    if by == "tag":
        return {k: "#" + k.split(":", 1)[1] for k in keys}
    if by == "week":
        return {k: f"week of {k}" for k in keys}
    ids = [int(k.split(":", 1)[1]) for k in keys]
    rows = session.exec(select(Tip.id, Tip.title, Tip.body).where(col(Tip.id).in_(ids))).all()
    found = {f"tip:{i}": (t or " ".join(b.split())[:80]) for i, t, b in rows}
    return {k: found.get(k, "(deleted tip)") for k in keys}


def usage_report(
    session: Session, *, start: date | None = None, end: date | None = None, by: By = "tip"
) -> UsageReport:
    start, end = date_range(start, end)
    weeks = (week_of(start), week_of(end))
    min_group = floor(session)
    prefix = {"tip": "tip:", "tag": "tag:"}.get(by)
    keys = [ALL] if by == "week" else None
    numbers = counts(session, weeks, keys, prefix)
    people = people_by_week(session, weeks, keys, prefix)

    totals: dict[str, dict[str, int]] = {}
    reach: dict[str, int] = {}
    for (week, key), metrics in numbers.items():
        row_key = week.isoformat() if by == "week" else key
        bucket = totals.setdefault(row_key, {})
        for metric, n in metrics.items():
            bucket[metric] = bucket.get(metric, 0) + n
        reach[row_key] = max(reach.get(row_key, 0), people.get((week, key), 0))

    labels = _labels(session, list(totals), by)
    items: list[UsageRow] = []
    other = UsageOther()
    for row_key, metrics in totals.items():
        values = {m: metrics.get(m, 0) for m in TIP_METRICS}
        if reach.get(row_key, 0) < min_group:
            other.rows += 1
            for metric, n in values.items():
                setattr(other, metric, getattr(other, metric) + n)
            continue
        items.append(UsageRow(key=row_key, label=labels[row_key], **values))
    if by == "week":
        items.sort(key=lambda r: r.key)
    else:
        items.sort(key=lambda r: (-r.delivered, -r.helpful, -r.opened, r.key))

    funnel_numbers = counts(session, weeks, [FUNNEL], None)
    funnel_people = people_by_week(session, weeks, [FUNNEL], None)
    funnel_reach = max((n for n in funnel_people.values()), default=0)
    sums = {m: sum(v.get(m, 0) for v in funnel_numbers.values()) for m in FUNNEL_METRICS}
    shown = funnel_reach >= min_group
    funnel = Funnel(
        debrief_prompts=sums["debrief_prompts"] if shown else None,
        debrief_tips=sums["debrief_tips"] if shown else None,
    )
    return UsageReport(
        start=start, end=end, by=by, min_group=min_group, items=items, other=other, funnel=funnel
    )


def team_totals(session: Session) -> dict[str, int]:
    """All-time team totals for ``/metrics``; empty while the team is below the floor."""
    first, last = date(2000, 1, 3), week_of(utcnow())
    numbers = counts(session, (first, last), [ALL, FUNNEL], None)
    people = people_by_week(session, (first, last), [ALL, FUNNEL], None)
    min_group = floor(session)
    totals: dict[str, int] = {}
    for key in (ALL, FUNNEL):
        if max((n for (_, k), n in people.items() if k == key), default=0) < min_group:
            continue
        for (_, k), metrics in numbers.items():
            if k == key:
                for metric, n in metrics.items():
                    totals[metric] = totals.get(metric, 0) + n
    return totals
