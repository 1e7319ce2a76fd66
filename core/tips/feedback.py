"""Feedback on a brief: "this tip helped (or not) in this meeting".

It is kept with the meeting (curators see which tips helped where) and it is
a vote: ``helpful: true`` adds the person's "this helped" vote on the tip,
``helpful: false`` withdraws it — one opinion per person per tip, as
``core.tips.votes`` keeps it. A "did not help" also keeps that tip out of this
meeting's brief for that person and lowers it in their other briefs.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core.errors import InvalidInput
from core.models import BriefFeedback, Meeting, User, utcnow
from core.models.brief import FeedbackCreate, FeedbackPublic
from core.models.ownership import owned
from core.ranking import learning
from core.ranking.brief import meeting_profile
from core.tips import freshness, votes
from core.tips.service import get_visible_tip


def record(session: Session, user: User, meeting_id: int, data: FeedbackCreate) -> FeedbackPublic:
    if data.reason == "outdated" and data.helpful:
        raise InvalidInput('reason "outdated" goes with helpful: false')
    meeting = owned(session, Meeting, meeting_id, user)
    tip = get_visible_tip(session, user, data.tip_id)
    assert user.id is not None and meeting.id is not None and tip.id is not None
    row = _find(session, meeting.id, tip.id, user.id)
    if row is None:
        try:
            with session.begin_nested():
                row = BriefFeedback(
                    meeting_id=meeting.id, tip_id=tip.id, user_id=user.id, helpful=data.helpful
                )
                session.add(row)
        except IntegrityError:  # a concurrent request recorded it first: update that one
            row = _find(session, meeting.id, tip.id, user.id)
            assert row is not None
    row.helpful = data.helpful
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    profile = meeting_profile(session, meeting)
    learning.remember(session, user.id, tip.id, meeting, profile, data.helpful)
    tip = (votes.add_vote if data.helpful else votes.remove_vote)(session, user, tip.id)
    if data.reason == "outdated":
        freshness.mark_outdated(session, tip)
    return FeedbackPublic(
        meeting_id=meeting.id,
        tip_id=tip.id or 0,
        helpful=row.helpful,
        helpful_count=tip.helpful_count,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _find(session: Session, meeting_id: int, tip_id: int, user_id: int) -> BriefFeedback | None:
    return session.exec(
        select(BriefFeedback).where(
            BriefFeedback.meeting_id == meeting_id,
            BriefFeedback.tip_id == tip_id,
            BriefFeedback.user_id == user_id,
        )
    ).first()
