"""The curator's loop: tip owners and review dates, who met whom, requests, usage (issue 17).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.models.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

REVIEW_DAYS = 180


def _tip_columns() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # ADD COLUMN keeps the table (a batch rebuild would drop it, and with foreign
        # keys on, the drop would cascade into tip_tag, votes, …). SQLite does not
        # reflect ON DELETE of such a column, so like author_id it has none: whoever
        # removes a person hands their tips on first.
        op.execute('ALTER TABLE tip ADD COLUMN owner_id INTEGER REFERENCES "user" (id)')
    else:
        op.add_column("tip", sa.Column("owner_id", sa.Integer(), nullable=True))
        op.create_foreign_key("tip_owner_id_fkey", "tip", "user", ["owner_id"], ["id"])
    op.add_column(
        "tip",
        sa.Column("review_days", sa.Integer(), nullable=False, server_default=str(REVIEW_DAYS)),
    )
    op.add_column("tip", sa.Column("verified_at", core.models.base.UTCDateTime(), nullable=True))
    op.add_column("tip", sa.Column("review_due_at", core.models.base.UTCDateTime(), nullable=True))
    op.add_column("tip", sa.Column("retires_at", core.models.base.UTCDateTime(), nullable=True))
    op.create_index("ix_tip_owner_id", "tip", ["owner_id"])
    op.create_index("ix_tip_review_due_at", "tip", ["review_due_at"])
    # Existing tips: their author owns them, and their first review is due 180 days
    # after they were written.
    tip = sa.table(
        "tip",
        sa.column("id", sa.Integer()),
        sa.column("author_id", sa.Integer()),
        sa.column("created_at", core.models.base.UTCDateTime()),
        sa.column("owner_id", sa.Integer()),
        sa.column("review_due_at", core.models.base.UTCDateTime()),
        sa.column("retires_at", core.models.base.UTCDateTime()),
    )
    rows = bind.execute(sa.select(tip.c.id, tip.c.author_id, tip.c.created_at)).all()
    for start in range(0, len(rows), 1000):
        bind.execute(
            tip.update()
            .where(tip.c.id == sa.bindparam("tid"))
            .values(
                owner_id=sa.bindparam("owner"),
                review_due_at=sa.bindparam("due"),
                retires_at=sa.bindparam("retires"),
            ),
            [
                {
                    "tid": r[0],
                    "owner": r[1],
                    "due": r[2] + timedelta(days=REVIEW_DAYS),
                    "retires": r[2] + timedelta(days=2 * REVIEW_DAYS),
                }
                for r in rows[start : start + 1000]
            ],
        )


def upgrade() -> None:
    _tip_columns()
    for name, default in (("requests_enabled", sa.true()), ("show_in_helpers", sa.false())):
        op.add_column("user", sa.Column(name, sa.Boolean(), nullable=False, server_default=default))
    op.add_column(
        "user", sa.Column("review_reminded_at", core.models.base.UTCDateTime(), nullable=True)
    )
    op.create_table(
        "contact",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("org", sqlmodel.sql.sqltypes.AutoString(length=253), nullable=False),
        sa.Column("met_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "org", "met_on"),
    )
    op.create_index("ix_contact_org_met_on", "contact", ["org", "met_on"])
    op.create_table(
        "tip_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=True),
        sa.Column("account", sqlmodel.sql.sqltypes.AutoString(length=253), nullable=True),
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("auto", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("asked", sa.Integer(), nullable=False),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.Column("answered_at", core.models.base.UTCDateTime(), nullable=True),
        sa.Column("closed_at", core.models.base.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["requester_id"], ["user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tip_request_requester_id", "tip_request", ["requester_id"])
    op.create_index("ix_tip_request_account", "tip_request", ["account", "created_at"])
    op.create_table(
        "request_answer",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["tip_request.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tip_id"], ["tip.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("request_id", "tip_id"),
    )
    op.create_table(
        "usage_count",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("metric", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("week", "key", "metric"),
    )
    op.create_table(
        "usage_seen",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.PrimaryKeyConstraint("week", "key", "digest"),
    )
    op.create_table(
        "usage_salt",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("salt", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint("week"),
    )
    op.create_table(
        "usage_cursor",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("at", core.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "insights_policy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("min_group", sa.Integer(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["changed_by_id"], ["user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for table in (
        "insights_policy",
        "usage_cursor",
        "usage_salt",
        "usage_seen",
        "usage_count",
        "request_answer",
        "tip_request",
        "contact",
    ):
        op.drop_table(table)
    with op.batch_alter_table("user") as batch_op:
        batch_op.drop_column("review_reminded_at")
        batch_op.drop_column("show_in_helpers")
        batch_op.drop_column("requests_enabled")
    op.drop_index("ix_tip_review_due_at", "tip")
    op.drop_index("ix_tip_owner_id", "tip")
    with op.batch_alter_table("tip") as batch_op:
        batch_op.drop_column("retires_at")
        batch_op.drop_column("review_due_at")
        batch_op.drop_column("verified_at")
        batch_op.drop_column("review_days")
        batch_op.drop_column("owner_id")
