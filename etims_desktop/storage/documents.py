"""The document queue: purchase confirmations, import answers, stock movements and balances on their way
to KRA (docs/ARCHITECTURE.md, "The document queue"). Sales have their own outbox (storage/outbox.py).

Guarantees, per device:
- documents go in id order; one waits for the sale (`after_sale_id`: signed) or document
  (`after_document_id`: sent) that caused it;
- a numbered kind (sarNo, the purchase invcNo) gets a gap-free number, written ahead: claim_next
  commits the number and the body as it will be sent (state SENDING) before the request leaves;
- no answer keeps the number: the SAME body goes again, and KRA's duplicate answer means "recorded";
- a refusal is *needs your fix* with KRA's reason; its number goes back when nothing later used it
  (so numbers stay gap-free). A refused document stops the later documents of its group (stock;
  purchases; imports) on that device until it is sent again or cancelled: a later movement sent past
  a refused one would report a balance KRA cannot follow;
- every state change is an event in the document's history.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select

from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.stock import numbered
from etims_desktop.storage.errors import NotFound, OutboxStateError
from etims_desktop.storage.models import (
    OPEN_DOCUMENTS_SQL,
    DocumentEventRow,
    DocumentNumberRow,
    DocumentRow,
    OutboxRow,
)
from etims_desktop.storage.plain_sql import driver_connection, plain_table
from etims_desktop.storage.records import DocumentChange, QueuedDocument

D = DocumentState
DOCUMENTS = cast(Table, DocumentRow.__table__)
EVENTS = cast(Table, DocumentEventRow.__table__)
NUMBERS = cast(Table, DocumentNumberRow.__table__)
OUTBOX = cast(Table, OutboxRow.__table__)
FINAL = (D.SENT, D.CANCELLED, D.REPLACED)
APP_STOPPED = "the previous send was interrupted before KRA answered: sending the same document again"


class DocumentRepository:
    """Queued documents inside one transaction. `now` is the transaction's clock reading.

    What runs once per document sent (queueing, claiming, marking) uses plain sqlite3 statements on the
    transaction's connection (storage/plain_sql.py: a Core statement costs 10-30x the Python); the
    lists and counts for people stay Core."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.db = connection
        self.sql = driver_connection(connection)
        self.now = now
        dialect = connection.dialect
        self._documents = plain_table(DOCUMENTS, dialect)
        self._states = plain_table(DOCUMENTS, dialect, ("id", "kind", "state"))
        self._events = plain_table(EVENTS, dialect)
        self._numbers = plain_table(NUMBERS, dialect)
        self._sale_states = plain_table(OUTBOX, dialect, ("sale_id", "state"))

    # --- queueing ----------------------------------------------------------------------------------

    def enqueue(
        self,
        device_id: int,
        kind: DocumentKind,
        body: dict[str, Any],
        summary: str,
        *,
        after_sale_id: int | None = None,
        after_document_id: int | None = None,
    ) -> int:
        """Queue one document (its number, if its kind has one, is given when it is first sent)."""
        document_id = self._documents.insert(
            self.sql,
            {
                "device_id": device_id,
                "kind": kind,
                "state": D.QUEUED,
                "body": body,
                "summary": summary,
                "after_sale_id": after_sale_id,
                "after_document_id": after_document_id,
                "attempts": 0,
                "created_at": self.now,
                "state_changed_at": self.now,
            },
        )
        self._event(document_id, None, D.QUEUED, "recorded")
        return document_id

    def open_movement(self, device_id: int) -> tuple[int, dict[str, Any]] | None:
        """The device's newest stock movement, with its body, when sales' stock-outs may still join it: it
        has not left yet (never claimed: no sarNo) and was made by sales. None: the next stock-out is a
        new movement. Documents go in id order, so a newer one was never sent before it."""
        last = self._documents.first(
            self.sql,
            f"device_id = ? AND {OPEN_DOCUMENTS_SQL} AND kind = ?",
            (device_id, self._documents.to_db("kind", DocumentKind.STOCK_IO)),
            "ORDER BY id DESC",
        )  # the open ones (partial index)
        if (
            last is None
            or last.state is not D.QUEUED
            or last.number is not None
            or last.after_sale_id is None
        ):
            return None
        return last.id, last.body

    def gathered(self, document_id: int, body: dict[str, Any], after_sale_id: int, summary: str) -> None:
        """An open movement (open_movement) now also carries later sales' stock-outs: `body` is the merged
        one (domain/stock.py merged_stock_io) and it waits for the last of those sales."""
        values = {"body": body, "after_sale_id": after_sale_id, "summary": summary}
        self._documents.update(self.sql, "id", document_id, values)

    def queue_balance(
        self, device_id: int, item_code: str, body: dict[str, Any], summary: str, after_document_id: int
    ) -> int:
        """Queue an item's balance after the movement that made it (saveStockMaster carries the quantity
        on hand, not a change, so KRA needs only the newest). A balance of the item that has not left yet
        (queued, or waiting to retry: KRA never had it) takes the new quantity and waits for the new
        movement instead: one balance per item waits, however many sales were made offline."""
        to_db = self._documents.to_db
        waiting = self._documents.first(
            self.sql,
            "device_id = ? AND state IN (?, ?) AND kind = ? AND json_extract(body, '$.itemCd') = ?",
            (device_id, to_db("state", D.QUEUED), to_db("state", D.WAITING),
             to_db("kind", DocumentKind.STOCK_MASTER), item_code),
        )  # fmt: skip
        if waiting is None:
            return self.enqueue(
                device_id, DocumentKind.STOCK_MASTER, body, summary, after_document_id=after_document_id
            )
        self._documents.update(
            self.sql,
            "id",
            waiting.id,
            {"body": body, "summary": summary, "after_document_id": after_document_id},
        )
        return cast(int, waiting.id)

    # --- what to send next -------------------------------------------------------------------------

    def claim_next(self, device_id: int, now: datetime) -> QueuedDocument | None:
        """The next document to send, already numbered and SENDING (write-ahead), or None.

        An interrupted send (SENDING: the app stopped, or its task was cancelled) or an UNCERTAIN one
        comes first, with its number and body unchanged: it goes again as it was."""
        row = self._next(device_id, now)
        if row is None:
            return None
        if row.state is D.SENDING:
            self._move(row, D.UNCERTAIN, APP_STOPPED)
            row = self._row(row.id)
        values: dict[str, Any] = {}
        number = row.number
        if row.kind.numbered and number is None:
            number = self._last_number(device_id, row.kind) + 1
            self._set_last_number(device_id, row.kind, number)
            values.update(number=number, body=numbered(row.body, cast(str, row.kind.number_field), number))
        reason = (
            "sending again: KRA's answer to the last send was lost" if row.state is D.UNCERTAIN else "sending"
        )
        self._move(row, D.SENDING, reason, force=True, next_attempt_at=None, **values)
        return self._record(self._row(row.id))

    def _next(self, device_id: int, now: datetime) -> Any | None:
        """The oldest document that may go now: open, due, its cause sent, its group not stopped."""
        stopped = self._stopped_groups(device_id)
        # Read lazily, in id order off the partial index (the query repeats its WHERE word for word, so
        # SQLite uses it): usually the first row is the one to send.
        rows = self._documents.iterate(
            self.sql, f"device_id = ? AND {OPEN_DOCUMENTS_SQL}", (device_id,), "ORDER BY id"
        )
        try:
            return self._first_due(rows, stopped, now)
        finally:
            rows.close()

    def _first_due(self, rows: Iterable[Any], stopped: set[str], now: datetime) -> Any | None:
        for row in rows:
            if row.kind.group in stopped:
                continue
            if row.state in (D.SENDING, D.UNCERTAIN):
                return row  # a send whose answer was lost goes again before anything else of its group
            if row.state is D.WAITING and row.next_attempt_at is not None and row.next_attempt_at > now:
                stopped.add(row.kind.group)  # nothing of its group overtakes it
                continue
            if not self._cause_done(row):
                # A balance waits for its (newer) movement without holding back the group: it carries
                # the whole quantity, so it goes when its movement has gone.
                if row.kind is not DocumentKind.STOCK_MASTER:
                    stopped.add(row.kind.group)
                continue
            return row
        return None

    def _stopped_groups(self, device_id: int) -> set[str]:
        refused = self._states.select(
            self.sql, "device_id = ? AND state = ?", (device_id, self._states.to_db("state", D.NEEDS_FIX))
        )
        return {row.kind.group for row in refused}

    def _cause_done(self, row: Any) -> bool:
        if row.after_sale_id is not None:
            sale = self._sale_states.first(self.sql, "sale_id = ?", (row.after_sale_id,))
            if sale is None or sale.state is not OutboxState.SIGNED:
                return False
        if row.after_document_id is not None:
            cause = self._states.first(self.sql, "id = ?", (row.after_document_id,))
            if cause is None or cause.state is not D.SENT:
                return False
        return True

    # --- outcomes ----------------------------------------------------------------------------------

    def mark_sent(self, document_id: int, reason: str = "KRA accepted it") -> None:
        row = self._open_row(document_id)
        self._move(
            row,
            D.SENT,
            reason,
            sent_at=self.now,
            next_attempt_at=None,
            last_error_code=None,
            last_error_message=None,
        )

    def mark_uncertain(self, document_id: int, reason: str, code: str | None = None) -> None:
        """Sent, no usable answer: the number and body are kept; the same document goes again."""
        row = self._open_row(document_id)
        self._move(
            row,
            D.UNCERTAIN,
            reason,
            attempts=row.attempts + 1,
            last_error_code=code,
            last_error_message=reason,
        )

    def mark_waiting(
        self, document_id: int, next_attempt_at: datetime | None, code: str | None, message: str
    ) -> None:
        """Not sent (offline, KRA busy): retried later with the same number, if it has one."""
        row = self._open_row(document_id)
        target = D.UNCERTAIN if row.state is D.UNCERTAIN else D.WAITING
        self._move(
            row,
            target,
            message,
            force=True,
            attempts=row.attempts + 1,
            next_attempt_at=next_attempt_at,
            last_error_code=code,
            last_error_message=message,
        )

    def mark_needs_fix(self, document_id: int, code: str | None, message: str) -> None:
        """KRA refused it. Its number goes back when it is the last one handed out (gap-free)."""
        row = self._open_row(document_id)
        values: dict[str, Any] = {}
        if row.number is not None and self._last_number(row.device_id, row.kind) == row.number:
            self._set_last_number(row.device_id, row.kind, row.number - 1)
            field = cast(str, row.kind.number_field)
            values.update(number=None, body={**row.body, field: None})
        self._move(
            row,
            D.NEEDS_FIX,
            message,
            next_attempt_at=None,
            last_error_code=code,
            last_error_message=message,
            **values,
        )

    def resend(self, document_id: int) -> None:
        """A person fixed the cause (an item registered, stock recorded): the document goes again."""
        row = self._row(document_id)
        if row.state is not D.NEEDS_FIX:
            raise DomainValidationError(
                f"Only a document that needs your fix can be sent again (this one is {row.state.label}).",
                field="document",
            )
        self._move(row, D.QUEUED, "queued again", attempts=0, last_error_code=None, last_error_message=None)

    def cancel(self, document_id: int) -> None:
        """Give up a document KRA does not have (never sent, or refused)."""
        row = self._row(document_id)
        if row.state is D.CANCELLED:
            return
        if row.state not in (D.QUEUED, D.WAITING, D.NEEDS_FIX) or row.number is not None:
            raise DomainValidationError(
                "This document is on its way to KRA and may already be recorded there, so it cannot be "
                "cancelled now. Sync first.",
                field="document",
            )
        self._move(row, D.CANCELLED, "cancelled by you", next_attempt_at=None)

    # --- reading -----------------------------------------------------------------------------------

    def get(self, document_id: int) -> QueuedDocument:
        return self._record(self._row(document_id))

    def list(
        self,
        device_id: int | None = None,
        kinds: Iterable[DocumentKind] | None = None,
        states: Iterable[DocumentState] | None = None,
        limit: int = 200,
    ) -> list[QueuedDocument]:
        """Documents, newest first."""
        query = select(DOCUMENTS)
        if device_id is not None:
            query = query.where(DOCUMENTS.c.device_id == device_id)
        if kinds is not None:
            query = query.where(DOCUMENTS.c.kind.in_(list(kinds)))
        if states is not None:
            query = query.where(DOCUMENTS.c.state.in_(list(states)))
        rows = self.db.execute(query.order_by(DOCUMENTS.c.id.desc()).limit(limit))
        return [self._record(row) for row in rows]

    def history(self, document_id: int) -> builtins.list[DocumentChange]:
        self._row(document_id)
        rows = self.db.execute(
            select(EVENTS.c.at, EVENTS.c.from_state, EVENTS.c.to_state, EVENTS.c.reason)
            .where(EVENTS.c.document_id == document_id)
            .order_by(EVENTS.c.id)
        )
        return [DocumentChange(*row) for row in rows]

    def counts(self, device_id: int | None = None) -> dict[int, dict[str, dict[DocumentState, int]]]:
        """Per device, per group (purchases, imports, stock), documents per state."""
        query = select(DOCUMENTS.c.device_id, DOCUMENTS.c.kind, DOCUMENTS.c.state, func.count()).group_by(
            DOCUMENTS.c.device_id, DOCUMENTS.c.kind, DOCUMENTS.c.state
        )
        if device_id is not None:
            query = query.where(DOCUMENTS.c.device_id == device_id)
        counts: dict[int, dict[str, dict[DocumentState, int]]] = {}
        for device, kind, state, n in self.db.execute(query):
            by_state = counts.setdefault(device, {}).setdefault(kind.group, {})
            by_state[state] = by_state.get(state, 0) + n
        return counts

    def devices_with_pending(self, device_ids: Iterable[int]) -> set[int]:
        """Which of these devices have a document still to send, or a signed sale whose stock documents are
        still to be made (one index seek each: the scheduler asks every tick)."""
        found = set()
        for device_id in device_ids:
            hit = self.sql.execute(
                f"SELECT 1 FROM documents WHERE device_id = ? AND {OPEN_DOCUMENTS_SQL} "
                "UNION ALL SELECT 1 FROM stock_moves WHERE device_id = ? AND document_id IS NULL LIMIT 1",
                (device_id, device_id),
            ).fetchone()
            if hit is not None:
                found.add(device_id)
        return found

    # --- helpers -----------------------------------------------------------------------------------

    def _last_number(self, device_id: int, kind: DocumentKind) -> int:
        found = self._numbers.first(
            self.sql, "device_id = ? AND kind = ?", (device_id, self._numbers.to_db("kind", kind))
        )
        return found.last_number if found is not None else 0

    def _set_last_number(self, device_id: int, kind: DocumentKind, number: int) -> None:
        self.sql.execute(
            "INSERT INTO document_numbers (device_id, kind, last_number) VALUES (?, ?, ?) "
            "ON CONFLICT (device_id, kind) DO UPDATE SET last_number = excluded.last_number",
            (device_id, self._numbers.to_db("kind", kind), number),
        )

    def _row(self, document_id: int) -> Any:
        row = self._documents.first(self.sql, "id = ?", (document_id,))
        if row is None:
            raise NotFound(f"There is no document number {document_id}.", field="document")
        return row

    def _open_row(self, document_id: int) -> Any:
        row = self._row(document_id)
        if row.state in FINAL:
            raise OutboxStateError(f"Document {document_id} is {row.state.label}; that is final.")
        return row

    def _move(self, row: Any, to: DocumentState, reason: str, *, force: bool = False, **values: Any) -> None:
        if row.state is not to or force:
            self._event(row.id, row.state, to, reason)
            values.update(state=to, state_changed_at=self.now)
        if values:
            self._documents.update(self.sql, "id", row.id, values)

    def _event(
        self, document_id: int, from_state: DocumentState | None, to: DocumentState, reason: str
    ) -> None:
        self._events.insert(
            self.sql,
            {
                "document_id": document_id,
                "at": self.now,
                "from_state": from_state,
                "to_state": to,
                "reason": reason,
            },
        )

    @staticmethod
    def _record(row: Any) -> QueuedDocument:
        return QueuedDocument(
            id=row.id,
            device_id=row.device_id,
            kind=row.kind,
            state=row.state,
            summary=row.summary,
            body=row.body,
            number=row.number,
            attempts=row.attempts,
            last_error_code=row.last_error_code,
            last_error_message=row.last_error_message,
            created_at=row.created_at,
            sent_at=row.sent_at,
        )
