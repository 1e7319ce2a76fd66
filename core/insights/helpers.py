"""Recognition, opt-in only: people who chose to be listed, with what they gave.

Only ``show_in_helpers`` people appear; the numbers are public anyway (tips they
wrote, the "this helped" count on those tips), never what they read or marked.
"""

from __future__ import annotations

from sqlmodel import Session, SQLModel, col, func, select

from core.models import Tip, TipStatus, User


class Helper(SQLModel):
    name: str
    tips: int
    helpful: int


class HelperList(SQLModel):
    items: list[Helper]


def helpers(session: Session, *, limit: int = 100) -> HelperList:
    tips = func.count(col(Tip.id))
    helpful = func.coalesce(func.sum(Tip.helpful_count), 0)
    rows = session.exec(
        select(User.name, tips, helpful)
        .join(Tip, (col(Tip.author_id) == User.id) & (col(Tip.status) == TipStatus.active))
        .where(col(User.show_in_helpers).is_(True))
        .group_by(col(User.id), col(User.name))
        .order_by(helpful.desc(), tips.desc(), col(User.name))
        .limit(limit)
    ).all()
    return HelperList(items=[Helper(name=n, tips=t, helpful=h) for n, t, h in rows])
