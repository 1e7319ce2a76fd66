"""``brief_for_meeting``: the few tips that fit a meeting, best first — or none.

This is the one entry point pushes, pages and the API call. It reads the
meeting, finds candidates through the ranking indexes (``retrieval``), scores
them (``scoring``, with what the team's feedback taught: ``learning``) and
keeps at most ``settings.brief_size``. Personal errands, travel and focus
blocks with nobody external get an empty brief, and so do entries marked
private or free in the calendar unless a customer the team has tips for attends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from sqlmodel import Session, col, select

from core.models import (
    BriefFeedback,
    FeedbackMark,
    Meeting,
    Tip,
    User,
    utcnow,
)
from core.ranking import learning, lexicon, naming, orgs, retrieval, scoring
from core.ranking.meeting import MeetingProfile, embed, meet_a_fair_contact, profile_meeting
from core.ranking.org_kinds import OrgKinds
from core.ranking.text import fold
from core.settings import get_settings

# How many candidates, by the cheap signals, get the word and embedding comparison.
FINALISTS = 40
# Every industry's share of the library, for the penalty of a tip written for another one.
INDUSTRIES = tuple(name for name in lexicon.BY_NAME if name.startswith("industry:"))
# Off-work kinds that are still work when they name a customer: meals, parties, outings.
SOCIAL_OFFWORK = ("personal", "company")


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
    """The meeting's profile, with the customers it names (``naming.customers_named``) when
    no one comes from one, or only a partner does, the tips that name a partner the team
    wrote no tip for (``naming.partner_tips``), and what kind its customers are."""
    units = {orgs.unit(d) for d in meeting.external_domains or [] if d}
    attending = {orgs.registrable(u) for u in units}
    known = retrieval.orgs_with_tips(session, units)
    # Every attending organisation the team has tips for is known, unless there were more.
    strangers = attending - known if len(known) < retrieval.ORGS_READ else set()
    kinds = OrgKinds(session, without_tips=strangers)
    named: set[str] = set()
    if not known or kinds.all_partners(known):
        named = naming.customers_named(session, meeting, attending) - known
    profile = profile_meeting(meeting, named)
    if attending and not (known or named or profile.offwork or meeting.private or meeting.free):
        # Only organisations the team wrote no tip for come: the tips may name them.
        profile.partner_tips = naming.partner_tips(session, attending)
    profile.known_orgs = known | named  # a name is found among the tips' organisations
    meet_a_fair_contact(profile)
    profile.quiet = bool(meeting.private or meeting.free)
    profile.series = learning.series_key(meeting)
    # A partner or a dairy says so in the tips written for it, if not in the meeting title.
    for name, strength in kinds.of(profile.orgs).items():
        profile.facets[name] = max(profile.facets.get(name, 0.0), strength)
    return profile


def _names_customer(session: Session, meeting: Meeting, profile: MeetingProfile) -> bool:
    """A meal or a party whose title names a customer: work, whatever the cue words say."""
    if profile.offwork not in SOCIAL_OFFWORK or not profile.orgs_from_title:
        return False
    return naming.title_names_one(session, meeting)


def _off_work(session: Session, meeting: Meeting, profile: MeetingProfile) -> bool:
    """An errand, a trip, a focus block or a company event, not a meeting to brief.

    Among colleagues the words decide. With someone from outside they decide only when
    they say nothing but off-work and the team has written no tip about any company that
    comes: the electrician at home, not a lunch with a customer the team knows.
    """
    if not profile.offwork or _names_customer(session, meeting, profile):
        return False
    if not profile.external:
        return True
    companies = bool(profile.orgs)  # not only private people met with a colleague
    return profile.plainly_offwork and companies and not _known_customer_attends(profile)


def _known_customer_attends(profile: MeetingProfile) -> bool:
    """Someone from outside attends, and the meeting's customers include one the team knows."""
    return profile.external and bool(profile.known_orgs)


def _feedback(
    session: Session, user: User, meeting: Meeting, series: str, tip_ids: list[int]
) -> dict:
    """tip id → (helpful, said about this very meeting) from the user's own feedback.

    "Not for this meeting" said about an earlier occurrence of the same series counts as said
    here: the person told us about this weekly meeting, not about one Tuesday of it.
    """
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
    if series:
        not_in_series = session.exec(
            select(FeedbackMark.tip_id).where(
                FeedbackMark.user_id == user.id,
                FeedbackMark.series == series,
                col(FeedbackMark.helpful).is_(False),
                col(FeedbackMark.tip_id).in_(tip_ids),
            )
        ).all()
        new_agenda = _said_on_another_agenda(session, meeting, series, rows, set(not_in_series))
        for tip_id in not_in_series:
            if tip_id in new_agenda:
                continue  # the learning still sinks it; this week's agenda may need it
            if not (tip_id in said and said[tip_id][1] and said[tip_id][0]):  # unless undone here
                said[tip_id] = (False, True)
    return said


def _said_on_another_agenda(
    session: Session,
    meeting: Meeting,
    series: str,
    rows: Sequence[BriefFeedback],
    tip_ids: set[int],
) -> set[int]:
    """Tips whose "not for this meeting" in ``series`` was said only on other agendas.

    A weekly call's description is often its agenda: what did not fit last week's
    ("licences" were not on it) may fit this week's. An occurrence without an agenda of its
    own, or with the same one, is the meeting they spoke about. ``rows`` are the person's
    feedback rows for the finalists, already read by ``_feedback``.
    """
    agenda = fold(meeting.description or "")
    said_elsewhere = [
        row
        for row in rows
        if row.tip_id in tip_ids and not row.helpful and row.meeting_id != meeting.id
    ]
    if not agenda or not said_elsewhere:
        return set()
    ids = sorted({row.meeting_id for row in said_elsewhere})
    earlier = {m.id: m for m in session.exec(select(Meeting).where(col(Meeting.id).in_(ids)))}
    same: set[int] = set()
    other: set[int] = set()
    for row in said_elsewhere:
        there = earlier.get(row.meeting_id)
        if there is None or learning.series_key(there) != series:
            continue
        (other if fold(there.description or "") not in ("", agenda) else same).add(row.tip_id)
    return other - same


@dataclass
class Shortlist:
    """What a brief's ranking reads from the database, before any ``Params`` apply.

    ``choose`` turns it into the brief for given parameters, so ``tipoff eval`` can try
    its whole grid on one read per meeting.
    """

    profile: MeetingProfile
    finalists: list[retrieval.Candidate]
    stats: retrieval.LibraryStats
    vector: np.ndarray
    said: dict[int, tuple[bool, bool]]
    learned: dict[int, float]
    from_briefs: dict[int, int]
    helped_here: set[int]
    # Each finalist's signals, computed on the first ``choose`` and reused for every grid point.
    known: dict[int, scoring.Signals | None] = field(default_factory=dict)

    @cached_property
    def feed_votes(self) -> dict[int, int]:
        """Tip id → its helpful votes cast from the feed, which break ties between tips.

        A "this helped" said in a brief counts only through ``learned``, in meetings like
        that one, so it is left out here as it is from ``Signals.quality``.
        """
        return {
            c.tip.id or 0: c.tip.helpful_count - self.from_briefs.get(c.tip.id or 0, 0)
            for c in self.finalists
        }

    def signals(self, candidate: retrieval.Candidate) -> scoring.Signals | None:
        tip_id = candidate.tip.id or 0
        if tip_id not in self.known:
            self.known[tip_id] = scoring.signals(
                self.profile, candidate, self.vector, self.stats, self.said,
                votes_from_briefs=self.from_briefs.get(tip_id, 0),
            )  # fmt: skip
        return self.known[tip_id]


def shortlist(session: Session, user: User, meeting: Meeting) -> Shortlist | None:
    """The finalists and what the ranking knows about them; None when the brief is empty."""
    profile = meeting_profile(session, meeting)
    # Errands, travel, focus and company events are quiet unless someone from outside attends:
    # a customer named in "Train to Salzburg (LMPA)" is where the trip goes, not a meeting.
    # A lunch that names a customer in its title ("Lunch Markus - Eventwerk commission") is
    # about that customer, though; a place ("Elternabend", at "Schulhaus Lindenhof") is not.
    if _off_work(session, meeting, profile):
        return None
    # Marked private or free: quiet, unless a customer the team has tips for attends (a
    # confidential deal). An estate agent or a doctor's practice at the viewing is no customer.
    if profile.quiet and not _known_customer_attends(profile):
        return None
    stats = retrieval.library_stats(
        session, [*profile.terms, *profile.name_terms], [*profile.facets, *INDUSTRIES]
    )
    helped_here = set(learning.series_helpful_ids(session, profile))
    extra = sorted(helped_here | set(profile.partner_tips))
    found = retrieval.candidates(session, profile, stats, extra_ids=extra)
    if not found:
        return None
    # First cut on the cheap signals; words and meaning only for what can still win.
    now = utcnow()
    first = [(p, c) for c in found if (p := scoring.prescore(profile, c, stats, now)) is not None]
    first.sort(key=lambda pc: -pc[0])
    finalists = [c for _, c in first[:FINALISTS]] + [
        c for _, c in first[FINALISTS:] if c.by_words or c.tip.id in helped_here
    ]
    retrieval.add_details(session, finalists)
    ids = [c.tip.id for c in finalists if c.tip.id]
    return Shortlist(
        profile=profile,
        finalists=finalists,
        stats=stats,
        vector=embed(profile),
        said=_feedback(session, user, meeting, profile.series, ids),
        learned=learning.influence(session, profile, ids),
        from_briefs=learning.helped_in_briefs(session, ids),
        helped_here=helped_here,
    )


def choose(found: Shortlist | None, params: scoring.Params, size: int) -> list[scoring.Scored]:
    """The best ``size`` finalists under ``params``, best first (pure: no database)."""
    if found is None:
        return []
    scored = [
        s
        for c in found.finalists
        if (known := found.signals(c)) is not None
        and (
            s := scoring.score(
                found.profile,
                c,
                found.vector,
                found.stats,
                found.said,
                params=params,
                learned=found.learned.get(c.tip.id or 0, 0.0),
                helped_in_series=c.tip.id in found.helped_here,
                known=known,  # the votes from briefs are in the signals
            )
        )
        is not None
    ]
    votes = found.feed_votes
    scored.sort(
        key=lambda s: (-s.score, -votes.get(s.candidate.tip.id or 0, 0), s.candidate.tip.id or 0)
    )
    if found.profile.forecast_assumed and not any(_fits_one_on_one(found, s) for s in scored):
        return []  # the pipeline was our guess; with no tip for the 1:1 itself, stay quiet
    return _take_turns(scored, votes)[:size]


def _fits_one_on_one(found: Shortlist, scored: scoring.Scored) -> bool:
    known = found.signals(scored.candidate)
    return known is not None and "kind:one_on_one" in known.contributions


def _take_turns(scored: list[scoring.Scored], votes: dict[int, int]) -> list[scoring.Scored]:
    """Among tips that tie, each account's turn comes round before any account's second.

    "Greaves / Ashworth sync" says nothing but the two names: their tips tie on the
    account prior, and the order of writing would give one account all three places.
    Within a tie, the tip with more votes from the feed goes first. A "this helped" said
    in a brief is not such a vote: it was about one kind of meeting, and ``learning``
    carries it to meetings like that one only (a tip that helped at the Tuesday planning
    must not win every later tie with that customer, the coffee's included).
    """
    seen: dict[tuple[str, ...], int] = {}
    turns: list[int] = []
    for s in scored:
        accounts = tuple(sorted(a.lower() for a in s.candidate.tip.accounts))
        turns.append(seen.get(accounts, 0) if accounts else 0)
        seen[accounts] = turns[-1] + 1
    order = sorted(
        range(len(scored)),
        key=lambda i: (
            -scored[i].score,
            -votes.get(scored[i].candidate.tip.id or 0, 0),
            turns[i],
            i,
        ),
    )
    return [scored[i] for i in order]


def rank(
    session: Session,
    user: User,
    meeting: Meeting,
    *,
    limit: int | None = None,
    params: scoring.Params = scoring.DEFAULT,
) -> list[RankedTip]:
    size = limit if limit is not None else get_settings().brief_size
    kept = choose(shortlist(session, user, meeting), params, size)
    if not kept:
        return []
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
    session: Session,
    user: User,
    meeting: Meeting,
    *,
    limit: int | None = None,
    params: scoring.Params = scoring.DEFAULT,
) -> Brief:
    return Brief(meeting=meeting, tips=rank(session, user, meeting, limit=limit, params=params))
