"""Gaps: the customers and kinds of meeting the team is about to meet with no good advice.

For every meeting across the team in the next ``days``, the brief is ranked as it
will be shown; a brief that is *empty* (nothing fits) or *weak* (no tip reaches
``TIPOFF_GAP_STRONG_SCORE``) is a gap. Gaps are grouped by customer organisation
(registrable domain) or, for meetings with no customer, by kind of meeting (the
ranking's lexicon: "renewal", "product demo", …). Meetings that are not work
(errands, travel, focus time) and internal meetings of no recognisable kind are
not gaps.

Rows carry counts only: never a person's name or a meeting title.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from sqlmodel import Session, SQLModel, col, func, select

from core.models import Meeting, Tip, TipFacet, TipOrg, TipStatus, User, utcnow
from core.ranking import lexicon
from core.ranking.brief import meeting_profile, rank
from core.ranking.meeting import MeetingProfile
from core.settings import get_settings

MAX_DAYS = 60


class GapRow(SQLModel):
    account: str | None  # the customer organisation, or None for a kind of meeting
    kind: str | None  # the kind of meeting ("kind:renewal") when there is no customer
    label: str
    meetings: int
    people: int
    first_date: date
    tips: int  # what the library holds for this organisation or kind
    empty_briefs: int
    weak_briefs: int
    library_url: str


class GapReport(SQLModel):
    days: int
    strong_score: float
    items: list[GapRow]


@dataclass
class _Group:
    account: str | None
    kind: str | None
    label: str
    people: set[int]
    first: datetime
    meetings: int = 0
    empty: int = 0
    weak: int = 0


def group_of(profile: MeetingProfile) -> tuple[str | None, str | None, str] | None:
    """(account, kind, label) a meeting's gap is counted under, or None when it is no gap."""
    if profile.orgs:
        org = sorted(profile.orgs)[0]
        return org, None, org
    if profile.offwork:
        return None
    kinds = [(w, f) for f, w in profile.facets.items() if f.startswith("kind:")]
    if not kinds:
        return None
    _, facet = max(kinds)
    return None, facet, lexicon.BY_NAME[facet].label


def _library_counts(
    session: Session, groups: list[_Group]
) -> dict[tuple[str | None, str | None], int]:
    orgs = [g.account for g in groups if g.account]
    kinds = [g.kind for g in groups if g.kind]
    counts: dict[tuple[str | None, str | None], int] = {}
    active = select(Tip.id).where(Tip.status == TipStatus.active)
    if orgs:
        for org, n in session.exec(
            select(TipOrg.org, func.count(func.distinct(TipOrg.tip_id)))
            .where(col(TipOrg.org).in_(orgs), col(TipOrg.tip_id).in_(active))
            .group_by(col(TipOrg.org))
        ).all():
            counts[(org, None)] = n
    if kinds:
        for facet, n in session.exec(
            select(TipFacet.facet, func.count())
            .where(col(TipFacet.facet).in_(kinds), col(TipFacet.tip_id).in_(active))
            .group_by(col(TipFacet.facet))
        ).all():
            counts[(None, facet)] = n
    return counts


def library_url(account: str | None, label: str) -> str:
    if account:
        return "/tips?" + urlencode({"account": account})
    return "/tips?" + urlencode({"q": label})


def find_gaps(session: Session, *, days: int = 14, now: datetime | None = None) -> GapReport:
    now = now or utcnow()
    strong = get_settings().gap_strong_score
    meetings = session.exec(
        select(Meeting)
        .where(col(Meeting.start) >= now, col(Meeting.start) < now + timedelta(days=days))
        .order_by(col(Meeting.start), col(Meeting.id))
    ).all()
    users = {
        u.id: u
        for u in session.exec(
            select(User).where(col(User.id).in_({m.user_id for m in meetings}))
        ).all()
    }
    groups: dict[tuple[str | None, str | None], _Group] = {}
    for meeting in meetings:
        user = users.get(meeting.user_id)
        if user is None:
            continue
        where = group_of(meeting_profile(session, meeting))
        if where is None:
            continue
        best = rank(session, user, meeting, limit=1)
        if best and best[0].score >= strong:
            continue
        account, kind, label = where
        group = groups.setdefault(
            (account, kind), _Group(account, kind, label, set(), meeting.start)
        )
        group.meetings += 1
        group.people.add(meeting.user_id)
        group.first = min(group.first, meeting.start)
        if best:
            group.weak += 1
        else:
            group.empty += 1
    library = _library_counts(session, list(groups.values()))
    rows = [
        GapRow(
            account=g.account,
            kind=g.kind,
            label=g.label,
            meetings=g.meetings,
            people=len(g.people),
            first_date=g.first.date(),
            tips=library.get((g.account, g.kind), 0),
            empty_briefs=g.empty,
            weak_briefs=g.weak,
            library_url=library_url(g.account, g.label),
        )
        for g in groups.values()
    ]
    rows.sort(key=lambda r: (-r.meetings, r.first_date, r.label))
    return GapReport(days=days, strong_score=strong, items=rows)
