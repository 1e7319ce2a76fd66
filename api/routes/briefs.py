"""A meeting's brief, and feedback on it."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, IdPath, SessionDep, writes_on_read
from core import ratelimit
from core.insights import signals
from core.models import Meeting
from core.models.brief import BriefPublic, BriefTipPublic, FeedbackCreate, FeedbackPublic
from core.models.calendar import MeetingPublic
from core.models.ownership import owned
from core.ranking.brief import brief_for_meeting
from core.settings import get_settings
from core.tips import freshness

router = APIRouter(prefix="/api/meetings", tags=["briefs"])


@router.get("/{meeting_id}/brief", response_model=BriefPublic)
@writes_on_read  # counts "opened" for the curators' usage figures
def read_brief(meeting_id: IdPath, user: CurrentUser, session: SessionDep) -> BriefPublic:
    meeting = owned(session, Meeting, meeting_id, user)
    brief = brief_for_meeting(session, user, meeting, limit=get_settings().brief_size)
    signals.brief_viewed(session, user, meeting, [r.tip.id for r in brief.tips if r.tip.id])
    return BriefPublic(
        meeting=MeetingPublic.model_validate(meeting),
        tips=[
            BriefTipPublic(
                id=ranked.tip.id or 0,
                title=ranked.tip.title,
                body=ranked.tip.body,
                body_html=ranked.tip.body_html,
                helpful_count=ranked.tip.helpful_count,
                score=ranked.score,
                reasons=ranked.reasons,
                stale=freshness.is_stale(ranked.tip),
            )
            for ranked in brief.tips
        ],
    )


@router.post("/{meeting_id}/feedback", response_model=FeedbackPublic)
def give_feedback(
    meeting_id: IdPath, data: FeedbackCreate, user: CurrentUser, session: SessionDep
) -> FeedbackPublic:
    ratelimit.check_member(user, "vote", get_settings().rate_limit_votes)
    return signals.give_feedback(session, user, meeting_id, data)
