"""The end-of-day report ("Z report") of one device: what was sold and credited that day, per tax type
and payment type, what KRA signed and what still waits. Figures come from the documents KRA signed
(app/signed_figures.py), a waiting sale's from the amounts stored with it; never today's tax rates.
The window's dialog, its PDF and `etims-desktop report day` all show this one value."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Protocol

from etims_desktop.app.signed_figures import NAIROBI, PeriodSalesStore, SaleFigures, cents, sale_figures
from etims_desktop.domain.device import Device
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.records import PeriodSale
from etims_desktop.sync.code_choices import DEFAULT_CODES, PAYMENT_TYPES

ZERO = Decimal("0.00")


class DayReportStore(PeriodSalesStore, Protocol):
    async def get_device(self, device_id: int) -> Device: ...

    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """A shop's day: midnight to midnight in Kenya (Africa/Nairobi), whatever the PC's clock zone."""
    start = datetime.combine(day, time(0), tzinfo=NAIROBI)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=NAIROBI)


def today() -> date:
    return datetime.now(NAIROBI).date()


def payment_name(code: str) -> str:
    """KRA's fixed name of a payment type ('01' -> 'CASH')."""
    return dict(DEFAULT_CODES[PAYMENT_TYPES]).get(code, code)


@dataclass(frozen=True)
class Totals:
    """Documents of one kind (sales, or credit notes) added up; money to 2 dp."""

    count: int = 0
    taxable_by_type: dict[TaxType, Decimal] = field(default_factory=lambda: dict.fromkeys(TaxType, ZERO))
    tax_by_type: dict[TaxType, Decimal] = field(default_factory=lambda: dict.fromkeys(TaxType, ZERO))
    total: Decimal = ZERO
    total_tax: Decimal = ZERO
    without_split: int = 0  # signed before the app kept KRA's documents: in the totals, not per type

    @classmethod
    def of(cls, figures: Iterable[SaleFigures]) -> Totals:
        taxable = dict.fromkeys(TaxType, ZERO)
        tax = dict.fromkeys(TaxType, ZERO)
        count = without_split = 0
        total = total_tax = ZERO
        for f in figures:
            count += 1
            total += f.total
            total_tax += f.total_tax
            if f.amounts is None:
                without_split += 1
            for t in TaxType:
                taxable[t] += f.taxable(t)
                tax[t] += f.tax(t)
        return cls(
            count,
            {t: cents(v) for t, v in taxable.items()},
            {t: cents(v) for t, v in tax.items()},
            cents(total),
            cents(total_tax),
            without_split,
        )

    def minus(self, other: Totals) -> Totals:
        """Sales less credit notes: what the day really sold."""
        return Totals(
            self.count - other.count,
            {t: self.taxable_by_type[t] - other.taxable_by_type[t] for t in TaxType},
            {t: self.tax_by_type[t] - other.tax_by_type[t] for t in TaxType},
            self.total - other.total,
            self.total_tax - other.total_tax,
            self.without_split + other.without_split,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "total": str(self.total),
            "total_tax": str(self.total_tax),
            "taxable_by_type": {t.value: str(v) for t, v in self.taxable_by_type.items()},
            "tax_by_type": {t.value: str(v) for t, v in self.tax_by_type.items()},
            "without_split_by_tax_type": self.without_split,
        }


@dataclass(frozen=True)
class PaymentRow:
    """Signed documents of one payment type: credit notes counted and subtracted."""

    code: str
    name: str
    sales: int
    credit_notes: int
    net: Decimal


@dataclass(frozen=True)
class WaitingSale:
    """A sale of the day that KRA has not signed yet, and why."""

    sale_id: int
    trader_invoice_no: str
    credit_note: bool
    sold_at: datetime  # Africa/Nairobi
    total: Decimal  # as stored with the sale
    why: str


@dataclass(frozen=True)
class DayReport:
    day: date
    device_id: int
    device_name: str
    scu_id: str | None
    practice: bool
    sales: Totals  # signed sales
    credit_notes: Totals  # signed credit notes (they reduce the day's totals)
    waiting: tuple[WaitingSale, ...]
    waiting_total: Decimal  # as stored with the waiting sales and credit notes (credit notes subtracted)
    cancelled: int  # cancelled here, never signed: in no total
    first_invoice_no: int | None  # KRA's invoice numbers (invcNo) of the day's signed documents
    last_invoice_no: int | None
    first_receipt_no: int | None  # KRA's receipt numbers (curRcptNo)
    last_receipt_no: int | None
    payments: tuple[PaymentRow, ...]
    made_at: datetime

    @property
    def net(self) -> Totals:
        return self.sales.minus(self.credit_notes)

    @property
    def closed(self) -> bool:
        """The day is closed only when nothing of it still waits for KRA."""
        return not self.waiting

    @property
    def signed(self) -> int:
        return self.sales.count + self.credit_notes.count

    @property
    def oldest_waiting(self) -> WaitingSale | None:
        return min(self.waiting, key=lambda w: w.sold_at, default=None)

    def waiting_reasons(self) -> list[tuple[str, int]]:
        """Why sales wait, most common first: ("waiting for internet", 3)."""
        return Counter(w.why for w in self.waiting).most_common()

    def as_dict(self) -> dict[str, Any]:
        oldest = self.oldest_waiting
        return {
            "day": self.day.isoformat(),
            "device": {"id": self.device_id, "name": self.device_name, "scu_id": self.scu_id},
            "practice": self.practice,
            "closed": self.closed,
            "signed": self.signed,
            "sales": self.sales.as_dict(),
            "credit_notes": self.credit_notes.as_dict(),
            "net": self.net.as_dict(),
            "waiting": {
                "count": len(self.waiting),
                "total": str(self.waiting_total),
                "oldest_sold_at": oldest.sold_at.isoformat() if oldest else None,
                "reasons": dict(self.waiting_reasons()),
                "sales": [
                    {
                        "sale_id": w.sale_id,
                        "invoice_no": w.trader_invoice_no,
                        "credit_note": w.credit_note,
                        "sold_at": w.sold_at.isoformat(),
                        "total": str(w.total),
                        "why": w.why,
                    }
                    for w in self.waiting
                ],
            },
            "cancelled": self.cancelled,
            "kra_invoice_numbers": [self.first_invoice_no, self.last_invoice_no],
            "kra_receipt_numbers": [self.first_receipt_no, self.last_receipt_no],
            "payments": [
                {
                    "code": p.code,
                    "name": p.name,
                    "sales": p.sales,
                    "credit_notes": p.credit_notes,
                    "net": str(p.net),
                }
                for p in self.payments
            ],
            "made_at": self.made_at.isoformat(),
        }


def why_waiting(item: PeriodSale) -> str:
    """The reason a sale is not signed yet, in the board's words."""
    entry = item.entry
    if entry.state is OutboxState.WAITING and entry.wait_reason is not None:
        return entry.wait_reason.label
    return entry.state.label


def build_day_report(day: date, device: Device, items: Iterable[PeriodSale], made_at: datetime) -> DayReport:
    """The report of `device`'s `day` from that day's sales (pure: the caller read them)."""
    assert device.id is not None  # a saved device
    signed_sales: list[SaleFigures] = []
    signed_credits: list[SaleFigures] = []
    waiting: list[WaitingSale] = []
    waiting_total = ZERO
    cancelled = 0
    payments: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0), ZERO])
    invoice_numbers: list[int] = []
    receipt_numbers: list[int] = []
    for item in items:
        entry = item.entry
        if entry.state is OutboxState.CANCELLED:
            cancelled += 1
            continue
        credit = entry.sale.is_credit_note
        if entry.state is not OutboxState.SIGNED:
            total = cents(item.total)
            waiting.append(
                WaitingSale(
                    entry.sale_id,
                    entry.sale.trader_invoice_no,
                    credit,
                    entry.sale.sold_at.astimezone(NAIROBI),
                    total,
                    why_waiting(item),
                )
            )
            waiting_total += -total if credit else total
            continue
        figures = sale_figures(item)
        (signed_credits if credit else signed_sales).append(figures)
        row = payments[figures.sale.payment_type]
        row[1 if credit else 0] += 1
        row[2] += -figures.total if credit else figures.total
        if entry.receipt is not None:
            invoice_numbers.append(entry.receipt.invc_no)
            if entry.receipt.receipt_no is not None:
                receipt_numbers.append(entry.receipt.receipt_no)
        elif entry.invc_no is not None:
            invoice_numbers.append(entry.invc_no)
    return DayReport(
        day=day,
        device_id=device.id,
        device_name=device.name,
        scu_id=device.scu_id,
        practice=device.practice,
        sales=Totals.of(signed_sales),
        credit_notes=Totals.of(signed_credits),
        waiting=tuple(waiting),
        waiting_total=cents(waiting_total),
        cancelled=cancelled,
        first_invoice_no=min(invoice_numbers, default=None),
        last_invoice_no=max(invoice_numbers, default=None),
        first_receipt_no=min(receipt_numbers, default=None),
        last_receipt_no=max(receipt_numbers, default=None),
        payments=tuple(
            PaymentRow(code, payment_name(code), int(row[0]), int(row[1]), cents(row[2]))
            for code, row in sorted(payments.items())
        ),
        made_at=made_at,
    )


class DayReports:
    """Makes day reports from the store (the window and the CLI share it)."""

    def __init__(self, store: DayReportStore) -> None:
        self.store = store

    async def report(self, day: date, device_id: int) -> DayReport:
        device = await self.store.get_device(device_id)
        start, end = day_bounds(day)
        items = await self.store.sales_between(start, end, device_id)
        return build_day_report(day, device, items, datetime.now(NAIROBI))

    async def reports(self, day: date, device_id: int | None = None) -> list[DayReport]:
        """One device's report, or (None) every device's that is in use or sold that day."""
        if device_id is not None:
            return [await self.report(day, device_id)]
        start, end = day_bounds(day)
        items = await self.store.sales_between(start, end)
        by_device: dict[int, list[PeriodSale]] = defaultdict(list)
        for item in items:
            by_device[item.entry.device_id].append(item)
        made_at = datetime.now(NAIROBI)
        return [
            build_day_report(day, device, by_device.get(device.id, []), made_at)
            for device in await self.store.list_devices(include_retired=True)
            if device.id is not None and (device.id in by_device or device.retired_at is None)
        ]
