"""The stock ledger: every movement per device and item, the balances (their sums, kept per item in
stock_levels by the movement's own transaction), and the documents each movement sends to KRA
(insertStockIO, then saveStockMaster per item) through the document queue.

A signed sale or credit note moves stock in the same transaction that marks it signed (the outbox
calls `sale_signed`), so a signed sale can never lack its movement. Services (item type 3) carry none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import Connection, Table, select

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
from etims_desktop.storage.models import ItemRow, SaleLineRow, SaleRow, StockLevelRow, StockMoveRow
from etims_desktop.storage.plain_sql import driver_connection, plain_table
from etims_desktop.storage.records import StockBalance

MOVES = cast(Table, StockMoveRow.__table__)
LEVELS = cast(Table, StockLevelRow.__table__)
ITEMS = cast(Table, ItemRow.__table__)
SALES = cast(Table, SaleRow.__table__)
LINES = cast(Table, SaleLineRow.__table__)


class StockRepository:
    """Stock movements and balances inside one transaction. A sale's movement is made as it is signed,
    once per sale sent: that path uses plain sqlite3 statements (storage/plain_sql.py)."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.db = connection
        self.sql = driver_connection(connection)
        self.now = now
        self.documents = DocumentRepository(connection, now)
        dialect = connection.dialect
        self._sales = plain_table(SALES, dialect, ("id", "device_id", "receipt_type", "trader_invoice_no"))
        self._lines = plain_table(LINES, dialect)
        self._moves = plain_table(MOVES, dialect)
        self._levels = plain_table(LEVELS, dialect)

    # --- movements ---------------------------------------------------------------------------------

    def sale_signed(self, sale_id: int) -> int | None:
        """Stock out for a signed sale (stock back in for a credit note): its stocked lines, one
        movement, queued after the sale. None: nothing it sold carries stock."""
        sale = self._sales.first(self.sql, "id = ?", (sale_id,))
        assert sale is not None  # the outbox signs only its own sales
        credit = sale.receipt_type is ReceiptType.CREDIT_NOTE
        rows = self._lines.select(self.sql, "sale_id = ?", (sale_id,), "ORDER BY line_no")
        item_types = self._item_types({row.item_code for row in rows})
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
            if row.item_code in item_types and is_stocked(item_types[row.item_code]) and row.qty != 0
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
        for line in lines:
            self._moves.insert(
                self.sql,
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
                },
            )
        balances = self._add_to_levels(device_id, lines)
        for item_code in dict.fromkeys(line.item_code for line in lines):
            name = next(line.name for line in lines if line.item_code == item_code)
            self.documents.queue_balance(
                device_id,
                item_code,
                stock_master_body(item_code, balances[item_code]),
                f"Stock of {name}: {balances[item_code]:f} on hand",
                after_document_id=io_id,
            )
        return io_id

    # --- balances ----------------------------------------------------------------------------------

    def _add_to_levels(self, device_id: int, lines: Sequence[MovedLine]) -> dict[str, Decimal]:
        """Add the movement to each item's level; the new levels. Decimal sums are done here (SQLite
        would add the texts as floats), in this transaction, so the level is always its moves' sum."""
        levels: dict[str, Decimal] = {}
        for line in lines:
            if line.item_code not in levels:
                levels[line.item_code] = self.balance(device_id, line.item_code)
            levels[line.item_code] += line.quantity
        to_db = self._levels.to_db
        for item_code, quantity in levels.items():
            self.sql.execute(
                "INSERT INTO stock_levels (device_id, item_code, quantity, last_moved_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (device_id, item_code) DO UPDATE "
                "SET quantity = excluded.quantity, last_moved_at = excluded.last_moved_at",
                (device_id, item_code, to_db("quantity", quantity), to_db("last_moved_at", self.now)),
            )
        return levels

    def _item_types(self, codes: set[str]) -> dict[str, str]:
        """The item master's type of each of these item codes it has."""
        if not codes:
            return {}
        found = self.sql.execute(
            f"SELECT code, item_type FROM items WHERE code IN ({', '.join('?' * len(codes))})", sorted(codes)
        )
        return dict(found.fetchall())

    def balance(self, device_id: int, item_code: str) -> Decimal:
        level = self._levels.first(self.sql, "device_id = ? AND item_code = ?", (device_id, item_code))
        return level.quantity if level is not None else Decimal(0)

    def balances(self, device_id: int) -> list[StockBalance]:
        """Every stocked item of the item master with its quantity on hand on this device (0 if it
        never moved), by name."""
        levels = {
            level.item_code: level for level in self._levels.select(self.sql, "device_id = ?", (device_id,))
        }
        items = self.db.execute(
            select(ITEMS.c.code, ITEMS.c.name, ITEMS.c.item_type).order_by(ITEMS.c.name, ITEMS.c.code)
        )
        return [
            StockBalance(
                device_id,
                code,
                name,
                levels[code].quantity if code in levels else Decimal(0),
                levels[code].last_moved_at if code in levels else None,
            )
            for code, name, item_type in items
            if is_stocked(item_type) or code in levels
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
