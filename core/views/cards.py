"""A tip as a card on a page: the sanitised HTML, and what the reader has done with it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, SQLModel

from core.models import User
from core.models.tip import TipPublic
from core.views.common import marks


class TipCard(SQLModel):
    id: int
    title: str
    body_html: str
    tags: list[str]
    accounts: list[str]
    author: str
    helpful_count: int
    created_at: datetime
    reasons: list[str] = []
    voted: bool = False
    flagged: bool = False
    own: bool = False
    # Tending (issue 17): the raw text for the edit form, freshness, who may do what.
    body: str = ""
    owner: str = ""
    owner_id: int | None = None
    review_days: int = 180
    stale: bool = False
    can_edit: bool = False  # author or curator: edit and delete
    can_verify: bool = False  # owner or curator
    curator: bool = False  # reassign the owner


def cards(
    session: Session,
    user: User,
    tips: Sequence[TipPublic],
    reasons: dict[int, list[str]] | None = None,
) -> list[TipCard]:
    voted, flagged = marks(session, user, [t.id for t in tips])
    return [
        TipCard(
            id=t.id,
            title=t.title,
            body_html=t.body_html,
            tags=t.tags,
            accounts=t.accounts,
            author=t.author.name,
            helpful_count=t.helpful_count,
            created_at=t.created_at,
            reasons=(reasons or {}).get(t.id, []),
            voted=t.id in voted,
            flagged=t.id in flagged,
            own=t.author.id == user.id,
            body=t.body,
            owner=t.owner.name if t.owner else "",
            owner_id=t.owner.id if t.owner else None,
            review_days=t.review_days,
            stale=t.stale,
            can_edit=user.is_curator or t.author.id == user.id,
            can_verify=user.is_curator or (t.owner is not None and t.owner.id == user.id),
            curator=user.is_curator,
        )
        for t in tips
    ]
