"""The document queue at speed (issue 16): what every sale of goods used to pay for the whole history.

- stock_levels: each item's quantity on hand per device, the sum of its stock_moves, kept in the
  transaction of each movement (a movement used to add up the item's whole ledger again);
- ix_documents_open: a device's open documents in id order (each claim used to sort its whole queue);
- ix_stock_moves_document: the movements of a stock document (a stock-out now gathers a backlog's sales);
- ix_stock_moves_undocumented: a signed sale's moves are written as it is signed, their documents made
  later for all the sales signed meanwhile (the sale's own transaction stays short).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from collections import defaultdict
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OPEN = "state IN ('queued', 'sending', 'uncertain', 'waiting')"


def upgrade() -> None:
    op.create_table(
        "stock_levels",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=20), nullable=False),
        sa.Column("quantity", sa.String(length=40), nullable=False),
        sa.Column("last_moved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_stock_levels_device_id_devices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("device_id", "item_code", name=op.f("pk_stock_levels")),
    )
    op.create_index("ix_documents_open", "documents", ["device_id", "id"], sqlite_where=sa.text(OPEN))
    op.create_index("ix_stock_moves_document", "stock_moves", ["document_id"])
    op.create_index(
        "ix_stock_moves_undocumented", "stock_moves", ["device_id", "id"], sqlite_where=sa.text("document_id IS NULL")
    )
    # The levels of the movements already made (all documented before this revision): Decimal sums here
    # (SQLite would add them as floats).
    db = op.get_bind()
    totals: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    last: dict[tuple[int, str], object] = {}
    for device_id, item_code, quantity, created_at in db.execute(
        sa.text("SELECT device_id, item_code, quantity, created_at FROM stock_moves ORDER BY id")
    ):
        totals[device_id, item_code] += Decimal(quantity)
        last[device_id, item_code] = created_at
    for (device_id, item_code), quantity in totals.items():
        db.execute(
            sa.text(
                "INSERT INTO stock_levels (device_id, item_code, quantity, last_moved_at) "
                "VALUES (:device_id, :item_code, :quantity, :at)"
            ),
            {
                "device_id": device_id,
                "item_code": item_code,
                "quantity": str(quantity),
                "at": last[device_id, item_code],
            },  # fmt: skip
        )


def downgrade() -> None:
    op.drop_index("ix_stock_moves_undocumented", table_name="stock_moves")
    op.drop_index("ix_stock_moves_document", table_name="stock_moves")
    op.drop_index("ix_documents_open", table_name="documents")
    op.drop_table("stock_levels")
