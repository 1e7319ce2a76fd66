"""Next up: today's and tomorrow's meetings, in the person's own time zone, each with
its brief at a glance (the titles of the tips it would push)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, SQLModel, col, select

from core.calendars import meetings, service
from core.models import Meeting, User, utcnow
from core.ranking.brief import brief_for_meeting
from core.views.common import MeetingRef, meeting_ref
from core.views.timing import SyncTrouble, status_label, sync_trouble

MAX_MEETINGS = 40


class TipGlance(SQLModel):
    id: int
    title: str
    reasons: list[str]


class MeetingCard(MeetingRef):
    tips: list[TipGlance]
    status: str = ""  # "in 35 min", "now", "ended" (the page keeps it current)


class AgendaDay(SQLModel):
    label: str
    date: date
    meetings: list[MeetingCard]


class NextUp(SQLModel):
    timezone: str
    generated_at: datetime
    calendars: int
    days: list[AgendaDay]
    sync_trouble: list[SyncTrouble] = []


def _glance(title: str, body: str) -> str:
    if title:
        return title
    first = body.strip().splitlines()[0] if body.strip() else ""
    return first[:80] + ("…" if len(first) > 80 else "")


def next_up(session: Session, user: User, *, now: datetime | None = None) -> NextUp:
    now = now or utcnow()
    zone = ZoneInfo(user.timezone)
    today = now.astimezone(zone).date()
    days = [today, today + timedelta(days=1)]
    until = datetime.combine(today + timedelta(days=2), time(), zone)
    soon = [
        m for m in meetings.upcoming(session, user, now=now, limit=MAX_MEETINGS) if m.start < until
    ]
    # Today's meetings that are over stay on the list, marked "ended" (a debrief is a tap away).
    ended = session.exec(
        select(Meeting)
        .where(
            Meeting.user_id == user.id,
            col(Meeting.end) <= now,
            col(Meeting.start) >= datetime.combine(today, time(), zone),
        )
        .order_by(col(Meeting.start))
        .limit(MAX_MEETINGS)
    ).all()
    by_day: dict[date, list[MeetingCard]] = {day: [] for day in days}
    for meeting in [*ended, *soon]:
        brief = brief_for_meeting(session, user, meeting)
        card = MeetingCard(
            **meeting_ref(meeting).model_dump(),
            status=status_label(meeting.start, meeting.end, now),
            tips=[
                TipGlance(
                    id=r.tip.id or 0, title=_glance(r.tip.title, r.tip.body), reasons=r.reasons
                )
                for r in brief.tips
            ],
        )
        day = max(meeting.start.astimezone(zone).date(), today)
        by_day.setdefault(day, []).append(card)
    calendars = len(service.list_calendars(session, user))
    return NextUp(
        timezone=user.timezone,
        generated_at=now,
        calendars=calendars,
        sync_trouble=sync_trouble(session, user),
        days=[
            AgendaDay(label=label, date=day, meetings=by_day[day])
            for label, day in zip(("Today", "Tomorrow"), days, strict=True)
        ],
    )
