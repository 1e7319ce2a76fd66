"""When a push should arrive: lead time, the way there, quiet hours.

- A meeting somewhere (an address or a place in its location, not a video or
  phone link, not one of the office's own rooms) gets its brief
  ``lead_minutes + travel_minutes`` early: the rep reads it before leaving, not
  while driving. A call gets it ``lead_minutes`` early.
- Quiet hours (``quiet_start`` to ``quiet_end`` on the person's wall clock; a
  start after the end spans midnight) hold every push until they end, except a
  brief for a meeting that is itself inside them (an early flight's customer
  breakfast still gets its brief).

All times are UTC-aware; quiet hours are read in the person's time zone.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.models import Meeting, User
from core.ranking.meeting import setting_of
from core.ranking.text import fold

_ROOM_KINDS = {"room", "resource"}


def zone_of(user: User) -> ZoneInfo:
    try:
        return ZoneInfo(user.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def is_physical(meeting: Meeting) -> bool:
    """Held at an address or a place one travels to (not a call, not one of our rooms).

    The location is read the way the ranking reads it (``setting_of``: video and
    phone words, links → virtual). A location that only names a room or resource
    booked as an attendee is a room in the office: no travel.
    """
    location = (meeting.location or "").strip()
    if not location or setting_of(meeting, {}) != "onsite":
        return False
    rooms = {
        fold(str(a.get("name") or a.get("email") or ""))
        for a in meeting.attendees or []
        if str(a.get("kind") or "") in _ROOM_KINDS
    }
    folded = fold(location)
    return not any(room and (room == folded or room in folded) for room in rooms)


def lead_for(meeting: Meeting, user: User) -> timedelta:
    travel = user.travel_minutes if is_physical(meeting) else 0
    return timedelta(minutes=user.lead_minutes + travel)


def _clock(text: str) -> time:
    hours, minutes = text.split(":", 1)
    return time(int(hours), int(minutes))


def in_quiet_hours(moment: datetime, user: User) -> bool:
    if not (user.quiet_start and user.quiet_end) or user.quiet_start == user.quiet_end:
        return False
    start, end = _clock(user.quiet_start), _clock(user.quiet_end)
    now = moment.astimezone(zone_of(user)).time()
    if start < end:
        return start <= now < end
    return now >= start or now < end


def quiet_ends_after(moment: datetime, user: User) -> datetime:
    """The first end of quiet hours after ``moment`` (which is inside them)."""
    assert user.quiet_end is not None
    zone = zone_of(user)
    local = moment.astimezone(zone)
    end = datetime.combine(local.date(), _clock(user.quiet_end), tzinfo=zone)
    if end <= local:
        end = datetime.combine(local.date() + timedelta(days=1), _clock(user.quiet_end), zone)
    return end.astimezone(moment.tzinfo)


def hold_for_quiet(moment: datetime, user: User) -> datetime:
    """``moment``, or when quiet hours end if it falls inside them."""
    return quiet_ends_after(moment, user) if in_quiet_hours(moment, user) else moment


def brief_due(meeting: Meeting, user: User) -> datetime:
    """When the brief should arrive (before the start, whatever quiet hours say)."""
    due = meeting.start - lead_for(meeting, user)
    if in_quiet_hours(meeting.start, user):
        return due  # the meeting itself is in quiet hours: its brief comes through
    return min(hold_for_quiet(due, user), meeting.start)


def debrief_due(meeting: Meeting, user: User, delay: timedelta) -> datetime:
    return hold_for_quiet(meeting.end + delay, user)
