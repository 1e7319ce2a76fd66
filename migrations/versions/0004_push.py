"""VAPID keys, devices, notification outbox (issue 6).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vapid_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("public_key", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("private_key_encrypted", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "device",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("endpoint", sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=False),
        sa.Column("p256dh", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("auth", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("expires_at", core.models.base.UTCDateTime(), nullable=True),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("last_sent_at", core.models.base.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("endpoint"),
    )
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_user_id"), ["user_id"], unique=False)

    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("occurrence", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("due_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("expires_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("lead_minutes", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", core.models.base.UTCDateTime(), nullable=True),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("sent_at", core.models.base.UTCDateTime(), nullable=True),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["device.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("device_id", "occurrence", "kind", name="uq_notification_once"),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index("ix_notification_due", ["state", "due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_notification_device_id"), ["device_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_notification_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_notification_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_user_id"))
        batch_op.drop_index(batch_op.f("ix_notification_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_notification_device_id"))
        batch_op.drop_index("ix_notification_due")
    op.drop_table("notification")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_user_id"))
    op.drop_table("device")
    op.drop_table("vapid_key")
