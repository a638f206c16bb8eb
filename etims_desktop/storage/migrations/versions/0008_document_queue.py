"""The document queue (purchases, imports, stock movements and balances) and the stock ledger.

- documents: one row per document on its way to KRA, in id order per device, with its own number
  per kind (sarNo, purchase invcNo) written ahead, the body kept as sent, and what it waits for.
- document_events: every state change of a document, with its reason.
- document_numbers: the last number handed out per device and numbered kind.
- stock_moves: every stock movement per device and item; the balance is their sum.
- purchases: suppliers' invoices to our PIN (de-duplicated on spplrSdcId + spplrInvcNo) and manual ones.
- import_items: customs import lines (keyed by taskCd + itemSeq), accepted or rejected.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("after_sale_id", sa.Integer(), nullable=True),
        sa.Column("after_document_id", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error_code", sa.String(length=20), nullable=True),
        sa.Column("last_error_message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("state_changed_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["after_document_id"],
            ["documents.id"],
            name=op.f("fk_documents_after_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["after_sale_id"], ["sales.id"], name=op.f("fk_documents_after_sale_id_sales"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_documents_device_id_devices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index("ix_documents_queue", "documents", ["device_id", "state", "id"], unique=False)
    op.create_index(
        "uq_documents_device_kind_number",
        "documents",
        ["device_id", "kind", "number"],
        unique=True,
        sqlite_where=sa.text("number IS NOT NULL"),
    )
    op.create_index(op.f("ix_documents_after_sale_id"), "documents", ["after_sale_id"], unique=False)
    op.create_index(op.f("ix_documents_after_document_id"), "documents", ["after_document_id"], unique=False)
    op.create_table(
        "document_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=True),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_events_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_events")),
    )
    op.create_index(op.f("ix_document_events_document_id"), "document_events", ["document_id"], unique=False)
    op.create_table(
        "document_numbers",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_document_numbers_device_id_devices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("device_id", "kind", name=op.f("pk_document_numbers")),
    )
    op.create_table(
        "stock_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=20), nullable=False),
        sa.Column("quantity", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("sar_type", sa.String(length=2), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_stock_moves_device_id_devices"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_stock_moves_document_id_documents"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales.id"], name=op.f("fk_stock_moves_sale_id_sales"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_moves")),
    )
    op.create_index("ix_stock_moves_item", "stock_moves", ["device_id", "item_code"], unique=False)
    op.create_table(
        "purchases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("supplier_pin", sa.String(length=11), nullable=True),
        sa.Column("supplier_name", sa.String(length=200), nullable=False),
        sa.Column("supplier_branch_id", sa.String(length=2), nullable=True),
        sa.Column("supplier_invoice_no", sa.Integer(), nullable=True),
        sa.Column("supplier_sdc_id", sa.String(length=40), nullable=True),
        sa.Column("purchased_on", sa.DateTime(), nullable=False),
        sa.Column("total", sa.String(length=40), nullable=False),
        sa.Column("total_tax", sa.String(length=40), nullable=False),
        sa.Column("invoice", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_purchases_device_id_devices"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_purchases_document_id_documents"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchases")),
    )
    op.create_index(
        "uq_purchases_supplier_invoice",
        "purchases",
        ["device_id", "supplier_sdc_id", "supplier_invoice_no"],
        unique=True,
        sqlite_where=sa.text("supplier_sdc_id IS NOT NULL"),
    )
    op.create_table(
        "import_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("task_code", sa.String(length=50), nullable=False),
        sa.Column("item_seq", sa.Integer(), nullable=False),
        sa.Column("declaration_no", sa.String(length=50), nullable=True),
        sa.Column("declared_on", sa.String(length=10), nullable=True),
        sa.Column("hs_code", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.String(length=40), nullable=False),
        sa.Column("qty_unit_code", sa.String(length=5), nullable=True),
        sa.Column("supplier_name", sa.String(length=200), nullable=True),
        sa.Column("line", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("item_code", sa.String(length=20), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_import_items_device_id_devices"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_import_items_document_id_documents"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_items")),
        sa.UniqueConstraint("device_id", "task_code", "item_seq", name=op.f("uq_import_items_device_id_task_code_item_seq")),
    )


def downgrade() -> None:
    op.drop_table("import_items")
    op.drop_index("uq_purchases_supplier_invoice", table_name="purchases")
    op.drop_table("purchases")
    op.drop_index("ix_stock_moves_item", table_name="stock_moves")
    op.drop_table("stock_moves")
    op.drop_table("document_numbers")
    op.drop_index(op.f("ix_document_events_document_id"), table_name="document_events")
    op.drop_table("document_events")
    op.drop_index(op.f("ix_documents_after_document_id"), table_name="documents")
    op.drop_index(op.f("ix_documents_after_sale_id"), table_name="documents")
    op.drop_index("uq_documents_device_kind_number", table_name="documents")
    op.drop_index("ix_documents_queue", table_name="documents")
    op.drop_table("documents")
