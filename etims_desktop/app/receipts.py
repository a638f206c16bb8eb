"""Assemble a printable receipt for a recorded sale, and remember receipts printed before KRA signed them.

A signed sale's receipt is read from the document kept when KRA signed it (sync/signed_document.py):
its figures, and the business header as printed then. A reprint carries a COPY mark. A sale signed
before documents were kept is rebuilt from the stored sale, and says so. A sale not signed yet shows
the amounts the sync engine will send (`queued_amounts`: as stored when it was queued) and
today's header.

A receipt printed before KRA signed its sale (no signature, no QR code) is due for a reprint once
signed (`PendingPrints`). That list is shop data about sales, not a setting: it lives in the database
(pending_prints, migration 0010) so a backup and a restore carry it with the very sales it names and the
reprint rule never reads a list that belongs to another database. An older version's side file
(printed-while-pending.json) is moved in once and removed.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from etims_desktop.domain.device import Device
from etims_desktop.domain.outbox import OutboxEntry, OutboxState
from etims_desktop.domain.receipt import (
    REBUILT_NOTE,
    UNAVAILABLE_NOTE,
    BusinessDetails,
    ReceiptLine,
    ReceiptView,
    ScuBlock,
    SignedDocument,
    TaxSummaryRow,
    hyphenate,
    tax_label,
)
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.tax import SaleAmounts, queued_amounts
from etims_desktop.kra.environments import receipt_check_url
from etims_desktop.sync.code_choices import DEFAULT_CODES, PAYMENT_TYPES, REFUND_REASONS, CodeStore, code_name
from etims_desktop.sync.signed_document import sale_from_document, wire_document


class PendingPrintStore(Protocol):
    """Where receipts printed before KRA signed them are kept (storage/store.py Store, migration 0010)."""

    async def record_receipt_print(self, sale_id: int, *, while_pending: bool = False) -> None: ...
    async def printed_while_pending(self) -> dict[int, OutboxState]: ...
    async def add_printed_while_pending(self, sale_ids: Iterable[int]) -> int: ...
    async def forget_printed_while_pending(self, sale_ids: Iterable[int]) -> None: ...


class EntryReader(Protocol):
    async def get_entry(self, sale_id: int) -> OutboxEntry: ...


class ReceiptStore(EntryReader, CodeStore, PendingPrintStore, Protocol):
    """What a receipt is read from (storage/store.py Store)."""

    async def get_device(self, device_id: int) -> Device: ...
    async def signed_document(self, sale_id: int) -> SignedDocument | None: ...
    async def original_printed(self, sale_id: int) -> bool: ...
    async def business_details(self) -> BusinessDetails: ...
    async def tax_rates(self, device_id: int) -> dict[TaxType, Decimal]: ...


log = logging.getLogger("etims_desktop.sync")

NAIROBI = ZoneInfo("Africa/Nairobi")
CENT = Decimal("0.01")
PENDING_PRINTS_FILE = "printed-while-pending.json"  # older versions' list; moved into the database once


def cu_invoice_number(scu_id: str | None, invc_no: int | None) -> str | None:
    """KRA's printed document number: '<SCU id>/<eTIMS invoice number>'."""
    if invc_no is None:
        return None
    return f"{scu_id or '-'}/{invc_no}"


def shelf_price(unit_price: Decimal, rate: Decimal, prices_include_vat: bool) -> Decimal:
    """The VAT-inclusive unit price the customer saw."""
    if prices_include_vat:
        return unit_price
    return (unit_price * (1 + rate / 100)).quantize(CENT, rounding=ROUND_HALF_UP)


def assemble_receipt(
    entry: OutboxEntry,
    device: Device,
    amounts: SaleAmounts,
    *,
    business: BusinessDetails,
    payment_label: str,
    refund_reason: str | None = None,
    original: OutboxEntry | None = None,
) -> ReceiptView:
    """Everything printable about one sale. Pure: the caller fetched what it needs."""
    sale = entry.sale
    lines = []
    for la in amounts.lines:
        shelf = shelf_price(la.line.unit_price, la.tax_rate, sale.prices_include_vat)
        before_discount = (shelf * la.qty).quantize(CENT, rounding=ROUND_HALF_UP)
        lines.append(
            ReceiptLine(
                seq=la.seq,
                name=la.line.name,
                item_code=la.line.item_code,
                tax_type=la.line.tax_type,
                qty=la.qty,
                unit_price=shelf,
                discount_rate=la.discount_rate,
                discount_amount=max(before_discount - la.total_amount, Decimal("0"))
                if la.discount_rate
                else Decimal(0),
                total=la.total_amount,
            )
        )
    # KRA's receipt shows all five tax types A-E, zero rows included (as the wire document sends them).
    summary = tuple(
        TaxSummaryRow(
            tax_type=t,
            label=tax_label(t, amounts.rate_by_type.get(t, Decimal(0))),
            rate=amounts.rate_by_type.get(t, Decimal(0)),
            taxable=amounts.taxable_by_type.get(t, Decimal(0)),
            tax=amounts.tax_by_type.get(t, Decimal(0)),
        )
        for t in TaxType
    )
    receipt = entry.receipt if entry.state is OutboxState.SIGNED else None
    scu = None
    qr_text = None
    notes: list[str] = []
    if receipt is not None:
        scu_id = receipt.scu_id or device.scu_id or ""
        scu = ScuBlock(
            scu_id=scu_id,
            cu_invoice_no=cu_invoice_number(scu_id, receipt.invc_no) or "",
            invoice_no=receipt.invc_no,
            receipt_no=receipt.receipt_no,
            total_receipt_no=receipt.total_receipt_no,
            internal_data=hyphenate(receipt.internal_data),
            signature=hyphenate(receipt.signature),
            signed_at=receipt.signed_at.astimezone(NAIROBI) if receipt.signed_at else None,
            mrc_no=receipt.mrc_no,
            complete=receipt.complete and bool(receipt.signature),
        )
        if scu.complete:
            qr_text = receipt_check_url(
                device.environment, device.pin, device.branch_id, receipt.signature or ""
            )
        else:
            notes.append(UNAVAILABLE_NOTE)
    original_cu = None
    if sale.is_credit_note:
        original_invc = entry.original_invc_no
        if original is not None and original.receipt is not None:
            original_invc = original_invc or original.receipt.invc_no
        original_scu = original.receipt.scu_id if original is not None and original.receipt else None
        original_cu = cu_invoice_number(original_scu or device.scu_id, original_invc)
    return ReceiptView(
        sale_id=entry.sale_id,
        title="CREDIT NOTE" if sale.is_credit_note else "TAX INVOICE",
        receipt_label="NC" if sale.is_credit_note else "NS",
        business=business if business.name else BusinessDetails(**{**asdict(business), "name": device.name}),
        pin=device.pin,
        branch_id=device.branch_id,
        device_name=device.name,
        trader_invoice_no=sale.trader_invoice_no,
        sold_at=sale.sold_at.astimezone(NAIROBI),
        lines=tuple(lines),
        tax_summary=summary,
        total_taxable=amounts.total_taxable,
        total_tax=amounts.total_tax,
        total=amounts.total,
        payment_type=payment_label,
        state_label=entry.wait_reason.label
        if entry.state is OutboxState.WAITING and entry.wait_reason
        else entry.state.label,
        buyer_pin=sale.buyer_pin,
        buyer_name=sale.buyer_name,
        scu=scu,
        qr_text=qr_text,
        signed=receipt is not None,
        cancelled=entry.state is OutboxState.CANCELLED,
        practice=device.practice,
        original_cu_invoice_no=original_cu,
        original_trader_invoice_no=original.sale.trader_invoice_no if original is not None else None,
        refund_reason=refund_reason,
        notes=tuple(notes),
    )


def _kra_code_name(cls: str, code: str | None) -> str:
    """KRA's fixed name of a code ('01' -> 'CASH'): a reprint never depends on today's cached lists."""
    return dict(DEFAULT_CODES[cls]).get(code or "", code or "")


async def receipt_view(store: ReceiptStore, sale_id: int, business: BusinessDetails | None = None) -> ReceiptView:
    """The printable receipt of sale `sale_id`. `business` overrides today's header for a sale not
    signed yet; a signed sale prints the header it was signed with."""
    entry: OutboxEntry = await store.get_entry(sale_id)
    device = await store.get_device(entry.device_id)
    original = None
    if entry.sale.is_credit_note and entry.sale.original_sale_id is not None:
        original = await store.get_entry(entry.sale.original_sale_id)
    document = await store.signed_document(sale_id) if entry.state is OutboxState.SIGNED else None
    if document is not None:
        view = await _signed_view(store, entry, device, document, original)
        return replace(view, copy=await store.original_printed(sale_id))
    if business is None:
        business = await store.business_details()
    amounts = queued_amounts(entry.sale, await store.tax_rates(entry.device_id))
    payment = await code_name(store, entry.device_id, PAYMENT_TYPES, entry.sale.payment_type)
    reason = None
    if original is not None:
        reason = await code_name(store, entry.device_id, REFUND_REASONS, entry.sale.refund_reason_code)
    return assemble_receipt(
        entry,
        device,
        amounts,
        business=business,
        payment_label=payment,
        refund_reason=reason,
        original=original,
    )


async def _signed_view(
    store: ReceiptStore,
    entry: OutboxEntry,
    device: Device,
    document: SignedDocument,
    original: OutboxEntry | None,
) -> ReceiptView:
    """A signed sale as KRA signed it: figures from the kept document, the header kept with it."""
    device = replace(device, name=document.device_name)  # the PIN and branch never change
    signed = wire_document(document) if not document.rebuilt else None
    rebuilt = signed is None
    if signed is not None:
        try:
            sale, amounts = sale_from_document(signed, entry.sale)
            entry = replace(entry, sale=sale)
        except (KeyError, ValueError, TypeError, ArithmeticError):
            log.warning(
                "the signed document of sale %s could not be read; rebuilding its receipt", entry.sale_id
            )
            rebuilt = True
    if rebuilt:  # nothing kept at signing: rebuilt from the stored sale (which KRA's copy matches)
        amounts = queued_amounts(entry.sale, await store.tax_rates(entry.device_id))
    view = assemble_receipt(
        entry,
        device,
        amounts,
        business=document.business,
        payment_label=_kra_code_name(PAYMENT_TYPES, entry.sale.payment_type),
        refund_reason=_kra_code_name(REFUND_REASONS, entry.sale.refund_reason_code)
        if entry.sale.is_credit_note
        else None,
        original=original,
    )
    if rebuilt:
        view = replace(view, rebuilt=True, notes=(*view.notes, REBUILT_NOTE))
    return view


class PendingPrints:
    """Sales whose receipt was printed before KRA signed them: once signed, their receipts should be
    reprinted (the first print has no signature and no QR code).

    Kept in the database (pending_prints, migration 0010), not in a settings file: it is shop data about
    sales, the reprint rule depends on it, and it must follow the sales it names into a backup and back
    out of a restore. Older versions kept it in printed-while-pending.json beside the database; on first
    use that file is read once, its sales are moved in, and it is removed after the commit that holds
    them (a failure in between leaves the file, and the next start moves it in again: adding is idempotent)."""

    def __init__(self, store: PendingPrintStore, data_dir: Path) -> None:
        self.store = store
        self.old_file = Path(data_dir) / PENDING_PRINTS_FILE
        self._moved_in = False
        self._moving = asyncio.Lock()

    async def record_print(self, view: ReceiptView) -> None:
        """A receipt went to paper or PDF: remember it if it was pending, forget it once printed signed
        (for a signed sale the first print is also kept as the original: later ones say COPY)."""
        await self.move_in_old_file()
        await self.store.record_receipt_print(view.sale_id, while_pending=view.pending and not view.cancelled)

    async def due_for_reprint(self) -> list[int]:
        """Sales printed while pending that KRA has signed since: their receipts should be printed again.
        Sales cancelled meanwhile are dropped from the list."""
        await self.move_in_old_file()
        states = await self.store.printed_while_pending()
        gone = [sale_id for sale_id, state in states.items() if state is OutboxState.CANCELLED]
        if gone:
            await self.store.forget_printed_while_pending(gone)
        return sorted(sale_id for sale_id, state in states.items() if state is OutboxState.SIGNED)

    async def move_in_old_file(self) -> None:
        """An older version's printed-while-pending.json, once: into the database, then removed. A file
        that cannot be read is left where it is and named in the log (nothing in it is guessed)."""
        async with self._moving:  # a second caller waits for the move rather than miss the moved sales
            if self._moved_in:
                return
            sale_ids = self._read_old_file() if self.old_file.exists() else None
            if sale_ids is not None:
                added = await self.store.add_printed_while_pending(sale_ids)  # raises: moved in next time
                log.info("moved %d receipt(s) printed before signing into the database", added)
                self._remove_old_file()
            self._moved_in = True

    def _remove_old_file(self) -> None:
        try:
            self.old_file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning(
                "%s could not be removed (%s); it is moved in again at the next start.", self.old_file, exc
            )

    def _read_old_file(self) -> list[int] | None:
        try:
            raw = json.loads(self.old_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning(
                "%s could not be read (%s): the receipts printed before KRA signed them, listed there, are not "
                "marked for a reprint. The file is left as it is; check the Sales tab's receipts by hand.",
                self.old_file,
                exc,
            )
            return None
        listed = raw.get("sale_ids") if isinstance(raw, dict) else None
        if not isinstance(listed, list):
            log.warning(
                '%s has no list of "sale_ids"; the file is left as it is and nothing is marked for a reprint.',
                self.old_file,
            )
            return None
        bad = [value for value in listed if not isinstance(value, int) or isinstance(value, bool)]
        if bad:
            log.warning("%s: %s are not sale numbers; they are skipped.", self.old_file, json.dumps(bad))
        return [value for value in listed if isinstance(value, int) and not isinstance(value, bool)]


class Receipts:
    """The receipt window's use case: a sale's receipt, that it went to paper, and what was printed
    before KRA signed it (to reprint once signed). Printer and receipt rules live in `settings_file`."""

    def __init__(self, store: ReceiptStore, data_dir: Path, settings_file: Path) -> None:
        self.store = store
        self.settings_file = settings_file
        self.pending_prints = PendingPrints(store, data_dir)

    async def view(self, sale_id: int) -> ReceiptView:
        return await receipt_view(self.store, sale_id)

    async def record_print(self, view: ReceiptView) -> None:
        """`view` went to paper or PDF: for a signed sale the first print is the original and every later
        one says COPY; one printed before KRA signed it is due for a reprint once signed."""
        await self.pending_prints.record_print(view)
