"""The language of a feedback mark's meeting, for the likeness of two meetings (issue 13).

Revision ID: 0015
Revises: 0014

Two meetings in one language the embedding model was not trained on read alike whatever
they are about (``core.ranking.language``), so a mark left in one says nothing about the
other by their embeddings. Marks left before this revision have "" (unknown), and their
likeness counts as before.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback_mark", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "language",
                sqlmodel.sql.sqltypes.AutoString(length=8),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("feedback_mark", schema=None) as batch_op:
        batch_op.drop_column("language")
