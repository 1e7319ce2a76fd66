"""The Insights page's data: gaps, open requests, tips due for review, and usage.

The page and ``GET /api/insights/page`` show the same object, so what a
curator sees is what the JSON twin returns; every number in it has already
passed the privacy floor (``core.insights.report``).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, SQLModel

from core.insights import gaps, requests
from core.insights.gaps import GapReport
from core.insights.report import UsageReport, usage_report
from core.models import User
from core.models.insights import RequestPublic
from core.models.tip import TipPublic
from core.tips import freshness, service

TOP_TIPS = 10


class InsightsPage(SQLModel):
    gaps: GapReport
    requests: list[RequestPublic]
    due: list[TipPublic]
    weekly: UsageReport
    top: UsageReport
    start: date
    end: date


def insights_page(
    session: Session,
    user: User,
    *,
    days: int = 14,
    start: date | None = None,
    end: date | None = None,
) -> InsightsPage:
    weekly = usage_report(session, start=start, end=end, by="week")
    top = usage_report(session, start=start, end=end, by="tip")
    top.items = top.items[:TOP_TIPS]
    return InsightsPage(
        gaps=gaps.find_gaps(session, days=days),
        requests=requests.list_requests(session, user),
        due=service.to_public(session, freshness.due_tips(session, limit=50)),
        weekly=weekly,
        top=top,
        start=weekly.start,
        end=weekly.end,
    )


class ReviewPage(SQLModel):
    mine: list[TipPublic]
    others: list[TipPublic]  # for curators: everyone else's due tips


def review_page(session: Session, user: User) -> ReviewPage:
    mine = freshness.due_tips(session, owner_id=user.id)
    others = (
        [t for t in freshness.due_tips(session) if t.owner_id != user.id] if user.is_curator else []
    )
    return ReviewPage(
        mine=service.to_public(session, mine), others=service.to_public(session, others)
    )
