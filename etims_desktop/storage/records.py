"""Plain, frozen values the store hands out besides the domain types. Never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from etims_desktop.domain.device import Device
from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.outbox import OutboxEntry, OutboxState
from etims_desktop.domain.receipt import SignedDocument
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.status import DeviceStatus


@dataclass(frozen=True)
class CodeRecord:
    """One entry of a KRA code table (selectCodeList dtlList), e.g. class 07 code 01 'CASH'."""

    cls: str
    code: str
    name: str
    description: str | None = None
    in_use: bool = True
    sort_order: int | None = None
    user_defined_1: str | None = None  # class 04: the tax rate, e.g. "16"
    user_defined_2: str | None = None
    user_defined_3: str | None = None


@dataclass(frozen=True)
class CodeClassRecord:
    """A KRA code table (selectCodeList clsList) with its codes."""

    cls: str
    name: str
    description: str | None = None
    in_use: bool = True
    user_defined_names: tuple[str | None, str | None, str | None] = (None, None, None)
    codes: tuple[CodeRecord, ...] = ()


@dataclass(frozen=True)
class ItemClassRecord:
    """An item classification (selectItemClsList), e.g. 81121500 'Monetary systems'."""

    code: str
    name: str
    level: int | None = None
    tax_type: str | None = None  # KRA's default tax type for the class, often None
    major_target: bool | None = None
    in_use: bool = True


@dataclass(frozen=True)
class NoticeRecord:
    """A notice KRA published to traders (selectNoticeList)."""

    notice_no: int
    title: str
    content: str | None = None
    detail_url: str | None = None
    registered_by: str | None = None
    registered_at: datetime | None = None


@dataclass(frozen=True)
class DeviceBoardRecord:
    """One device as the board reads it, all from one read transaction (`Store.board`)."""

    device: Device
    status: DeviceStatus
    summary: PendingSummary | None
    last_success_at: datetime | None
    last_error: tuple[str | None, str | None, str | None]  # (code, plain, next_step)
    # The document queue: per group (purchases, imports, stock), documents per state (storage/documents.py).
    documents: dict[str, dict[DocumentState, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class PendingSummary:
    """One device's outbox at a glance, for the board."""

    device_id: int
    pending: int  # still has to reach KRA by itself (queued, sending, uncertain, waiting)
    oldest_pending_at: datetime | None  # when the oldest of those was recorded
    counts: dict[OutboxState, int] = field(default_factory=dict)

    @property
    def needs_fix(self) -> int:
        return self.counts.get(OutboxState.NEEDS_FIX, 0)


@dataclass(frozen=True)
class StateChange:
    """One line of a sale's history: when it moved, from where to where, and why."""

    at: datetime
    from_state: OutboxState | None  # None: the sale was recorded
    to_state: OutboxState
    reason: str


@dataclass(frozen=True)
class SyncRunRecord:
    """A past sync run and what it did per device (the report dicts the sync engine saved)."""

    id: int
    scope: str
    started_at: datetime
    finished_at: datetime | None
    per_device: dict[int, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class ItemDraft:
    """An item before it has a code: add_item() generates the code (make_item_code)."""

    name: str
    item_class_code: str
    tax_type: TaxType
    price: Decimal
    item_type: str = "2"
    origin_country: str = "KE"
    pkg_unit_code: str = "NT"
    qty_unit_code: str = "U"
    barcode: str | None = None
    active: bool = True


@dataclass(frozen=True)
class DrainStart:
    """What a drain needs before its first send, read (and the first sale claimed) in one transaction."""

    counts: dict[OutboxState, int]  # this device's outbox by state, before the claim
    tax_rates: dict[TaxType, Decimal]
    first: OutboxEntry | None  # claimed (numbered, write-ahead) unless claiming was not asked for


@dataclass(frozen=True)
class QueuedDocument:
    """A document of the document queue (a purchase confirmation, an import answer, a stock movement or
    balance) as the drain, the CLI and the window read it."""

    id: int
    device_id: int
    kind: DocumentKind
    state: DocumentState
    summary: str
    body: dict[str, Any]  # once numbered: exactly what is (re)sent
    number: int | None = None  # sarNo / purchase invcNo, once handed out
    attempts: int = 0
    last_error_code: str | None = None
    last_error_message: str | None = None
    created_at: datetime | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True)
class DocumentChange:
    """One line of a queued document's history."""

    at: datetime
    from_state: DocumentState | None
    to_state: DocumentState
    reason: str


@dataclass(frozen=True)
class StockBalance:
    """An item's stock on hand on one device: the sum of its movements."""

    device_id: int
    item_code: str
    name: str
    quantity: Decimal
    last_moved_at: datetime | None = None


@dataclass(frozen=True)
class SupplierLine:
    """One line of a purchase as the supplier invoiced it (or as entered, for a manual purchase)."""

    seq: int
    name: str
    qty: Decimal
    unit_price: Decimal
    tax_type: str
    total: Decimal
    item_code: str | None = None  # the supplier's item code (ours, for a manual purchase)
    item_class_code: str | None = None
    pkg_unit_code: str | None = None
    qty_unit_code: str | None = None


@dataclass(frozen=True)
class PurchaseRecord:
    id: int
    device_id: int
    source: str  # "kra": a supplier's eTIMS invoice; "manual": entered by hand
    supplier_name: str
    supplier_pin: str | None
    supplier_invoice_no: int | None
    purchased_on: datetime
    total: Decimal
    total_tax: Decimal
    state: str  # "new", "accepted", "rejected"
    lines: tuple[SupplierLine, ...] = ()
    totals_by_tax_type: dict[str, Decimal] = field(default_factory=dict)
    document_id: int | None = None
    document_state: DocumentState | None = None  # its confirmation on the way to KRA


@dataclass(frozen=True)
class ConfirmedPurchase:
    """A purchase the shop accepted or declared, with its confirmation (insertTrnsPurchase) as queued:
    once `sent`, its body is exactly what KRA recorded."""

    purchase: PurchaseRecord
    confirmation: QueuedDocument


@dataclass(frozen=True)
class ImportLineRecord:
    id: int
    device_id: int
    task_code: str
    item_seq: int
    declaration_no: str | None
    declared_on: str | None
    hs_code: str | None
    name: str
    quantity: Decimal
    qty_unit_code: str | None
    supplier_name: str | None
    state: str  # "new", "accepted", "rejected"
    item_code: str | None = None
    document_id: int | None = None
    document_state: DocumentState | None = None


@dataclass(frozen=True)
class PeriodSale:
    """A sale or credit note of a period (reports, the accountant's export, reconcile), with the amounts
    stored when it was recorded and, once signed, the document KRA signed (`Store.sales_between`)."""

    entry: OutboxEntry
    total: Decimal  # as stored with the sale (never recomputed from today's tax rates)
    total_tax: Decimal
    document: SignedDocument | None  # None: not signed (or signed before documents were kept)
