"""A throwaway, migrated database whose rows are committed for real.

The multi-process tests and benchmarks need data other connections and other
processes can see, which the per-test rolled-back session cannot give. On
PostgreSQL this is a fresh schema (selected through ``search_path`` in the URL,
so child processes given the URL land in it too); on SQLite a temporary file.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import text
from sqlalchemy.engine import Engine

from core.db import make_engine
from core.migrate import upgrade
from core.settings import normalise_database_url

PG_URL = os.environ.get("TIPOFF_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


@contextmanager
def fresh_database(kind: str) -> Iterator[tuple[str, Engine]]:
    """Yield (URL, engine) of an empty database with every migration applied."""
    if kind == "postgres":
        base = normalise_database_url(PG_URL)
        schema = f"push_{os.getpid()}_{secrets.token_hex(3)}"
        admin = make_engine(base)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        joiner = "&" if "?" in base else "?"
        url = f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
        engine = make_engine(url)
        try:
            upgrade(engine)
            yield url, engine
        finally:
            engine.dispose()
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
        return
    with tempfile.TemporaryDirectory(prefix="tipoff-push-") as directory:
        url = f"sqlite:///{Path(directory) / 'push.db'}"
        engine = make_engine(url)
        try:
            upgrade(engine)
            yield url, engine
        finally:
            engine.dispose()
