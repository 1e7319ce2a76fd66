"""Migration 0010 creates exactly what the SSO and SCIM models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import core.models  # noqa: F401  (every table registered)

TABLES = {"external_identity", "scim_group", "scim_group_member", "scim_token", "scim_user", "user"}


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
