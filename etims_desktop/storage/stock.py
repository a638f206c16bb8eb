"""The stock ledger: every movement per device and item, the balances (their sums, kept per item in
stock_levels by the movement's own transaction), and the documents each movement sends to KRA
(insertStockIO, then saveStockMaster per item) through the document queue.

A signed sale or credit note moves stock in the same transaction that marks it signed (the outbox
calls `sale_signed`), so a signed sale can never lack its movement; its documents are made with those of
the other sales signed meanwhile when the queue runs (`document_sales`). Services (item type 3) carry none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from etims_desktop.domain.documents import DocumentKind
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import ReceiptType
from etims_desktop.domain.stock import (
    MovedLine,
    StockReason,
    is_stocked,
    merged_stock_io,
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

    def sale_signed(self, sale_id: int) -> None:
        """The ledger rows of a signed sale's stocked lines (stock out; back in for a credit note), written
        in the transaction that signs it, so a signed sale never lacks its movement. Their documents are
        made later, for all the sales signed meanwhile at once (document_sales): this runs once per sale
        sent, on the drain's critical path, and is kept to a few statements."""
        sale = self._sales.first(self.sql, "id = ?", (sale_id,))
        assert sale is not None  # the outbox signs only its own sales
        rows = self._lines.select(self.sql, "sale_id = ?", (sale_id,), "ORDER BY line_no")
        item_types = self._item_types({row.item_code for row in rows})
        reason, lines = _sale_movement(
            sale, rows, lambda code: code in item_types and is_stocked(item_types[code])
        )
        for line in lines:
            self._insert_move(sale.device_id, reason, line, sale_id=sale_id, document_id=None, note=None)

    def document_sales(self, device_id: int, gather: bool = True) -> int:
        """Queue the documents of the sales signed since the last time, in signing order: consecutive
        sales' stock-outs gather into one insertStockIO (per type and day; a credit note's stock back in
        is its own; `gather` False: one per sale), then each touched item's balance after its last
        movement. Returns how many sales."""
        pending = self._moves.select(
            self.sql, "device_id = ? AND document_id IS NULL", (device_id,), "ORDER BY id"
        )
        if not pending:
            return 0
        sale_ids = list(dict.fromkeys(move.sale_id for move in pending))
        sales = {sale.id: sale for sale in self._sales.select_in(self.sql, "id", sale_ids)}
        rows = defaultdict(list)
        for row in self._lines.select_in(self.sql, "sale_id", sale_ids, "ORDER BY sale_id, line_no"):
            rows[row.sale_id].append(row)
        moved: dict[int, set[str]] = defaultdict(set)  # what the ledger says each sale moved: the truth
        for move in pending:
            moved[move.sale_id].add(move.item_code)
        last_movement: dict[str, int] = {}
        names: dict[str, str] = {}
        # The open stock-out that consecutive sales join (in memory: it is written once, at the end).
        gathering = _Gathering.opened(self.documents, device_id) if gather else None
        for sale_id in sale_ids:
            sale = sales[sale_id]
            reason, lines = _sale_movement(sale, rows[sale_id], moved[sale_id].__contains__)
            credit = reason is StockReason.CREDIT_NOTE
            body = stock_io_body(sar_type(reason, lines[0].quantity), lines, self.now, manual=False)
            merged = None if credit or gathering is None else gathering.join(body, sale_id)
            if merged is None:
                if gathering is not None:
                    gathering.write(self.documents, sales)
                what = f"Stock {'back in' if credit else 'out'} for {'credit note' if credit else 'sale'} {sale.trader_invoice_no}"
                io_id = self.documents.enqueue(
                    device_id, DocumentKind.STOCK_IO, body, what, after_sale_id=sale_id
                )
                if gathering is not None:  # a credit note's stock back in is its own movement
                    gathering = _Gathering(None if credit else io_id, body)
            else:
                io_id = merged
            self.sql.execute(
                "UPDATE stock_moves SET document_id = ? WHERE device_id = ? AND sale_id = ? AND document_id IS NULL",
                (io_id, device_id, sale_id),
            )
            for line in lines:
                last_movement[line.item_code] = io_id
                names[line.item_code] = line.name
        if gathering is not None:
            gathering.write(self.documents, sales)
        changes: dict[str, Decimal] = defaultdict(Decimal)
        for move in pending:
            changes[move.item_code] += move.quantity
        self._queue_balances(device_id, self._add_to_levels(device_id, changes), last_movement, names)
        return len(sale_ids)

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
        after_document_id: int | None = None,
        note: str | None = None,
    ) -> int:
        """One movement made by a person or a purchase/import: ledger rows, then insertStockIO and, per
        item, saveStockMaster after it. The sales signed before it get their documents first, so KRA
        hears of the movements in the order they happened. Lines of one movement share a direction, so
        one sarTyCd fits them all."""
        self.document_sales(device_id)
        body = stock_io_body(
            sar_type(reason, lines[0].quantity), lines, self.now, manual=reason.manual, remark=note
        )
        io_id = self.documents.enqueue(
            device_id, DocumentKind.STOCK_IO, body, summary, after_document_id=after_document_id
        )
        changes: dict[str, Decimal] = defaultdict(Decimal)
        for line in lines:
            self._insert_move(device_id, reason, line, sale_id=None, document_id=io_id, note=note)
            changes[line.item_code] += line.quantity
        levels = self._add_to_levels(device_id, changes)
        self._queue_balances(
            device_id,
            levels,
            {line.item_code: io_id for line in lines},
            {line.item_code: line.name for line in lines},
        )
        return io_id

    def _insert_move(
        self,
        device_id: int,
        reason: StockReason,
        line: MovedLine,
        *,
        sale_id: int | None,
        document_id: int | None,
        note: str | None,
    ) -> None:
        self._moves.insert(
            self.sql,
            {
                "device_id": device_id,
                "item_code": line.item_code,
                "quantity": line.quantity,
                "reason": reason,
                "sar_type": sar_type(reason, line.quantity),
                "sale_id": sale_id,
                "document_id": document_id,
                "note": note,
                "created_at": self.now,
            },
        )

    def _queue_balances(
        self, device_id: int, levels: dict[str, Decimal], after: dict[str, int], names: dict[str, str]
    ) -> None:
        for item_code, quantity in levels.items():
            self.documents.queue_balance(
                device_id,
                item_code,
                stock_master_body(item_code, quantity),
                f"Stock of {names[item_code]}: {quantity:f} on hand",
                after_document_id=after[item_code],
            )

    # --- balances ----------------------------------------------------------------------------------

    def _add_to_levels(self, device_id: int, changes: dict[str, Decimal]) -> dict[str, Decimal]:
        """Add documented movements to each item's level; the new levels. Decimal sums are done here
        (SQLite would add the texts as floats), in the movement's transaction, so a level is always the
        sum of its item's documented moves (the undocumented ones: `_undocumented`)."""
        levels = {code: self._level(device_id, code) + change for code, change in changes.items()}
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

    def _level(self, device_id: int, item_code: str) -> Decimal:
        level = self._levels.first(self.sql, "device_id = ? AND item_code = ?", (device_id, item_code))
        return level.quantity if level is not None else Decimal(0)

    def _undocumented(self, device_id: int) -> dict[str, tuple[Decimal, datetime]]:
        """Per item, the moves of sales signed since their documents were last made, and the last time."""
        found: dict[str, tuple[Decimal, datetime]] = {}
        for move in self._moves.select(self.sql, "device_id = ? AND document_id IS NULL", (device_id,)):
            quantity, _ = found.get(move.item_code, (Decimal(0), move.created_at))
            found[move.item_code] = (quantity + move.quantity, move.created_at)
        return found

    def balance(self, device_id: int, item_code: str) -> Decimal:
        undocumented = self._undocumented(device_id).get(item_code, (Decimal(0), None))[0]
        return self._level(device_id, item_code) + undocumented

    def balances(self, device_id: int) -> list[StockBalance]:
        """Every stocked item of the item master with its quantity on hand on this device (0 if it
        never moved), by name."""
        levels = {
            level.item_code: (level.quantity, level.last_moved_at)
            for level in self._levels.select(self.sql, "device_id = ?", (device_id,))
        }
        for code, (quantity, at) in self._undocumented(device_id).items():
            levels[code] = (levels.get(code, (Decimal(0), at))[0] + quantity, at)
        items = self.db.execute(
            select(ITEMS.c.code, ITEMS.c.name, ITEMS.c.item_type).order_by(ITEMS.c.name, ITEMS.c.code)
        )
        return [
            StockBalance(
                device_id,
                code,
                name,
                levels[code][0] if code in levels else Decimal(0),
                levels[code][1] if code in levels else None,
            )
            for code, name, item_type in items
            if is_stocked(item_type) or code in levels
        ]


class _Gathering:
    """The open stock-out that a backlog's consecutive sales join (document_sales): merged in memory, written
    once when a movement that cannot join it comes, or at the end."""

    def __init__(self, document_id: int | None, body: dict[str, Any]) -> None:
        self.document_id, self.body = document_id, body
        self.last_sale_id: int | None = None  # the newest sale joined since it was read or queued

    @classmethod
    def opened(cls, documents: DocumentRepository, device_id: int) -> _Gathering:
        """The device's open stock-out (documents.open_movement), or none to join yet."""
        document_id, body = documents.open_movement(device_id) or (None, {})
        return cls(document_id, body)

    def join(self, body: dict[str, Any], sale_id: int) -> int | None:
        """Its id when the sale's stock-out joined it, or None (a new movement must be queued)."""
        merged = None if self.document_id is None else merged_stock_io(self.body, body)
        if merged is None:
            return None
        self.body, self.last_sale_id = merged, sale_id
        return self.document_id

    def write(self, documents: DocumentRepository, sales: dict[int, Any]) -> None:
        if self.document_id is not None and self.last_sale_id is not None:
            summary = f"Stock out for the sales up to {sales[self.last_sale_id].trader_invoice_no}"
            documents.gathered(self.document_id, self.body, self.last_sale_id, summary)
            self.last_sale_id = None


def _sale_movement(
    sale: Any, rows: Sequence[Any], stocked: Callable[[Any], bool]
) -> tuple[StockReason, list[MovedLine]]:
    """A signed sale's stocked lines as one movement: out for a sale, back in for a credit note."""
    credit = sale.receipt_type is ReceiptType.CREDIT_NOTE
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
        if stocked(row.item_code) and row.qty != 0
    ]
    return (StockReason.CREDIT_NOTE if credit else StockReason.SALE), lines


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
