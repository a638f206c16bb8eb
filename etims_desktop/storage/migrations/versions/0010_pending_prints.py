"""Receipts printed before KRA signed their sale, in the database (were printed-while-pending.json).

- pending_prints: a sale whose receipt went to paper or PDF while it still waited for KRA; once signed,
  its receipt is due for a reprint. Kept with the sales it is about, so a backup and a restore carry it
  (the file beside the database did not follow a restore and could name another database's sales).

The old file's sales are moved in by app/receipts.py on first use, after this revision (its removal
must follow the commit that holds them, which a migration's transaction cannot promise).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_prints",
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales.id"], name=op.f("fk_pending_prints_sale_id_sales"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("sale_id", name=op.f("pk_pending_prints")),
    )


def downgrade() -> None:
    op.drop_table("pending_prints")
