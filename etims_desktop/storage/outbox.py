"""The outbox: every sale's way to KRA, with the guarantees of architecture.md ("The outbox").

- eTIMS numbers (invcNo) are gap-free and strictly increasing per device, and written ahead:
  assign_number commits the number (and SENDING) before any request leaves.
- One numbered, unsigned sale per device at a time: nothing overtakes it.
- A rejection frees the number for the next sale; a lost answer keeps it (UNCERTAIN).
- Signed is final. Every state change is recorded with time and reason.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from itertools import islice

from sqlalchemy import and_, case, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.outbox import OutboxEntry, OutboxState, SignedReceipt, WaitReason
from etims_desktop.domain.sale import Sale
from etims_desktop.storage.errors import NotFound, OutboxStateError
from etims_desktop.storage.mapping import (
    entry_from_row,
    line_values,
    sale_from_row,
    sale_values,
    write_receipt,
)
from etims_desktop.storage.models import (
    DeviceRow,
    OutboxEventRow,
    OutboxRow,
    OutboxStateCountRow,
    SaleLineRow,
    SaleRow,
)
from etims_desktop.storage.records import PendingSummary, StateChange

S = OutboxState
PENDING_STATES = [state for state in S if state.pending]
NUMBERED_UNSIGNED = [S.SENDING, S.UNCERTAIN, S.WAITING]
FINAL_STATES = (S.SIGNED, S.CANCELLED)

APP_STOPPED = "app stopped mid-send: checking with KRA whether it arrived"
SEND_INTERRUPTED = "the previous send was interrupted before KRA answered: checking with KRA"


def first_in_queue(
    session: Session, device_id: int, state: OutboxState, numbered: bool = False
) -> OutboxRow | None:
    """A device's first entry in `state` in queue order (one seek on ix_outbox_queue, whatever the
    history size); with numbered=True only an entry holding an eTIMS number."""
    query = select(OutboxRow).where(OutboxRow.device_id == device_id, OutboxRow.state == state)
    if numbered:
        query = query.where(OutboxRow.invc_no.is_not(None))
    return session.scalar(query.order_by(OutboxRow.queue_seq).limit(1))


def unresolved_number(session: Session, device_id: int) -> int | None:
    """The eTIMS number of the device's numbered, unsigned sale, if any (there is at most one)."""
    counts = dict(
        session.execute(
            select(OutboxStateCountRow.state, OutboxStateCountRow.n).where(
                OutboxStateCountRow.device_id == device_id, OutboxStateCountRow.n > 0
            )
        ).all()
    )
    for state in NUMBERED_UNSIGNED:
        if not counts.get(state):
            continue  # no entry in this state: no seek needed
        row = first_in_queue(session, device_id, state, numbered=True)
        if row is not None:
            return row.invc_no
    return None


class OutboxRepository:
    """Outbox rows inside one transaction. `now` is the transaction's clock reading."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now

    # --- recording sales ---------------------------------------------------------------------

    def enqueue(
        self, device_id: int, items: Sequence[tuple[Sale, Decimal, Decimal]]
    ) -> list[tuple[int, bool]]:
        """Record sales in the device's outbox, in order. A trader invoice number already recorded for
        this device returns (existing id, False) and writes nothing. All or nothing.

        Core bulk inserts: an import of thousands of sales is one short transaction. Ids are taken
        from max(id) + 1, which is safe because writers hold SQLite's write lock (BEGIN IMMEDIATE)."""
        device = self._device(device_id)
        known = self._known_invoice_numbers(device_id, {sale.trader_invoice_no for sale, _, _ in items})
        next_id = (self.session.scalar(select(func.max(SaleRow.id))) or 0) + 1
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
            device.last_queue_seq += 1
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
                    "queue_seq": device.last_queue_seq,
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
                    "reason": "recorded",
                }
            )
        for model, rows in (
            (SaleRow, sales),
            (SaleLineRow, lines),
            (OutboxRow, entries),
            (OutboxEventRow, events),
        ):
            if rows:
                self.session.execute(insert(model), rows)
        return results

    def _known_invoice_numbers(self, device_id: int, numbers: set[str]) -> dict[str, int]:
        known: dict[str, int] = {}
        ordered = sorted(numbers)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            rows = self.session.execute(
                select(SaleRow.trader_invoice_no, SaleRow.id).where(
                    SaleRow.device_id == device_id, SaleRow.trader_invoice_no.in_(chunk)
                )
            )
            known.update({number: sale_id for number, sale_id in rows})
        return known

    def _check_original(self, device_id: int, sale: Sale) -> None:
        if sale.original_sale_id is None:
            return
        original = self.session.get(SaleRow, sale.original_sale_id)
        if original is None or original.device_id != device_id:
            raise DomainValidationError(
                "The sale this credit note corrects is not recorded on this device.", field="original_sale_id"
            )

    # --- what to send next -------------------------------------------------------------------

    def next_to_send(self, device_id: int, now: datetime) -> OutboxEntry | None:
        """The one entry to work on now, or None. See module docstring and the brief's order:
        uncertain first; then the numbered sale (nothing overtakes it); then the oldest due sale."""
        device = self._device(device_id)
        if device.paused_until is not None and device.paused_until > now:
            return None
        # The trigger-kept counters say which states have entries: skip the seeks that cannot find one
        # (this runs once per sale sent, so it is the drain's hot path).
        present = {state for state, n in self.counts(device_id).items() if n}
        if not present & {S.UNCERTAIN, S.SENDING, S.WAITING, S.QUEUED}:
            return None
        uncertain = self._first(device_id, S.UNCERTAIN) if S.UNCERTAIN in present else None
        if uncertain is not None:
            return self._entry(uncertain)
        interrupted = self._first(device_id, S.SENDING) if S.SENDING in present else None
        if interrupted is not None:
            # Sends of one device are strictly sequential, so a SENDING row seen here is a send whose
            # outcome nobody recorded (cancelled task, crash of the caller): treat it as uncertain.
            self._move(interrupted, S.UNCERTAIN, SEND_INTERRUPTED)
            return self._entry(interrupted)
        waiting_present = S.WAITING in present
        numbered = (
            first_in_queue(self.session, device_id, S.WAITING, numbered=True) if waiting_present else None
        )
        if numbered is not None:
            due = numbered.next_attempt_at is None or numbered.next_attempt_at <= now
            return self._entry(numbered) if due else None
        while True:
            queued = self._first(device_id, S.QUEUED) if S.QUEUED in present else None
            waiting = self._first_due_unnumbered_waiting(device_id, now) if waiting_present else None
            candidates = [row for row in (queued, waiting) if row is not None]
            if not candidates:
                return None
            row = min(candidates, key=lambda r: r.queue_seq)
            if row is queued and self._original_unsigned(row):
                self._wait_for_original(row)
                waiting_present = True
                continue
            return self._entry(row)

    def _first(self, device_id: int, state: OutboxState) -> OutboxRow | None:
        return first_in_queue(self.session, device_id, state)

    def _first_due_unnumbered_waiting(self, device_id: int, now: datetime) -> OutboxRow | None:
        original = aliased(OutboxRow)
        return self.session.scalar(
            select(OutboxRow)
            .join(SaleRow, SaleRow.id == OutboxRow.sale_id)
            .outerjoin(original, original.sale_id == SaleRow.original_sale_id)
            .where(
                OutboxRow.device_id == device_id,
                OutboxRow.state == S.WAITING,
                OutboxRow.invc_no.is_(None),
                or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now),
                or_(SaleRow.original_sale_id.is_(None), original.state == S.SIGNED),
            )
            .order_by(OutboxRow.queue_seq)
            .limit(1)
        )

    def _original_unsigned(self, row: OutboxRow) -> bool:
        original_id = row.sale.original_sale_id
        if original_id is None:
            return False
        original = self.session.get(OutboxRow, original_id)
        return original is None or original.state is not S.SIGNED

    def _wait_for_original(self, row: OutboxRow) -> None:
        row.wait_reason = WaitReason.ORIGINAL_NOT_SIGNED
        row.next_attempt_at = None
        self._move(row, S.WAITING, WaitReason.ORIGINAL_NOT_SIGNED.label)

    # --- the life of one entry -----------------------------------------------------------------

    def assign_number(self, entry_id: int) -> int:
        """Write-ahead numbering: the entry's number (a new one, last_invc_no + 1, if it has none)
        is stored with state SENDING in this transaction, before any request is sent."""
        row = self._open_row(entry_id)
        if row.state is S.NEEDS_FIX:
            raise OutboxStateError(f"Sale {entry_id} needs a fix; resend it before sending.")
        if row.invc_no is None:
            blocking = unresolved_number(self.session, row.device_id)
            if blocking is not None:
                raise OutboxStateError(
                    f"eTIMS number {blocking} of this device is not resolved yet; nothing may overtake it."
                )
            device = self._device(row.device_id)
            device.last_invc_no += 1
            row.invc_no = device.last_invc_no
            reason = f"sending with eTIMS number {row.invc_no}"
        else:
            reason = f"sending again with eTIMS number {row.invc_no}"
        row.wait_reason = None
        row.next_attempt_at = None
        self._move(row, S.SENDING, reason)
        return row.invc_no

    def mark_signed(self, entry_id: int, receipt: SignedReceipt) -> None:
        row = self._open_row(entry_id)
        if row.invc_no is None or receipt.invc_no != row.invc_no:
            raise OutboxStateError(
                f"Receipt for eTIMS number {receipt.invc_no} does not match sale {entry_id} "
                f"(number {row.invc_no})."
            )
        write_receipt(row, receipt)
        row.wait_reason = None
        row.next_attempt_at = None
        row.last_error_code = None
        row.last_error_message = None
        reason = (
            "signed by KRA"
            if receipt.complete
            else "KRA already had this sale (recorded); its receipt details are not available"
        )
        self._move(row, S.SIGNED, reason)

    def mark_uncertain(self, entry_id: int, reason: str) -> None:
        row = self._open_row(entry_id)
        if row.invc_no is None:
            raise OutboxStateError(f"Sale {entry_id} was never numbered, so it cannot have reached KRA.")
        row.attempts += 1
        row.last_error_message = reason
        self._move(row, S.UNCERTAIN, reason)

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
        row.attempts += 1
        row.next_attempt_at = next_attempt_at
        row.last_error_code = code
        row.last_error_message = message
        changed_reason = row.wait_reason is not reason
        row.wait_reason = reason
        self._move(row, S.WAITING, message or reason.label, force=changed_reason)

    def mark_needs_fix(self, entry_id: int, code: str | None, message: str) -> None:
        """KRA refused the sale: a person must correct or cancel it. Its number goes back to the device
        (when it is the last one handed out), so the next sale reuses it and the sequence stays gap-free."""
        row = self._open_row(entry_id)
        if row.invc_no is not None:
            device = self._device(row.device_id)
            if device.last_invc_no == row.invc_no:
                device.last_invc_no -= 1
            row.invc_no = None
        row.wait_reason = None
        row.next_attempt_at = None
        row.last_error_code = code
        row.last_error_message = message
        self._move(row, S.NEEDS_FIX, message)

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
        if row.invc_no is not None or row.state not in (S.NEEDS_FIX, S.QUEUED, S.WAITING):
            raise DomainValidationError(
                f"This sale is on its way to KRA (eTIMS number {row.invc_no}) and may already be recorded "
                "there, so it cannot be cancelled now. Sync first.",
                field="sale",
            )
        credit_notes = self.session.scalar(
            select(func.count())
            .select_from(SaleRow)
            .join(OutboxRow, OutboxRow.sale_id == SaleRow.id)
            .where(SaleRow.original_sale_id == sale_id, OutboxRow.state != S.CANCELLED)
        )
        if credit_notes:
            raise DomainValidationError("Credit notes refer to this sale; cancel them first.", field="sale")
        row.wait_reason = None
        row.next_attempt_at = None
        self._move(row, S.CANCELLED, "cancelled by you")

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
        device = self._device(row.device_id)
        device.last_queue_seq += 1
        row.queue_seq = device.last_queue_seq
        row.attempts = 0
        row.wait_reason = None
        row.next_attempt_at = None
        row.last_error_code = None
        row.last_error_message = None
        self._move(row, S.QUEUED, "corrected and queued again" if corrected else "queued again")

    def _replace_sale(self, row: OutboxRow, sale: Sale, total: Decimal, total_tax: Decimal) -> None:
        sale_row = row.sale
        if sale.trader_invoice_no != sale_row.trader_invoice_no:
            clash = self.session.scalar(
                select(SaleRow.id).where(
                    SaleRow.device_id == row.device_id, SaleRow.trader_invoice_no == sale.trader_invoice_no
                )
            )
            if clash is not None:
                raise DomainValidationError(
                    f"Invoice number {sale.trader_invoice_no} is already used by another sale on this device.",
                    field="trader_invoice_no",
                )
        self._check_original(row.device_id, sale)
        self.session.execute(delete(SaleLineRow).where(SaleLineRow.sale_id == row.sale_id))
        self.session.execute(
            update(SaleRow).where(SaleRow.id == row.sale_id).values(sale_values(sale, total, total_tax))
        )
        self.session.execute(insert(SaleLineRow), line_values(row.sale_id, sale))
        self.session.expire(sale_row)  # the entry handed back is read from the new rows

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
        devices = [device_id] if device_id is not None else list(self.session.scalars(select(DeviceRow.id)))
        wanted = offset + limit
        streams = []
        for device in devices:
            for state in [None] if states is None else set(states):
                query = select(OutboxRow.sale_id).where(OutboxRow.device_id == device)
                if state is not None:
                    query = query.where(OutboxRow.state == state)
                streams.append(
                    list(self.session.scalars(query.order_by(OutboxRow.sale_id.desc()).limit(wanted)))
                )
        page = list(islice(heapq.merge(*streams, reverse=True), offset, wanted))
        entries = self._entries(page)
        return [entries[sale_id] for sale_id in page]

    def history(self, sale_id: int) -> list[StateChange]:
        self._row(sale_id)
        events = self.session.scalars(
            select(OutboxEventRow).where(OutboxEventRow.sale_id == sale_id).order_by(OutboxEventRow.id)
        )
        return [StateChange(e.at, e.from_state, e.to_state, e.reason) for e in events]

    def counts(self, device_id: int) -> dict[OutboxState, int]:
        """Entries per state (every state, zeros included), from the trigger-kept counters."""
        counts = dict.fromkeys(S, 0)
        rows = self.session.execute(
            select(OutboxStateCountRow.state, OutboxStateCountRow.n).where(
                OutboxStateCountRow.device_id == device_id
            )
        )
        counts.update({state: n for state, n in rows})
        return counts

    def pending_summary(self) -> dict[int, PendingSummary]:
        """Per device (every device): pending count, when the oldest pending sale was recorded, counts.

        One statement: the trigger-kept counters, and for each pending state that has entries the
        created_at of its lowest sale id (the earliest recorded), one seek on ix_outbox_state."""
        counter = OutboxStateCountRow
        oldest = (
            select(OutboxRow.created_at)
            .where(OutboxRow.device_id == counter.device_id, OutboxRow.state == counter.state)
            .order_by(OutboxRow.sale_id)
            .limit(1)
            .correlate(counter)
            .scalar_subquery()
        )
        rows = self.session.execute(
            select(
                counter.device_id,
                counter.state,
                counter.n,
                case((and_(counter.state.in_(PENDING_STATES), counter.n > 0), oldest)),
            )
        )
        counts = {device_id: dict.fromkeys(S, 0) for device_id in self.session.scalars(select(DeviceRow.id))}
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
        return self.session.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(
                OutboxRow.device_id == device_id,
                OutboxRow.state == S.SIGNED,
                OutboxRow.state_changed_at >= since,
            )
        )

    def credited_quantities(self, original_sale_id: int) -> dict[str, Decimal]:
        """Quantity per item code already credited on a sale by its (not cancelled) credit notes."""
        rows = self.session.execute(
            select(SaleLineRow.item_code, SaleLineRow.qty)
            .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
            .join(OutboxRow, OutboxRow.sale_id == SaleRow.id)
            .where(SaleRow.original_sale_id == original_sale_id, OutboxRow.state != S.CANCELLED)
        )
        credited: dict[str, Decimal] = defaultdict(Decimal)
        for item_code, qty in rows:
            credited[item_code] += qty
        return dict(credited)

    # --- start-up ------------------------------------------------------------------------------

    def recover_interrupted(self) -> int:
        """Crash recovery: a sale left SENDING may or may not have reached KRA. Make it UNCERTAIN."""
        recovered = 0
        for device_id in list(self.session.scalars(select(DeviceRow.id))):
            rows = self.session.scalars(
                select(OutboxRow).where(OutboxRow.device_id == device_id, OutboxRow.state == S.SENDING)
            )
            for row in list(rows):
                self._move(row, S.UNCERTAIN, APP_STOPPED)
                recovered += 1
        return recovered

    # --- helpers -------------------------------------------------------------------------------

    def _device(self, device_id: int) -> DeviceRow:
        device = self.session.get(DeviceRow, device_id)
        if device is None:
            raise NotFound(
                f"There is no device number {device_id} (it may have been removed).", field="device"
            )
        return device

    def _row(self, sale_id: int) -> OutboxRow:
        row = self.session.get(OutboxRow, sale_id)
        if row is None:
            raise NotFound(f"There is no sale number {sale_id}.", field="sale")
        return row

    def _open_row(self, entry_id: int) -> OutboxRow:
        """The row of an entry the sync engine may still change: never a signed or cancelled one."""
        row = self._row(entry_id)
        if row.state in FINAL_STATES:
            raise OutboxStateError(f"Sale {entry_id} is {row.state.label}; that is final.")
        return row

    def _move(self, row: OutboxRow, to: OutboxState, reason: str, *, force: bool = False) -> None:
        if row.state is to and not force:
            return
        self._event(row.sale_id, row.state, to, reason)
        row.state = to
        row.state_changed_at = self.now

    def _event(self, sale_id: int, from_state: OutboxState | None, to: OutboxState, reason: str) -> None:
        self.session.add(
            OutboxEventRow(sale_id=sale_id, at=self.now, from_state=from_state, to_state=to, reason=reason)
        )

    def _entry(self, row: OutboxRow) -> OutboxEntry:
        return self._entries([row.sale_id])[row.sale_id]

    def _entries(self, sale_ids: list[int]) -> dict[int, OutboxEntry]:
        """Entries with their sales and lines, read as plain rows (Core): the board lists hundreds."""
        if not sale_ids:
            return {}
        self.session.flush()  # changes made in this transaction must show in what is handed back
        outbox = self.session.execute(
            select(OutboxRow.__table__).where(OutboxRow.sale_id.in_(sale_ids))
        ).all()
        sales = {
            row.id: row
            for row in self.session.execute(select(SaleRow.__table__).where(SaleRow.id.in_(sale_ids)))
        }
        lines = defaultdict(list)
        for line in self.session.execute(
            select(SaleLineRow.__table__)
            .where(SaleLineRow.sale_id.in_(sale_ids))
            .order_by(SaleLineRow.sale_id, SaleLineRow.line_no)
        ):
            lines[line.sale_id].append(line)
        originals = {sale.original_sale_id for sale in sales.values() if sale.original_sale_id is not None}
        numbers = self._signed_numbers(originals)
        return {
            row.sale_id: entry_from_row(
                row,
                sale_from_row(sales[row.sale_id], lines[row.sale_id]),
                numbers.get(sales[row.sale_id].original_sale_id),
            )
            for row in outbox
        }

    def _signed_numbers(self, sale_ids: set[int]) -> dict[int, int]:
        """eTIMS numbers of those sales that are signed (a credit note's orgInvcNo)."""
        if not sale_ids:
            return {}
        rows = self.session.execute(
            select(OutboxRow.sale_id, OutboxRow.invc_no).where(
                OutboxRow.sale_id.in_(sale_ids), OutboxRow.state == S.SIGNED
            )
        )
        return {sale_id: invc_no for sale_id, invc_no in rows}
