"""Flags and the curators' decisions.

A tip disappears for members once ``flag_threshold`` *distinct* members have
flagged it (one flag per person, so one angry colleague cannot bury advice),
and stays hidden until a curator restores or removes it. A decision resolves
the flags it saw, so a restored tip needs fresh flags to be hidden again.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from core.errors import Conflict, InvalidInput, NotFound
from core.models import Flag, Tip, TipStatus, User, utcnow
from core.models.tip import AuthorPublic, FlagPublic, ModerationItem
from core.settings import get_settings
from core.tips.service import get_visible_tip, set_status, to_public


def open_flag_count(session: Session, tip_id: int) -> int:
    return session.exec(
        select(func.count(func.distinct(Flag.user_id))).where(
            Flag.tip_id == tip_id, col(Flag.resolved_at).is_(None)
        )
    ).one()


def flag_tip(session: Session, user: User, tip_id: int, reason: str) -> Flag:
    tip = get_visible_tip(session, user, tip_id)
    if tip.author_id == user.id:
        raise InvalidInput("you cannot flag your own tip; edit or delete it instead")
    reason = reason.strip()
    if not reason:
        raise InvalidInput("say why you flag this tip")
    assert user.id is not None
    if session.exec(select(Flag).where(Flag.tip_id == tip_id, Flag.user_id == user.id)).first():
        raise Conflict("you have already flagged this tip")
    flag = Flag(tip_id=tip_id, user_id=user.id, reason=reason)
    try:
        with session.begin_nested():
            session.add(flag)
    except IntegrityError as exc:
        raise Conflict("you have already flagged this tip") from exc
    if (
        tip.status == TipStatus.active
        and open_flag_count(session, tip_id) >= get_settings().flag_threshold
    ):
        set_status(session, tip, user, TipStatus.hidden, action="hide")
    session.flush()
    return flag


def flags_of(session: Session, tip_id: int, *, open_only: bool = False) -> list[FlagPublic]:
    query = (
        select(Flag, User)
        .join(User, col(User.id) == Flag.user_id)
        .where(Flag.tip_id == tip_id)
        .order_by(col(Flag.id))
    )
    if open_only:
        query = query.where(col(Flag.resolved_at).is_(None))
    return [
        FlagPublic(
            user=AuthorPublic(id=u.id or 0, name=u.name), reason=f.reason, created_at=f.created_at
        )
        for f, u in session.exec(query)
    ]


def queue(session: Session) -> list[ModerationItem]:
    """Tips waiting for a decision: hidden ones first, then any with open flags."""
    flagged_ids = select(Flag.tip_id).where(col(Flag.resolved_at).is_(None))
    tips = session.exec(
        select(Tip)
        .where(
            col(Tip.id).in_(flagged_ids), col(Tip.status).in_([TipStatus.active, TipStatus.hidden])
        )
        .order_by(col(Tip.status).desc(), col(Tip.id))
    ).all()
    public = to_public(session, tips)
    return [
        ModerationItem(
            tip=item, status=tip.status, flags=flags_of(session, item.id, open_only=True)
        )
        for tip, item in zip(tips, public, strict=True)
    ]


def decide(session: Session, curator: User, tip_id: int, action: str) -> Tip:
    tip = session.get(Tip, tip_id)
    if tip is None or tip.status == TipStatus.deleted:
        raise NotFound(f"tip {tip_id} not found")
    now = utcnow()
    for flag in session.exec(
        select(Flag).where(Flag.tip_id == tip_id, col(Flag.resolved_at).is_(None))
    ):
        flag.resolved_at = now
        session.add(flag)
    # "keep" dismisses the flags and keeps the tip ("restore" is its older name).
    action = "restore" if action == "keep" else action
    status = TipStatus.active if action == "restore" else TipStatus.removed
    set_status(session, tip, curator, status, action=action)
    return tip
