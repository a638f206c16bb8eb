"""Tax records that survive anything: retired devices, the signed document of every sale, the shop's
receipt header in the database, and triggers that refuse to delete or change what KRA signed.

- devices.retired_at: a removed device that signed sales is retired, never deleted.
- business_details: the receipt header (was settings.json "business"; copied here once, now).
- signed_documents: per signed sale, the request body sent and KRA's answer (exact bytes) and the
  header as printed at signing. Sales signed before this revision have no stored body: they get a
  row marked `rebuilt` (their reprints are rebuilt from the stored sale), with today's header.
- receipt_prints: when a signed sale's receipt was first printed; later prints carry a COPY mark.
- Triggers: a signed sale, its lines, its outbox row, its history and its document cannot be deleted,
  and its content and signature cannot change - whatever code (or person with sqlite3) tries.

Later migrations: a batch (copy-and-rename) rebuild of outbox, sales, sale_lines, outbox_events or
signed_documents drops these triggers with the old table - create them again (TRIGGERS below).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

import json
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BUSINESS_FIELDS = ("name", "address", "phone", "email", "footer")
SIGNED = "(SELECT state FROM outbox WHERE sale_id = {sale}) = 'signed'"
REFUSE = "SELECT RAISE(ABORT, '{what}')"
KEPT = "a sale signed by KRA is a tax record: it cannot be deleted"
FIXED = "a sale signed by KRA is a tax record: it cannot be changed"
RECEIPT_COLUMNS = (
    "state", "invc_no", "device_id", "sale_id", "receipt_no", "total_receipt_no", "internal_data",
    "signature", "signed_at", "receipt_scu_id", "receipt_mrc_no", "receipt_complete",
)
SALE_COLUMNS = (
    "id", "device_id", "trader_invoice_no", "receipt_type", "sold_at", "prices_include_vat", "buyer_pin",
    "buyer_name", "payment_type", "original_sale_id", "refund_reason_code", "remark", "extra", "total",
    "total_tax", "created_at",
)
LINE_COLUMNS = (
    "sale_id", "line_no", "item_code", "item_class_code", "name", "qty", "unit_price", "tax_type",
    "pkg_unit_code", "qty_unit_code", "discount_rate", "barcode",
)


def _changed(columns) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


TRIGGERS = {
    "signed_outbox_kept": f"""
        CREATE TRIGGER signed_outbox_kept BEFORE DELETE ON outbox WHEN OLD.state = 'signed'
        BEGIN {REFUSE.format(what=KEPT)}; END""",
    "signed_outbox_fixed": f"""
        CREATE TRIGGER signed_outbox_fixed BEFORE UPDATE ON outbox
        WHEN OLD.state = 'signed' AND ({_changed(RECEIPT_COLUMNS)})
        BEGIN {REFUSE.format(what=FIXED)}; END""",
    "signed_sale_kept": f"""
        CREATE TRIGGER signed_sale_kept BEFORE DELETE ON sales WHEN {SIGNED.format(sale="OLD.id")}
        BEGIN {REFUSE.format(what=KEPT)}; END""",
    "signed_sale_fixed": f"""
        CREATE TRIGGER signed_sale_fixed BEFORE UPDATE ON sales
        WHEN {SIGNED.format(sale="OLD.id")} AND ({_changed(SALE_COLUMNS)})
        BEGIN {REFUSE.format(what=FIXED)}; END""",
    "signed_line_kept": f"""
        CREATE TRIGGER signed_line_kept BEFORE DELETE ON sale_lines WHEN {SIGNED.format(sale="OLD.sale_id")}
        BEGIN {REFUSE.format(what=KEPT)}; END""",
    "signed_line_fixed": f"""
        CREATE TRIGGER signed_line_fixed BEFORE UPDATE ON sale_lines
        WHEN {SIGNED.format(sale="OLD.sale_id")} AND ({_changed(LINE_COLUMNS)})
        BEGIN {REFUSE.format(what=FIXED)}; END""",
    "signed_line_added": f"""
        CREATE TRIGGER signed_line_added BEFORE INSERT ON sale_lines WHEN {SIGNED.format(sale="NEW.sale_id")}
        BEGIN {REFUSE.format(what=FIXED)}; END""",
    "signed_history_kept": f"""
        CREATE TRIGGER signed_history_kept BEFORE DELETE ON outbox_events
        WHEN {SIGNED.format(sale="OLD.sale_id")}
        BEGIN {REFUSE.format(what=KEPT)}; END""",
    "signed_document_kept": f"""
        CREATE TRIGGER signed_document_kept BEFORE DELETE ON signed_documents
        BEGIN {REFUSE.format(what=KEPT)}; END""",
    "signed_document_fixed": f"""
        CREATE TRIGGER signed_document_fixed BEFORE UPDATE ON signed_documents
        BEGIN {REFUSE.format(what=FIXED)}; END""",
}


def _settings_business() -> dict[str, str]:
    """The 'business' section of settings.json beside the database file (the data dir), if any."""
    database = op.get_bind().engine.url.database
    if not database or database == ":memory:":
        return {}
    try:
        raw = json.loads((Path(database).parent / "settings.json").read_text(encoding="utf-8"))
        business = raw.get("business") or {}
    except (OSError, ValueError, AttributeError):
        return {}
    if not isinstance(business, dict):
        return {}
    return {k: str(business[k]) for k in BUSINESS_FIELDS if business.get(k) is not None}


def upgrade() -> None:
    op.add_column("devices", sa.Column("retired_at", sa.DateTime(), nullable=True))
    op.create_table(
        "business_details",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("footer", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_details")),
    )
    op.create_table(
        "signed_documents",
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("request_body", sa.LargeBinary(), nullable=True),
        sa.Column("reply_body", sa.LargeBinary(), nullable=True),
        sa.Column("rebuilt", sa.Boolean(), nullable=False),
        sa.Column("business_name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("footer", sa.String(length=300), nullable=False),
        sa.Column("pin", sa.String(length=11), nullable=False),
        sa.Column("branch_id", sa.String(length=2), nullable=False),
        sa.Column("device_name", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales.id"], name=op.f("fk_signed_documents_sale_id_sales"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("sale_id", name=op.f("pk_signed_documents")),
    )
    op.create_table(
        "receipt_prints",
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("first_printed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales.id"], name=op.f("fk_receipt_prints_sale_id_sales"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("sale_id", name=op.f("pk_receipt_prints")),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    business = {field: "" for field in BUSINESS_FIELDS}
    business["footer"] = "Thank you for your business."  # BusinessDetails' default
    business.update(_settings_business())
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "INSERT INTO business_details (id, name, address, phone, email, footer, updated_at) "
            "VALUES (1, :name, :address, :phone, :email, :footer, :now)"
        ),
        {**business, "now": now},
    )
    # Sales signed before this revision: no body was kept. Their reprints are rebuilt, and say so.
    bind.execute(
        sa.text(
            "INSERT INTO signed_documents (sale_id, request_body, reply_body, rebuilt, business_name, address, "
            "phone, email, footer, pin, branch_id, device_name, recorded_at) "
            "SELECT o.sale_id, NULL, NULL, 1, :name, :address, :phone, :email, :footer, d.pin, d.branch_id, "
            "d.name, :now FROM outbox o JOIN devices d ON d.id = o.device_id WHERE o.state = 'signed'"
        ),
        {**business, "now": now},
    )
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("receipt_prints")
    op.drop_table("signed_documents")
    op.drop_table("business_details")
    op.drop_column("devices", "retired_at")  # in place (SQLite 3.35+): a rebuild would cascade into sales
