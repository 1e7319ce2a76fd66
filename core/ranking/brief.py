"""``brief_for_meeting``: the few tips that fit a meeting, best first — or none.

This is the one entry point pushes, pages and the API call. It reads the
meeting, finds candidates through the ranking indexes (``retrieval``), scores
them (``scoring``) and keeps at most ``settings.brief_size``. Personal
errands, travel and focus blocks with nobody external get an empty brief.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from core.models import BriefFeedback, Meeting, Tip, User, utcnow
from core.ranking import orgs, retrieval, scoring
from core.ranking.meeting import MeetingProfile, embed, profile_meeting
from core.settings import get_settings

# How many candidates, by the cheap signals, get the word and embedding comparison.
FINALISTS = 40


@dataclass
class RankedTip:
    tip: Tip
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Brief:
    meeting: Meeting
    tips: list[RankedTip]


def meeting_profile(session: Session, meeting: Meeting) -> MeetingProfile:
    """The meeting's profile; the title names the customer only when no attendee domain does."""
    named: set[str] = set()
    if not meeting.external_domains:
        keys = orgs.title_keys(f"{meeting.title or ''} , {meeting.location or ''}")
        named = retrieval.orgs_named_in(session, keys)
    return profile_meeting(meeting, named)


def _feedback(session: Session, user: User, meeting: Meeting, tip_ids: list[int]) -> dict:
    """tip id → (helpful, said about this very meeting) from the user's own feedback."""
    if not tip_ids or user.id is None:
        return {}
    rows = session.exec(
        select(BriefFeedback)
        .where(BriefFeedback.user_id == user.id)
        .where(col(BriefFeedback.tip_id).in_(tip_ids))
        .order_by(col(BriefFeedback.updated_at))
    ).all()
    said: dict[int, tuple[bool, bool]] = {}
    for row in rows:
        here = row.meeting_id == meeting.id
        if here or row.tip_id not in said or not said[row.tip_id][1]:
            said[row.tip_id] = (row.helpful, here)
    return said


def rank(
    session: Session, user: User, meeting: Meeting, *, limit: int | None = None
) -> list[RankedTip]:
    size = limit if limit is not None else get_settings().brief_size
    profile = meeting_profile(session, meeting)
    if profile.offwork and not profile.external:
        return []
    stats = retrieval.library_stats(
        session, [*profile.terms, *profile.name_terms], list(profile.facets)
    )
    found = retrieval.candidates(session, profile, stats)
    if not found:
        return []
    # First cut on the cheap signals; words and meaning only for what can still win.
    now = utcnow()
    first = [(p, c) for c in found if (p := scoring.prescore(profile, c, stats, now)) is not None]
    first.sort(key=lambda pc: -pc[0])
    finalists = [c for _, c in first[:FINALISTS]] + [c for _, c in first[FINALISTS:] if c.by_words]
    retrieval.add_details(session, finalists)
    vector = embed(profile)
    said = _feedback(session, user, meeting, [c.tip.id for c in finalists if c.tip.id])
    scored = [
        s for c in finalists if (s := scoring.score(profile, c, vector, stats, said)) is not None
    ]
    scored.sort(key=lambda s: (-s.score, -s.candidate.tip.helpful_count, s.candidate.tip.id or 0))
    kept = scored[:size]
    tips = {
        t.id: t
        for t in session.exec(
            select(Tip).where(col(Tip.id).in_([s.candidate.tip.id for s in kept]))
        )
    }
    return [
        RankedTip(tip=tips[s.candidate.tip.id], score=s.score, reasons=s.reasons)
        for s in kept
        if s.candidate.tip.id in tips
    ]


def brief_for_meeting(
    session: Session, user: User, meeting: Meeting, *, limit: int | None = None
) -> Brief:
    return Brief(meeting=meeting, tips=rank(session, user, meeting, limit=limit))
