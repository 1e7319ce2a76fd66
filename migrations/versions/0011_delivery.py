"""Delivery (issue 16): receipts, email channel bookkeeping, timing settings, absences.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receipt_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("shown_at", core.models.base.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("opened_at", core.models.base.UTCDateTime(), nullable=True))
        batch_op.create_unique_constraint("uq_notification_receipt_hash", ["receipt_hash"])
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_shown_at", core.models.base.UTCDateTime(), nullable=True)
        )
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("brief_channel", sa.String(length=8), nullable=False, server_default="push")
        )
        batch_op.add_column(
            sa.Column("fallback_minutes", sa.Integer(), nullable=False, server_default="5")
        )
        batch_op.add_column(
            sa.Column("travel_minutes", sa.Integer(), nullable=False, server_default="30")
        )
        batch_op.add_column(sa.Column("digest_at", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("quiet_start", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("quiet_end", sa.String(length=5), nullable=True))
    op.create_table(
        "brief_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("occurrence", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("tip_ids", sa.JSON(), nullable=False),
        sa.Column("helped", sa.JSON(), nullable=False),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "occurrence", "kind", name="uq_brief_email_once"),
    )
    with op.batch_alter_table("brief_email", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_brief_email_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_brief_email_meeting_id"), ["meeting_id"])
    op.create_table(
        "absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=False),
        sa.Column("start", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("end", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("why", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["calendar_id"], ["calendar.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_absence_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_absence_calendar_id"), ["calendar_id"])
        batch_op.create_index("ix_absence_user_span", ["user_id", "start", "end"])


def downgrade() -> None:
    op.drop_table("absence")
    op.drop_table("brief_email")
    with op.batch_alter_table("user", schema=None) as batch_op:
        for name in (
            "quiet_end",
            "quiet_start",
            "digest_at",
            "travel_minutes",
            "fallback_minutes",
            "brief_channel",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_column("last_shown_at")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint("uq_notification_receipt_hash", type_="unique")
        batch_op.drop_column("opened_at")
        batch_op.drop_column("shown_at")
        batch_op.drop_column("receipt_hash")
