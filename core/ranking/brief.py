"""Seam for the briefs issue: ``brief_for_meeting`` is what pushes and pages call.

Interim implementation (account match only) until the ranking lands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from core.models import Meeting, Tip, TipAccount, TipStatus, User


@dataclass
class RankedTip:
    tip: Tip
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Brief:
    meeting: Meeting
    tips: list[RankedTip]


def brief_for_meeting(session: Session, user: User, meeting: Meeting, *, limit: int = 3) -> Brief:
    domains = meeting.external_domains
    if not domains:
        return Brief(meeting=meeting, tips=[])
    tips = session.exec(
        select(Tip)
        .where(Tip.status == TipStatus.active)
        .where(
            col(Tip.id).in_(select(TipAccount.tip_id).where(col(TipAccount.domain).in_(domains)))
        )
        .order_by(col(Tip.helpful_count).desc())
        .limit(limit)
    ).all()
    return Brief(
        meeting=meeting,
        tips=[
            RankedTip(tip=t, score=1.0, reasons=[f"for {a}" for a in t.accounts if a in domains])
            for t in tips
        ],
    )
