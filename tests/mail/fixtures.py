"""Mail fixtures for every test package (loaded by tests/conftest.py through
``pytest_plugins``): a loopback SMTP server wired into the settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from pydantic import SecretStr
from sqlmodel import Session

from tests.mail.smtpserver import MailServer


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[MailServer]:
    from core.settings import get_settings

    with MailServer() as server:
        monkeypatch.setattr(get_settings(), "smtp_url", SecretStr(server.url()))
        monkeypatch.setattr(get_settings(), "mail_from", "Tipoff <tipoff@northwind.example>")
        yield server


@pytest.fixture
def mail_unit_of_work(session: Session) -> Callable[[], Any]:
    """What ``deliver_due_mail`` opens, bound to the test's session (rolled back after)."""

    @contextmanager
    def unit() -> Iterator[Session]:
        yield session
        session.commit()

    return unit
