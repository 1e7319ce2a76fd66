"""Schemathesis over the OpenAPI schema: no 500s, no response that breaks the schema.

It runs as a curator (exempt from write limits, allowed everywhere) with a few
tips in place, so generated requests reach real code paths, not just 401s.
"""

from __future__ import annotations

import httpx
import httpx2
import pytest
import schemathesis
from hypothesis import settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)
from sqlmodel import Session

from tests.fuzzing import examples


@pytest.fixture
def session(engine, fresh_engine):  # engine: the app's own database is migrated too
    """A database of its own whose requests really commit, one transaction each, as in
    production. The suite's usual session (one transaction rolled back at the end, a
    savepoint per request) would hold every request's locks until the run ends, and a
    long `make fuzz` pass on PostgreSQL then runs out of lock slots ("out of shared
    memory"): a limit of the test harness, not of the server."""
    with Session(fresh_engine, expire_on_commit=False) as db:
        yield db


@pytest.fixture
def api_schema(app, session, curator, member, monkeypatch):
    from core.models.tip import TipCreate
    from core.people import accounts
    from core.settings import get_settings
    from core.tips.service import create_tip

    author = accounts.get_user_by_email(session, member.email)
    for n in range(3):
        create_tip(
            session, author, TipCreate(body=f"Seed tip {n}", tags=["seed"], accounts=["acme.com"])
        )
    session.commit()
    monkeypatch.setattr(get_settings(), "public_metrics", True)  # /openapi.json is for operators
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    schema.curator_headers = curator.headers  # type: ignore[attr-defined]
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=examples(25))
def test_api_never_errors_and_keeps_its_schema(case, client, curator):
    if case.path in ("/api/auth/logout",):
        pytest.skip("would end the fuzzer's own session")
    # Sent through FastAPI's TestClient (httpx): schemathesis' own requests transport
    # trips over urllib3-future, which caldav's niquests installs.
    kwargs = case.as_transport_kwargs(base_url="http://testserver", headers=curator.headers)
    kwargs.pop("cookies", None)
    try:
        response = client.request(
            kwargs.pop("method"),
            kwargs.pop("url"),
            **{
                k: v
                for k, v in kwargs.items()
                if k in ("headers", "params", "json", "content", "data", "files")
            },
        )
    except (httpx.InvalidURL, httpx2.InvalidURL):  # TestClient's engine may be either
        # Found by `make fuzz`: 4,000 characters of non-ASCII text in a query parameter
        # percent-encode past httpx's 64 KiB URL limit; no client can send that request.
        return
    case.validate_response(
        response,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
