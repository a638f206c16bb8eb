"""Purchases: suppliers' eTIMS invoices to our PIN (stored once: de-duplicated on spplrSdcId +
spplrInvcNo) and purchases recorded by hand. Accepting one queues its confirmation (insertTrnsPurchase)
and, after it, the stock it brought in; rejecting one queues a cancelled confirmation. One transaction
each: a decision is never half recorded."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Row, Table, insert, select, update

from etims_desktop.domain.documents import DocumentKind
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.purchase import PurchaseHeader, PurchaseLine, purchase_body
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.stock import NAIROBI, MovedLine, StockReason, is_stocked
from etims_desktop.storage.documents import DOCUMENTS, DocumentRepository
from etims_desktop.storage.errors import NotFound
from etims_desktop.storage.models import ItemRow, PurchaseRow
from etims_desktop.storage.records import ConfirmedPurchase, PurchaseRecord, SupplierLine
from etims_desktop.storage.stock import StockRepository

PURCHASES = cast(Table, PurchaseRow.__table__)
ITEMS = cast(Table, ItemRow.__table__)
NEW, ACCEPTED, REJECTED = "new", "accepted", "rejected"


class PurchaseRepository:
    def __init__(self, connection: Connection, now: datetime) -> None:
        self.db = connection
        self.now = now

    def save_invoices(self, device_id: int, invoices: Iterable[dict[str, Any]]) -> int:
        """Store suppliers' invoices not stored yet (by spplrSdcId + spplrInvcNo); returns how many were new."""
        added = 0
        for invoice in invoices:
            sdc_id = invoice.get("spplrSdcId") or f"{invoice.get('spplrTin')}/{invoice.get('spplrBhfId')}"
            number = invoice.get("spplrInvcNo")
            known = self.db.scalar(
                select(PURCHASES.c.id).where(
                    PURCHASES.c.device_id == device_id,
                    PURCHASES.c.supplier_sdc_id == sdc_id,
                    PURCHASES.c.supplier_invoice_no == number,
                )
            )
            if known is not None:
                continue
            self.db.execute(
                insert(PURCHASES).values(
                    device_id=device_id,
                    source="kra",
                    supplier_pin=invoice.get("spplrTin"),
                    supplier_name=invoice.get("spplrNm") or "(no name)",
                    supplier_branch_id=invoice.get("spplrBhfId"),
                    supplier_invoice_no=number,
                    supplier_sdc_id=sdc_id,
                    purchased_on=_sale_date(invoice.get("salesDt")) or self.now,
                    total=Decimal(str(invoice.get("totAmt") or 0)),
                    total_tax=Decimal(str(invoice.get("totTaxAmt") or 0)),
                    invoice=invoice,
                    state=NEW,
                    created_at=self.now,
                )
            )
            added += 1
        return added

    def accept(self, purchase_id: int, lines: Sequence[PurchaseLine], payment_type: str | None = None) -> int:
        """Confirm a supplier's invoice: its lines mapped to our items. Queues the confirmation, then
        (after it is sent) the stock in. Returns the confirmation's document id."""
        row = self._undecided(purchase_id)
        invoice = row.invoice
        header = PurchaseHeader(
            supplier_name=row.supplier_name,
            purchased_on=row.purchased_on,
            manual=False,
            supplier_pin=row.supplier_pin,
            supplier_branch_id=row.supplier_branch_id,
            supplier_invoice_no=row.supplier_invoice_no,
            payment_type=payment_type or invoice.get("pmtTyCd") or "01",
        )
        return self._decide(row, header, lines, accepted=True)

    def reject(self, purchase_id: int) -> int:
        """Reject a supplier's invoice (not ours, wrong): a cancelled confirmation (pchsSttsCd 04), no stock."""
        row = self._undecided(purchase_id)
        lines = [
            PurchaseLine(
                item_code=None,
                item_class_code=line.item_class_code or "",
                name=line.name,
                qty=line.qty,
                unit_price=line.unit_price,
                tax_type=_tax_type(line.tax_type),
                supplier_item_code=line.item_code,
                supplier_item_class_code=line.item_class_code,
                supplier_item_name=line.name,
            )
            for line in _lines(row)
        ]
        header = PurchaseHeader(
            supplier_name=row.supplier_name,
            purchased_on=row.purchased_on,
            manual=False,
            supplier_pin=row.supplier_pin,
            supplier_branch_id=row.supplier_branch_id,
            supplier_invoice_no=row.supplier_invoice_no,
            payment_type=row.invoice.get("pmtTyCd") or "01",
        )
        return self._decide(row, header, lines, accepted=False)

    def record_manual(
        self, device_id: int, header: PurchaseHeader, lines: Sequence[PurchaseLine]
    ) -> tuple[int, int]:
        """A purchase from a supplier without eTIMS (regTyCd M): recorded accepted. (purchase id, document id)"""
        body = purchase_body(header, lines, self.now)
        result = self.db.execute(
            insert(PURCHASES).values(
                device_id=device_id,
                source="manual",
                supplier_pin=header.supplier_pin,
                supplier_name=header.supplier_name,
                supplier_branch_id=header.supplier_branch_id,
                supplier_invoice_no=header.supplier_invoice_no,
                supplier_sdc_id=None,
                purchased_on=header.purchased_on,
                total=Decimal(str(body["totAmt"])),
                total_tax=Decimal(str(body["totTaxAmt"])),
                invoice={"itemList": body["itemList"]},
                state=NEW,
                created_at=self.now,
            )
        )
        purchase_id = cast(int, result.inserted_primary_key[0])  # type: ignore[index]  # an insert has its key
        document_id = self._decide(self._row(purchase_id), header, lines, accepted=True, body=body)
        return purchase_id, document_id

    def _decide(
        self,
        row: Row[Any],
        header: PurchaseHeader,
        lines: Sequence[PurchaseLine],
        *,
        accepted: bool,
        body: dict[str, Any] | None = None,
    ) -> int:
        body = body or purchase_body(header, lines, self.now, accepted=accepted)
        number = f" {header.supplier_invoice_no}" if header.supplier_invoice_no else ""
        verb = "Purchase from" if accepted else "Rejected invoice from"
        summary = f"{verb} {header.supplier_name}{number} ({body['totAmt']:.2f})"
        queue = DocumentRepository(self.db, self.now)
        document_id = queue.enqueue(row.device_id, DocumentKind.PURCHASE, body, summary)
        if accepted:
            moved = self._stocked(lines)
            if moved:
                StockRepository(self.db, self.now).receive(
                    row.device_id,
                    moved,
                    StockReason.PURCHASE,
                    f"Stock in: {summary}",
                    after_document_id=document_id,
                )
        self.db.execute(
            update(PURCHASES)
            .where(PURCHASES.c.id == row.id)
            .values(state=ACCEPTED if accepted else REJECTED, decided_at=self.now, document_id=document_id)
        )
        return document_id

    def _stocked(self, lines: Sequence[PurchaseLine]) -> list[MovedLine]:
        codes = {line.item_code for line in lines if line.item_code}
        types = dict(
            self.db.execute(
                select(ITEMS.c.code, ITEMS.c.item_type).where(ITEMS.c.code.in_(sorted(codes)))
            ).all()
        )
        return [
            MovedLine(
                line.item_code,
                line.item_class_code,
                line.name,
                line.qty,
                line.unit_price,
                line.tax_type,
                line.pkg_unit_code,
                line.qty_unit_code,
                line.barcode,
            )  # fmt: skip
            for line in lines
            if line.item_code and is_stocked(types.get(line.item_code, "3"))
        ]

    # --- reading -----------------------------------------------------------------------------------

    def list(self, device_id: int | None = None, states: Iterable[str] | None = None) -> list[PurchaseRecord]:
        query = select(PURCHASES, DOCUMENTS.c.state.label("document_state")).outerjoin(
            DOCUMENTS, DOCUMENTS.c.id == PURCHASES.c.document_id
        )
        if device_id is not None:
            query = query.where(PURCHASES.c.device_id == device_id)
        if states is not None:
            query = query.where(PURCHASES.c.state.in_(list(states)))
        return [_record(row) for row in self.db.execute(query.order_by(PURCHASES.c.id.desc()))]

    def accepted_between(
        self, start: datetime, end: datetime, device_id: int | None = None
    ) -> builtins.list[ConfirmedPurchase]:
        """Purchases accepted or declared by hand, bought in [start, end) (the supplier's sale date),
        oldest first, each with its confirmation in whatever state it is (the accountant's export)."""
        query = (
            select(PURCHASES, DOCUMENTS.c.state.label("document_state"))
            .join(DOCUMENTS, DOCUMENTS.c.id == PURCHASES.c.document_id)
            .where(
                PURCHASES.c.state == ACCEPTED,
                PURCHASES.c.purchased_on >= start,
                PURCHASES.c.purchased_on < end,
            )
        )
        if device_id is not None:
            query = query.where(PURCHASES.c.device_id == device_id)
        documents = DocumentRepository(self.db, self.now)
        return [
            ConfirmedPurchase(_record(row), documents.get(row.document_id))
            for row in self.db.execute(query.order_by(PURCHASES.c.purchased_on, PURCHASES.c.id))
        ]

    def get(self, purchase_id: int) -> PurchaseRecord:
        found = [r for r in self.list() if r.id == purchase_id]  # small tables; one shape for both
        if not found:
            raise NotFound(f"There is no purchase number {purchase_id}.", field="purchase")
        return found[0]

    def _row(self, purchase_id: int) -> Row[Any]:
        row = self.db.execute(select(PURCHASES).where(PURCHASES.c.id == purchase_id)).first()
        if row is None:
            raise NotFound(f"There is no purchase number {purchase_id}.", field="purchase")
        return row

    def _undecided(self, purchase_id: int) -> Row[Any]:
        row = self._row(purchase_id)
        if row.state != NEW:
            raise DomainValidationError(
                f"Purchase {purchase_id} from {row.supplier_name} was already {row.state}; that cannot change.",
                field="purchase",
            )
        return row


def _sale_date(text: Any) -> datetime | None:
    if not isinstance(text, str) or len(text) < 8 or not text[:8].isdigit():
        return None
    try:
        return datetime.strptime(text[:8], "%Y%m%d").replace(tzinfo=NAIROBI)
    except ValueError:
        return None


def _tax_type(text: str) -> TaxType:
    try:
        return TaxType(text)
    except ValueError:
        return TaxType.B


def _lines(row: Row[Any]) -> list[SupplierLine]:
    lines = []
    for n, line in enumerate(row.invoice.get("itemList") or [], start=1):
        qty = Decimal(str(line.get("qty") or 0))
        price = Decimal(str(line.get("prc") or 0))
        lines.append(
            SupplierLine(
                seq=int(line.get("itemSeq") or n),
                name=str(line.get("itemNm") or ""),
                qty=qty,
                unit_price=price,
                tax_type=str(line.get("taxTyCd") or "B"),
                total=Decimal(str(line.get("totAmt") if line.get("totAmt") is not None else qty * price)),
                item_code=line.get("itemCd"),
                item_class_code=line.get("itemClsCd"),
                pkg_unit_code=line.get("pkgUnitCd"),
                qty_unit_code=line.get("qtyUnitCd"),
            )
        )
    return lines


def _record(row: Row[Any]) -> PurchaseRecord:
    lines = _lines(row)
    by_tax: dict[str, Decimal] = {}
    for line in lines:
        by_tax[line.tax_type] = by_tax.get(line.tax_type, Decimal(0)) + line.total
    return PurchaseRecord(
        id=row.id,
        device_id=row.device_id,
        source=row.source,
        supplier_name=row.supplier_name,
        supplier_pin=row.supplier_pin,
        supplier_invoice_no=row.supplier_invoice_no,
        purchased_on=row.purchased_on,
        total=row.total,
        total_tax=row.total_tax,
        state=row.state,
        lines=tuple(lines),
        totals_by_tax_type=by_tax,
        document_id=row.document_id,
        document_state=row.document_state,
    )
