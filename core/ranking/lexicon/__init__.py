"""A general lexicon of meeting facets in English and German; Dutch, Nordic, French,
Italian, Spanish, Portuguese, Polish, Czech, Slovak, Finnish, Estonian, Hungarian,
Romanian, Croatian, Serbian, Slovenian, Greek, Russian and Bulgarian for the commonest.

A *facet* is one thing a meeting can be about and a tip can be for: a kind of
meeting (first call, price negotiation, renewal, installation, forecast
review, one-on-one …), a topic (pricing, competition, budget), who attends
(finance, IT, legal, clinicians …), the customer's industry (healthcare,
public sector …), the setting (in person) — and, on the meeting side only,
things that are not work at all (personal errands, travel, focus blocks).

The list is written from general knowledge of how B2B sales, service and
internal sales meetings are named, across industries, not from any data set:
see docs/ranking.md. The tables are in ``kinds`` (kinds of meeting), ``topics``,
``context`` (roles, industries, setting), ``offwork`` (what is not work), ``alphabets``
(Greek and Cyrillic cues, spelled in Latin letters as every text is), ``south_slavic``
(Croatian, Serbian and Slovenian), ``turkish``, ``icelandic`` (Icelandic and Faroese),
``baltic`` (Latvian and Lithuanian) and ``bulgarian``; ``cues`` says how a cue is written and
matched. This module joins them and scans text for them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import TypeVar

from core.ranking.lexicon import alphabets, baltic, bulgarian, icelandic, south_slavic, turkish
from core.ranking.lexicon.context import CONTEXT
from core.ranking.lexicon.cues import Facet, with_cues
from core.ranking.lexicon.kinds import KINDS
from core.ranking.lexicon.offwork import NOT_WORK

_V = TypeVar("_V")

# Group weights: how much a shared facet of each group says about fit.
GROUP_WEIGHT = {
    "kind": 1.0,
    "topic": 0.7,
    "role": 0.8,
    "industry": 0.9,
    "setting": 0.7,
}

FACETS: tuple[Facet, ...] = with_cues(
    (*KINDS, *CONTEXT, *NOT_WORK),
    alphabets.CUES,
    south_slavic.CUES,
    turkish.CUES,
    icelandic.CUES,
    baltic.CUES,
    bulgarian.CUES,
)

BY_NAME = {facet.name: facet for facet in FACETS}
# Kinds of meeting held among colleagues. With someone from outside in the room they are not
# what the meeting is: a "jour fixe" or "weekly sync" with a customer is a customer meeting.
# The routine ones may name any other kind on their agenda ("Teamrunde: Messe, Ausschreibung
# Klinikum") and stay what they are; a bid review's agenda is always some tender.
ROUTINE_INTERNAL_KINDS = frozenset(
    {"kind:forecast", "kind:one_on_one", "kind:team", "kind:planning", "kind:interview"}
)
INTERNAL_KINDS = ROUTINE_INTERNAL_KINDS | {"kind:bid_review"}
WORK_GROUPS = frozenset(GROUP_WEIGHT)


def of_groups(facets: Mapping[str, _V], groups: frozenset[str]) -> dict[str, _V]:
    """The facets (or hit counts) whose group is one of ``groups``: ``WORK_GROUPS`` drops
    the off-work and internal markers that only decide whether a meeting is work."""
    return {name: value for name, value in facets.items() if BY_NAME[name].group in groups}


def facet_hits(folded_text: str) -> dict[str, int]:
    """How often each facet's cues occur in already folded text."""
    return facet_hits_per_field([folded_text])[0]


def facet_hits_per_field(folded_texts: list[str]) -> list[dict[str, int]]:
    """``facet_hits`` for several fields at once: one scan per facet over all of them."""
    joined = " | ".join(folded_texts)
    starts = []
    offset = 0
    for text in folded_texts:
        starts.append(offset)
        offset += len(text) + 3
    out: list[dict[str, int]] = [{} for _ in folded_texts]
    if not joined.strip(" |"):
        return out
    for facet in FACETS:
        text = joined
        if facet.mask is not None:  # blank out the phrases that only look like a cue
            text = facet.mask.sub(lambda m: " " * len(m.group()), joined)
        for match in facet.pattern.finditer(text):
            field = bisect_right(starts, match.start()) - 1
            hits = out[field]
            hits[facet.name] = hits.get(facet.name, 0) + 1
    return out


def combine(fields: list[tuple[dict[str, int], float]]) -> dict[str, float]:
    """Facet strengths in [0, 1] from hit counts per field and each field's weight.

    Each hit is independent evidence: strength = 1 - Π (1 - weight)^hits, so one
    tag says more than one mention in a long body, and repeats add up slowly.
    """
    missing: dict[str, float] = {}
    for hits, weight in fields:
        for name, count in hits.items():
            missing[name] = missing.get(name, 1.0) * (1.0 - weight) ** min(count, 3)
    return {name: round(1.0 - rest, 3) for name, rest in missing.items() if rest < 1.0}
