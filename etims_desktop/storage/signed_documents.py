"""The document KRA signed, per signed sale: the bytes exchanged and the receipt header as printed then.

Written once, in the transaction that marks the sale signed (OutboxRepository.mark_signed); triggers
(migration 0003) refuse to change or delete it afterwards. Reprints read only this.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table

from etims_desktop.domain.outbox import SignedReceipt
from etims_desktop.domain.receipt import BusinessDetails, SignedDocument
from etims_desktop.storage.models import ReceiptPrintRow, SignedDocumentRow
from etims_desktop.storage.plain_sql import driver_connection, plain_table

DOCUMENTS = cast(Table, SignedDocumentRow.__table__)
PRINTS = cast(Table, ReceiptPrintRow.__table__)


# One statement per signed sale (the drain's hot path): the header and the device's identity are copied
# inside SQLite, with no row coming back to Python.
RECORD = """
    INSERT INTO signed_documents (sale_id, request_body, reply_body, rebuilt, business_name, address, phone,
        email, footer, pin, branch_id, device_name, recorded_at)
    SELECT ?, ?, ?, ?, coalesce(b.name, ''), coalesce(b.address, ''), coalesce(b.phone, ''),
        coalesce(b.email, ''), coalesce(b.footer, ''), d.pin, d.branch_id, d.name, ?
    FROM devices d LEFT JOIN business_details b ON b.id = 1
    WHERE d.id = ?
"""


class SignedDocumentRepository:
    def __init__(self, connection: Connection, now: datetime) -> None:
        self.sql = driver_connection(connection)
        self.now = now
        self._table = plain_table(DOCUMENTS, connection.dialect)
        self._prints = plain_table(PRINTS, connection.dialect)

    def record(self, sale_id: int, device_id: int, receipt: SignedReceipt) -> None:
        """Keep what KRA signed, with today's header: the header as printed at signing."""
        rebuilt = receipt.request_body is None and receipt.reply_body is None
        self.sql.execute(
            RECORD,
            (
                sale_id,
                receipt.request_body,
                receipt.reply_body,
                rebuilt,
                self._table.to_db("recorded_at", self.now),
                device_id,
            ),
        )

    def get(self, sale_id: int) -> SignedDocument | None:
        row = self._table.first(self.sql, "sale_id = ?", (sale_id,))
        if row is None:
            return None
        return SignedDocument(
            sale_id=row.sale_id,
            request_body=row.request_body,
            reply_body=row.reply_body,
            rebuilt=row.rebuilt,
            business=BusinessDetails(
                name=row.business_name,
                address=row.address,
                phone=row.phone,
                email=row.email,
                footer=row.footer,
            ),
            pin=row.pin,
            branch_id=row.branch_id,
            device_name=row.device_name,
            recorded_at=row.recorded_at,
        )

    def original_printed(self, sale_id: int) -> bool:
        """Has the signed receipt been printed (or saved as PDF) before? Then a print is a copy."""
        return self._prints.first(self.sql, "sale_id = ?", (sale_id,)) is not None

    def record_print(self, sale_id: int) -> None:
        """A signed sale's receipt was printed: the first time is the original."""
        if self.get(sale_id) is not None and not self.original_printed(sale_id):
            self._prints.insert(self.sql, {"sale_id": sale_id, "first_printed_at": self.now})
