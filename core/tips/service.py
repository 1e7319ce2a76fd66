"""Writing and reading tips. Every write goes through here, so the tag/account
tables, the search index and the edit history can never drift apart."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlmodel import Session, col, delete, select

from core import fulltext
from core.errors import Forbidden, InvalidInput, NotFound, PayloadTooLarge
from core.models import Tip, TipAccount, TipRevision, TipStatus, TipTag, User, utcnow
from core.models.tip import (
    BODY_MAX,
    TITLE_MAX,
    AuthorPublic,
    RevisionPublic,
    TipCreate,
    TipPage,
    TipPublic,
    TipUpdate,
)
from core.ranking import index as ranking_index
from core.textrules import check_text
from core.tips import freshness
from core.tips.text import normalise_accounts, normalise_tags, render_markdown

PAGE_SIZE = 20


def _check_lengths(title: str, body: str) -> None:
    if len(body) > BODY_MAX:
        raise PayloadTooLarge(f"body is {len(body)} characters; the limit is {BODY_MAX}")
    if len(title) > TITLE_MAX:
        raise PayloadTooLarge(f"title is {len(title)} characters; the limit is {TITLE_MAX}")
    if not body.strip():
        raise InvalidInput("body must not be empty")


def _replace_keywords(session: Session, tip: Tip) -> None:
    session.exec(delete(TipTag).where(col(TipTag.tip_id) == tip.id))
    session.exec(delete(TipAccount).where(col(TipAccount.tip_id) == tip.id))
    assert tip.id is not None
    session.add_all([TipTag(tip_id=tip.id, tag=tag) for tag in tip.tags])
    session.add_all([TipAccount(tip_id=tip.id, domain=domain) for domain in tip.accounts])


@dataclass
class PreparedTip:
    """A new tip's text, rendered and profiled: the CPU-heavy part of a write (the
    embedding alone is ~0.1-0.2 s), done before the write transaction begins so the
    database's write slot is held only for the writes."""

    title: str
    body: str
    body_html: str
    tags: list[str]
    accounts: list[str]
    profile: ranking_index.ComputedProfile


def prepare_tip(data: TipCreate) -> PreparedTip:
    """Check, render and profile a new tip; no database."""
    title = (data.title or "").strip()
    _check_lengths(title, data.body)
    for field, value in (("title", title), ("body", data.body)):
        check_text(field, value)
    for field, values in (("tags", data.tags), ("accounts", data.accounts)):
        for value in values or []:
            check_text(field, value)
    draft = Tip(
        id=0,
        title=title,
        body=data.body,
        body_html=render_markdown(data.body),
        tags=normalise_tags(data.tags),
        accounts=normalise_accounts(data.accounts),
        author_id=0,
    )
    (profile,) = ranking_index.compute_profiles([draft])
    return PreparedTip(
        title=draft.title,
        body=draft.body,
        body_html=draft.body_html,
        tags=list(draft.tags),
        accounts=list(draft.accounts),
        profile=profile,
    )


def create_tip(
    session: Session, author: User, data: TipCreate, *, prepared: PreparedTip | None = None
) -> Tip:
    prepared = prepared or prepare_tip(data)
    assert author.id is not None
    tip = Tip(
        title=prepared.title,
        body=prepared.body,
        body_html=prepared.body_html,
        tags=prepared.tags,
        accounts=prepared.accounts,
        author_id=author.id,
    )
    freshness.start(tip, data.review_days)
    session.add(tip)
    session.flush()
    assert tip.id is not None
    _replace_keywords(session, tip)
    freshness.record_revision(session, tip, author, "create")
    fulltext.index_tip(session, tip)
    ranking_index.store_profiles(session, [replace(prepared.profile, tip_id=tip.id)])
    session.flush()
    return tip


def can_edit(user: User, tip: Tip) -> bool:
    return user.is_curator or tip.author_id == user.id


def get_visible_tip(session: Session, user: User, tip_id: int) -> Tip:
    """The tip as ``user`` may see it: hidden tips only for curators and their author."""
    tip = session.get(Tip, tip_id)
    if tip is None or tip.status == TipStatus.deleted:
        raise NotFound(f"tip {tip_id} not found")
    if tip.status != TipStatus.active and not user.is_curator:
        raise NotFound(f"tip {tip_id} not found")
    return tip


def prepare_update(session: Session, user: User, tip_id: int, data: TipUpdate) -> PreparedTip:
    """Check an edit and profile the resulting text; reads only (the CPU-heavy part of an
    edit, done before the write unit begins, as for ``prepare_tip``)."""
    tip = get_visible_tip(session, user, tip_id)
    if not can_edit(user, tip):
        raise Forbidden("only the author or a curator can edit this tip")
    changes = data.model_dump(exclude_unset=True)
    title = (changes.get("title") or "").strip() if "title" in changes else tip.title
    body = changes["body"] if changes.get("body") is not None else tip.body
    tags = changes["tags"] if changes.get("tags") is not None else list(tip.tags)
    accounts = changes["accounts"] if changes.get("accounts") is not None else list(tip.accounts)
    return prepare_tip(TipCreate(title=title, body=body, tags=tags, accounts=accounts))


def update_tip(
    session: Session,
    user: User,
    tip_id: int,
    data: TipUpdate,
    *,
    prepared: PreparedTip | None = None,
) -> Tip:
    prepared = prepared or prepare_update(session, user, tip_id, data)
    tip = get_visible_tip(session, user, tip_id)
    if not can_edit(user, tip):
        raise Forbidden("only the author or a curator can edit this tip")
    assert tip.id is not None
    tip.title, tip.body, tip.body_html = prepared.title, prepared.body, prepared.body_html
    tip.tags, tip.accounts = prepared.tags, prepared.accounts
    changes = data.model_dump(exclude_unset=True)
    if changes.get("owner_id") is not None:
        freshness.reassign(session, user, tip, changes["owner_id"])
    if changes.get("review_days") is not None:
        freshness.set_interval(tip, changes["review_days"])
    tip.updated_at = utcnow()
    session.add(tip)
    _replace_keywords(session, tip)
    freshness.record_revision(session, tip, user, "edit")
    fulltext.index_tip(session, tip)
    ranking_index.store_profiles(session, [replace(prepared.profile, tip_id=tip.id)])
    session.flush()
    return tip


def delete_tip(session: Session, user: User, tip_id: int) -> None:
    """Soft delete: the row and its history stay, it vanishes from lists, search and briefs."""
    tip = get_visible_tip(session, user, tip_id)
    if not can_edit(user, tip):
        raise Forbidden("only the author or a curator can delete this tip")
    set_status(session, tip, user, TipStatus.deleted, action="delete")


def set_status(session: Session, tip: Tip, editor: User, status: TipStatus, *, action: str) -> None:
    tip.status = status
    tip.updated_at = utcnow()
    session.add(tip)
    freshness.record_revision(session, tip, editor, action)
    session.flush()


def history(session: Session, user: User, tip_id: int) -> list[RevisionPublic]:
    tip = get_visible_tip(session, user, tip_id)
    if not can_edit(user, tip):
        raise Forbidden("only the author or a curator can see the edit history")
    rows = session.exec(
        select(TipRevision, User)
        .join(User, col(User.id) == TipRevision.editor_id)
        .where(TipRevision.tip_id == tip_id)
        .order_by(col(TipRevision.id))
    ).all()
    return [
        RevisionPublic(
            id=rev.id or 0,
            editor=AuthorPublic(id=editor.id or 0, name=editor.name),
            action=rev.action,
            title=rev.title,
            body=rev.body,
            tags=rev.tags,
            accounts=rev.accounts,
            created_at=rev.created_at,
        )
        for rev, editor in rows
    ]


# --- reading ------------------------------------------------------------------


def to_public(session: Session, tips: Sequence[Tip]) -> list[TipPublic]:
    """The tips as the API shows them, their authors and owners looked up in one query."""
    people_ids = {tip.author_id for tip in tips} | {t.owner_id for t in tips if t.owner_id}
    authors = {
        user.id: user for user in session.exec(select(User).where(col(User.id).in_(people_ids)))
    }
    now = utcnow()
    return [
        TipPublic(
            id=tip.id or 0,
            title=tip.title,
            body=tip.body,
            body_html=tip.body_html,
            tags=tip.tags,
            accounts=tip.accounts,
            author=AuthorPublic(id=tip.author_id, name=authors[tip.author_id].name),
            helpful_count=tip.helpful_count,
            created_at=tip.created_at,
            updated_at=tip.updated_at,
            owner=(
                AuthorPublic(id=tip.owner_id, name=authors[tip.owner_id].name)
                if tip.owner_id in authors and tip.owner_id is not None
                else None
            ),
            review_days=tip.review_days,
            verified_at=tip.verified_at,
            review_due_at=tip.review_due_at,
            stale=freshness.is_stale(tip, now),
        )
        for tip in tips
    ]


def _encode_cursor(value: dict[str, int]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str | None) -> dict[str, int]:
    if not cursor:
        return {}
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
            raise ValueError
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidInput("invalid cursor: pass back next_cursor from the previous page") from exc


def list_tips(
    session: Session,
    *,
    q: str | None = None,
    tag: str | None = None,
    account: str | None = None,
    author: int | None = None,
    owner: int | None = None,
    stale: bool | None = None,
    cursor: str | None = None,
    limit: int = PAGE_SIZE,
) -> TipPage:
    """Active tips, newest first; with ``q``, best match first. ``stale``: past review date."""
    position = _decode_cursor(cursor)
    query = select(Tip).where(Tip.status == TipStatus.active)
    if owner is not None:
        query = query.where(Tip.owner_id == owner)
    if stale is not None:
        due = col(Tip.review_due_at) <= utcnow()
        query = query.where(due if stale else ~due)
    if tag:
        tags = normalise_tags([tag])
        query = query.where(
            col(Tip.id).in_(select(TipTag.tip_id).where(TipTag.tag == (tags[0] if tags else "")))
        )
    if account:
        domain = account.strip().lower()
        query = query.where(
            col(Tip.id).in_(select(TipAccount.tip_id).where(TipAccount.domain == domain))
        )
    if author is not None:
        query = query.where(Tip.author_id == author)

    if q and (words := fulltext.query_words(q)):
        offset = position.get("offset", 0)
        # Over-fetch from the index, since filters and status apply afterwards.
        ids = fulltext.matching_tip_ids(
            session, words, every_word=True, limit=(offset + limit) * 4 + 50
        )
        order = {tip_id: rank for rank, tip_id in enumerate(ids)}
        found = session.exec(query.where(col(Tip.id).in_(ids))).all()
        ranked = sorted(found, key=lambda tip: order[tip.id or 0])
        page = ranked[offset : offset + limit]
        more = len(ranked) > offset + limit
        next_cursor = _encode_cursor({"offset": offset + limit}) if more else None
        return TipPage(items=to_public(session, page), next_cursor=next_cursor)

    if "before" in position:
        query = query.where(col(Tip.id) < position["before"])
    rows = session.exec(query.order_by(col(Tip.id).desc()).limit(limit + 1)).all()
    page = list(rows[:limit])
    next_cursor = _encode_cursor({"before": page[-1].id or 0}) if len(rows) > limit else None
    return TipPage(items=to_public(session, page), next_cursor=next_cursor)
