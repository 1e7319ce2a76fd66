"""Find the few hundred tips worth scoring for a meeting — by index, never by scan.

Three doors, each a bounded index lookup:

1. the customer: ``tip_org`` by registrable domain (or by name key when the
   title names the customer);
2. the kind of meeting: ``tip_facet`` per facet of the meeting, strongest
   first, a share of the budget per facet in proportion to its strength;
3. rare words: the full-text index (``tip_search``, kept by core.fulltext)
   for the meeting's most informative words, OR-ed.

Their union is loaded with the tips' profiles and scored in ``scoring``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import numpy as np
from sqlalchemy import and_, or_
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from core.fulltext import matching_tip_ids
from core.models import (
    RankingTerm,
    Tip,
    TipFacet,
    TipOrg,
    TipOrgName,
    TipProfile,
    TipStatus,
    utcnow,
)
from core.ranking import embedding, lexicon, orgs
from core.ranking.index import DOCS_TERM, FACET_PREFIX
from core.ranking.meeting import MeetingProfile
from core.ranking.text import fold, index_spellings

ACCOUNT_BUDGET = 100
FACET_BUDGET = 120
WORD_BUDGET = 30
MIN_QUERY_FACET = 0.3
MAX_QUERY_WORDS = 6
# The word door asks only for words at most this share of tips use (at least 5 tips):
# rare words are the telling ones, and their posting lists stay short at any size.
RARE_WORD_SHARE = 0.01
TRADES_WORD = 3  # tips for other organisations that use a shorter name as a word
TRADES_WORD_READ = 50


class TipFacts(Protocol):
    """What scoring reads of a tip (a ``Tip`` row, or the narrow ``TipRow`` the brief loads)."""

    id: int | None
    accounts: list[str]
    helpful_count: int
    updated_at: datetime


@dataclass
class TipRow:
    id: int | None
    accounts: list[str]
    helpful_count: int
    updated_at: datetime


@dataclass
class Candidate:
    tip: TipFacts
    facets: dict[str, float]
    terms: set[str] = field(default_factory=set)
    vector: np.ndarray | None = None
    language: str = ""  # its text's (``core.ranking.language``)
    by_words: bool = False  # found through the full-text index
    headline: set[str] = field(default_factory=set)  # folded words of its title and tags


def orgs_named_in(session: Session, keys: set[str], *, short_names: bool = True) -> set[str]:
    """Organisations whose name key, or one of whose shorter names, is one of ``keys``.

    ``keys`` are runs of title words. A shorter name counts only when it is one
    organisation's ("Krause" names spedition-krause.de unless the library also has a
    krause-bau.de), or begins the name of each that has it: "Halden" names
    haldenbank.co.uk and its US arm haldenus.com, one family.
    """
    named = _orgs_where(session, col(TipOrg.name_key), keys)
    if not keys or not short_names:
        return named
    rows: Any = session.execute(
        select_columns(col(TipOrgName.name), col(TipOrgName.org))
        .where(col(TipOrgName.name).in_(sorted(keys)))
        .distinct()
        .limit(100)
    ).all()
    by_name: dict[str, set[str]] = {}
    for name, org in rows:
        by_name.setdefault(name, set()).add(org)
    return named | {
        org
        for name, found in by_name.items()
        if (len(found) == 1 or all(orgs.name_key(o).startswith(name) for o in found))
        and not _the_trades_word(session, name, found)
        for org in found
    }


def _the_trades_word(session: Session, name: str, named: set[str]) -> bool:
    """Whether the team's other tips use a shorter name as an ordinary word.

    A label's words may be the trade's own: "Laser" in kessler-laser.de, for a team that
    sells lasers, stands in a "Laser safety refresher" and in a dozen tips for other
    customers. A word that at least ``TRADES_WORD`` tips not for these organisations use,
    and more of them than of their own, names none of them; a real name ("Kessler") is
    seldom in another customer's tip, and always in its own.
    """
    ids = matching_tip_ids(session, [name], every_word=False, limit=TRADES_WORD_READ)
    if len(ids) < TRADES_WORD:
        return False
    theirs = set(
        session.exec(
            select(TipOrg.tip_id).where(col(TipOrg.tip_id).in_(ids), col(TipOrg.org).in_(named))
        ).all()
    )
    others = len(set(ids) - theirs)
    return others >= TRADES_WORD and others > len(theirs)


def orgs_with_tips(session: Session, units: set[str]) -> set[str]:
    """The organisations of these attendee domains that some tip is written for, for a
    unit of theirs that attends (``orgs.same_account``): customers the team knows."""
    names = {orgs.registrable(u) for u in units}
    if not names:
        return set()
    rows = session.exec(
        select(TipOrg.org).where(_accounts_of(names, units)).distinct().limit(ORGS_READ)
    ).all()
    return set(rows)


def _accounts_of(names: set[str], units: set[str]) -> Any:
    """The ``tip_org`` rows of these organisations written for a unit of theirs that attends.

    Where someone comes from the organisation's own domain, all its tips are. Where only
    units come (``hff.min-saude.pt``), the tips for them, for units under them and for the
    organisation as a whole are; a sibling unit's (``chvt.min-saude.pt``) are not.
    """
    below: dict[str, set[str]] = {}
    for u in units:
        name = orgs.registrable(u)
        if name in names and name not in units:
            below.setdefault(name, set()).add(u)
    whole = names - below.keys()
    clauses: list[Any] = [col(TipOrg.org).in_(sorted(whole))] if whole else []
    for name, parts in sorted(below.items()):
        holding = {"", *(h for u in parts for h in orgs.units_above(u))}
        under = [col(TipOrg.unit).like(f"%.{_escaped(u)}", escape="\\") for u in sorted(parts)]
        clauses.append(
            and_(col(TipOrg.org) == name, or_(col(TipOrg.unit).in_(sorted(holding)), *under))
        )
    return or_(*clauses)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


ORGS_READ = 20  # a meeting's known customers, at most


def _orgs_where(session: Session, column: Any, values: set[str]) -> set[str]:
    """Distinct organisations (at most ORGS_READ) of the tips whose ``column`` is in ``values``."""
    if not values:
        return set()
    rows = session.exec(
        select(TipOrg.org).where(column.in_(sorted(values))).distinct().limit(ORGS_READ)
    ).all()
    return set(rows)


SPECIFIC_SHARE = 0.05  # a facet that at most 5% of tips have is fully specific
# A facet is only "common" once many tips share it: small libraries count as this big.
MIN_LIBRARY = 50
MIN_SPECIFICITY = 0.3


@dataclass
class LibraryStats:
    """What the library says about the meeting's words and facets."""

    idf: dict[str, float]  # word stem → inverse document frequency
    docs: int  # profiled tips
    specificity: dict[str, float]  # facet → 1.0 when rare in the library, down to 0.3 when common
    unused: set[str] = field(default_factory=set)  # meeting words no tip uses


def library_stats(session: Session, terms: list[str], facets: list[str]) -> LibraryStats:
    """IDF of each meeting word, and how specific each meeting facet is, in one lookup.

    A facet most tips share (every tip of a company selling only to hospitals
    is "healthcare") says little about which tip fits; a rare one says a lot.
    """
    keys = [*terms, *(FACET_PREFIX + f for f in facets), DOCS_TERM]
    rows = dict(
        session.exec(
            select(RankingTerm.term, RankingTerm.df).where(col(RankingTerm.term).in_(keys))
        ).all()
    )
    docs = max(rows.get(DOCS_TERM, 0), 1)
    idf = {t: math.log((docs + 1) / (rows.get(t, 0) + 0.5)) for t in terms}
    unused = {t for t in terms if not rows.get(t)}
    full = math.log(1 / SPECIFIC_SHARE)
    specificity = {}
    for facet in facets:
        df = max(rows.get(FACET_PREFIX + facet, 0), 0)
        value = math.log((max(docs, MIN_LIBRARY) + 1) / (df + 1)) / full
        specificity[facet] = min(1.0, max(MIN_SPECIFICITY, value))
    return LibraryStats(idf=idf, docs=docs, specificity=specificity, unused=unused)


def _account_ids(session: Session, profile: MeetingProfile) -> list[int]:
    if not profile.orgs:
        return []
    rows = session.exec(
        select(TipOrg.tip_id)
        .where(_accounts_of(profile.orgs, profile.units))
        .order_by(col(TipOrg.tip_id).desc())
        .limit(ACCOUNT_BUDGET)
    ).all()
    return list(rows)


def _facet_ids(session: Session, profile: MeetingProfile) -> list[int]:
    wanted = {
        name: strength * lexicon.GROUP_WEIGHT.get(lexicon.BY_NAME[name].group, 0.0)
        for name, strength in profile.facets.items()
        if strength >= MIN_QUERY_FACET
    }
    total = sum(wanted.values())
    ids: list[int] = []
    for name, weight in sorted(wanted.items(), key=lambda kv: -kv[1]):
        if weight <= 0:
            continue
        share = max(20, int(FACET_BUDGET * weight / total))
        ids.extend(
            session.exec(
                select(TipFacet.tip_id)
                .where(TipFacet.facet == name)
                .order_by(col(TipFacet.weight).desc(), col(TipFacet.tip_id).desc())
                .limit(share)
            ).all()
        )
    return ids


def _word_ids(session: Session, stats: LibraryStats, words: dict[str, str]) -> list[int]:
    """Tips sharing the meeting's rarest words, through the library's full-text index.

    Only words some tip uses take the query's few places: a place name or a date no tip
    mentions is the rarest word of all and would find nothing.
    """
    rare = math.log((stats.docs + 1) / (max(5.0, RARE_WORD_SHARE * stats.docs) + 0.5))
    weights = {t: w for t, w in stats.idf.items() if t not in stats.unused}
    informative = sorted(weights, key=lambda t: -weights[t])[:MAX_QUERY_WORDS]
    query_words = [
        spelling
        for t in informative
        if t in words and weights[t] >= rare
        for spelling in index_spellings(words[t])
    ]
    if not query_words:
        return []
    return matching_tip_ids(session, query_words, every_word=False, limit=WORD_BUDGET)


def candidates(
    session: Session,
    profile: MeetingProfile,
    stats: LibraryStats,
    extra_ids: list[int] | None = None,
) -> list[Candidate]:
    """Active tips through the three doors (and ``extra_ids``: tips the team found helpful in
    this series), with their facets (words and vectors come later)."""
    by_words = set(_word_ids(session, stats, profile.words_by_term))
    ids = by_words | set(_account_ids(session, profile)) | set(_facet_ids(session, profile))
    ids |= set(extra_ids or ())
    if not ids:
        return []
    rows: Any = session.execute(
        select_columns(
            col(Tip.id),
            col(Tip.accounts),
            col(Tip.helpful_count),
            col(Tip.updated_at),
            col(TipProfile.facets),
        )
        .join(TipProfile, col(TipProfile.tip_id) == Tip.id)
        .where(col(Tip.id).in_(sorted(ids)))
        .where(col(Tip.status) == TipStatus.active)
        # Unverified for twice its review interval: out of briefs until verified.
        .where(or_(col(Tip.retires_at).is_(None), col(Tip.retires_at) > utcnow()))
    ).all()
    return [
        Candidate(
            tip=TipRow(
                id=tip_id, accounts=accounts or [], helpful_count=helpful, updated_at=updated
            ),
            facets=facets or {},
            by_words=tip_id in by_words,
        )
        for tip_id, accounts, helpful, updated, facets in rows
    ]


def add_details(session: Session, found: list[Candidate]) -> None:
    """Load word stems, embeddings and headlines for the candidates that survived the first cut."""
    by_id = {c.tip.id: c for c in found}
    if not by_id:
        return
    rows: Any = session.execute(
        select_columns(
            col(TipProfile.tip_id),
            col(TipProfile.terms),
            col(TipProfile.vector),
            col(TipProfile.language),
            col(Tip.title),
            col(Tip.tags),
        )
        .join(Tip, col(Tip.id) == TipProfile.tip_id)
        .where(col(TipProfile.tip_id).in_(sorted(i for i in by_id if i is not None)))
    ).all()
    for tip_id, terms, vector, language, title, tags in rows:
        candidate = by_id[tip_id]
        candidate.terms = set(terms or ())
        candidate.vector = embedding.from_bytes(vector)
        candidate.language = language or ""
        candidate.headline = set(fold(" ".join([title or "", *(tags or [])])).split())
