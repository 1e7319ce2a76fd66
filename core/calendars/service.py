"""What the API and the CLI do with calendars: connect, list, delete.

Connecting checks the link or password live (a calendar that cannot be read is
refused with a reason, not stored), then stores the URL and credentials
encrypted and runs the first sync with what was just downloaded.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from core.calendars import caldav_source
from core.calendars.fetch import fetch_feed
from core.calendars.parse import parse_feed
from core.calendars.sync import (
    BODY_PURPOSE,
    SECRET_PURPOSE,
    apply_download,
    apply_parsed,
    download,
    first_plan,
)
from core.crypto import encrypt, mac_key
from core.db import UnitOfWork
from core.errors import Conflict, InvalidInput
from core.models import Calendar, Meeting, User, utcnow
from core.models.calendar import CalendarCreate
from core.models.ownership import owned
from core.net import ssrf
from core.notifications import outbox
from core.settings import get_settings


def display_url(url: str) -> str:
    """Scheme and host only: the path and query of a calendar link are its secret."""
    return f"{url.split(':', 1)[0]}://{ssrf.host_of(url)}"


def source_key(kind: str, url: str, username: str | None = None) -> str:
    """A keyed hash that recognises the same source again without storing it in clear."""
    secret = get_settings().ensure_secret_key().encode()
    message = f"{kind}\n{url}\n{(username or '').lower()}".encode()
    return hmac.new(secret, b"calendar-source\n" + message, hashlib.sha256).hexdigest()


def connect(
    units: UnitOfWork, user: User, data: CalendarCreate, *, now: datetime | None = None
) -> list[Calendar]:
    """Connect an ICS link or a CalDAV account: download first, then one write unit."""
    now = now or utcnow()
    if data.kind == "caldav":
        if not data.username or not data.password:
            raise InvalidInput("a CalDAV account needs a username and a password")
        return connect_caldav(units, user, data.url, data.username, data.password, now=now)
    if data.username or data.password:
        raise InvalidInput(
            "username and password are for CalDAV accounts (kind: caldav); "
            "an ICS link carries its own secret"
        )
    return [connect_ics(units, user, data.url, now=now)]


def connect_ics(units: UnitOfWork, user: User, url: str, *, now: datetime) -> Calendar:
    """Download and parse the link (errors raised, not recorded), then store it and sync."""
    settings = get_settings()
    normal = ssrf.check_url(url, allow_private=settings.allow_private_networks)
    key = source_key("ics", normal)
    with units(reads_only=True) as session:
        _refuse_duplicate(session, user, key)
    plan = first_plan(user, kind="ics", url=normal, now=now)
    with fetch_feed(normal, digest_key=mac_key(BODY_PURPOSE)) as fetched:
        assert fetched.file is not None  # no validators were sent, so no 304
        parsed = parse_feed(
            fetched.file, plan.owner, plan.window, max_occurrences=settings.sync_max_occurrences
        )  # NotACalendar (422) when the link is a web page or anything else
    if not parsed.complete and not parsed.occurrences:
        raise InvalidInput(
            "no events could be read from that calendar: " + "; ".join(parsed.problems)[:400]
        )
    calendar = Calendar(
        user_id=_id(user),
        kind="ics",
        name=parsed.name or ssrf.host_of(normal),
        display_url=display_url(normal),
        url_encrypted=encrypt(normal, SECRET_PURPOSE),
        source_key=key,
    )
    with units() as session:
        _insert(session, calendar)
        apply_parsed(
            session,
            calendar,
            parsed,
            plan,
            now=now,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            body_hash=fetched.digest,
        )
    return calendar


def connect_caldav(
    units: UnitOfWork, user: User, url: str, username: str, password: str, *, now: datetime
) -> list[Calendar]:
    """Discover the account's event calendars and download each before storing anything."""
    found = caldav_source.discover(url, username, password)
    shown = display_url(ssrf.normalise_url(url))
    firsts = []
    for item in found:
        address = ssrf.normalise_url(item.url)
        key = source_key("caldav", address, username)
        plan = first_plan(
            user, kind="caldav", url=address, username=username, password=password, now=now
        )
        firsts.append((item, address, key, plan, download(plan)))  # network, no transaction
    created: list[Calendar] = []
    with units() as session:
        for item, address, key, plan, got in firsts:
            if _exists(session, user, key):
                continue
            calendar = Calendar(
                user_id=_id(user),
                kind="caldav",
                name=item.name,
                display_url=shown,
                url_encrypted=encrypt(address, SECRET_PURPOSE),
                username_encrypted=encrypt(username, SECRET_PURPOSE),
                password_encrypted=encrypt(password, SECRET_PURPOSE),
                source_key=key,
            )
            _insert(session, calendar)
            apply_download(session, calendar, plan, got, now=now)  # a failure goes to last_error
            created.append(calendar)
    if not created:
        raise Conflict("every calendar of that CalDAV account is already connected")
    return created


def list_calendars(session: Session, user: User) -> list[Calendar]:
    return list(
        session.exec(select(Calendar).where(Calendar.user_id == user.id).order_by(col(Calendar.id)))
    )


def delete_calendar(session: Session, user: User, calendar_id: int) -> None:
    calendar = owned(session, Calendar, calendar_id, user)
    meetings = list(session.exec(select(Meeting).where(Meeting.calendar_id == calendar.id)))
    outbox.meetings_changed(session, removed=meetings)
    session.execute(delete(Meeting).where(col(Meeting.calendar_id) == calendar.id))
    session.delete(calendar)
    session.flush()


def _refuse_duplicate(session: Session, user: User, key: str) -> None:
    if _exists(session, user, key):
        raise Conflict("this calendar is already connected")


def _exists(session: Session, user: User, key: str) -> bool:
    found = session.exec(
        select(Calendar.id).where(Calendar.user_id == user.id, Calendar.source_key == key)
    ).first()
    return found is not None


def _insert(session: Session, calendar: Calendar) -> None:
    session.add(calendar)
    try:
        session.flush()
    except IntegrityError:  # connected twice at the same moment
        raise Conflict("this calendar is already connected") from None


def _id(user: User) -> int:
    assert user.id is not None
    return user.id
