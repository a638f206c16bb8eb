"""The stock ledger: every movement per device and item, the balances (their sums), and the documents
each movement sends to KRA (insertStockIO, then saveStockMaster per item) through the document queue.

A signed sale or credit note moves stock in the same transaction that marks it signed (the outbox
calls `sale_signed`), so a signed sale can never lack its movement. Services (item type 3) carry none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import Connection, Table, insert, select

from etims_desktop.domain.documents import DocumentKind
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import ReceiptType
from etims_desktop.domain.stock import (
    MovedLine,
    StockReason,
    is_stocked,
    sar_type,
    stock_io_body,
    stock_master_body,
)
from etims_desktop.storage.documents import DocumentRepository
from etims_desktop.storage.models import ItemRow, SaleLineRow, SaleRow, StockMoveRow
from etims_desktop.storage.records import StockBalance

MOVES = cast(Table, StockMoveRow.__table__)
ITEMS = cast(Table, ItemRow.__table__)
SALES = cast(Table, SaleRow.__table__)
LINES = cast(Table, SaleLineRow.__table__)


class StockRepository:
    """Stock movements and balances inside one transaction."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.db = connection
        self.now = now
        self.documents = DocumentRepository(connection, now)

    # --- movements ---------------------------------------------------------------------------------

    def sale_signed(self, sale_id: int) -> int | None:
        """Stock out for a signed sale (stock back in for a credit note): its stocked lines, one
        movement, queued after the sale. None: nothing it sold carries stock."""
        sale = self.db.execute(
            select(SALES.c.device_id, SALES.c.receipt_type, SALES.c.trader_invoice_no, SALES.c.sold_at).where(
                SALES.c.id == sale_id
            )
        ).one()
        credit = sale.receipt_type is ReceiptType.CREDIT_NOTE
        rows = self.db.execute(
            select(LINES, ITEMS.c.item_type)
            .join(ITEMS, ITEMS.c.code == LINES.c.item_code)
            .where(LINES.c.sale_id == sale_id)
            .order_by(LINES.c.line_no)
        ).all()
        lines = [
            MovedLine(
                item_code=row.item_code,
                item_class_code=row.item_class_code,
                name=row.name,
                quantity=row.qty if credit else -row.qty,
                unit_price=row.unit_price,
                tax_type=row.tax_type,
                pkg_unit_code=row.pkg_unit_code,
                qty_unit_code=row.qty_unit_code,
                barcode=row.barcode,
            )
            for row in rows
            if is_stocked(row.item_type) and row.qty != 0
        ]
        if not lines:
            return None
        reason = StockReason.CREDIT_NOTE if credit else StockReason.SALE
        what = "credit note" if credit else "sale"
        return self._move(
            sale.device_id,
            reason,
            lines,
            f"Stock {'back in' if credit else 'out'} for {what} {sale.trader_invoice_no}",
            after_sale_id=sale_id,
            sale_id=sale_id,
        )

    def adjust(
        self, device_id: int, lines: Sequence[MovedLine], reason: StockReason, note: str | None = None
    ) -> int:
        """A person's adjustment (opening stock, goods received, damage, a count correction), or the
        stock in of a purchase or import (the caller passes `after_document_id` through `receive`)."""
        label = reason.label.capitalize()
        summary = f"{label}: " + ", ".join(f"{line.name} {line.quantity:+f}" for line in lines)
        return self._move(device_id, reason, lines, summary, note=note)

    def receive(
        self,
        device_id: int,
        lines: Sequence[MovedLine],
        reason: StockReason,
        summary: str,
        after_document_id: int,
    ) -> int:
        """Stock in for a purchase or an import: sent after its confirmation (after_document_id)."""
        return self._move(device_id, reason, lines, summary, after_document_id=after_document_id)

    def _move(
        self,
        device_id: int,
        reason: StockReason,
        lines: Sequence[MovedLine],
        summary: str,
        *,
        after_sale_id: int | None = None,
        after_document_id: int | None = None,
        sale_id: int | None = None,
        note: str | None = None,
    ) -> int:
        """One movement: ledger rows, then insertStockIO and, per item, saveStockMaster after it.
        Lines of one movement share a direction (a sale is all out), so one sarTyCd fits them all."""
        code = sar_type(reason, lines[0].quantity)
        body = stock_io_body(code, lines, self.now, manual=reason.manual, remark=note)
        io_id = self.documents.enqueue(
            device_id,
            DocumentKind.STOCK_IO,
            body,
            summary,
            after_sale_id=after_sale_id,
            after_document_id=after_document_id,
        )
        self.db.execute(
            insert(MOVES),
            [
                {
                    "device_id": device_id,
                    "item_code": line.item_code,
                    "quantity": line.quantity,
                    "reason": reason,
                    "sar_type": sar_type(reason, line.quantity),
                    "sale_id": sale_id,
                    "document_id": io_id,
                    "note": note,
                    "created_at": self.now,
                }
                for line in lines
            ],
        )
        balances = self._balances(device_id, {line.item_code for line in lines})
        for item_code in dict.fromkeys(line.item_code for line in lines):
            name = next(line.name for line in lines if line.item_code == item_code)
            self.documents.replace_balances(device_id, item_code, f"replaced by the balance after: {summary}")
            self.documents.enqueue(
                device_id,
                DocumentKind.STOCK_MASTER,
                stock_master_body(item_code, balances[item_code]),
                f"Stock of {name}: {balances[item_code]:f} on hand",
                after_document_id=io_id,
            )
        return io_id

    # --- balances ----------------------------------------------------------------------------------

    def _balances(self, device_id: int, codes: set[str]) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = defaultdict(Decimal)
        rows = self.db.execute(
            select(MOVES.c.item_code, MOVES.c.quantity).where(
                MOVES.c.device_id == device_id, MOVES.c.item_code.in_(sorted(codes))
            )
        )
        for code, quantity in rows:
            totals[code] += quantity
        return totals

    def balance(self, device_id: int, item_code: str) -> Decimal:
        return self._balances(device_id, {item_code})[item_code]

    def balances(self, device_id: int) -> list[StockBalance]:
        """Every stocked item of the item master with its quantity on hand on this device (0 if it
        never moved), by name. Decimal sums are done here: SQLite would add them as floats."""
        totals: dict[str, Decimal] = defaultdict(Decimal)
        last: dict[str, datetime] = {}
        rows = self.db.execute(
            select(MOVES.c.item_code, MOVES.c.quantity, MOVES.c.created_at).where(
                MOVES.c.device_id == device_id
            )
        )
        for code, quantity, at in rows:
            totals[code] += quantity
            last[code] = max(last.get(code, at), at)
        items = self.db.execute(
            select(ITEMS.c.code, ITEMS.c.name, ITEMS.c.item_type).order_by(ITEMS.c.name, ITEMS.c.code)
        )
        return [
            StockBalance(device_id, code, name, totals[code], last.get(code))
            for code, name, item_type in items
            if is_stocked(item_type) or code in totals
        ]


def moved_line(item: Item, quantity: Decimal, unit_price: Decimal | None = None) -> MovedLine:
    """A movement line for an item of the master."""
    return MovedLine(
        item_code=item.code,
        item_class_code=item.item_class_code,
        name=item.name,
        quantity=quantity,
        unit_price=unit_price if unit_price is not None else item.price,
        tax_type=item.tax_type,
        pkg_unit_code=item.pkg_unit_code,
        qty_unit_code=item.qty_unit_code,
        barcode=item.barcode,
    )
