"""scim2-tester, the SCIM conformance checker, against a live ``tipoff serve`` on loopback.

The server is a real subprocess with a database of its own: SQLite in a
temporary directory, or on PostgreSQL a fresh schema, so the checker's many
creations never touch the shared test database. Every check must pass.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, TEST_DB
from tests.live import free_port, serve_tipoff, tipoff_env


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if TEST_DB != "postgres":
        yield f"sqlite:///{tmp_path_factory.mktemp('scim') / 'tipoff.db'}"
        return
    from core.db import make_engine
    from core.settings import normalise_database_url

    schema = f"scim_{secrets.token_hex(4)}"
    admin = make_engine(normalise_database_url(PG_URL))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    base = normalise_database_url(PG_URL)
    joiner = "&" if "?" in base else "?"
    yield f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_scim2_tester_finds_nothing_wrong(tmp_path, database_url):
    import httpx2
    from scim2_client.engines.httpx2 import SyncSCIMClient
    from scim2_tester import Status, check_server

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = tipoff_env(tmp_path, public_url=url, run_scheduler="false", database_url=database_url)
    tipoff = str(Path(sys.executable).with_name("tipoff"))
    made = subprocess.run(
        [tipoff, "scim", "token"], env=env, capture_output=True, text=True, check=True
    )
    token = made.stdout.strip().splitlines()[-1]
    server = serve_tipoff(env, port)
    try:
        with httpx2.Client(
            base_url=f"{url}/scim/v2", headers={"Authorization": f"Bearer {token}"}, timeout=30
        ) as http:
            results = check_server(SyncSCIMClient(http))
    finally:
        server.stop()
    failures = [
        f"{r.title} {getattr(r, 'resource_type', '')}: {r.reason}"
        for r in results
        if r.status != Status.SUCCESS
    ]
    assert len(results) > 100
    assert failures == [], "\n".join(failures) + "\n" + server.log[-3000:]
