"""The migrations create exactly what the models describe, on both databases.

One comparison for every table the models declare (Alembic's autogenerate diff of the
migrated test database against ``SQLModel.metadata``), so a model change without its
migration, or a migration that drifts from its model, fails here whatever room it is in.
Tables the models do not declare (SQLite's full-text index, Alembic's own) are not ours
to compare.
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import core.models  # noqa: F401  (every table registered)

DECLARED = set(SQLModel.metadata.tables)


def _table_of(diff: Any) -> str | None:
    if isinstance(diff, list):  # modify_* come as lists of tuples
        diff = diff[0]
    for part in diff[1:]:
        table = getattr(part, "table", None)
        if table is not None and getattr(table, "name", None):
            return str(table.name)
        name = part if isinstance(part, str) else getattr(part, "name", None)
        if name in DECLARED:
            return str(name)
    return None


def test_every_declared_table_matches_its_migration(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, SQLModel.metadata)
    assert [d for d in diffs if _table_of(d) in DECLARED] == []
    assert len(DECLARED) > 30  # every room's models were imported
