"""Shorter names of a tip's organisation, for titles that say "Northgate" (issue 13).

Revision ID: 0013
Revises: 0012

The rows are written by the ranking's indexer; ``tipoff ranking reindex``
fills them for existing tips (the profile version changed with them).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tip_org_name",
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("org", sqlmodel.sql.sqltypes.AutoString(length=253), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=253), nullable=False),
        sa.ForeignKeyConstraint(["tip_id"], ["tip.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tip_id", "org", "name"),
    )
    with op.batch_alter_table("tip_org_name", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tip_org_name_name"), ["name"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tip_org_name", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_org_name_name"))
    op.drop_table("tip_org_name")
