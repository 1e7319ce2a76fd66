"""The language of a tip's text, for the embedding's likeness (issue 13).

Revision ID: 0014
Revises: 0013

A likeness between two texts in one language the embedding model was not trained on is
no evidence (``core.ranking.language``). ``tipoff ranking reindex`` fills the column for
existing tips (the profile version changed with it); until then it is "" (unknown), and
every likeness counts as before.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tip_profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "language",
                sqlmodel.sql.sqltypes.AutoString(length=8),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("tip_profile", schema=None) as batch_op:
        batch_op.drop_column("language")
