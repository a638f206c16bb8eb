"""What may still be credited on a sale, why a credit note is refused, and the credit note itself.

KRA's rules (kra-etims-api.md 5.11): the original must be signed; the buyer PIN must be the one on the
original; the credited quantities, over all credit notes, must not exceed what was sold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from etims_desktop.domain.outbox import OutboxEntry, OutboxState
from etims_desktop.domain.sale import ReceiptType, Sale, SaleLine
from etims_desktop.domain.tax import SaleAmounts
from etims_desktop.domain.validation import creditable_quantities
from etims_desktop.sync.code_choices import REFUND_REASONS, CodeStore, code_choices

if TYPE_CHECKING:
    from etims_desktop.app.sales import RecordedSale


class CreditNoteStore(CodeStore, Protocol):
    async def get_entry(self, sale_id: int) -> OutboxEntry: ...
    async def credited_quantities(self, original_sale_id: int) -> dict[str, Decimal]: ...


class Sales(Protocol):
    """app/sales.py SaleService: a credit note is priced and recorded as every sale."""

    async def price(self, device_id: int, sale: Sale) -> SaleAmounts: ...
    async def record(self, device_id: int, sale: Sale, *, send_now: bool = True) -> RecordedSale: ...


@dataclass(frozen=True)
class CreditableLine:
    index: int  # position in the original sale
    line: SaleLine
    sold: Decimal
    remaining: Decimal  # what may still be credited on this line


@dataclass(frozen=True)
class CreditNoteOptions:
    original: OutboxEntry
    lines: tuple[CreditableLine, ...]
    blocked: str | None  # a plain sentence when no credit note may be made now

    @property
    def allowed(self) -> bool:
        return self.blocked is None


def _distribute(original: Sale, remaining_by_code: Mapping[str, Decimal]) -> tuple[CreditableLine, ...]:
    """Spread each item's remaining quantity over the original lines of that item, first line first."""
    left = dict(remaining_by_code)
    lines = []
    for index, line in enumerate(original.lines):
        share = min(line.qty, left.get(line.item_code, Decimal(0)))
        left[line.item_code] = left.get(line.item_code, Decimal(0)) - share
        lines.append(CreditableLine(index, line, line.qty, share))
    return tuple(lines)


async def credit_note_options(store: CreditNoteStore, sale_id: int) -> CreditNoteOptions:
    """What a credit note for sale `sale_id` may contain, or why there can be none."""
    entry = await store.get_entry(sale_id)
    sale = entry.sale
    already = await store.credited_quantities(sale_id) if not sale.is_credit_note else {}
    remaining = creditable_quantities(sale, already)
    lines = _distribute(sale, remaining)
    blocked = None
    if sale.is_credit_note:
        blocked = "This is already a credit note; a credit note can only correct a sale."
    elif entry.state is not OutboxState.SIGNED:
        blocked = (
            f"KRA only accepts a credit note for a sale it has signed, and this sale is "
            f"'{entry.state.label}'. Sync it first, then make the credit note."
        )
    elif not any(line.remaining > 0 for line in lines):
        blocked = "Everything on this sale has already been credited: nothing is left to credit."
    return CreditNoteOptions(entry, lines, blocked)


def make_credit_note(
    options: CreditNoteOptions,
    quantities: Mapping[int, Decimal],
    reason_code: str,
    trader_invoice_no: str,
    when: datetime,
    remark: str | None = None,
) -> Sale:
    """A credit note for the given quantities (original line index -> qty; zero lines left out).
    Prices, discounts and the buyer (PIN and name) are carried over from the original."""
    original = options.original.sale
    lines = tuple(
        replace(line, qty=quantities[index])
        for index, line in enumerate(original.lines)
        if quantities.get(index, Decimal(0)) > 0
    )
    return Sale(
        trader_invoice_no=trader_invoice_no,
        lines=lines,
        sold_at=when,
        prices_include_vat=original.prices_include_vat,
        receipt_type=ReceiptType.CREDIT_NOTE,
        buyer_pin=original.buyer_pin,
        buyer_name=original.buyer_name,
        payment_type=original.payment_type,
        original_sale_id=options.original.sale_id,
        refund_reason_code=reason_code,
        remark=remark,
    )


class CreditNotes:
    """The credit note dialog's use case: what may be credited, the reasons KRA offers, its price and
    recording it (a credit note is a sale: app/sales.py SaleService)."""

    def __init__(self, store: CreditNoteStore, sales: Sales) -> None:
        self.store = store
        self.sales = sales

    async def options(self, sale_id: int) -> CreditNoteOptions:
        return await credit_note_options(self.store, sale_id)

    async def reasons(self, device_id: int) -> list[tuple[str, str]]:
        """(code, name) of KRA's refund reasons (code class 32) as this device knows them."""
        return await code_choices(self.store, device_id, REFUND_REASONS)

    async def price(self, device_id: int, note: Sale) -> SaleAmounts:
        return await self.sales.price(device_id, note)

    async def record(self, device_id: int, note: Sale) -> RecordedSale:
        return await self.sales.record(device_id, note)
