"""Briefs: tip profiles and ranking indexes, brief feedback (issue 5).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tip_profile",
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("facets", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=True),
        sa.Column("updated_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["tip_id"], ["tip.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tip_id"),
    )
    op.create_table(
        "tip_facet",
        sa.Column("facet", sqlmodel.sql.sqltypes.AutoString(length=48), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["tip_id"], ["tip.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("facet", "tip_id"),
    )
    with op.batch_alter_table("tip_facet", schema=None) as batch_op:
        batch_op.create_index("ix_tip_facet_lookup", ["facet", "weight", "tip_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tip_facet_tip_id"), ["tip_id"], unique=False)

    op.create_table(
        "tip_org",
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("org", sqlmodel.sql.sqltypes.AutoString(length=253), nullable=False),
        sa.Column("name_key", sqlmodel.sql.sqltypes.AutoString(length=253), nullable=False),
        sa.ForeignKeyConstraint(["tip_id"], ["tip.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tip_id", "org"),
    )
    with op.batch_alter_table("tip_org", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tip_org_org"), ["org"], unique=False)
        batch_op.create_index(batch_op.f("ix_tip_org_name_key"), ["name_key"], unique=False)

    op.create_table(
        "ranking_term",
        sa.Column("term", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )

    op.create_table(
        "brief_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tip_id"], ["tip.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "tip_id", "user_id", name="uq_brief_feedback"),
    )
    with op.batch_alter_table("brief_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_brief_feedback_meeting_id"), ["meeting_id"])
        batch_op.create_index(batch_op.f("ix_brief_feedback_tip_id"), ["tip_id"])
        batch_op.create_index(batch_op.f("ix_brief_feedback_user_id"), ["user_id"])


def downgrade() -> None:
    with op.batch_alter_table("brief_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_brief_feedback_user_id"))
        batch_op.drop_index(batch_op.f("ix_brief_feedback_tip_id"))
        batch_op.drop_index(batch_op.f("ix_brief_feedback_meeting_id"))
    op.drop_table("brief_feedback")
    op.drop_table("ranking_term")
    with op.batch_alter_table("tip_org", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_org_name_key"))
        batch_op.drop_index(batch_op.f("ix_tip_org_org"))
    op.drop_table("tip_org")
    with op.batch_alter_table("tip_facet", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_facet_tip_id"))
        batch_op.drop_index("ix_tip_facet_lookup")
    op.drop_table("tip_facet")
    op.drop_table("tip_profile")
