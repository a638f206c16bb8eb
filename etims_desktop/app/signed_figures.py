"""The figures of one sale of a period as KRA signed them: read from the kept signed document, never
recomputed from today's tax rates. The day report, the accountant's export and reconcile share it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import Sale, TaxType
from etims_desktop.domain.tax import SaleAmounts
from etims_desktop.storage.records import PeriodSale
from etims_desktop.sync.signed_document import sale_from_document, wire_document


class PeriodSalesStore(Protocol):
    """Store.sales_between: the reports' one read of a period's sales (stored totals, kept documents)."""

    async def sales_between(
        self,
        start: datetime,
        end: datetime,
        device_id: int | None = None,
        states: frozenset[OutboxState] | None = None,
    ) -> list[PeriodSale]: ...

NAIROBI = ZoneInfo("Africa/Nairobi")
CENT = Decimal("0.01")


def cents(value: Decimal) -> Decimal:
    """Money as shown and exported: 2 decimal places, half up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class SaleFigures:
    """One sale's figures: `sale` and `amounts` as signed when the signed document can be read;
    otherwise the stored sale, `amounts` None (no split per tax type) and the stored totals."""

    item: PeriodSale
    sale: Sale
    amounts: SaleAmounts | None
    total: Decimal
    total_tax: Decimal

    @property
    def signed(self) -> bool:
        return self.item.entry.state is OutboxState.SIGNED

    @property
    def sold_at_local(self) -> datetime:
        return self.sale.sold_at.astimezone(NAIROBI)

    def taxable(self, tax_type: TaxType) -> Decimal:
        return self.amounts.taxable_by_type.get(tax_type, Decimal(0)) if self.amounts else Decimal(0)

    def tax(self, tax_type: TaxType) -> Decimal:
        return self.amounts.tax_by_type.get(tax_type, Decimal(0)) if self.amounts else Decimal(0)


def sale_figures(item: PeriodSale) -> SaleFigures:
    """The sale as signed (its kept document), else as stored with the amounts stored at recording."""
    stored = item.entry.sale
    if item.document is not None and not item.document.rebuilt:
        document = wire_document(item.document)
        if document is not None:
            try:
                sale, amounts = sale_from_document(document, stored)
            except (KeyError, ValueError, TypeError, ArithmeticError):
                pass  # a document that does not fit: the stored amounts (which KRA's copy matches)
            else:
                return SaleFigures(item, sale, amounts, cents(amounts.total), cents(amounts.total_tax))
    return SaleFigures(item, stored, None, cents(item.total), cents(item.total_tax))
