"""The outbox: every sale's way to KRA, with the guarantees of architecture.md ("The outbox").

- eTIMS numbers (invcNo) are gap-free and strictly increasing per device, and written ahead:
  assign_number commits the number (and SENDING) before any request leaves.
- One numbered, unsigned sale per device at a time: nothing overtakes it.
- A rejection frees the number for the next sale; a lost answer keeps it (UNCERTAIN).
- Signed is final. Every state change is recorded with time and reason.

The drain runs claim_next and mark_signed once per sale, so the rows of one entry are read and written
through plain sqlite3 statements (storage/plain_sql.py, converted by the models' column types); the
ORM's unit of work and even Core statement building cost ten times the SQL they issue
(docs/PERFORMANCE.md). Joins, aggregates and bulk inserts stay SQLAlchemy Core. Rows are namedtuples
or Core rows: both are read by attribute.
"""

from __future__ import annotations

import builtins
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from itertools import islice
from typing import Any, TypeAlias, cast

from sqlalchemy import Connection, Row, Table, and_, case, delete, func, insert, or_, select, update
from sqlalchemy.orm import aliased

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.outbox import OutboxEntry, OutboxState, SignedReceipt, WaitReason, can_cancel
from etims_desktop.domain.sale import Sale
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.storage.errors import NO_SUCH_DEVICE, NO_SUCH_SALE, NotFound, OutboxStateError
from etims_desktop.storage.mapping import (
    entry_from_row,
    line_values,
    receipt_values,
    sale_from_row,
    sale_values,
)
from etims_desktop.storage.models import (
    DeviceRow,
    OutboxEventRow,
    OutboxRow,
    OutboxStateCountRow,
    SaleLineRow,
    SaleRow,
)
from etims_desktop.storage.plain_sql import PlainTable, driver_connection, plain_table
from etims_desktop.storage.records import PendingSummary, StateChange
from etims_desktop.storage.signed_documents import SignedDocumentRepository
from etims_desktop.storage.stock import StockRepository

S = OutboxState
PENDING_STATES = [state for state in S if state.pending]
NUMBERED_UNSIGNED = [S.SENDING, S.UNCERTAIN, S.WAITING]
FINAL_STATES = (S.SIGNED, S.CANCELLED)

APP_STOPPED = "app stopped mid-send: checking with KRA whether it arrived"
SEND_INTERRUPTED = "the previous send was interrupted before KRA answered: checking with KRA"

OUTBOX = cast(Table, OutboxRow.__table__)
SALES = cast(Table, SaleRow.__table__)
LINES = cast(Table, SaleLineRow.__table__)
EVENTS = cast(Table, OutboxEventRow.__table__)
DEVICES = cast(Table, DeviceRow.__table__)
COUNTS = cast(Table, OutboxStateCountRow.__table__)

# A row read by attribute, with any columns: a Core Row, or a PlainTable row (a namedtuple, typed Any).
AnyRow: TypeAlias = "Row[*tuple[Any, ...]]"


class OutboxRepository:
    """Outbox rows inside one transaction. `now` is the transaction's clock reading."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.db = connection  # Core statements go straight to the connection (see above)
        self.sql = driver_connection(connection)  # ... and plain ones to the sqlite3 connection under it
        self.now = now
        dialect = self.db.dialect
        self._outbox = plain_table(OUTBOX, dialect)
        self._life = plain_table(
            OUTBOX, dialect, ("sale_id", "device_id", "state", "invc_no", "attempts", "wait_reason")
        )
        self._sales = plain_table(SALES, dialect)
        self._lines = plain_table(LINES, dialect)
        self._events = plain_table(EVENTS, dialect)
        # What the outbox needs of a device: its queue and number counters, a 990 pause, retirement.
        self._devices = plain_table(
            DEVICES, dialect, ("id", "last_invc_no", "last_queue_seq", "paused_until", "retired_at")
        )
        self._counts = plain_table(COUNTS, dialect)

    # --- recording sales ---------------------------------------------------------------------

    def enqueue(
        self, device_id: int, items: Sequence[tuple[Sale, Decimal, Decimal]]
    ) -> list[tuple[int, bool]]:
        """Record sales in the device's outbox, in order. A trader invoice number already recorded for
        this device returns (existing id, False) and writes nothing. All or nothing.

        Core bulk inserts: an import of thousands of sales is one short transaction. Ids are taken
        from max(id) + 1, which is safe because writers hold SQLite's write lock (BEGIN IMMEDIATE)."""
        device = self._device(device_id)
        if device.retired_at is not None:
            raise DomainValidationError(
                "This device was removed (retired): it records no new sales. Choose another device.",
                field="device",
            )
        queue_seq = device.last_queue_seq
        known = self._known_invoice_numbers(device_id, {sale.trader_invoice_no for sale, _, _ in items})
        next_id = (self.db.scalar(select(func.max(SALES.c.id))) or 0) + 1
        sales, lines, entries, events = [], [], [], []
        results: list[tuple[int, bool]] = []
        recorded_here: set[int] = set()  # a credit note may correct a sale of the same batch
        for sale, total, total_tax in items:
            existing = known.get(sale.trader_invoice_no)
            if existing is not None:
                results.append((existing, False))
                continue
            if sale.original_sale_id not in recorded_here:
                self._check_original(device_id, sale)
            sale_id, next_id = next_id, next_id + 1
            recorded_here.add(sale_id)
            queue_seq += 1
            known[sale.trader_invoice_no] = sale_id
            results.append((sale_id, True))
            sales.append(
                {
                    "id": sale_id,
                    "device_id": device_id,
                    "created_at": self.now,
                    **sale_values(sale, total, total_tax),
                }
            )
            lines.extend(line_values(sale_id, sale))
            entries.append(
                {
                    "sale_id": sale_id,
                    "device_id": device_id,
                    "state": S.QUEUED,
                    "queue_seq": queue_seq,
                    "attempts": 0,
                    "created_at": self.now,
                    "state_changed_at": self.now,
                }
            )
            events.append(
                {
                    "sale_id": sale_id,
                    "at": self.now,
                    "from_state": None,
                    "to_state": S.QUEUED,
                    "reason": QT_TRANSLATE_NOOP("Core", "recorded"),
                }
            )
        for table, rows in ((SALES, sales), (LINES, lines), (OUTBOX, entries), (EVENTS, events)):
            if rows:
                self.db.execute(insert(table), rows)
        if queue_seq != device.last_queue_seq:
            self._update_device(device_id, last_queue_seq=queue_seq)
        return results

    def _known_invoice_numbers(self, device_id: int, numbers: set[str]) -> dict[str, int]:
        known: dict[str, int] = {}
        ordered = sorted(numbers)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            rows = self.db.execute(
                select(SALES.c.trader_invoice_no, SALES.c.id).where(
                    SALES.c.device_id == device_id, SALES.c.trader_invoice_no.in_(chunk)
                )
            )
            known.update({number: sale_id for number, sale_id in rows})
        return known

    def _check_original(self, device_id: int, sale: Sale) -> None:
        if sale.original_sale_id is None:
            return
        original_device = self.db.scalar(select(SALES.c.device_id).where(SALES.c.id == sale.original_sale_id))
        if original_device != device_id:
            raise DomainValidationError(
                "The sale this credit note corrects is not recorded on this device.", field="original_sale_id"
            )

    # --- what to send next -------------------------------------------------------------------

    def next_to_send(self, device_id: int, now: datetime) -> OutboxEntry | None:
        """The one entry to work on now, or None. See module docstring and the brief's order:
        uncertain first; then the numbered sale (nothing overtakes it); then the oldest due sale."""
        found = self._next(self._device(device_id), now)
        return found[1] if found else None

    def claim_next(self, device_id: int, now: datetime) -> OutboxEntry | None:
        """next_to_send, already numbered and SENDING (write-ahead): the entry to send now. An
        UNCERTAIN entry comes back as it is: it must be resolved with KRA first."""
        device = self._device(device_id)
        found = self._next(device, now)
        if found is None:
            return None
        row, entry = found
        if entry.state is S.UNCERTAIN:
            return entry
        # _next hands out an unnumbered sale only when no numbered one is unresolved: no check needed.
        invc_no = self._start_sending(row, device.last_invc_no)
        return replace(entry, invc_no=invc_no, state=S.SENDING, wait_reason=None, next_attempt_at=None)

    def _next(self, device: AnyRow, now: datetime) -> tuple[AnyRow, OutboxEntry] | None:
        if device.retired_at is not None or (device.paused_until is not None and device.paused_until > now):
            return None
        # The trigger-kept counters say which states have entries: skip the seeks that cannot find one
        # (this runs once per sale sent, so it is the drain's hot path).
        present = self.states_present(device.id)
        if not present & {S.UNCERTAIN, S.SENDING, S.WAITING, S.QUEUED}:
            return None
        uncertain = self._first(device.id, S.UNCERTAIN) if S.UNCERTAIN in present else None
        if uncertain is not None:
            return uncertain, self._entry(uncertain)
        interrupted = self._first(device.id, S.SENDING) if S.SENDING in present else None
        if interrupted is not None:
            # Sends of one device are strictly sequential, so a SENDING row seen here is a send whose
            # outcome nobody recorded (cancelled task, crash of the caller): treat it as uncertain.
            self._move(interrupted, S.UNCERTAIN, SEND_INTERRUPTED)
            return interrupted, replace(self._entry(interrupted), state=S.UNCERTAIN)
        waiting_present = S.WAITING in present
        numbered = self.first_in_queue(device.id, S.WAITING, numbered=True) if waiting_present else None
        if numbered is not None:
            due = numbered.next_attempt_at is None or numbered.next_attempt_at <= now
            return (numbered, self._entry(numbered)) if due else None
        while True:
            queued = self._first(device.id, S.QUEUED) if S.QUEUED in present else None
            waiting = self._first_due_unnumbered_waiting(device.id, now) if waiting_present else None
            candidates = [row for row in (queued, waiting) if row is not None]
            if not candidates:
                return None
            row = min(candidates, key=lambda r: r.queue_seq)
            entry = self._entry(row)
            if row is queued and entry.sale.original_sale_id is not None and entry.original_invc_no is None:
                # A credit note whose original is not signed yet (original_invc_no is only set then).
                self._move(
                    row,
                    S.WAITING,
                    WaitReason.ORIGINAL_NOT_SIGNED.label,
                    wait_reason=WaitReason.ORIGINAL_NOT_SIGNED,
                    next_attempt_at=None,
                )
                waiting_present = True
                continue
            return row, entry

    def _first(self, device_id: int, state: OutboxState) -> AnyRow | None:
        return self.first_in_queue(device_id, state)

    def first_in_queue(self, device_id: int, state: OutboxState, numbered: bool = False) -> AnyRow | None:
        """A device's first entry in `state` in queue order (one seek on ix_outbox_queue, whatever the
        history size); with numbered=True only an entry holding an eTIMS number."""
        where = "device_id = ? AND state = ?" + (" AND invc_no IS NOT NULL" if numbered else "")
        row: AnyRow | None = self._outbox.first(
            self.sql, where, (device_id, self._outbox.to_db("state", state)), "ORDER BY queue_seq"
        )
        return row

    def states_present(self, device_id: int) -> set[OutboxState]:
        """The states that hold at least one of the device's entries (the trigger-kept counters)."""
        return {row.state for row in self._counts.select(self.sql, "device_id = ? AND n > 0", (device_id,))}

    def unresolved_number(self, device_id: int) -> int | None:
        """The eTIMS number of the device's numbered, unsigned sale, if any (there is at most one)."""
        present = self.states_present(device_id)
        for state in NUMBERED_UNSIGNED:
            if state not in present:
                continue  # no entry in this state: no seek needed
            row = self.first_in_queue(device_id, state, numbered=True)
            if row is not None:
                return cast(int, row.invc_no)
        return None

    def _first_due_unnumbered_waiting(self, device_id: int, now: datetime) -> AnyRow | None:
        original = aliased(OUTBOX)
        return self.db.execute(
            select(OUTBOX)
            .join(SALES, SALES.c.id == OUTBOX.c.sale_id)
            .outerjoin(original, original.c.sale_id == SALES.c.original_sale_id)
            .where(
                OUTBOX.c.device_id == device_id,
                OUTBOX.c.state == S.WAITING,
                OUTBOX.c.invc_no.is_(None),
                or_(OUTBOX.c.next_attempt_at.is_(None), OUTBOX.c.next_attempt_at <= now),
                or_(SALES.c.original_sale_id.is_(None), original.c.state == S.SIGNED),
            )
            .order_by(OUTBOX.c.queue_seq)
            .limit(1)
        ).first()

    # --- the life of one entry -----------------------------------------------------------------

    def assign_number(self, entry_id: int) -> int:
        """Write-ahead numbering: the entry's number (a new one, last_invc_no + 1, if it has none)
        is stored with state SENDING in this transaction, before any request is sent."""
        row = self._open_row(entry_id)
        if row.state is S.NEEDS_FIX:
            raise OutboxStateError(f"Sale {entry_id} needs a fix; resend it before sending.")
        if row.invc_no is None:
            blocking = self.unresolved_number(row.device_id)
            if blocking is not None:
                raise OutboxStateError(
                    f"eTIMS number {blocking} of this device is not resolved yet; nothing may overtake it."
                )
        return self._start_sending(row, self._device(row.device_id).last_invc_no)

    def _start_sending(self, row: AnyRow, last_invc_no: int) -> int:
        """SENDING with the row's number, or with the device's next one (last_invc_no + 1)."""
        if row.invc_no is None:
            invc_no = last_invc_no + 1
            self._update_device(row.device_id, last_invc_no=invc_no)
            reason = Said(QT_TRANSLATE_NOOP("Core", "sending with eTIMS number {number}"), number=invc_no)
        else:
            invc_no = row.invc_no
            reason = Said(
                QT_TRANSLATE_NOOP("Core", "sending again with eTIMS number {number}"), number=invc_no
            )
        self._move(row, S.SENDING, reason, invc_no=invc_no, wait_reason=None, next_attempt_at=None)
        return invc_no

    def mark_signed(self, entry_id: int, receipt: SignedReceipt) -> None:
        row = self._open_row(entry_id)
        if row.invc_no is None or receipt.invc_no != row.invc_no:
            raise OutboxStateError(
                f"Receipt for eTIMS number {receipt.invc_no} does not match sale {entry_id} "
                f"(number {row.invc_no})."
            )
        reason = (
            QT_TRANSLATE_NOOP("Core", "signed by KRA")
            if receipt.complete
            else QT_TRANSLATE_NOOP(
                "Core", "KRA already had this sale (recorded); its receipt details are not available"
            )
        )
        self._move(
            row,
            S.SIGNED,
            reason,
            **receipt_values(receipt),
            wait_reason=None,
            next_attempt_at=None,
            last_error_code=None,
            last_error_message=None,
        )
        # In the same transaction: a signed sale never exists without its kept document.
        SignedDocumentRepository(self.db, self.now).record(row.sale_id, row.device_id, receipt)

    def mark_uncertain(self, entry_id: int, reason: str, code: str | None = None) -> None:
        """Sent (or asked about), no usable answer. Every such try is in the sale's history: it is the
        trail a person follows if the sale ever needs a check."""
        row = self._numbered_row(entry_id)
        self._move(
            row,
            S.UNCERTAIN,
            reason,
            force=True,
            attempts=row.attempts + 1,
            last_error_code=code,
            last_error_message=reason,
        )

    def note(self, entry_id: int, reason: str) -> None:
        """Record in the sale's history which way the engine is taking, without changing its state."""
        row = self._open_row(entry_id)
        self._move(row, row.state, reason, force=True)

    def mark_needs_check(self, entry_id: int, code: str | None, message: str) -> None:
        """KRA's answers leave it unknowable whether it recorded this sale. The sale keeps its number
        (KRA may hold it: never give it to another sale) and leaves the queue, so later sales go on."""
        row = self._numbered_row(entry_id)
        self._move(
            row,
            S.NEEDS_CHECK,
            message,
            wait_reason=None,
            next_attempt_at=None,
            last_error_code=code,
            last_error_message=message,
        )

    def confirm_recorded(self, sale_id: int) -> None:
        """A person saw on KRA's portal that KRA has this sale: it is signed; its receipt data stays to be
        completed (KRA's answer carrying the signature never came)."""
        row = self._row(sale_id, self._life)
        if row.state is not S.NEEDS_CHECK:
            raise DomainValidationError(
                f"Only a sale that needs your check can be confirmed (this one is {row.state.label}).",
                field="sale",
            )
        receipt = SignedReceipt(invc_no=row.invc_no, complete=False)
        self._move(
            row,
            S.SIGNED,
            "you confirmed KRA has it (checked on KRA's portal); its receipt details are to be completed",
            **receipt_values(receipt),
            last_error_code=None,
            last_error_message=None,
        )

    def send_again_same_number(self, sale_id: int) -> None:
        """A person saw that KRA does not have this sale: send it again, with the same number."""
        row = self._row(sale_id, self._life)
        if row.state is not S.NEEDS_CHECK:
            raise DomainValidationError(
                f"Only a sale that needs your check can be sent again this way (this one is {row.state.label}).",
                field="sale",
            )
        blocking = self.unresolved_number(row.device_id)
        if blocking is not None:
            raise DomainValidationError(
                f"eTIMS number {blocking} of this device is still on its way to KRA. Sync first, then try again.",
                field="sale",
            )
        self._back_in_line(
            row,
            f"you checked KRA's portal: KRA does not have it; sending again with eTIMS number {row.invc_no}",
        )

    def release_number(self, entry_id: int, reason: str) -> int:
        """KRA holds a different document under this sale's number, so this sale was never recorded under
        it: it gives the number up (back to the device when it was the last handed out, so that checking
        KRA's numbers starts there) and waits, unnumbered, in its place in the queue. Returns the number."""
        row = self._numbered_row(entry_id)
        if self._device(row.device_id).last_invc_no == row.invc_no:
            self._update_device(row.device_id, last_invc_no=row.invc_no - 1)
        self._move(
            row,
            S.WAITING,
            reason,
            invc_no=None,
            wait_reason=WaitReason.KRA_UNAVAILABLE,
            next_attempt_at=None,
        )
        return cast(int, row.invc_no)

    def kra_lacks_number(self, device_id: int, invc_no: int, reason: str) -> int | None:
        """KRA proved it lacks `invc_no` (a strict host expects it next): the sale that needs a check under
        that number goes again with it, before any later number. Its id, or None if no such sale."""
        row = self._outbox.first(
            self.sql,
            "device_id = ? AND state = ? AND invc_no = ?",
            (device_id, self._outbox.to_db("state", S.NEEDS_CHECK), invc_no),
        )
        if row is None:
            return None
        self._back_in_line(row, reason)
        return cast(int, row.sale_id)

    def _back_in_line(self, row: AnyRow, reason: str) -> None:
        """A numbered sale KRA does not have: it waits, due now, and goes before later numbers (a numbered
        waiting sale is sent first, in queue order)."""
        self._move(row, S.WAITING, reason, wait_reason=WaitReason.KRA_UNAVAILABLE, next_attempt_at=None)

    def mark_waiting(
        self,
        entry_id: int,
        reason: WaitReason,
        next_attempt_at: datetime | None,
        code: str | None = None,
        message: str | None = None,
    ) -> None:
        """Could not send (the request never reached KRA): retry later. The number is kept."""
        row = self._open_row(entry_id)
        if row.state is S.NEEDS_FIX:
            raise OutboxStateError(f"Sale {entry_id} needs a fix; it does not wait for a retry.")
        self._move(
            row,
            S.WAITING,
            message or reason.label,
            force=row.wait_reason is not reason,
            attempts=row.attempts + 1,
            next_attempt_at=next_attempt_at,
            last_error_code=code,
            last_error_message=message,
            wait_reason=reason,
        )

    def mark_needs_fix(self, entry_id: int, code: str | None, message: str) -> None:
        """KRA refused the sale: a person must correct or cancel it. Its number goes back to the device
        (when it is the last one handed out), so the next sale reuses it and the sequence stays gap-free."""
        row = self._open_row(entry_id)
        if row.invc_no is not None and self._device(row.device_id).last_invc_no == row.invc_no:
            self._update_device(row.device_id, last_invc_no=row.invc_no - 1)
        self._move(
            row,
            S.NEEDS_FIX,
            message,
            invc_no=None,
            wait_reason=None,
            next_attempt_at=None,
            last_error_code=code,
            last_error_message=message,
        )

    def cancel(self, sale_id: int) -> None:
        """Cancel a sale that never reached KRA and holds no number."""
        row = self._row(sale_id)
        if row.state is S.CANCELLED:
            return
        if row.state is S.SIGNED:
            raise DomainValidationError(
                "This sale is signed by KRA and cannot be cancelled; record a credit note instead.",
                field="sale",
            )
        if not can_cancel(row.state, row.invc_no):
            raise DomainValidationError(
                f"This sale is on its way to KRA (eTIMS number {row.invc_no}) and may already be recorded "
                "there, so it cannot be cancelled now. Sync first.",
                field="sale",
            )
        credit_notes = self.db.scalar(
            select(func.count())
            .select_from(SALES)
            .join(OUTBOX, OUTBOX.c.sale_id == SALES.c.id)
            .where(SALES.c.original_sale_id == sale_id, OUTBOX.c.state != S.CANCELLED)
        )
        if credit_notes:
            raise DomainValidationError("Credit notes refer to this sale; cancel them first.", field="sale")
        self._move(
            row,
            S.CANCELLED,
            QT_TRANSLATE_NOOP("Core", "cancelled by you"),
            wait_reason=None,
            next_attempt_at=None,
        )

    def mark_signed_earlier(self, entry_id: int, receipt: SignedReceipt, reason: str) -> None:
        """KRA already signed this unnumbered sale under receipt.invc_no: the database was restored from
        a backup made before it was sent. Record it as signed so it is never sent a second time."""
        row = self._open_row(entry_id)
        if row.invc_no is not None:
            raise OutboxStateError(
                f"Sale {entry_id} holds eTIMS number {row.invc_no}; the drain resolves it."
            )
        self._move(
            row,
            S.SIGNED,
            reason,
            invc_no=receipt.invc_no,
            **receipt_values(receipt),
            wait_reason=None,
            next_attempt_at=None,
            last_error_code=None,
            last_error_message=None,
        )

    def resend(
        self,
        sale_id: int,
        corrected: Sale | None = None,
        total: Decimal | None = None,
        total_tax: Decimal | None = None,
    ) -> None:
        """A fixed sale goes back into the queue, at the back, optionally with corrected contents."""
        row = self._row(sale_id)
        if row.state is not S.NEEDS_FIX:
            raise DomainValidationError(
                f"Only a sale that needs your fix can be sent again (this one is {row.state.label}).",
                field="sale",
            )
        if corrected is not None:
            if total is None or total_tax is None:
                raise ValueError("a corrected sale needs its total and total tax")
            self._replace_sale(row, corrected, total, total_tax)
        queue_seq = self._device(row.device_id).last_queue_seq + 1
        self._update_device(row.device_id, last_queue_seq=queue_seq)
        self._move(
            row,
            S.QUEUED,
            "corrected and queued again" if corrected else "queued again",
            queue_seq=queue_seq,
            attempts=0,
            wait_reason=None,
            next_attempt_at=None,
            last_error_code=None,
            last_error_message=None,
        )

    def _replace_sale(self, row: AnyRow, sale: Sale, total: Decimal, total_tax: Decimal) -> None:
        recorded_number = self.db.scalar(select(SALES.c.trader_invoice_no).where(SALES.c.id == row.sale_id))
        if sale.trader_invoice_no != recorded_number:
            clash = self.db.scalar(
                select(SALES.c.id).where(
                    SALES.c.device_id == row.device_id, SALES.c.trader_invoice_no == sale.trader_invoice_no
                )
            )
            if clash is not None:
                raise DomainValidationError(
                    f"Invoice number {sale.trader_invoice_no} is already used by another sale on this device.",
                    field="trader_invoice_no",
                )
        self._check_original(row.device_id, sale)
        self.db.execute(delete(LINES).where(LINES.c.sale_id == row.sale_id))
        self.db.execute(
            update(SALES).where(SALES.c.id == row.sale_id).values(sale_values(sale, total, total_tax))
        )
        self.db.execute(insert(LINES), line_values(row.sale_id, sale))

    # --- reading ------------------------------------------------------------------------------

    def get_entry(self, sale_id: int) -> OutboxEntry:
        return self._entry(self._row(sale_id))

    def list(
        self,
        device_id: int | None = None,
        states: Iterable[OutboxState] | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[OutboxEntry]:
        """Entries, newest recorded first.

        The page's ids come first: one index walk per (device, state), merged here. SQLite cannot merge
        index ranges itself and would otherwise sort, or scan a device's whole history."""
        devices = [device_id] if device_id is not None else list(self.db.scalars(select(DEVICES.c.id)))
        wanted = offset + limit
        streams = []
        for device in devices:
            for state in [None] if states is None else set(states):
                query = select(OUTBOX.c.sale_id).where(OUTBOX.c.device_id == device)
                if state is not None:
                    query = query.where(OUTBOX.c.state == state)
                streams.append(list(self.db.scalars(query.order_by(OUTBOX.c.sale_id.desc()).limit(wanted))))
        page = list(islice(heapq.merge(*streams, reverse=True), offset, wanted))
        if not page:
            return []
        entries = self._entries(self._outbox.select_in(self.sql, "sale_id", page))
        return [entries[sale_id] for sale_id in page]

    def entries(self, sale_ids: Sequence[int]) -> builtins.list[OutboxEntry]:
        """The entries of these sales, in the order given (reports read a period's sales at once)."""
        entries = self._entries(self._outbox.select_in(self.sql, "sale_id", list(sale_ids)))
        return [entries[sale_id] for sale_id in sale_ids]

    def history(self, sale_id: int) -> builtins.list[StateChange]:
        self._row(sale_id)
        events = self.db.execute(
            select(EVENTS.c.at, EVENTS.c.from_state, EVENTS.c.to_state, EVENTS.c.reason)
            .where(EVENTS.c.sale_id == sale_id)
            .order_by(EVENTS.c.id)
        )
        return [StateChange(*event) for event in events]

    def counts(self, device_id: int) -> dict[OutboxState, int]:
        """Entries per state (every state, zeros included), from the trigger-kept counters."""
        counts = dict.fromkeys(S, 0)
        rows = self.db.execute(select(COUNTS.c.state, COUNTS.c.n).where(COUNTS.c.device_id == device_id))
        counts.update({state: n for state, n in rows})
        return counts

    def pending_summary(self) -> dict[int, PendingSummary]:
        """Per device (every device): pending count, when the oldest pending sale was recorded, counts.

        One statement: the trigger-kept counters, and for each pending state that has entries the
        created_at of its lowest sale id (the earliest recorded), one seek on ix_outbox_state."""
        oldest = (
            select(OUTBOX.c.created_at)
            .where(OUTBOX.c.device_id == COUNTS.c.device_id, OUTBOX.c.state == COUNTS.c.state)
            .order_by(OUTBOX.c.sale_id)
            .limit(1)
            .correlate(COUNTS)
            .scalar_subquery()
        )
        rows = self.db.execute(
            select(
                COUNTS.c.device_id,
                COUNTS.c.state,
                COUNTS.c.n,
                case((and_(COUNTS.c.state.in_(PENDING_STATES), COUNTS.c.n > 0), oldest)),
            )
        )
        counts = {device_id: dict.fromkeys(S, 0) for device_id in self.db.scalars(select(DEVICES.c.id))}
        oldest_at: dict[int, list[datetime]] = defaultdict(list)
        for device_id, state, n, first_recorded in rows:
            counts.setdefault(device_id, dict.fromkeys(S, 0))[state] = n
            if first_recorded is not None:
                oldest_at[device_id].append(first_recorded)
        return {
            device_id: PendingSummary(
                device_id=device_id,
                pending=sum(by_state[state] for state in PENDING_STATES),
                oldest_pending_at=min(oldest_at[device_id], default=None),
                counts=by_state,
            )
            for device_id, by_state in counts.items()
        }

    def signed_count_since(self, device_id: int, since: datetime) -> int:
        return self.db.scalar(  # type: ignore[return-value]  # count() is never NULL
            select(func.count())
            .select_from(OUTBOX)
            .where(
                OUTBOX.c.device_id == device_id,
                OUTBOX.c.state == S.SIGNED,
                OUTBOX.c.state_changed_at >= since,
            )
        )

    def credited_quantities(self, original_sale_id: int) -> dict[str, Decimal]:
        """Quantity per item code already credited on a sale by its (not cancelled) credit notes."""
        rows = self.db.execute(
            select(LINES.c.item_code, LINES.c.qty)
            .join(SALES, SALES.c.id == LINES.c.sale_id)
            .join(OUTBOX, OUTBOX.c.sale_id == SALES.c.id)
            .where(SALES.c.original_sale_id == original_sale_id, OUTBOX.c.state != S.CANCELLED)
        )
        credited: dict[str, Decimal] = defaultdict(Decimal)
        for item_code, qty in rows:
            credited[item_code] += qty
        return dict(credited)

    # --- start-up ------------------------------------------------------------------------------

    def recover_interrupted(self) -> int:
        """Crash recovery: a sale left SENDING may or may not have reached KRA. Make it UNCERTAIN."""
        recovered = 0
        for device_id in list(self.db.scalars(select(DEVICES.c.id))):
            rows = self._outbox.select(
                self.sql, "device_id = ? AND state = ?", (device_id, self._outbox.to_db("state", S.SENDING))
            )
            for row in rows:
                self._move(row, S.UNCERTAIN, APP_STOPPED)
                recovered += 1
        return recovered

    # --- helpers -------------------------------------------------------------------------------

    def _device(self, device_id: int) -> AnyRow:
        device: AnyRow | None = self._devices.first(self.sql, "id = ?", (device_id,))
        if device is None:
            raise NotFound(Said(NO_SUCH_DEVICE, number=device_id), field="device")
        return device

    def _update_device(self, device_id: int, **values: Any) -> None:
        self._devices.update(self.sql, "id", device_id, values)

    def _row(self, sale_id: int, table: PlainTable | None = None) -> AnyRow:
        row: AnyRow | None = (table or self._outbox).first(self.sql, "sale_id = ?", (sale_id,))
        if row is None:
            raise NotFound(Said(NO_SUCH_SALE, number=sale_id), field="sale")
        return row

    def _numbered_row(self, entry_id: int) -> AnyRow:
        """An open entry that holds an eTIMS number: only such a sale can have reached KRA."""
        row = self._open_row(entry_id)
        if row.invc_no is None:
            raise OutboxStateError(f"Sale {entry_id} was never numbered, so it cannot have reached KRA.")
        return row

    def _open_row(self, entry_id: int) -> AnyRow:
        """The row of an entry the sync engine may still change: never a signed or cancelled one.
        Only the columns its state changes read (this runs once per sale sent)."""
        row = self._row(entry_id, self._life)
        if row.state in FINAL_STATES:
            raise OutboxStateError(f"Sale {entry_id} is {row.state.label}; that is final.")
        return row

    def _move(self, row: AnyRow, to: OutboxState, reason: str, *, force: bool = False, **values: Any) -> None:
        """Write `values` to the entry and, when its state changes (or `force`), move it to `to`
        with an event in its history."""
        if to is S.SIGNED and row.state is not S.SIGNED:
            StockRepository(self.db, self.now).sale_signed(
                row.sale_id
            )  # same transaction: never signed without it
        if row.state is not to or force:
            self._events.insert(
                self.sql,
                {
                    "sale_id": row.sale_id,
                    "at": self.now,
                    "from_state": row.state,
                    "to_state": to,
                    "reason": reason,
                },
            )
            values.update(state=to, state_changed_at=self.now)
        if values:
            self._outbox.update(self.sql, "sale_id", row.sale_id, values)

    def _entry(self, row: AnyRow) -> OutboxEntry:
        return self._entries([row])[row.sale_id]

    def _entries(self, rows: Sequence[AnyRow]) -> dict[int, OutboxEntry]:
        """Entries of outbox rows, with their sales and lines: the board lists hundreds at a time."""
        sale_ids = [row.sale_id for row in rows]
        sales = {sale.id: sale for sale in self._sales.select_in(self.sql, "id", sale_ids)}
        lines = defaultdict(list)
        for line in self._lines.select_in(self.sql, "sale_id", sale_ids, "ORDER BY sale_id, line_no"):
            lines[line.sale_id].append(line)
        originals = {sale.original_sale_id for sale in sales.values() if sale.original_sale_id is not None}
        numbers = self._signed_numbers(originals)
        return {
            row.sale_id: entry_from_row(
                row,
                sale_from_row(sales[row.sale_id], lines[row.sale_id]),
                numbers.get(sales[row.sale_id].original_sale_id),
                sales[row.sale_id].total,
            )
            for row in rows
        }

    def _signed_numbers(self, sale_ids: set[int]) -> dict[int, int]:
        """eTIMS numbers of those sales that are signed (a credit note's orgInvcNo)."""
        rows = self._outbox.select_in(self.sql, "sale_id", sale_ids)
        return {row.sale_id: row.invc_no for row in rows if row.state is S.SIGNED}
