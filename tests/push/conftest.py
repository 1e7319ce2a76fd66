"""Fixtures for the push tests: the push-service stand-in, meetings, tips, a clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select

from tests.push.pushservice import PushService, Subscriber


@pytest.fixture
def private_networks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in listens on loopback, which the SSRF policy refuses by default."""
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "allow_private_networks", True)


@pytest.fixture
def push_service(session: Session, private_networks: None) -> Iterator[PushService]:
    from core.push.vapid import public_key

    with PushService(public_key(session)) as service:
        yield service


@pytest.fixture
def unit_of_work(session: Session) -> Callable[[], Any]:
    """What ``deliver_due`` opens per step, bound to the test's session (rolled back after)."""

    @contextmanager
    def unit() -> Iterator[Session]:
        yield session
        session.commit()

    return unit


class Clock:
    """A movable "now" for the outbox; the push service still checks VAPID against real time."""

    def __init__(self) -> None:
        from core.models import utcnow

        self.offset = timedelta()
        self._utcnow = utcnow

    def __call__(self) -> datetime:
        return self._utcnow() + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def deliver(session: Session, unit_of_work: Callable[[], Any], clock: Clock) -> Callable[..., Any]:
    """Run one delivery pass (a fresh event loop each time, like a restarted worker)."""
    from core.notifications.deliver import deliver_due
    from core.push.webpush import close_shared_sender

    async def one_pass(**kwargs: Any) -> Any:
        try:
            return await deliver_due(unit_of_work, now=clock, budget_seconds=10, **kwargs)
        finally:
            await close_shared_sender()

    def run(**kwargs: Any) -> Any:
        report = asyncio.run(one_pass(**kwargs))
        session.expire_all()
        return report

    return run


@pytest.fixture
def make_meeting(session: Session) -> Callable[..., Any]:
    from core.crypto import encrypt
    from core.models import Calendar, Meeting, utcnow

    counter = iter(range(1, 100_000))

    def factory(
        user_id: int, *, title: str = "Acme pricing negotiation", in_minutes: float = 20,
        minutes: int = 30, domains: tuple[str, ...] = ("acme.com",), start: datetime | None = None,
    ) -> Meeting:  # fmt: skip
        calendar = session.exec(select(Calendar).where(Calendar.user_id == user_id)).first()
        if calendar is None:
            calendar = Calendar(user_id=user_id, url_encrypted=encrypt("https://cal.example/feed"))
            session.add(calendar)
            session.flush()
        assert calendar.id is not None
        begins = start or utcnow() + timedelta(minutes=in_minutes)
        meeting = Meeting(
            user_id=user_id,
            calendar_id=calendar.id,
            uid=f"event-{next(counter)}@example.com",
            original_start=begins,
            title=title,
            start=begins,
            end=begins + timedelta(minutes=minutes),
            attendees=[
                {"email": f"buyer@{d}", "name": "Buyer", "kind": "person", "partstat": "ACCEPTED"}
                for d in domains
            ],
            external_domains=list(domains),
        )
        session.add(meeting)
        session.flush()
        return meeting

    return factory


@pytest.fixture
def acme_tip(session: Session, make_user: Callable[..., Any]) -> Any:
    """A tip any sensible ranking picks for an Acme pricing negotiation."""
    from core.models import User
    from core.models.tip import TipCreate
    from core.tips.service import create_tip

    author = session.get(User, make_user("member").id)
    assert author is not None
    tip = create_tip(
        session,
        author,
        TipCreate(
            title="Acme pricing: anchor on the three-year deal",
            body="In any Acme pricing negotiation, open with the multi-year discount; "
            "their procurement team always asks for it last. 🎯",
            tags=["pricing", "negotiation"],
            accounts=["acme.com"],
        ),
    )
    session.commit()
    return tip


@pytest.fixture
def subscribe(session: Session, push_service: PushService) -> Callable[..., tuple[Subscriber, Any]]:
    """A browser subscribes and registers itself as a device of ``user_id``."""
    from core.models import User
    from core.notifications.devices import DeviceCreate, register

    def factory(user_id: int, name: str = "Phone") -> tuple[Subscriber, Any]:
        subscriber = push_service.subscribe()
        user = session.get(User, user_id)
        assert user is not None
        device = register(session, user, DeviceCreate(**subscriber.to_json(), name=name))
        session.commit()
        return subscriber, device

    return factory


class Phone:
    """Plays the service worker's side of receipts: for each push the stand-in decrypted,
    report ``shown`` (and optionally ``opened``) with the payload's receipt token, as
    ``sw.js`` does after ``showNotification``."""

    def __init__(self, session: Session, service: PushService, clock: Clock) -> None:
        self.session = session
        self.service = service
        self.clock = clock
        self.reported: set[tuple[str, str]] = set()

    def show(self, subscriber: Subscriber | None = None, *, event: str = "shown") -> int:
        from core.errors import NotFound
        from core.notifications import receipts

        count = 0
        for received in self.service.received:
            payload = received.payload or {}
            token = payload.get("receipt")
            if not token or not 200 <= received.status < 300 or (token, event) in self.reported:
                continue
            if subscriber is not None and received.path != subscriber.path:
                continue
            self.reported.add((token, event))
            try:
                receipts.record(self.session, token, event, now=self.clock())  # type: ignore[arg-type]
            except NotFound:  # a push re-armed since (moved meeting): its old token is void
                continue
            count += 1
        self.session.commit()
        return count


@pytest.fixture
def phone(session: Session, push_service: PushService, clock: Clock) -> Phone:
    return Phone(session, push_service, clock)
