"""What the app says about time and trouble: "in 35 min", "now", "ended", who attends,
and whether a calendar's last sync failed (so stale meetings are not taken for fresh).

Labels are computed here for the first render and again in the page (``app.js``
reads ``data-start``/``data-end``), so a page opened from the offline cache an
hour later still tells the truth.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, SQLModel, col, select

from core.freemail import is_calendar_system, is_free_mail
from core.models import Calendar, Meeting, User
from core.ranking import orgs

SOON_MINUTES = 12 * 60  # "in 35 min" up to this far ahead; later meetings show their time
_ROOM_KINDS = {"room", "resource", "group"}


def status_label(start: datetime, end: datetime, now: datetime) -> str:
    if end <= now:
        return "ended"
    if start <= now:
        return "now"
    minutes = int((start - now).total_seconds() // 60)
    if minutes > SOON_MINUTES:
        return ""
    if minutes < 60:
        return f"in {max(minutes, 1)} min"
    hours, rest = divmod(minutes, 60)
    return f"in {hours} h {rest} min" if rest else f"in {hours} h"


class Attendee(SQLModel):
    name: str
    company: str


def company_of(email: str, own_domains: set[str]) -> str:
    domain = email.rsplit("@", 1)[-1].lower() if "@" in email else ""
    if not domain or domain in own_domains or is_free_mail(domain) or is_calendar_system(domain):
        return ""
    return orgs.name_words(domain).title()


def attendees(meeting: Meeting, user: User) -> list[Attendee]:
    """People in the meeting with their companies: rooms and resources left out, the reader
    too; colleagues (the reader's own domains) without a company."""
    me = set(user.addresses)
    own_domains = {address.rsplit("@", 1)[-1] for address in me}
    people: list[Attendee] = []
    seen: set[str] = set()
    for entry in meeting.attendees or []:
        if str(entry.get("kind") or "person") in _ROOM_KINDS:
            continue
        email = str(entry.get("email") or "").strip().lower()
        if email in me or email in seen:
            continue
        seen.add(email)
        name = str(entry.get("name") or "").strip() or email.split("@", 1)[0]
        if name:
            people.append(Attendee(name=name, company=company_of(email, own_domains)))
    return people


class SyncTrouble(SQLModel):
    calendar: str
    error: str
    since: datetime | None  # the last sync that worked


def sync_trouble(session: Session, user: User) -> list[SyncTrouble]:
    """Calendars whose last sync failed: Next up warns that their meetings may be stale."""
    failing = session.exec(
        select(Calendar)
        .where(Calendar.user_id == user.id, col(Calendar.failure_count) > 0)
        .order_by(col(Calendar.id))
    ).all()
    return [
        SyncTrouble(
            calendar=c.name or c.display_url or "Your calendar",
            error=c.last_error or "it could not be read",
            since=c.last_synced_at,
        )
        for c in failing
    ]
