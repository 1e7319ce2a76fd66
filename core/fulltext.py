"""The full-text index over tips: one writer, and one query per database.

SQLite uses FTS5 (porter + unicode61 without diacritics); PostgreSQL a
``tsvector`` that holds the English *and* the German stems of each tip plus
unstemmed tags and accounts, queried with all three configurations OR-ed, so
"Verhandlungen" finds "Verhandlung" and "negotiating" finds "negotiation".
``index_tip`` is called from every tip write in ``core.tips.service``, so the
index cannot drift from the table; ``matching_tip_ids`` serves both the
library's search (every word) and the brief's candidate retrieval (any word).
It lives at the ground floor because both of those rooms read it.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlmodel import Session

from core.db import is_postgres
from core.models import Tip
from core.romanize import romanize

_WORD = re.compile(r"\w+", re.UNICODE)

_PG_DOCUMENT = """
    setweight(to_tsvector('english', :title), 'A') || setweight(to_tsvector('german', :title), 'A')
    || setweight(to_tsvector('english', :body), 'B') || setweight(to_tsvector('german', :body), 'B')
    || setweight(to_tsvector('simple', :keywords), 'A')
"""


def index_tip(session: Session, tip: Tip) -> None:
    unindex_tip(session, tip.id)
    keywords = " ".join([*tip.tags, *(t.replace("-", " ") for t in tip.tags), *tip.accounts])
    title, body = _searchable(tip.title), _searchable(tip.body)
    params = {"id": tip.id, "title": title, "body": body, "keywords": keywords}
    if is_postgres(session):
        session.execute(
            text(f"INSERT INTO tip_search (tip_id, document) VALUES (:id, {_PG_DOCUMENT})"), params
        )
    else:
        session.execute(
            text(
                "INSERT INTO tip_search (rowid, title, body, tags, accounts) "
                "VALUES (:id, :title, :body, :keywords, :accounts)"
            ),
            {**params, "accounts": " ".join(tip.accounts)},
        )


def _searchable(text: str) -> str:
    """The text, plus its Greek and Cyrillic in Latin letters: the brief's query words are
    folded that way (``core.romanize``)."""
    latin = romanize(text)
    return text if latin == text else f"{text}\n{latin}"


def unindex_tip(session: Session, tip_id: int | None) -> None:
    column = "tip_id" if is_postgres(session) else "rowid"
    session.execute(text(f"DELETE FROM tip_search WHERE {column} = :id"), {"id": tip_id})


def query_words(q: str) -> list[str]:
    return _WORD.findall(q)[:32]


def matching_tip_ids(
    session: Session, words: list[str], *, every_word: bool, limit: int, offset: int = 0
) -> list[int]:
    """Tips matching every (or any) of ``words``, best match first.

    With ``every_word`` the last word also matches as a prefix (search as you
    type); otherwise every word does (a meeting's words meet a tip's inflections).
    """
    words = [w for w in words if _WORD.fullmatch(w)]
    if not words:
        return []
    if is_postgres(session):
        tsquery = (" & " if every_word else " | ").join(words)
        rows = session.execute(
            text(
                "SELECT s.tip_id FROM tip_search s, "
                "(SELECT to_tsquery('english', :q) || to_tsquery('german', :q) "
                "   || to_tsquery('simple', :q) AS query) q "
                "WHERE s.document @@ q.query "
                "ORDER BY ts_rank_cd(s.document, q.query) DESC, s.tip_id DESC "
                "LIMIT :limit OFFSET :offset"
            ),
            {"q": tsquery, "limit": limit, "offset": offset},
        )
    else:
        quoted = ['"' + w + '"' for w in words]
        if every_word:
            match = " ".join([*quoted[:-1], quoted[-1] + "*"])
        else:
            match = " OR ".join(q + "*" for q in quoted)
        rows = session.execute(
            text(
                "SELECT rowid FROM tip_search WHERE tip_search MATCH :match "
                "ORDER BY bm25(tip_search, 4.0, 1.0, 3.0, 3.0), rowid DESC "
                "LIMIT :limit OFFSET :offset"
            ),
            {"match": match, "limit": limit, "offset": offset},
        )
    return [row[0] for row in rows]
