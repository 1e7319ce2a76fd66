"""Helpers for ranking tests: tips written through the service, meetings as a sync stores them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session

from core.models import Calendar, Meeting, Tip, User, utcnow
from core.models.tip import TipCreate
from core.tips.service import create_tip


@pytest.fixture
def add_tip(session: Session) -> Callable[..., Tip]:
    def factory(author_id: int, body: str, *, tags: list[str] | None = None,
                accounts: list[str] | None = None, title: str = "") -> Tip:  # fmt: skip
        author = session.get(User, author_id)
        assert author is not None
        tip = create_tip(
            session, author, TipCreate(title=title, body=body, tags=tags, accounts=accounts)
        )
        session.commit()
        return tip

    return factory


@pytest.fixture
def add_meeting(session: Session) -> Callable[..., Meeting]:
    calendars: dict[int, int] = {}

    def factory(user_id: int, title: str, *, attendees: list[str] | None = None,
                description: str = "", location: str = "") -> Meeting:  # fmt: skip
        if user_id not in calendars:
            calendar = Calendar(user_id=user_id, url_encrypted="-", source_key=f"test-{user_id}")
            session.add(calendar)
            session.flush()
            calendars[user_id] = calendar.id or 0
        owner = session.get(User, user_id)
        assert owner is not None
        own = owner.email.rsplit("@", 1)[1]
        people: list[dict[str, Any]] = [
            {"email": a.lower(), "name": "", "kind": "person", "partstat": "ACCEPTED"}
            for a in attendees or []
        ]
        domains = sorted({p["email"].rsplit("@", 1)[1] for p in people} - {own})
        start = utcnow() + timedelta(days=1)
        meeting = Meeting(
            user_id=user_id,
            calendar_id=calendars[user_id],
            uid=f"{title}-{len(calendars)}-{start.timestamp()}",
            original_start=start,
            title=title,
            description=description,
            location=location,
            start=start,
            end=start + timedelta(minutes=30),
            attendees=people,
            external_domains=domains,
        )
        session.add(meeting)
        session.commit()
        return meeting

    return factory
