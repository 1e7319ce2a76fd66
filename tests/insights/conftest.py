"""Fixtures for the curator's loop: the push fixtures (push-service stand-in, meetings,
subscriptions, delivery), the calendar fixtures (loopback ICS feeds), and a clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine

from tests.calendars.conftest import allow_private, feed_server, setting  # noqa: F401
from tests.push.conftest import (  # noqa: F401
    clock,
    deliver,
    make_meeting,
    private_networks,
    push_service,
    subscribe,
    unit_of_work,
)


class Travel:
    """Moves the real clock (every ``datetime.now``) forward: ``travel(days=181)``."""

    def __init__(self) -> None:
        from core.models import utcnow

        self.start = utcnow()
        self._traveller: Any = None

    def __call__(self, **delta: float) -> datetime:
        self.stop()
        moment = self.start + timedelta(**delta)
        self._traveller = time_machine.travel(moment, tick=True)
        self._traveller.start()
        return moment

    def stop(self) -> None:
        if self._traveller is not None:
            self._traveller.stop()
            self._traveller = None


@pytest.fixture
def travel() -> Iterator[Callable[..., datetime]]:
    traveller = Travel()
    yield traveller
    traveller.stop()


def post_tip(client: Any, person: Any, **fields: Any) -> dict[str, Any]:
    payload = {"body": "Ask who else they are evaluating.", **fields}
    response = client.post("/api/tips", headers=person.headers, json=payload)
    assert response.status_code == 201, response.text
    return response.json()


ACME_TIP = {
    "title": "Acme pricing: anchor on the three-year deal",
    "body": "In any Acme pricing negotiation, open with the multi-year discount; "
    "their procurement team always asks for it last.",
    "tags": ["pricing", "negotiation"],
    "accounts": ["acme.com"],
}
