"""Customs import lines (stored once per taskCd + itemSeq), and the answers to them: accepting one
queues updateImportItem (status 3, the item it was mapped to) and, after it is sent, the stock it
brought in; rejecting one queues status 4. One transaction each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Row, Table, insert, select, update

from etims_desktop.domain.documents import DocumentKind
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.imports import import_answer_body
from etims_desktop.domain.item import Item
from etims_desktop.domain.stock import MovedLine, StockReason, is_stocked
from etims_desktop.storage.documents import DOCUMENTS, DocumentRepository
from etims_desktop.storage.errors import NotFound
from etims_desktop.storage.models import ImportItemRow
from etims_desktop.storage.records import ImportLineRecord
from etims_desktop.storage.stock import StockRepository

IMPORTS = cast(Table, ImportItemRow.__table__)
NEW, ACCEPTED, REJECTED = "new", "accepted", "rejected"


class ImportRepository:
    def __init__(self, connection: Connection, now: datetime) -> None:
        self.db = connection
        self.now = now

    def save_lines(self, device_id: int, lines: Iterable[dict[str, Any]]) -> int:
        """Store import lines not stored yet (by taskCd + itemSeq); returns how many were new."""
        added = 0
        for line in lines:
            task, seq = line.get("taskCd"), line.get("itemSeq")
            if not task or seq is None:
                continue  # KRA's key is missing: nothing to answer it with
            known = self.db.scalar(
                select(IMPORTS.c.id).where(
                    IMPORTS.c.device_id == device_id, IMPORTS.c.task_code == task, IMPORTS.c.item_seq == seq
                )
            )
            if known is not None:
                continue
            self.db.execute(
                insert(IMPORTS).values(
                    device_id=device_id,
                    task_code=task,
                    item_seq=int(seq),
                    declaration_no=line.get("dclNo"),
                    declared_on=line.get("dclDe"),
                    hs_code=line.get("hsCd"),
                    name=line.get("itemNm") or "(no name)",
                    quantity=Decimal(str(line.get("qty") or 0)),
                    qty_unit_code=line.get("qtyUnitCd"),
                    supplier_name=line.get("spplrNm"),
                    line=line,
                    state=NEW,
                    created_at=self.now,
                )
            )
            added += 1
        return added

    def accept(self, import_id: int, item: Item) -> int:
        """The line is `item` of our master: answer KRA (status 3), then its quantity comes into stock."""
        row = self._undecided(import_id)
        body = import_answer_body(
            row.line, accepted=True, item_code=item.code, item_class_code=item.item_class_code
        )
        summary = f"Import {row.task_code}/{row.item_seq} accepted as {item.name} ({row.quantity:f})"
        document_id = DocumentRepository(self.db, self.now).enqueue(
            row.device_id, DocumentKind.IMPORT, body, summary
        )
        if is_stocked(item.item_type) and row.quantity > 0:
            line = MovedLine(
                item.code, item.item_class_code, item.name, row.quantity, item.price, item.tax_type,
                item.pkg_unit_code, item.qty_unit_code, item.barcode,
            )  # fmt: skip
            StockRepository(self.db, self.now).receive(
                row.device_id,
                [line],
                StockReason.IMPORT,
                f"Stock in: {summary}",
                after_document_id=document_id,
            )
        self._decided(row, ACCEPTED, document_id, item.code)
        return document_id

    def reject(self, import_id: int, remark: str | None = None) -> int:
        row = self._undecided(import_id)
        body = import_answer_body(row.line, accepted=False, remark=remark)
        summary = f"Import {row.task_code}/{row.item_seq} ({row.name}) rejected"
        document_id = DocumentRepository(self.db, self.now).enqueue(
            row.device_id, DocumentKind.IMPORT, body, summary
        )
        self._decided(row, REJECTED, document_id, None)
        return document_id

    def list(
        self, device_id: int | None = None, states: Iterable[str] | None = None
    ) -> list[ImportLineRecord]:
        query = select(IMPORTS, DOCUMENTS.c.state.label("document_state")).outerjoin(
            DOCUMENTS, DOCUMENTS.c.id == IMPORTS.c.document_id
        )
        if device_id is not None:
            query = query.where(IMPORTS.c.device_id == device_id)
        if states is not None:
            query = query.where(IMPORTS.c.state.in_(list(states)))
        return [_record(row) for row in self.db.execute(query.order_by(IMPORTS.c.id.desc()))]

    def get(self, import_id: int) -> ImportLineRecord:
        found = [r for r in self.list() if r.id == import_id]
        if not found:
            raise NotFound(f"There is no import line number {import_id}.", field="import")
        return found[0]

    def _decided(self, row: Row[Any], state: str, document_id: int, item_code: str | None) -> None:
        self.db.execute(
            update(IMPORTS)
            .where(IMPORTS.c.id == row.id)
            .values(state=state, decided_at=self.now, document_id=document_id, item_code=item_code)
        )

    def _undecided(self, import_id: int) -> Row[Any]:
        row = self.db.execute(select(IMPORTS).where(IMPORTS.c.id == import_id)).first()
        if row is None:
            raise NotFound(f"There is no import line number {import_id}.", field="import")
        if row.state != NEW:
            raise DomainValidationError(
                f"Import line {import_id} ({row.name}) was already {row.state}; that cannot change.",
                field="import",
            )
        return row


def _record(row: Row[Any]) -> ImportLineRecord:
    return ImportLineRecord(
        id=row.id,
        device_id=row.device_id,
        task_code=row.task_code,
        item_seq=row.item_seq,
        declaration_no=row.declaration_no,
        declared_on=row.declared_on,
        hs_code=row.hs_code,
        name=row.name,
        quantity=row.quantity,
        qty_unit_code=row.qty_unit_code,
        supplier_name=row.supplier_name,
        state=row.state,
        item_code=row.item_code,
        document_id=row.document_id,
        document_state=row.document_state,
    )
