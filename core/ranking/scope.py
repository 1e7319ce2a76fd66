"""Which generic tips may be shown in a meeting at all, whatever they share with it.

A tip for a kind of meeting held among colleagues (a forecast review, a one-on-one) is not
for a meeting with a customer; a meeting among colleagues that names no customer gets
generic tips only for such an internal kind, or for a kind the seller holds without the
customer (a trade fair, a tender). ``scoring`` asks before it weighs anything.
"""

from __future__ import annotations

from core.ranking import lexicon
from core.ranking.meeting import MeetingProfile

CLEAR_KIND = 0.8
# Kinds of meeting held among colleagues (lexicon.INTERNAL_KINDS): a tip for one of them is
# not for a customer meeting, and a meeting among colleagues gets generic tips only for one.
INTERNAL_KINDS = lexicon.INTERNAL_KINDS
# Kinds a seller's calendar holds without the customer invited (a trade-fair booth shift, a
# bid review: tenders are answered in writing; the deal desk that approves a discount): a
# meeting among colleagues may get their tips, and a customer meeting may too.
UNINVITED_KINDS = INTERNAL_KINDS | {"kind:event", "kind:tender", "kind:deal_desk"}
INTERNAL_KIND_MIN = 0.5
# The one kind among colleagues whose word names work with customers too: one plans a
# kitchen, a practice or a peak season *with* the customer ("Planungsgespräch Neubau").
# A forecast, a 1:1, a team meeting or an interview with outsiders is not ours.
PLANNING = "kind:planning"
WITH_CUSTOMERS_TOO = frozenset({PLANNING})
# A bid review is about a tender by nature: its tip's tender words say what it reviews, not
# that it is for the customer's tender meetings; and the review's own agenda is the tender,
# so in its room the tender's tips fit too (it is no routine meeting, below).
BID_REVIEW = "kind:bid_review"
# Meetings among colleagues whose agenda may name any other kind: only their own kind's
# tips fit there.
ROUTINE_INTERNAL_KINDS = lexicon.ROUTINE_INTERNAL_KINDS


def kinds(facets: dict[str, float]) -> dict[str, float]:
    return {n: s for n, s in facets.items() if n.startswith("kind:")}


def in_scope(profile: MeetingProfile, facets: dict[str, float]) -> bool:
    """Whether a generic tip may be shown at all, whatever it shares with the meeting.

    A tip for a kind of meeting held among colleagues (forecast review, one-on-one)
    is not for a meeting with someone from outside (a planning tip is, when the meeting
    says it plans something too: ``WITH_CUSTOMERS_TOO``); a meeting among colleagues
    that names no customer gets generic tips only for such an internal kind, unless it
    says it prepares something ("Prep: renewal call", "Vorbereitung Präsentation").
    """
    tip_kinds = kinds(facets)
    if tip_kinds.get(BID_REVIEW, 0.0) >= CLEAR_KIND:
        tip_kinds.pop("kind:tender", None)
    main = max(tip_kinds, key=lambda n: tip_kinds[n], default="")
    if profile.external:
        if main in INTERNAL_KINDS and tip_kinds[main] >= CLEAR_KIND:
            # ... unless the meeting says it is that too: "Peak planning" with the client.
            named = profile.named_internal.get(main, 0.0)
            return main in WITH_CUSTOMERS_TOO and named >= INTERNAL_KIND_MIN
        return True
    if profile.orgs or profile.preparing:  # among colleagues, about a customer or preparing
        return True
    # A team meeting (or a 1:1) whose agenda names the trade fair or a tender is still a
    # team meeting: only its own kind's tips fit, not the booth shift's. Planning alone is
    # different: it plans something, and a fair's or a tender's planning is about that.
    routine = {n for n in ROUTINE_INTERNAL_KINDS if profile.facets.get(n, 0.0) >= CLEAR_KIND}
    if routine == {PLANNING} and any(
        profile.facets.get(n, 0.0) >= CLEAR_KIND for n in UNINVITED_KINDS - INTERNAL_KINDS
    ):
        routine = set()  # "Trade fair: booth & meeting planning" plans the fair
    clearly_internal = bool(routine)
    return any(
        profile.facets.get(name, 0.0) >= INTERNAL_KIND_MIN
        and tip_kinds.get(name, 0.0) >= INTERNAL_KIND_MIN
        for name in (INTERNAL_KINDS if clearly_internal else UNINVITED_KINDS)
    )
