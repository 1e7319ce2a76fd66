"""Score one candidate tip for one meeting, with the reasons in words.

score = customer + kind fit + word overlap + meaning + people + quality - mismatches

- customer: a tip for one of the meeting's organisations starts ahead; a tip
  for any *other* organisation is never shown (no leaks between accounts);
- kind fit: Σ over shared facets of group weight x meeting strength x tip strength;
- word overlap: the share of the meeting's informative words (by IDF) the tip uses
  (``core.ranking.overlap``);
- meaning: cosine similarity of the multilingual sentence embeddings above a floor;
- people: an account tip that names someone from outside who attends;
- quality: helpful votes (log-damped), a little for freshness, and the user's own
  "did not help" feedback against it;
- mismatches: a generic tip written for one industry in a meeting that shows no sign
  of it; an in-person tip (parking, entrances) for a meeting held on a call.

A generic tip needs enough evidence of fit (``MIN_EVIDENCE``) to be shown at all;
an account tip needs only not to contradict the meeting. See docs/ranking.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from core.models.base import utcnow
from core.ranking import language, lexicon, orgs
from core.ranking.meeting import MeetingProfile
from core.ranking.org_kinds import GROUPS as ORG_KIND_GROUPS  # what kind the customer is
from core.ranking.overlap import headline_overlap, names_customer, stem_of, telling, word_overlap
from core.ranking.retrieval import Candidate, LibraryStats
from core.ranking.scope import CLEAR_KIND, in_scope, kinds

ACCOUNT_PRIOR = 0.4
WORD_WEIGHT = 1.0
MEANING_FLOOR = 0.15
INDUSTRY_MISMATCH = 0.6
ONSITE_ON_CALL = 0.9
ONSITE_ELSEWHERE = 0.9  # an account's in-person tip when the meeting is at another customer's
ONSITE_UNKNOWN = 0.3
NAMED_ONSITE = 0.5  # what is left of those two when an account tip names someone who attends
KIND_CONFLICT = 0.3  # the tip is clearly about another kind of meeting than this one
FRESH_DAYS = 365
MAX_REASON_FACETS = 2
TEAM_REASON = "your team found this helpful in similar meetings"
HEADLINE_REASON = 0.3  # the meeting title's words in the tip's title or tags worth saying so
HEADLINE_REASON_TEXT = "titled like this meeting"
SIMILAR_TOPIC = 0.2  # meaning points enough to say "similar topic"
# What an account tip that shares only its customer with a meeting of a clear kind gives up
# (``_only_the_customer``): the same figures from 0.1 to 0.25 (docs/ranking.md).
ONLY_THE_CUSTOMER = 0.15


@dataclass(frozen=True)
class Params:
    """The few numbers ``tipoff eval`` fits leave-one-set-out (see docs/ranking.md).

    The defaults are the values fitted on all sets at hand; each set's quoted
    figure comes from values fitted on the other sets only.
    """

    meaning_weight: float = 2.0
    min_evidence: float = 0.45  # generic tips: kind fit + words + meaning must reach this
    min_score: float = 0.3  # any tip: the final score must reach this
    learned_weight: float = 0.5  # the team's feedback, at most this many points up or down
    named_weight: float = 0.2  # an account tip that names someone who attends
    headline_weight: float = 1.0  # the meeting title's words in the tip's title or tags


DEFAULT = Params()


@dataclass
class Scored:
    candidate: Candidate
    score: float
    reasons: list[str] = field(default_factory=list)


def _age_penalty(updated: datetime, now: datetime) -> float:
    years = max(0.0, (now - updated).days - FRESH_DAYS) / 365.0
    return min(0.2, 0.05 * years)


@dataclass(frozen=True)
class Signals:
    """What a candidate shares with a meeting, before any ``Params`` weigh it.

    Computing these is the costly part of scoring (facets, words, the embedding);
    ``tipoff eval`` weighs the same signals under every grid point, so ``choose`` keeps
    them per finalist.
    """

    prior: float  # the account prior, for the account's tips and tips naming the customer
    reasons: list[str]  # "for acme.com", "names Haldane"
    naming: bool
    fit: float
    contributions: dict[str, float]
    plain_fit: float  # without specificity: whether a tip fits, not how well
    mismatch: float
    overlap: float
    shared_word: str
    headline: float
    similarity: float
    people: bool  # an account tip that names someone who attends
    quality: float  # votes (those cast from the feed) minus age
    helpful: int
    said_not_here: bool  # the person said "not for this meeting"


def signals(
    profile: MeetingProfile,
    candidate: Candidate,
    meeting_vector: np.ndarray,
    stats: LibraryStats,
    feedback: dict[int, tuple[bool, bool]],
    now: datetime | None = None,
    *,
    votes_from_briefs: int = 0,
) -> Signals | None:
    """The candidate's signals for this meeting, or None when its scope rules it out."""
    tip = candidate.tip
    reasons: list[str] = []
    prior = 0.0
    if tip.accounts:
        shared = _shared_orgs(profile, tip.accounts)
        partner = profile.partner_tips.get(tip.id or 0, "")
        if not (shared or partner):
            return None  # a tip for another account is never shown
        prior = ACCOUNT_PRIOR
        reasons.extend(
            f"for {a.lower()}" for a in tip.accounts if partner or orgs.registrable(a) in shared
        )
        if partner and not shared:  # it names a partner who attends (``naming.partner_tips``)
            reasons.append(f"names {partner.capitalize()}")
    elif not in_scope(profile, candidate.facets):
        return None
    # A tip that names the customer is about the customer, account set or not.
    naming = "" if tip.accounts else names_customer(profile, candidate.headline, stats)
    if naming:
        prior = ACCOUNT_PRIOR
        reasons.append(f"names {naming.capitalize()}")
    facets = _fit_facets(profile, tip.accounts)
    fit, contributions = facet_fit(facets, candidate.facets, stats.specificity)
    # The customer's name is the customer signal's business for account tips; for other
    # tips it may still say what kind of customer this is ("Praxis", "Brauerei", "City of").
    overlap, shared_word = word_overlap(
        profile, candidate.terms, stats.idf, with_names=not tip.accounts
    )
    vector = candidate.vector
    cosine = float(np.dot(meeting_vector, vector)) if vector is not None else 0.0
    helpful = max(tip.helpful_count, 0)
    said = feedback.get(tip.id or 0)
    # "Herr Krause decides every purchase" is about this meeting when Herr Krause attends.
    people = bool(tip.accounts and profile.people & candidate.terms)
    return Signals(
        prior=prior,
        reasons=reasons,
        naming=bool(naming),
        fit=fit,
        contributions=contributions,
        # Whether a tip fits at all does not depend on how common its facets are in the
        # library; specificity only orders the tips that do.
        plain_fit=facet_fit(facets, candidate.facets, {})[0],
        mismatch=mismatches(
            profile,
            candidate,
            generic=not tip.accounts,
            names_attendee=people,
            specificity=stats.specificity,
        ),
        overlap=overlap,
        shared_word=shared_word,
        headline=headline_overlap(profile, candidate.headline, stats.idf),
        similarity=language.likeness(cosine, profile.language, candidate.language),
        people=people,
        # A "this helped" from a brief counts through ``learned``, in meetings like that one.
        quality=min(0.3, 0.1 * math.log1p(max(0, helpful - votes_from_briefs)))
        - _age_penalty(tip.updated_at, now or utcnow()),
        helpful=helpful,
        # Elsewhere ``learning`` weighs it; here it is the person's word.
        said_not_here=said is not None and not said[0] and said[1],
    )


def score(
    profile: MeetingProfile,
    candidate: Candidate,
    meeting_vector: np.ndarray,
    stats: LibraryStats,
    feedback: dict[int, tuple[bool, bool]],
    now: datetime | None = None,
    *,
    params: Params = DEFAULT,
    learned: float = 0.0,
    helped_in_series: bool = False,
    votes_from_briefs: int = 0,
    known: Signals | None = None,
) -> Scored | None:
    """The candidate's score and reasons, or None when it must not be shown.

    ``learned`` is the team's feedback for this tip in similar meetings, in
    [-1, 1] (``core.ranking.learning``); ``helped_in_series``: someone found it helpful in
    this very series, which is evidence enough that it fits; ``votes_from_briefs``: how
    many of its helpful votes were a "this helped" in a brief (``learned`` weighs those).
    ``known``: the candidate's ``signals`` for this meeting, when already computed.
    """
    sig = known or signals(
        profile, candidate, meeting_vector, stats, feedback, now,
        votes_from_briefs=votes_from_briefs,
    )  # fmt: skip
    if sig is None or sig.said_not_here:
        return None  # out of scope, or the person said "not for this meeting"
    overlap = sig.overlap + params.headline_weight * sig.headline
    meaning = params.meaning_weight * max(0.0, sig.similarity - MEANING_FLOOR)
    team = params.learned_weight * learned
    evidence = sig.plain_fit + WORD_WEIGHT * overlap + meaning + max(0.0, team)
    generic = not candidate.tip.accounts
    if generic and not sig.naming and not helped_in_series and evidence < params.min_evidence:
        return None
    named = sig.people and params.named_weight > 0
    total = sig.prior + sig.fit + WORD_WEIGHT * overlap + meaning - sig.mismatch + team
    if _only_the_customer(profile, candidate, sig, overlap, meaning):
        # It yields its place to tips for what the meeting is, but is not dropped for it.
        total = max(total - ONLY_THE_CUSTOMER, min(total, params.min_score))
    total += (params.named_weight if named else 0.0) + sig.quality
    if total < params.min_score and not helped_in_series:  # someone said so in this series
        return None

    reasons = list(sig.reasons)
    ranked = sorted(sig.contributions.items(), key=lambda kv: -kv[1])
    reasons.extend(lexicon.BY_NAME[name].label for name, _ in ranked[:MAX_REASON_FACETS])
    if params.headline_weight * sig.headline >= HEADLINE_REASON:
        reasons.append(HEADLINE_REASON_TEXT)
    word = sig.shared_word
    if word and overlap >= 0.15 and telling(stats, stem_of(profile, word)):
        reasons.append(f'mentions "{word}"')
    if named:
        reasons.append("names someone who attends")
    if not sig.contributions and meaning >= SIMILAR_TOPIC:
        reasons.append("similar topic")
    if team >= 0.1:
        reasons.append(TEAM_REASON)
    if sig.helpful:
        reasons.append(f"helped {sig.helpful} colleague{'s' if sig.helpful != 1 else ''}")
    return Scored(candidate=candidate, score=round(total, 4), reasons=reasons)


def _only_the_customer(
    profile: MeetingProfile, candidate: Candidate, sig: Signals, overlap: float, meaning: float
) -> bool:
    """An account tip that shares nothing with a meeting that says clearly what it is.

    No kind or topic, no word, no likeness of meaning: only the customer. In a price
    negotiation with a customer, its tip about the yard gate's hours ranks below the
    negotiation tips, and at a "Betriebsbesichtigung" its unrelated tip ranks below the tips
    for a visit (a title that says "visit" is as clear as a kind); in a bare "Catch-up"
    nothing says what the meeting is, and the account's tips lead as before
    (docs/ranking.md).
    """
    return (
        bool(candidate.tip.accounts)
        and not sig.contributions
        and overlap == 0
        and meaning < SIMILAR_TOPIC
        and (
            any(s >= CLEAR_KIND for s in kinds(profile.facets).values())
            or profile.facets.get("setting:onsite", 0.0) >= CLEAR_KIND
        )
    )


def _fit_facets(profile: MeetingProfile, accounts: list[str]) -> dict[str, float]:
    """The meeting's facets an account tip may fit on: not what kind of customer it is.

    Every tip for a hospital says "hospital"; that is the account prior's business, and
    counting it again would rank the account's tender tip above a training tip in a training.
    """
    if not accounts:
        return profile.facets
    return {n: s for n, s in profile.facets.items() if not n.startswith(ORG_KIND_GROUPS)}


def _shared_orgs(profile: MeetingProfile, accounts: list[str]) -> set[str]:
    """The meeting's organisations the tip is written for, for a unit of theirs that
    attends: a tip for one hospital of a shared domain is not another's."""
    shared = set()
    for account in accounts:
        org = orgs.registrable(account)
        if org not in profile.orgs:
            continue
        units = [u for u in profile.units if orgs.registrable(u) == org]
        if not units or any(orgs.same_account(account, u) for u in units):
            shared.add(org)
    return shared


def prescore(
    profile: MeetingProfile, candidate: Candidate, stats: LibraryStats, now: datetime
) -> float | None:
    """The cheap part of ``score`` (no words, no embedding), to pick what is worth finishing."""
    tip = candidate.tip
    partner = (tip.id or 0) in profile.partner_tips
    if tip.accounts and not (partner or _shared_orgs(profile, tip.accounts)):
        return None
    if not tip.accounts and not in_scope(profile, candidate.facets):
        return None
    fit, _ = facet_fit(_fit_facets(profile, tip.accounts), candidate.facets, stats.specificity)
    total = (ACCOUNT_PRIOR if tip.accounts else 0.0) + fit
    total -= mismatches(profile, candidate, generic=not tip.accounts, specificity=stats.specificity)
    return (
        total
        + min(0.3, 0.1 * math.log1p(max(tip.helpful_count, 0)))
        - _age_penalty(tip.updated_at, now)
    )


def facet_fit(
    meeting: dict[str, float], tip: dict[str, float], specificity: dict[str, float]
) -> tuple[float, dict[str, float]]:
    """Σ group weight x meeting strength x tip strength x specificity over shared facets.

    A tip's secondary kinds count in proportion to its main one: a renewal tip
    that mentions a "re-onboarding plan" is not a kickoff tip.
    """
    main_kind = max(kinds(tip).values(), default=1.0)
    contributions: dict[str, float] = {}
    for name, strength in meeting.items():
        other = tip.get(name)
        if other:
            if name.startswith("kind:"):
                other = other * other / main_kind
            weight = lexicon.GROUP_WEIGHT.get(lexicon.BY_NAME[name].group, 0.0)
            contributions[name] = weight * strength * other * specificity.get(name, 1.0)
    return sum(contributions.values()), contributions


def mismatches(
    profile: MeetingProfile,
    candidate: Candidate,
    *,
    generic: bool,
    names_attendee: bool = False,
    specificity: Mapping[str, float] | None = None,
) -> float:
    """What speaks against the tip here: another kind of meeting, another industry, a visit.

    An account tip that names someone who attends is about that person wherever one meets
    them: "Elin runs the lab; she remembers every late service visit" is for the call too.
    An industry most of the library's tips share is the seller's market, not another
    customer's trade: its penalty shrinks with its ``specificity``, as its fit does.
    """
    penalty = 0.0
    visit_share = NAMED_ONSITE if names_attendee else 1.0
    meeting_kinds = {n for n, s in kinds(profile.facets).items() if s >= 0.5}
    tip_kinds = kinds(candidate.facets)
    if generic and meeting_kinds and tip_kinds:
        main = max(tip_kinds, key=lambda n: tip_kinds[n])
        clear = tip_kinds[main]
        if clear >= CLEAR_KIND and main not in meeting_kinds:
            penalty += KIND_CONFLICT * clear
    for name, strength in candidate.facets.items():
        group = lexicon.BY_NAME[name].group if name in lexicon.BY_NAME else ""
        if generic and group == "industry" and strength >= 0.5:
            if profile.facets.get(name, 0.0) < 0.3:
                common = specificity.get(name, 1.0) if specificity else 1.0
                penalty += INDUSTRY_MISMATCH * strength * common
        elif name == "setting:onsite" and strength >= 0.5:
            elsewhere = profile.venue_orgs and not (
                {orgs.registrable(a) for a in candidate.tip.accounts} & profile.venue_orgs
            )
            if candidate.tip.accounts and elsewhere:
                penalty += ONSITE_ELSEWHERE * strength
            elif profile.setting == "virtual":
                penalty += ONSITE_ON_CALL * strength * visit_share
            elif profile.setting == "unknown":
                penalty += ONSITE_UNKNOWN * strength * visit_share
    return penalty
