"""The unit of an organisation an account tip is written for (issue 13).

Revision ID: 0016
Revises: 0015

A tip for one hospital of a shared domain (``chvt.min-saude.pt``) was shown at every
other hospital under it (``hff.min-saude.pt``): accounts were compared by registrable
domain alone. ``tip_org.unit`` keeps the subdomain the tip names, so a brief finds only
the tips of the units that attend (``core.ranking.orgs.same_account``). Rows indexed
before this revision have "" (the whole organisation) until ``tipoff ranking reindex``.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tip_org", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "unit",
                sqlmodel.sql.sqltypes.AutoString(length=253),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("tip_org", schema=None) as batch_op:
        batch_op.drop_column("unit")
