"""The database schema as typed SQLAlchemy models. Rows never leave storage/: the store maps them to
domain values and records (storage/mapping.py) before returning anything.

The schema itself is created and changed only by the Alembic migrations in storage/migrations/;
a test keeps these models and the migrations identical.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, MetaData, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from etims_desktop.domain.device import DeviceType, EndpointStyle, Environment
from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.outbox import OutboxState, WaitReason
from etims_desktop.domain.sale import ReceiptType, TaxType
from etims_desktop.domain.status import StatusKind
from etims_desktop.domain.stock import StockReason
from etims_desktop.storage.columns import DecimalText, EnumText, JSONText, UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {Decimal: DecimalText(), datetime: UTCDateTime(), dict[str, Any]: JSONText()}


def device_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))


class DeviceRow(Base):
    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("pin", "branch_id", "serial", "environment"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[DeviceType] = mapped_column(EnumText(DeviceType))
    pin: Mapped[str] = mapped_column(String(11))
    branch_id: Mapped[str] = mapped_column(String(2))
    serial: Mapped[str] = mapped_column(String(100))
    environment: Mapped[Environment] = mapped_column(EnumText(Environment))
    base_url: Mapped[str | None] = mapped_column(String(300))
    endpoint_style: Mapped[EndpointStyle] = mapped_column(EnumText(EndpointStyle))
    scu_id: Mapped[str | None] = mapped_column(String(40))
    mrc_no: Mapped[str | None] = mapped_column(String(40))
    practice: Mapped[bool] = mapped_column(default=False)
    # The last eTIMS number handed out; the next sale gets last_invc_no + 1 (gap-free, write-ahead).
    last_invc_no: Mapped[int] = mapped_column(default=0)
    last_queue_seq: Mapped[int] = mapped_column(default=0)  # the outbox's queue positions, per device
    status_kind: Mapped[StatusKind] = mapped_column(EnumText(StatusKind), default=StatusKind.UNKNOWN)
    status_checked_at: Mapped[datetime | None]
    status_rtt_ms: Mapped[float | None]  # a duration, not money
    status_code: Mapped[str | None] = mapped_column(String(20))
    status_plain: Mapped[str | None] = mapped_column(Text)
    status_next_step: Mapped[str | None] = mapped_column(Text)
    last_sync_at: Mapped[datetime | None]
    last_error_code: Mapped[str | None] = mapped_column(String(20))
    last_error_plain: Mapped[str | None] = mapped_column(Text)
    last_error_next_step: Mapped[str | None] = mapped_column(Text)
    paused_until: Mapped[datetime | None]  # KRA said 990 "slow down": send nothing before this
    # The host address (URL and path style) found to lack the invoice lookup (selectInvoiceDetails):
    # uncertain sales are then resolved by resending them with the same number, not by asking.
    invoice_lookup_missing_on: Mapped[str | None] = mapped_column(String(400))
    created_at: Mapped[datetime]
    # Removed, but it signed sales: hidden, sends nothing, its tax records kept (migration 0003).
    retired_at: Mapped[datetime | None]


class SaleRow(Base):
    __tablename__ = "sales"
    __table_args__ = (UniqueConstraint("device_id", "trader_invoice_no"),)  # the import dedupe key

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = device_fk()
    trader_invoice_no: Mapped[str] = mapped_column(String(50))
    receipt_type: Mapped[ReceiptType] = mapped_column(EnumText(ReceiptType))
    sold_at: Mapped[datetime]
    prices_include_vat: Mapped[bool]
    buyer_pin: Mapped[str | None] = mapped_column(String(11))
    buyer_name: Mapped[str | None] = mapped_column(String(60))
    payment_type: Mapped[str] = mapped_column(String(5))
    original_sale_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales.id", ondelete="CASCADE"), index=True
    )
    refund_reason_code: Mapped[str | None] = mapped_column(String(5))
    remark: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any]]
    total: Mapped[Decimal]
    total_tax: Mapped[Decimal]
    created_at: Mapped[datetime]

    lines: Mapped[list[SaleLineRow]] = relationship(
        order_by="SaleLineRow.line_no", cascade="all, delete-orphan", passive_deletes=True
    )


class SaleLineRow(Base):
    __tablename__ = "sale_lines"
    __table_args__ = (UniqueConstraint("sale_id", "line_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"))
    line_no: Mapped[int]
    item_code: Mapped[str] = mapped_column(String(20))
    item_class_code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    qty: Mapped[Decimal]
    unit_price: Mapped[Decimal]
    tax_type: Mapped[TaxType] = mapped_column(EnumText(TaxType))
    pkg_unit_code: Mapped[str] = mapped_column(String(5))
    qty_unit_code: Mapped[str] = mapped_column(String(5))
    discount_rate: Mapped[Decimal]
    barcode: Mapped[str | None] = mapped_column(String(20))


class OutboxRow(Base):
    """A sale's place in its device's outbox. Keyed by the sale: one sale, one entry, one id."""

    __tablename__ = "outbox"
    __table_args__ = (
        # sale_id is the rowid, so it is the implicit last column of every index below: (device_id)
        # and (device_id, state) list a device's sales newest first and find the oldest pending one.
        Index("ix_outbox_queue", "device_id", "state", "queue_seq"),  # next_to_send: queue order
        Index("ix_outbox_state", "device_id", "state"),  # per-state lists, oldest pending sale
        Index("ix_outbox_changed", "device_id", "state", "state_changed_at"),  # signed since ...
        Index("ix_outbox_device", "device_id"),  # a device's whole outbox, newest first
        Index(
            "uq_outbox_device_invc_no",
            "device_id",
            "invc_no",
            unique=True,
            sqlite_where=text("invc_no IS NOT NULL"),
        ),
    )

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), primary_key=True)
    device_id: Mapped[int] = device_fk()
    state: Mapped[OutboxState] = mapped_column(EnumText(OutboxState))
    queue_seq: Mapped[int]  # position in the queue; a resent sale goes to the back
    wait_reason: Mapped[WaitReason | None] = mapped_column(EnumText(WaitReason))
    invc_no: Mapped[int | None]
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error_code: Mapped[str | None] = mapped_column(String(20))
    last_error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    state_changed_at: Mapped[datetime]
    receipt_no: Mapped[int | None]
    total_receipt_no: Mapped[int | None]
    internal_data: Mapped[str | None] = mapped_column(String(64))
    signature: Mapped[str | None] = mapped_column(String(64))
    signed_at: Mapped[datetime | None]
    receipt_scu_id: Mapped[str | None] = mapped_column(String(40))
    receipt_mrc_no: Mapped[str | None] = mapped_column(String(40))
    receipt_complete: Mapped[bool | None]  # False: KRA has it, but would not give the signature again

    sale: Mapped[SaleRow] = relationship()


class SignedDocumentRow(Base):
    """What KRA signed, kept byte for byte with the receipt header as printed then (migration 0003).

    Write-once: triggers refuse to change or delete it. `rebuilt`: no body was kept (a sale signed
    before this table existed, or one KRA only confirmed): its reprint is rebuilt from the stored sale.
    """

    __tablename__ = "signed_documents"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), primary_key=True)
    request_body: Mapped[bytes | None] = mapped_column(LargeBinary)  # the JSON bytes sent
    reply_body: Mapped[bytes | None] = mapped_column(LargeBinary)  # KRA's answer, as received
    rebuilt: Mapped[bool]
    business_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(200))
    footer: Mapped[str] = mapped_column(String(300))
    pin: Mapped[str] = mapped_column(String(11))
    branch_id: Mapped[str] = mapped_column(String(2))
    device_name: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime]


class ReceiptPrintRow(Base):
    """A signed sale whose receipt went to paper or PDF: every later print is a COPY."""

    __tablename__ = "receipt_prints"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), primary_key=True)
    first_printed_at: Mapped[datetime]


class PendingPrintRow(Base):
    """A sale whose receipt went to paper or PDF before KRA signed it (no signature, no QR code): once
    signed, its receipt is due for a reprint (the Sales tab says so). Gone once printed signed."""

    __tablename__ = "pending_prints"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), primary_key=True)
    printed_at: Mapped[datetime]


class BusinessDetailsRow(Base):
    """The shop's receipt header: one row (id 1), edited in Settings."""

    __tablename__ = "business_details"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(200))
    footer: Mapped[str] = mapped_column(String(300))
    updated_at: Mapped[datetime]


class OutboxEventRow(Base):
    """One state change of one sale: the history a shop owner can read."""

    __tablename__ = "outbox_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    from_state: Mapped[OutboxState | None] = mapped_column(EnumText(OutboxState))
    to_state: Mapped[OutboxState] = mapped_column(EnumText(OutboxState))
    reason: Mapped[str] = mapped_column(Text)


class OutboxStateCountRow(Base):
    """Entries per (device, state), kept exact by SQLite triggers on outbox (migration 0002).

    The board reads these instead of counting a million rows.
    """

    __tablename__ = "outbox_state_counts"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[OutboxState] = mapped_column(EnumText(OutboxState), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class SyncRunRow(Base):
    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]

    devices: Mapped[list[SyncRunDeviceRow]] = relationship(
        order_by="SyncRunDeviceRow.device_id", cascade="all, delete-orphan", passive_deletes=True
    )


class SyncRunDeviceRow(Base):
    __tablename__ = "sync_run_devices"
    __table_args__ = (Index("ix_sync_run_devices_device", "device_id", "run_id"),)

    run_id: Mapped[int] = mapped_column(ForeignKey("sync_runs.id", ondelete="CASCADE"), primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    signed: Mapped[int] = mapped_column(default=0)
    waiting: Mapped[int] = mapped_column(default=0)
    needs_fix: Mapped[int] = mapped_column(default=0)
    refreshed: Mapped[dict[str, Any]]
    errors: Mapped[list[str]] = mapped_column(JSONText)
    outcome: Mapped[str | None] = mapped_column(String(20))
    report: Mapped[dict[str, Any]]  # the whole per-device report, as the sync engine gave it


class CodeClassRow(Base):
    __tablename__ = "code_classes"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    cls: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    in_use: Mapped[bool]
    user_defined_name_1: Mapped[str | None] = mapped_column(String(100))
    user_defined_name_2: Mapped[str | None] = mapped_column(String(100))
    user_defined_name_3: Mapped[str | None] = mapped_column(String(100))


class CodeRow(Base):
    __tablename__ = "codes"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    cls: Mapped[str] = mapped_column(String(5), primary_key=True)
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    in_use: Mapped[bool]
    sort_order: Mapped[int | None]
    user_defined_1: Mapped[str | None] = mapped_column(String(100))
    user_defined_2: Mapped[str | None] = mapped_column(String(100))
    user_defined_3: Mapped[str | None] = mapped_column(String(100))


class ItemClassRow(Base):
    __tablename__ = "item_classes"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int | None]
    tax_type: Mapped[str | None] = mapped_column(String(1))
    major_target: Mapped[bool | None]
    in_use: Mapped[bool]


class NoticeRow(Base):
    __tablename__ = "notices"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    notice_no: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(Text)
    content: Mapped[str | None] = mapped_column(Text)
    detail_url: Mapped[str | None] = mapped_column(Text)
    registered_by: Mapped[str | None] = mapped_column(String(100))
    registered_at: Mapped[datetime | None]


class FetchMarkRow(Base):
    """KRA's resultDt of the last successful select*List call of a kind: the next call's lastReqDt."""

    __tablename__ = "fetch_marks"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    last_req_dt: Mapped[datetime]


class ItemRow(Base):
    __tablename__ = "items"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    serial: Mapped[int] = mapped_column(unique=True)  # the number at the end of generated codes
    name: Mapped[str] = mapped_column(String(200))
    item_class_code: Mapped[str] = mapped_column(String(10))
    tax_type: Mapped[TaxType] = mapped_column(EnumText(TaxType))
    price: Mapped[Decimal]
    item_type: Mapped[str] = mapped_column(String(1))
    origin_country: Mapped[str] = mapped_column(String(2))
    pkg_unit_code: Mapped[str] = mapped_column(String(5))
    qty_unit_code: Mapped[str] = mapped_column(String(5))
    barcode: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ItemRegistrationRow(Base):
    """An item registered (saveItem) on one device. registered_at None: must be (re-)registered."""

    __tablename__ = "item_registrations"

    item_code: Mapped[str] = mapped_column(ForeignKey("items.code", ondelete="CASCADE"), primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    registered_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class NumberCheckRow(Base):
    """A device whose eTIMS numbers must be checked with KRA before it sends again (migration 0004).

    A restore sets it: KRA may have signed numbers the restored database does not know. checked_at
    None means the check is still due; afterwards `result` says what the check found.
    """

    __tablename__ = "number_checks"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    requested_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)
    checked_at: Mapped[datetime | None]
    result: Mapped[str | None] = mapped_column(Text)


# The documents still to send by themselves (the domain's pending states), as the partial index says it.
OPEN_DOCUMENTS_SQL = "state IN ({})".format(
    ", ".join(f"'{state.value}'" for state in DocumentState if state.pending)
)


class DocumentRow(Base):
    """One document of the document queue (migration 0008): a purchase confirmation, an import answer,
    a stock movement or a stock balance on its way to KRA. Sales have their own outbox."""

    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_queue", "device_id", "state", "id"),  # per state (needs fix, counts)
        # The open documents of a device already in id order: the next one to send is the first row read,
        # however many wait (migration 0009; without it every claim sorted the device's whole queue).
        Index("ix_documents_open", "device_id", "id", sqlite_where=text(OPEN_DOCUMENTS_SQL)),
        Index(
            "uq_documents_device_kind_number",
            "device_id",
            "kind",
            "number",
            unique=True,
            sqlite_where=text("number IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = device_fk()
    kind: Mapped[DocumentKind] = mapped_column(EnumText(DocumentKind))
    state: Mapped[DocumentState] = mapped_column(EnumText(DocumentState))
    number: Mapped[int | None]  # the kind's own gap-free number (sarNo, purchase invcNo), write-ahead
    body: Mapped[dict[str, Any]]  # the request body; once numbered, exactly what is (re)sent
    summary: Mapped[str] = mapped_column(Text)  # what it is, in words, for lists and refusals
    # It waits for these: the sale signed / the document sent that caused it (KRA's ordering rules).
    after_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), index=True)
    after_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error_code: Mapped[str | None] = mapped_column(String(20))
    last_error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    state_changed_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class DocumentEventRow(Base):
    """One state change of one queued document: its history."""

    __tablename__ = "document_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    from_state: Mapped[DocumentState | None] = mapped_column(EnumText(DocumentState))
    to_state: Mapped[DocumentState] = mapped_column(EnumText(DocumentState))
    reason: Mapped[str] = mapped_column(Text)


class DocumentNumberRow(Base):
    """The last number handed out per device and numbered kind (sarNo, purchase invcNo)."""

    __tablename__ = "document_numbers"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[DocumentKind] = mapped_column(EnumText(DocumentKind), primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)


class StockLevelRow(Base):
    """One item's quantity on hand on one device: the sum of its stock_moves, kept up to date in the
    transaction of each movement (migration 0009), so a movement does not add up the whole ledger again."""

    __tablename__ = "stock_levels"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    quantity: Mapped[Decimal]
    last_moved_at: Mapped[datetime]


class StockMoveRow(Base):
    """One item's stock movement on one device; the balance is their sum (storage/stock.py)."""

    __tablename__ = "stock_moves"
    __table_args__ = (
        Index("ix_stock_moves_item", "device_id", "item_code"),
        Index("ix_stock_moves_document", "document_id"),  # a document's moves (SET NULL when it goes)
        # Signed sales' moves whose documents are still to be made (storage/stock.py document_sales).
        Index("ix_stock_moves_undocumented", "device_id", "id", sqlite_where=text("document_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = device_fk()
    item_code: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[Decimal]  # positive in, negative out
    reason: Mapped[StockReason] = mapped_column(EnumText(StockReason))
    sar_type: Mapped[str] = mapped_column(String(2))  # code class 12
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class PurchaseRow(Base):
    """A purchase: a supplier's eTIMS invoice to our PIN (source "kra", fetched incrementally), or one
    recorded by hand from a supplier without eTIMS (source "manual"). Accepting or rejecting it queues
    its confirmation (insertTrnsPurchase) in the document queue."""

    __tablename__ = "purchases"
    __table_args__ = (
        Index(
            "uq_purchases_supplier_invoice",
            "device_id",
            "supplier_sdc_id",
            "supplier_invoice_no",
            unique=True,
            sqlite_where=text("supplier_sdc_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = device_fk()
    source: Mapped[str] = mapped_column(String(10))  # "kra" or "manual"
    supplier_pin: Mapped[str | None] = mapped_column(String(11))
    supplier_name: Mapped[str] = mapped_column(String(200))
    supplier_branch_id: Mapped[str | None] = mapped_column(String(2))
    supplier_invoice_no: Mapped[int | None]
    supplier_sdc_id: Mapped[str | None] = mapped_column(String(40))
    purchased_on: Mapped[datetime]
    total: Mapped[Decimal]
    total_tax: Mapped[Decimal]
    invoice: Mapped[dict[str, Any]]  # as KRA sent it (source kra), or the lines as entered (manual)
    state: Mapped[str] = mapped_column(String(10))  # "new", "accepted", "rejected"
    decided_at: Mapped[datetime | None]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class ImportItemRow(Base):
    """A customs import line addressed to us (selectImportItemList), accepted (mapped to an item of the
    master; stock in) or rejected with updateImportItem through the document queue."""

    __tablename__ = "import_items"
    __table_args__ = (UniqueConstraint("device_id", "task_code", "item_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = device_fk()
    task_code: Mapped[str] = mapped_column(String(50))
    item_seq: Mapped[int]
    declaration_no: Mapped[str | None] = mapped_column(String(50))
    declared_on: Mapped[str | None] = mapped_column(String(10))  # as KRA sent it (ddMMyyyy or yyyyMMdd)
    hs_code: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[Decimal]
    qty_unit_code: Mapped[str | None] = mapped_column(String(5))
    supplier_name: Mapped[str | None] = mapped_column(String(200))
    line: Mapped[dict[str, Any]]  # as KRA sent it
    state: Mapped[str] = mapped_column(String(10))  # "new", "accepted", "rejected"
    item_code: Mapped[str | None] = mapped_column(String(20))  # the item of the master it was mapped to
    decided_at: Mapped[datetime | None]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
