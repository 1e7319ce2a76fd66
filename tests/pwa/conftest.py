"""Helpers for page tests: meetings on a person's calendar and tips in the library.

Meetings are written as rows here because these tests are about pages, not
about calendar parsing (the calendars tests and the browser tests go through a
real feed); tips go through ``core.tips.service`` like every other write.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html.parser import HTMLParser

import pytest
from sqlmodel import Session

from core import crypto
from core.models import Calendar, Meeting, User, utcnow
from core.models.tip import TipCreate
from core.tips import service
from tests.clock import midday_zone


@pytest.fixture
def day_member(make_user):  # type: ignore[no-untyped-def]
    """A member for whom it is midday now, so "today" and "tomorrow" hold at any hour."""
    return make_user("member", timezone=midday_zone())


@pytest.fixture
def add_meeting(session: Session):  # type: ignore[no-untyped-def]
    calendars: dict[int, int] = {}

    def create(
        person,  # type: ignore[no-untyped-def]
        title: str = "Pricing call with Acme",
        *,
        start: datetime | None = None,
        minutes: int = 30,
        domains: tuple[str, ...] = ("acme.com",),
        description: str = "",
        location: str = "",
    ) -> Meeting:
        if person.id not in calendars:
            calendar = Calendar(
                user_id=person.id,
                url_encrypted=crypto.encrypt(
                    "https://calendar.example/secret-feed-token.ics", "calendar-url"
                ),
                name="Work",
                display_url="https://calendar.example",
            )
            session.add(calendar)
            session.flush()
            calendars[person.id] = calendar.id or 0
        start = start or utcnow() + timedelta(minutes=10)
        meeting = Meeting(
            user_id=person.id,
            calendar_id=calendars[person.id],
            uid=f"{title}-{start.isoformat()}",
            original_start=start,
            title=title,
            description=description,
            location=location,
            start=start,
            end=start + timedelta(minutes=minutes),
            attendees=[
                {"email": f"buyer@{d}", "name": "", "kind": "person", "partstat": ""}
                for d in domains
            ],
            external_domains=list(domains),
        )
        session.add(meeting)
        session.commit()
        return meeting

    return create


@pytest.fixture
def add_tip(session: Session):  # type: ignore[no-untyped-def]
    def create(person, body: str, *, title: str = "", tags=(), accounts=()):  # type: ignore[no-untyped-def]
        author = session.get(User, person.id)
        assert author is not None
        tip = service.create_tip(
            session,
            author,
            TipCreate(title=title, body=body, tags=list(tags), accounts=list(accounts)),
        )
        session.commit()
        return tip

    return create


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def assert_strict_page(html: str) -> None:
    """No inline script or style: every <script> loads a file; no style or on* attributes."""
    for tag, attrs in tags_of(html):
        assert tag != "style", "inline <style>"
        if tag == "script":
            assert attrs.get("src"), f"inline script: {attrs}"
        assert "style" not in attrs, f"style attribute on <{tag}>"
        handlers = [a for a in attrs if a.startswith("on")]
        assert not handlers, f"inline event handler on <{tag}>: {handlers}"
