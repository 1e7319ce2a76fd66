"""Test fixtures shared by every package.

The suite runs twice (``make test``): ``TIPOFF_TEST_DB=sqlite`` and
``TIPOFF_TEST_DB=postgres``. On PostgreSQL each run migrates a schema of its
own inside ``TIPOFF_TEST_DATABASE_URL``, so parallel runs never collide. Every
test runs inside a transaction that is rolled back afterwards; code under test
may ``commit`` freely (it commits a savepoint).
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import Request
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

pytest_plugins = ["tests.mail.fixtures"]  # smtp_server, mail_unit_of_work

TEST_DB = os.environ.get("TIPOFF_TEST_DB", "sqlite")
PG_URL = os.environ.get("TIPOFF_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")

_DATA_DIR = Path(tempfile.mkdtemp(prefix="tipoff-test-"))
_SCHEMA = f"t_{os.getpid()}_{secrets.token_hex(3)}"


def _database_url() -> str:
    from core.settings import normalise_database_url

    if TEST_DB == "postgres":
        base = normalise_database_url(PG_URL)
        joiner = "&" if "?" in base else "?"
        return f"{base}{joiner}options={quote(f'-csearch_path={_SCHEMA}')}"
    return f"sqlite:///{_DATA_DIR / 'test.db'}"


# Settings are read from the environment, so set it before anything imports them.
os.environ.update(
    {
        "TIPOFF_DATA_DIR": str(_DATA_DIR),
        "TIPOFF_DATABASE_URL": _database_url(),
        "TIPOFF_SECRET_KEY": "test-secret-key-not-for-production",
        "TIPOFF_RUN_SCHEDULER": "false",
        "TIPOFF_ALLOW_PRIVATE_NETWORKS": "false",
    }
)


from tests.fuzzing import load_profile  # noqa: E402 - after the environment is set

load_profile()


@pytest.fixture(scope="session")
def engine() -> Iterator[Engine]:
    from core.db import get_engine
    from core.migrate import upgrade
    from core.settings import get_settings

    get_settings.cache_clear()
    get_engine.cache_clear()
    if TEST_DB == "postgres":
        from core.db import make_engine
        from core.settings import normalise_database_url

        admin = make_engine(normalise_database_url(PG_URL))
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{_SCHEMA}"'))
    engine = get_engine()
    upgrade(engine)
    yield engine
    engine.dispose()
    if TEST_DB == "postgres":
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{_SCHEMA}" CASCADE'))
        admin.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session whose work is rolled back after the test, whatever it committed."""
    connection = engine.connect()
    transaction = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield db
    finally:
        db.close()
        transaction.rollback()
        connection.close()


@pytest.fixture
def fresh_engine() -> Iterator[Engine]:
    """A migrated database of its own (temp SQLite file or a new PostgreSQL schema)."""
    from core.db import make_engine
    from core.migrate import upgrade
    from core.settings import normalise_database_url

    directory = Path(tempfile.mkdtemp(prefix="tipoff-cal-"))
    schema = f"c_{os.getpid()}_{secrets.token_hex(3)}"
    admin = None
    if TEST_DB == "postgres":
        base = normalise_database_url(PG_URL)
        admin = make_engine(base)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        joiner = "&" if "?" in base else "?"
        url = f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    else:
        url = f"sqlite:///{directory / 'tipoff.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.url_for_subprocess = url  # type: ignore[attr-defined]
    yield engine
    engine.dispose()
    if admin is not None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    from core import ratelimit

    ratelimit.reset()
    yield


@pytest.fixture
def app(session: Session):
    """The FastAPI app, with every request using the test's session."""
    from api.deps import (
        finish_request,
        get_read_session,
        get_session,
        get_units,
        get_write_session,
    )
    from app.main import create_fastapi
    from core.db import units_within

    application = create_fastapi(run_scheduler=False)

    def test_session(request: Request) -> Iterator[Session]:
        try:
            yield session
            finish_request(request, session)
            session.commit()
        except BaseException:
            session.rollback()
            raise

    application.dependency_overrides[get_session] = test_session
    application.dependency_overrides[get_write_session] = test_session
    application.dependency_overrides[get_read_session] = test_session
    application.dependency_overrides[get_units] = lambda: units_within(session)
    return application


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def browser_client(app):
    """A client through the full middleware stack, CSRF included (cookie-authenticated)."""
    from fastapi.testclient import TestClient

    from api.hardening import harden

    with TestClient(harden(app, "test-secret-key-not-for-production")) as test_client:
        yield test_client


@dataclass
class Person:
    """A user of the test, with ready-made Authorization headers."""

    id: int
    email: str
    name: str
    role: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
def make_user(session: Session):
    from core.models import Role
    from core.people import accounts

    counter = iter(range(1, 10_000))

    def factory(
        role: str = "member", *, email: str | None = None, name: str | None = None,
        password: str | None = "correct horse battery", timezone: str = "UTC",
    ) -> Person:  # fmt: skip
        n = next(counter)
        user = accounts.create_user(
            session,
            email=email or f"{role}{n}@northwind.example",
            name=name or f"{role.title()} {n}",
            role=Role(role),
            timezone=timezone,
            password=password,
        )
        token = accounts.create_api_token(session, user)
        session.commit()
        assert user.id is not None
        return Person(id=user.id, email=user.email, name=user.name, role=role, token=token)

    return factory


@pytest.fixture
def member(make_user) -> Person:
    return make_user("member")


@pytest.fixture
def other_member(make_user) -> Person:
    return make_user("member")


@pytest.fixture
def curator(make_user) -> Person:
    return make_user("curator")


@pytest.fixture
def admin(make_user) -> Person:
    return make_user("admin")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run browser tests last: Playwright's sync API keeps an event loop running in the
    main thread while its session fixtures live, which would break asyncio.run() in
    tests collected after them."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
