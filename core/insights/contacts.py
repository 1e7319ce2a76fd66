"""Who met which customer, and when: the minimal record that routes requests for tips.

A row is (person, organisation, day) — no title, no other attendee, no time of
day — copied from meetings that have begun, so it outlives the meeting rows
(which leave with the sync window) and is itself deleted after
``TIPOFF_CONTACT_RETENTION_DAYS`` (180).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session, col, delete, func, select

from core.models import Contact, Meeting, User, utcnow
from core.ranking.orgs import registrable
from core.settings import get_settings


def record_contacts(session: Session, *, now: datetime | None = None) -> int:
    """Copy (person, organisation, day) from meetings that have begun; purge old rows."""
    now = now or utcnow()
    settings = get_settings()
    since = now - timedelta(days=settings.sync_past_days + 1)
    meetings = session.exec(
        select(Meeting.user_id, Meeting.start, Meeting.external_domains).where(
            col(Meeting.start) <= now, col(Meeting.start) >= since
        )
    ).all()
    wanted = {
        (user_id, registrable(domain), start.date())
        for user_id, start, domains in meetings
        for domain in domains or []
        if domain
    }
    added = 0
    if wanted:
        have = set(
            session.exec(
                select(col(Contact.user_id), col(Contact.org), col(Contact.met_on)).where(
                    col(Contact.user_id).in_({w[0] for w in wanted}),
                    col(Contact.met_on) >= since.date(),
                )
            ).all()
        )
        for user_id, org, met_on in sorted(wanted - have):
            session.add(Contact(user_id=user_id, org=org, met_on=met_on))
            added += 1
    cutoff = (now - timedelta(days=settings.contact_retention_days)).date()
    session.exec(delete(Contact).where(col(Contact.met_on) < cutoff))
    session.flush()
    return added


def colleagues_who_met(
    session: Session,
    org: str,
    *,
    exclude: set[int],
    now: datetime | None = None,
    limit: int | None = None,
) -> list[int]:
    """People who met ``org`` recently, most recent first; never ``exclude``, never opted out."""
    now = now or utcnow()
    settings = get_settings()
    since: date = (now - timedelta(days=settings.request_lookback_days)).date()
    last = func.max(Contact.met_on)
    rows = session.exec(
        select(Contact.user_id, last)
        .join(User, col(User.id) == Contact.user_id)
        .where(
            Contact.org == registrable(org),
            col(Contact.met_on) >= since,
            col(User.requests_enabled).is_(True),
            col(User.active).is_(True),
            col(Contact.user_id).not_in(exclude or {0}),
        )
        .group_by(col(Contact.user_id))
        .order_by(last.desc(), col(Contact.user_id))
        .limit(limit or settings.request_reach)
    ).all()
    return [user_id for user_id, _ in rows]
