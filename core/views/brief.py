"""The brief page: one meeting and the few tips picked for it, with the reader's marks."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, SQLModel

from core.models import Meeting, User, utcnow
from core.models.ownership import owned
from core.ranking.brief import brief_for_meeting
from core.tips import service
from core.views.cards import TipCard, cards
from core.views.common import MeetingRef, meeting_ref
from core.views.timing import Attendee, attendees


class BriefMeeting(MeetingRef):
    description: str


class BriefPage(SQLModel):
    meeting: BriefMeeting
    tips: list[TipCard]
    attendees: list[Attendee] = []
    saved_at: datetime | None = None  # when this copy was made (an offline copy says so)


def brief_page(session: Session, user: User, meeting_id: int) -> BriefPage:
    meeting = owned(session, Meeting, meeting_id, user)
    brief = brief_for_meeting(session, user, meeting)
    tips = [r.tip for r in brief.tips]
    reasons = {r.tip.id or 0: list(r.reasons) for r in brief.tips}
    return BriefPage(
        meeting=BriefMeeting(**meeting_ref(meeting).model_dump(), description=meeting.description),
        tips=cards(session, user, service.to_public(session, tips), reasons),
        attendees=attendees(meeting, user),
        saved_at=utcnow(),
    )
