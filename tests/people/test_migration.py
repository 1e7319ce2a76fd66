"""Migration 0009 creates exactly what the people, audit and mail models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import core.models  # noqa: F401  (every table registered)

TABLES = {"audit_event", "outgoing_mail", "password_reset", "user", "web_session"}


def _tables(diff) -> set[str]:
    items = diff if isinstance(diff, list) else [diff]
    names = set()
    for item in items:
        for part in item[1:]:
            table = getattr(part, "table", None)
            if table is not None and getattr(table, "name", None):
                names.add(str(table.name))
            elif isinstance(part, str):
                names.add(part)
            elif getattr(part, "name", None):
                names.add(str(part.name))
    return names


def test_migration_matches_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, SQLModel.metadata)
    assert [d for d in diffs if _tables(d) & TABLES] == []
