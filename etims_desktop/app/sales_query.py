"""The sales list: rows a person can scan (eTIMS number, receipt number, total, state) and filters.

Built on Store.list_outbox until the store offers a filtered query of its own: it pages through the
outbox newest-first and stops at `scan_limit`, so a very large history is searched in its most
recent part (the lead is asked for Store.search_sales with SQL filters and the stored totals).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from etims_desktop.app.receipts import PendingPrints, cu_invoice_number
from etims_desktop.domain.device import Device
from etims_desktop.domain.outbox import OutboxEntry, OutboxState
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.tax import queued_amounts


class SalesStore(Protocol):
    async def get_entry(self, sale_id: int) -> OutboxEntry: ...
    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...
    async def tax_rates(self, device_id: int) -> dict[TaxType, Decimal]: ...
    async def list_outbox(
        self,
        device_id: int | None = None,
        states: set[OutboxState] | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[OutboxEntry]: ...


NAIROBI = ZoneInfo("Africa/Nairobi")
PAGE = 1000


@dataclass(frozen=True)
class SalesFilter:
    text: str = ""  # matches trader invoice no., eTIMS number, buyer PIN or name, item names
    device_id: int | None = None
    states: frozenset[OutboxState] | None = None
    date_from: date | None = None  # Nairobi calendar dates, inclusive
    date_to: date | None = None
    min_total: Decimal | None = None
    max_total: Decimal | None = None
    sale_ids: frozenset[int] | None = None  # e.g. the receipts to reprint


@dataclass(frozen=True)
class SaleListRow:
    """One line of the Sales tab's list (plain values; the stored sale is storage.models.SaleRow)."""

    sale_id: int
    device_id: int
    device_name: str
    trader_invoice_no: str
    sold_at: datetime
    is_credit_note: bool
    buyer: str
    total: Decimal
    state: OutboxState
    state_label: str  # plain words, incl. why it waits or what KRA said
    invc_no: int | None
    cu_invoice_no: str | None
    receipt_no: int | None
    problem: str | None  # the last error message, for needs-fix and waiting sales


def state_words(entry: OutboxEntry) -> str:
    if entry.state is OutboxState.WAITING and entry.wait_reason is not None:
        return entry.wait_reason.label
    return entry.state.label


def _matches_text(entry: OutboxEntry, needle: str) -> bool:
    sale = entry.sale
    haystack = [sale.trader_invoice_no, sale.buyer_pin or "", sale.buyer_name or ""]
    if entry.invc_no is not None:
        haystack.append(str(entry.invc_no))
    haystack.extend(line.name for line in sale.lines)
    haystack.extend(line.item_code for line in sale.lines)
    return any(needle in value.casefold() for value in haystack)


async def _candidates(store: SalesStore, flt: SalesFilter, scan_limit: int) -> AsyncIterator[OutboxEntry]:
    """Outbox entries newest first, a page at a time, so a search stops reading once it has enough."""
    if flt.sale_ids is not None:
        for sale_id in sorted(flt.sale_ids, reverse=True):
            try:
                yield await store.get_entry(sale_id)
            except LookupError:
                continue
        return
    states = set(flt.states) if flt.states else None
    offset = 0
    while offset < scan_limit:
        page = await store.list_outbox(flt.device_id, states=states, limit=PAGE, offset=offset)
        for entry in page:
            yield entry
        if len(page) < PAGE:
            return
        offset += PAGE


def to_row(entry: OutboxEntry, device: Device, total: Decimal) -> SaleListRow:
    receipt = entry.receipt
    invc_no = receipt.invc_no if receipt is not None else entry.invc_no
    scu_id = (receipt.scu_id if receipt is not None else None) or device.scu_id
    return SaleListRow(
        sale_id=entry.sale_id,
        device_id=entry.device_id,
        device_name=device.name,
        trader_invoice_no=entry.sale.trader_invoice_no,
        sold_at=entry.sale.sold_at,
        is_credit_note=entry.sale.is_credit_note,
        buyer=" ".join(x for x in (entry.sale.buyer_name, entry.sale.buyer_pin) if x),
        total=total,
        state=entry.state,
        state_label=state_words(entry),
        invc_no=invc_no,
        cu_invoice_no=cu_invoice_number(scu_id, invc_no) if entry.state is OutboxState.SIGNED else None,
        receipt_no=receipt.receipt_no if receipt is not None else None,
        problem=entry.last_error_message
        if entry.state in (OutboxState.NEEDS_FIX, OutboxState.WAITING, OutboxState.UNCERTAIN)
        else None,
    )


async def search_sales(
    store: SalesStore, flt: SalesFilter, limit: int = 500, scan_limit: int = 50_000
) -> list[SaleListRow]:
    """Sales matching `flt`, newest first, at most `limit` rows."""
    devices = {d.id: d for d in await store.list_devices(include_retired=True)}  # retired: records kept
    rates: dict[int, dict[TaxType, Decimal]] = {}
    needle = flt.text.strip().casefold()
    rows: list[SaleListRow] = []
    async for entry in _candidates(store, flt, scan_limit):
        if flt.device_id is not None and entry.device_id != flt.device_id:
            continue
        if flt.states and entry.state not in flt.states:
            continue
        day = entry.sale.sold_at.astimezone(NAIROBI).date()
        if (flt.date_from and day < flt.date_from) or (flt.date_to and day > flt.date_to):
            continue
        if needle and not _matches_text(entry, needle):
            continue
        device = devices.get(entry.device_id)
        if device is None:
            continue
        total = entry.total  # as stored when it was queued: what was sent and printed
        if total is None:  # an entry not read from the store
            if entry.device_id not in rates:
                rates[entry.device_id] = await store.tax_rates(entry.device_id)
            total = queued_amounts(entry.sale, rates[entry.device_id]).total
        if (flt.min_total is not None and total < flt.min_total) or (
            flt.max_total is not None and total > flt.max_total
        ):
            continue
        rows.append(to_row(entry, device, total))
        if len(rows) >= limit:
            break
    return rows


class SalesList:
    """The Sales tab's list: sales by filter, the devices to filter by, receipts due for a reprint."""

    def __init__(self, store: SalesStore, pending_prints: PendingPrints) -> None:
        self.store = store
        self.pending_prints = pending_prints

    async def devices(self) -> list[Device]:
        return await self.store.list_devices(include_retired=True)  # a retired device's sales stay listed

    async def due_for_reprint(self) -> list[int]:
        return await self.pending_prints.due_for_reprint()

    async def search(self, flt: SalesFilter) -> list[SaleListRow]:
        return await search_sales(self.store, flt)
