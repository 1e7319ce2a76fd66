"""Briefs that learn (issue 13): feedback marks; private and free calendar entries.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("private", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("free", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "feedback_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("occasion", sa.String(length=64), nullable=False),
        sa.Column("series", sa.String(length=64), nullable=False),
        sa.Column("orgs", sa.JSON(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("external", sa.Boolean(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=True),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("updated_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["tip_id"], ["tip.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tip_id", "user_id", "occasion", name="uq_feedback_mark"),
    )
    with op.batch_alter_table("feedback_mark", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_mark_tip_id"), ["tip_id"])
        batch_op.create_index(batch_op.f("ix_feedback_mark_user_id"), ["user_id"])
        batch_op.create_index("ix_feedback_mark_series", ["series", "helpful"])


def downgrade() -> None:
    with op.batch_alter_table("feedback_mark", schema=None) as batch_op:
        batch_op.drop_index("ix_feedback_mark_series")
        batch_op.drop_index(batch_op.f("ix_feedback_mark_user_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_mark_tip_id"))
    op.drop_table("feedback_mark")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("free")
        batch_op.drop_column("private")
