"""Committed outbox data for the multi-process tests and the benchmarks.

Rows are written the way production writes them: meetings through
``outbox.meetings_changed`` (the planner), devices through ``devices.register``
(the API's checks). ``prepare`` then builds the payloads with the real ranking.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlmodel import Session

from core.calendars.sync import SECRET_PURPOSE
from core.crypto import encrypt
from core.models import Calendar, Meeting, Role, utcnow
from core.models.tip import TipCreate
from core.notifications import outbox
from core.notifications.devices import DeviceCreate, register
from core.people import accounts
from core.tips.service import create_tip
from tests.push.pushservice import Subscriber

ACCOUNTS = ["acme.com", "globex.com", "initech.com", "umbrella.com", "hooli.com"]


def seed_tips(session: Session) -> None:
    author = accounts.create_user(
        session, email="author@northwind.example", name="Author", role=Role.member
    )
    for domain in ACCOUNTS:
        name = domain.split(".")[0].title()
        for n in range(3):
            create_tip(
                session,
                author,
                TipCreate(
                    title=f"{name} pricing: lesson {n + 1}",
                    body=f"In every {name} pricing negotiation, remember lesson {n + 1}: anchor "
                    "on the multi-year deal, bring the usage numbers, and let procurement ask "
                    "for the discount last. Their CFO signs off on anything under budget. " * 2,
                    tags=["pricing", "negotiation"],
                    accounts=[domain],
                ),
            )
    session.flush()


def seed_meetings(
    session: Session,
    subscribers: Sequence[Subscriber],
    *,
    meetings_per_device: int,
    starts_in: timedelta = timedelta(minutes=20),
) -> int:
    """One user per subscriber, ``meetings_per_device`` Acme-style meetings each, all planned."""
    now = utcnow()
    planned = 0
    for index, subscriber in enumerate(subscribers):
        user = accounts.create_user(
            session, email=f"rep{index}@northwind.example", name=f"Rep {index}", role=Role.member
        )
        register(session, user, DeviceCreate(**subscriber.to_json(), name=f"Phone {index}"))
        assert user.id is not None
        calendar = Calendar(
            user_id=user.id,
            url_encrypted=encrypt("https://cal.example/x", SECRET_PURPOSE),
            next_sync_at=now + timedelta(days=365),  # meetings are written here, not synced
        )
        session.add(calendar)
        session.flush()
        assert calendar.id is not None
        meetings = []
        for n in range(meetings_per_device):
            domain = ACCOUNTS[(index + n) % len(ACCOUNTS)]
            start = now + starts_in + timedelta(seconds=n)
            meetings.append(
                Meeting(
                    user_id=user.id,
                    calendar_id=calendar.id,
                    uid=f"meeting-{index}-{n}@northwind.example",
                    original_start=start,
                    title=f"{domain.split('.')[0].title()} pricing negotiation",
                    start=start,
                    end=start + timedelta(minutes=30),
                    attendees=[{"email": f"buyer@{domain}", "name": "Buyer", "kind": "person"}],
                    external_domains=[domain],
                )
            )
        session.add_all(meetings)
        session.flush()
        outbox.meetings_changed(session, added=meetings)
        planned += len(meetings)
    return planned
