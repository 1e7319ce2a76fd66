"""Calendars and meetings (issue 4).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 00:28:54.084848
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar",
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("display_url", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("url_encrypted", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("username_encrypted", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("password_encrypted", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("etag", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("last_modified", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("last_synced_at", core.models.base.UTCDateTime(), nullable=True),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("failure_count", sa.Integer(), nullable=False),
        sa.Column("next_sync_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("lease_until", core.models.base.UTCDateTime(), nullable=True),
        sa.Column("sync_fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "source_key", name="uq_calendar_source"),
    )
    with op.batch_alter_table("calendar", schema=None) as batch_op:
        batch_op.create_index("ix_calendar_next_sync_at", ["next_sync_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_calendar_user_id"), ["user_id"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=False),
        sa.Column("uid", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("original_start", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("recurring", sa.Boolean(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("location", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("start", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("end", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("attendees", sa.JSON(), nullable=False),
        sa.Column("external_domains", sa.JSON(), nullable=False),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["calendar_id"], ["calendar.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("calendar_id", "uid", "original_start", name="uq_meeting_occurrence"),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_calendar_id"), ["calendar_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_user_id"), ["user_id"], unique=False)
        batch_op.create_index("ix_meeting_user_start", ["user_id", "start"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_user_start")
        batch_op.drop_index(batch_op.f("ix_meeting_user_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_calendar_id"))

    op.drop_table("meeting")
    with op.batch_alter_table("calendar", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_user_id"))
        batch_op.drop_index("ix_calendar_next_sync_at")

    op.drop_table("calendar")
