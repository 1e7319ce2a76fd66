"""Keep the ranking's view of each tip current: called whenever a tip is written.

``tip_changed`` runs inside the same unit of work as the write (from
``core.tips.service``), so a tip is briefable the moment it is committed and
the profile can never describe an older text. Everything expensive — facets,
word stems, the embedding — happens here, once per write, never per brief.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from core import fulltext
from core.db import is_postgres
from core.models import RankingTerm, Tip, TipFacet, TipOrg, TipOrgName, TipProfile, utcnow
from core.ranking import embedding, language, lexicon, orgs
from core.ranking.text import content_terms, fold

# Bump when the lexicon or the profile format changes, so `tipoff ranking reindex` redoes tips.
PROFILE_VERSION = "53"
MAX_TERMS = 200
MIN_INDEXED_FACET = 0.3
# ranking_term row that counts profiled tips (stems never contain "#" or "@").
DOCS_TERM = "#docs"
# ranking_term rows "@<facet>" count the tips that clearly have a facet (strength >= 0.5).
FACET_PREFIX = "@"
CLEAR_FACET = 0.5


def facet_terms(facets: dict[str, float]) -> list[str]:
    return [FACET_PREFIX + name for name, s in facets.items() if s >= CLEAR_FACET]


TIP_FIELD_WEIGHTS = {"tags": 0.9, "title": 0.8, "body": 0.5}


def profile_model() -> str:
    return f"{embedding.MODEL_NAME}/{PROFILE_VERSION}" if embedding.available() else PROFILE_VERSION


def tag_words(tag: str) -> str:
    """A stored tag as words: "pricing-talks" → "pricing talks".

    Tags are stored as slugs (``core.tips.text.normalise_tags``), and the slug of "1:1" is
    "1-1", which no longer reads as a one-on-one: a whole tag of that shape is one.
    """
    return "1:1" if _ONE_ON_ONE_SLUG.fullmatch(tag) else tag.replace("-", " ")


_ONE_ON_ONE_SLUG = re.compile(r"1-(?:on-)?1")


def tip_text(tip: Tip) -> str:
    """What the embedding reads: title, body and tags as words."""
    tags = " ".join(tag_words(tag) for tag in tip.tags)
    return ". ".join(part for part in (tip.title, tip.body, tags) if part)


def tip_facets(tip: Tip) -> dict[str, float]:
    """Facet strengths of a tip from its tags, title and body (never the off-work facets)."""
    hits = lexicon.facet_hits_per_field(
        [fold(" , ".join(tag_words(tag) for tag in tip.tags)), fold(tip.title), fold(tip.body)]
    )
    weights = (TIP_FIELD_WEIGHTS["tags"], TIP_FIELD_WEIGHTS["title"], TIP_FIELD_WEIGHTS["body"])
    facets = lexicon.combine(list(zip(hits, weights, strict=True)))
    return lexicon.of_groups(facets, lexicon.WORK_GROUPS)


def tip_terms(tip: Tip) -> list[str]:
    names = " ".join(orgs.name_words(a) for a in tip.accounts)
    text = " ".join([tip.title, tip.body, " ".join(tip.tags), names])
    return sorted({term[:64] for term in content_terms(text)})[:MAX_TERMS]


def org_names(domain: str, tip: Tip) -> set[str]:
    """The organisation's shorter names (``orgs.short_names``) that are not ordinary words.

    A word the lexicon reads as a kind of meeting or of customer ("Klinikum", "Insurance",
    "Logistik") names no one in particular, so it cannot stand for the organisation alone.
    """
    text = " ".join([tip.title, tip.body])
    return {name for name in orgs.short_names(domain, text) if not lexicon.facet_hits(name)}


def tip_changed(session: Session, tip: Tip) -> None:
    """Re-profile one tip after it was created or edited."""
    index_tips(session, [tip])


@dataclass
class ComputedProfile:
    """A tip's profile before it is stored: pure computation, no database."""

    tip_id: int
    accounts: list[str]
    names: dict[str, set[str]]  # organisation → its shorter names
    facets: dict[str, float]
    terms: list[str]
    vector: bytes | None
    language: str


def compute_profiles(tips: Sequence[Tip]) -> list[ComputedProfile]:
    """Facets, stems and embeddings for many tips (one embedding batch). CPU only."""
    tips = [tip for tip in tips if tip.id is not None]
    texts = [tip_text(tip) for tip in tips]
    vectors = embedding.encode(texts)
    keep = embedding.available()
    return [
        ComputedProfile(
            tip_id=tip.id or 0,
            accounts=list(tip.accounts),
            names={orgs.registrable(a): org_names(a, tip) for a in tip.accounts},
            facets=tip_facets(tip),
            terms=tip_terms(tip),
            vector=embedding.to_bytes(vector) if keep else None,
            language=language.detect(text),
        )
        for tip, text, vector in zip(tips, texts, vectors, strict=True)
    ]


def _unit(accounts: Sequence[str], org: str) -> str:
    """The one unit of ``org`` the accounts name, or the whole organisation when they name
    it or several of its units."""
    units = {orgs.unit(a) for a in accounts if orgs.registrable(a) == org}
    return units.pop() if len(units) == 1 else org


def index_tips(session: Session, tips: Sequence[Tip]) -> None:
    """Profile many tips at once: imports, reindexing, benchmarks."""
    store_profiles(session, compute_profiles(tips))


def store_profiles(session: Session, computed: Sequence[ComputedProfile]) -> None:
    """Write profiles and the index rows derived from them, replacing older ones."""
    if not computed:
        return
    ids = [c.tip_id for c in computed]
    old = {
        p.tip_id: p for p in session.exec(select(TipProfile).where(col(TipProfile.tip_id).in_(ids)))
    }
    model = profile_model()
    df_delta: Counter[str] = Counter()
    facet_rows: list[TipFacet] = []
    org_rows: list[TipOrg] = []
    name_rows: list[TipOrgName] = []
    for item in computed:
        previous = old.get(item.tip_id)
        df_delta.update(item.terms)
        df_delta.update(facet_terms(item.facets))
        if previous is not None:
            df_delta.subtract(previous.terms)
            df_delta.subtract(facet_terms(previous.facets or {}))
            previous.facets, previous.terms, previous.model = item.facets, item.terms, model
            previous.vector, previous.language = item.vector, item.language
            previous.updated_at = utcnow()
            session.add(previous)
        else:
            df_delta[DOCS_TERM] += 1
            session.add(
                TipProfile(
                    tip_id=item.tip_id,
                    facets=item.facets,
                    terms=item.terms,
                    model=model,
                    vector=item.vector,
                    language=item.language,
                )
            )
        if not item.accounts:  # account tips are found through their account, not their kind
            facet_rows.extend(
                TipFacet(facet=name, tip_id=item.tip_id, weight=strength)
                for name, strength in item.facets.items()
                if strength >= MIN_INDEXED_FACET
            )
        seen: set[str] = set()
        for account in item.accounts:
            org = orgs.registrable(account)
            if org not in seen:
                seen.add(org)
                org_rows.append(
                    TipOrg(
                        tip_id=item.tip_id,
                        org=org,
                        name_key=orgs.name_key(account),
                        unit=_unit(item.accounts, org),
                    )
                )
                name_rows.extend(
                    TipOrgName(tip_id=item.tip_id, org=org, name=name[:253])
                    for name in sorted(item.names.get(org, ()))
                )
    session.exec(delete(TipFacet).where(col(TipFacet.tip_id).in_(ids)))
    session.exec(delete(TipOrg).where(col(TipOrg.tip_id).in_(ids)))
    session.exec(delete(TipOrgName).where(col(TipOrgName.tip_id).in_(ids)))
    session.flush()
    session.add_all(facet_rows)
    session.add_all(org_rows)
    session.add_all(name_rows)
    _apply_df(session, df_delta)
    session.flush()


def _apply_df(session: Session, delta: Counter[str]) -> None:
    """Add the document-frequency changes of a write (one upsert per 500 new stems)."""
    dialect = postgresql if is_postgres(session) else sqlite
    table = RankingTerm.__table__  # type: ignore[attr-defined]
    added = [{"term": term, "df": n} for term, n in sorted(delta.items()) if n > 0]
    for start in range(0, len(added), 500):
        statement = dialect.insert(table).values(added[start : start + 500])
        statement = statement.on_conflict_do_update(
            index_elements=["term"], set_={"df": table.c.df + statement.excluded.df}
        )
        session.execute(statement)
    for term, n in sorted(delta.items()):
        if n < 0:
            session.execute(update(table).where(table.c.term == term).values(df=table.c.df + n))


def stale_tip_ids(session: Session, limit: int) -> list[int]:
    """Tips with no profile, or one written by another lexicon/model version."""
    model = profile_model()
    rows = session.exec(
        select(Tip.id)
        .outerjoin(TipProfile, col(TipProfile.tip_id) == Tip.id)
        .where((col(TipProfile.tip_id).is_(None)) | (col(TipProfile.model) != model))
        .order_by(col(Tip.id))
        .limit(limit)
    ).all()
    return [row for row in rows if row is not None]


def reindex(session: Session, *, batch: int = 256) -> int:
    """Profile every tip that needs it; returns how many. Safe to run at any time."""
    done = 0
    while True:
        ids = stale_tip_ids(session, batch)
        if not ids:
            return done
        tips = session.exec(select(Tip).where(col(Tip.id).in_(ids))).all()
        index_tips(session, tips)
        for tip in tips:  # the search index's spelling can change with the profile's
            fulltext.index_tip(session, tip)
        done += len(tips)
