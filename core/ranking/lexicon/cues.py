"""How the lexicon's cues are written and matched: one compiled pattern per facet.

Cues are matched against ``text.fold``-ed text:

- ``word``   the word, or the word plus a common English/German ending
             (``demo`` matches "demos", ``vertrag`` "vertrages")
- ``word=``  exactly that word
- ``word*``  any word starting with it (``negotiat*``)
- ``*word``  a word ending in it, i.e. the head of a German compound
             (``*verhandlung`` matches "preisverhandlung")
- ``*word*`` a word containing it
- ``?``      any one letter or digit standing alone (``terminal= ?``: "Terminal 2",
             "Terminal B")
- several words: each word by the rules above, in sequence
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from core.ranking.text import fold

_ENDINGS = r"(?:s|es|e|en|n|er|ern|ing|ed|ung|ungen)?"


@dataclass(frozen=True)
class Facet:
    name: str  # "kind:negotiation": the group before the colon
    label: str  # how a reason names it: "price negotiation"
    cues: tuple[str, ...]
    # Phrases whose words are not this facet's cue there: a "works council" is no council.
    unless: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        return self.name.split(":", 1)[0]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return _any_cue(self.cues)

    @cached_property
    def mask(self) -> re.Pattern[str] | None:
        return _any_cue(self.unless) if self.unless else None


def _word_regex(word: str) -> str:
    if word == "?":
        return "[a-z0-9]"
    exact = word.endswith("=")
    core = word.strip("*=")
    body = re.escape(core)
    if word.startswith("*"):
        body = r"[a-z0-9]*" + body
    if word.endswith("*"):
        return body + r"[a-z0-9]*"
    return body if exact else body + _ENDINGS


def _cue_regex(cue: str) -> str:
    return " ".join(_word_regex(w) for w in cue.split())


def _any_cue(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a facet's cues, whole words only.

    The word boundaries stand outside the alternation, not in each cue: the regex engine
    then rejects a position inside a word once instead of once per cue, which makes a
    facet of a few hundred cues about twenty times faster to scan (same matches).
    """
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(_cue_regex, cues)) + r")(?![a-z0-9])")


def facet(name: str, label: str, cues: str, unless: str = "") -> Facet:
    """A facet from comma-separated cue lists, as the lexicon's tables write them.

    A cue fold() could never match is an error: a comment or a quote slipped into a
    table's string, or an unfolded "ä", would otherwise add words as cues (or match
    nothing) without a word said.
    """
    found = Facet(name, label, split_cues(cues), split_cues(unless))
    bad = [c for c in found.cues + found.unless if not _CUE.fullmatch(c)]
    if bad:
        raise ValueError(f"{name}: cues fold() cannot match: {bad}")
    return found


# What a cue may hold: folded words (as ``text.fold`` writes them) and the marks above.
_CUE = re.compile(r"[a-z0-9*=?\s]+")


def split_cues(cues: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in cues.split(",") if c.strip())


def fold_cue(cue: str) -> str:
    """A cue written in its language's own spelling, folded as ``fold`` folds text, its
    ``*`` and ``=`` markers kept: "obnova ugovora" stays, "ανανέωσ*" becomes "ananeos*"."""
    out = []
    for word in cue.split():
        head = "*" if word.startswith("*") else ""
        tail = word[-1] if word[-1] in "*=" else ""
        out.append(head + fold(word.strip("*=")) + tail)
    return " ".join(out)


def language_table(cues: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """A language's table as ``with_cues`` reads it: facet name → its cues, each folded."""
    return {name: tuple(fold_cue(cue) for cue in split_cues(text)) for name, text in cues.items()}


def with_cues(
    facets: tuple[Facet, ...], *tables: Mapping[str, tuple[str, ...]]
) -> tuple[Facet, ...]:
    """The facets with each table's cues (facet name → folded cues) added to their own.

    The languages kept in tables of their own (``alphabets``, ``south_slavic``, ``turkish``,
    ``icelandic``, ``baltic``, ``bulgarian``)
    join the facets this way, so each facet stays one pattern whatever language names it.
    """
    unknown = {name for table in tables for name in table} - {f.name for f in facets}
    if unknown:
        raise ValueError(f"cues for facets that do not exist: {sorted(unknown)}")
    return tuple(
        replace(facet, cues=facet.cues + tuple(c for t in tables for c in t.get(facet.name, ())))
        for facet in facets
    )
