""" "This helped" votes. One per person per tip; the author's own vote never counts.

``helpful_count`` is recomputed from the vote rows after every change rather
than incremented, so concurrent votes and retries cannot make it drift.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from core.models import Tip, User, Vote
from core.models.tip import AuthorPublic
from core.tips.service import get_visible_tip


def _recount(session: Session, tip: Tip) -> None:
    tip.helpful_count = session.exec(
        select(func.count(func.distinct(Vote.user_id))).where(
            Vote.tip_id == tip.id, Vote.user_id != tip.author_id
        )
    ).one()
    session.add(tip)
    session.flush()


def add_vote(session: Session, user: User, tip_id: int) -> Tip:
    tip = get_visible_tip(session, user, tip_id)
    assert user.id is not None
    if tip.author_id == user.id:
        return tip  # idempotent no-op: nobody upvotes their own advice
    exists = session.exec(
        select(Vote).where(Vote.tip_id == tip_id, Vote.user_id == user.id)
    ).first()
    if exists is None:
        try:
            with session.begin_nested():
                session.add(Vote(tip_id=tip_id, user_id=user.id))
        except IntegrityError:
            pass  # a concurrent request voted first: same result
    _recount(session, tip)
    return tip


def remove_vote(session: Session, user: User, tip_id: int) -> Tip:
    tip = get_visible_tip(session, user, tip_id)
    vote = session.exec(select(Vote).where(Vote.tip_id == tip_id, Vote.user_id == user.id)).first()
    if vote is not None:
        session.delete(vote)
        session.flush()
    _recount(session, tip)
    return tip


def voters(session: Session, tip_id: int) -> list[AuthorPublic]:
    rows = session.exec(
        select(User)
        .join(Vote, col(Vote.user_id) == User.id)
        .where(Vote.tip_id == tip_id)
        .order_by(col(Vote.id))
    )
    return [AuthorPublic(id=user.id or 0, name=user.name) for user in rows]
