"""Migration 0012 creates exactly what the models describe, on both databases."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import core.models  # noqa: F401  (every table registered)

TABLES = {
    "tip",
    "user",
    "contact",
    "tip_request",
    "request_answer",
    "usage_count",
    "usage_seen",
    "usage_salt",
    "usage_cursor",
    "insights_policy",
}


def _table_of(diff: Any) -> str | None:
    if isinstance(diff, list):  # modify_* come as lists of tuples
        diff = diff[0]
    for part in diff[1:]:
        name = getattr(part, "name", None) if not isinstance(part, str) else part
        table = getattr(part, "table", None)
        if table is not None and getattr(table, "name", None):
            return str(table.name)
        if name in TABLES:
            return str(name)
    return None


def test_migration_matches_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, SQLModel.metadata)
    assert [d for d in diffs if _table_of(d) in TABLES] == []
