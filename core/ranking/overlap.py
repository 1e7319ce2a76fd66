"""What words a tip shares with a meeting: its title, its informative words, the customer's name.

The lexical half of ``scoring``: shares of the meeting's IDF mass a tip's words cover,
and which shared word is worth naming as a reason. Pure functions over the profiles.
"""

from __future__ import annotations

import math
from functools import lru_cache

from core.ranking import lexicon, orgs
from core.ranking.meeting import MeetingProfile
from core.ranking.retrieval import LibraryStats
from core.ranking.text import content_terms


def headline_overlap(profile: MeetingProfile, headline: set[str], idf: dict[str, float]) -> float:
    """Share of the meeting title's informative words (by IDF) the tip's title or tags use."""
    title = [t for t, w in profile.term_weights.items() if w >= 1.0 and t in profile.terms]
    mass = sum(idf.get(t, 0.0) for t in title)
    if mass <= 0 or not headline:
        return 0.0
    heads = {t for word in headline for t in word_terms(word)}
    return sum(idf.get(t, 0.0) for t in title if t in heads) / mass


def names_customer(profile: MeetingProfile, headline: set[str], stats: LibraryStats) -> str:
    """The attending organisation's name as a tip without accounts heads with it, or "".

    People often title a tip "Haldane visits" or tag it "AgriNav" and leave its
    accounts empty. Only the name itself counts, as written in the tip's title or
    tags (a name is not inflected, so no stemming: "Praxisplan" is not "Praxisplanung"),
    and only a word of it that names no kind of thing: the lexicon reads nothing in it
    and few of the library's tips use it ("Haldane" in haldane-tractors.co.uk, not
    "tractors").
    """
    for org in sorted(profile.orgs):
        for word in sorted(proper_names(org) & headline):
            if any(telling(stats, term) for term in word_terms(word)):
                return word
    return ""


@lru_cache(maxsize=20_000)
def proper_names(org: str) -> frozenset[str]:
    """The organisation's name key and label words that name no kind of thing: at least
    ``orgs.MIN_SHORT_NAME`` letters, and nothing the lexicon reads ("Haldane" of
    haldane-tractors.co.uk, not "tractors").

    Cached: a brief asks it for each candidate tip, and a scan of the whole lexicon per
    word was a seventh of a brief's time (docs/ranking.md, "Speed")."""
    return frozenset(
        word
        for word in {orgs.name_key(org), *orgs.name_words(org).split()}
        if len(word) >= orgs.MIN_SHORT_NAME and not lexicon.facet_hits(word)
    )


@lru_cache(maxsize=50_000)
def word_terms(word: str) -> tuple[str, ...]:
    """``content_terms`` of one word of a tip's title or tags, cached: the same few hundred
    words come back in every brief."""
    return tuple(content_terms(word))


def telling(stats: LibraryStats, term: str) -> bool:
    """A word worth naming as a reason: used by at most a tenth of the library."""
    df = (stats.docs + 1) / math.exp(stats.idf.get(term, 0.0)) - 0.5
    return df <= max(1.0, 0.1 * stats.docs)


def stem_of(profile: MeetingProfile, word: str) -> str:
    return next((t for t, w in profile.words_by_term.items() if w == word), word)


def word_overlap(
    profile: MeetingProfile, terms: set[str], idf: dict[str, float], *, with_names: bool = False
) -> tuple[float, str]:
    """Share of the meeting's weighted IDF mass the tip's words cover, and its best shared word.

    Title words weigh 1.0, description 0.7, location 0.4; the customer's own name
    is left out (the customer signal covers it).
    """

    def weight(term: str) -> float:
        return idf.get(term, 0.0) * profile.term_weights.get(term, 1.0)

    counted = [*profile.terms, *(profile.name_terms if with_names else ())]
    mass = sum(weight(t) for t in counted)
    if mass <= 0:
        return 0.0, ""
    shared = [t for t in counted if t in terms]
    if not shared:
        return 0.0, ""
    best = max(shared, key=weight)
    covered = sum(weight(t) for t in shared)
    return covered / mass, profile.words_by_term.get(best, best)
