"""Alembic environment: runs against a connection handed in by ``core.migrate``
or, when called through the ``alembic`` command, the configured database."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import core.models  # noqa: F401  (registers every table on SQLModel.metadata)
from core.db import make_engine
from core.settings import get_settings

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(get_settings().effective_database_url)
    with engine.begin() as conn:
        _run(conn)


def _include_name(name: str | None, type_: str, _parents: object) -> bool:
    """The full-text index tables are managed by hand (FTS5 / tsvector), not autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith("tip_search"))


def _run(connection: object) -> None:
    context.configure(
        include_name=_include_name,
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode to alter tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
