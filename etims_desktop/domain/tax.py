"""Tax arithmetic for one sale: exactly the amounts that go on the wire (kra-etims-api.md section 6).

Every line amount is rounded half-up to the cent; header buckets and totals are sums of the rounded
lines, so the header can never drift from its lines.

The convention (which amount is "taxable") is chosen here and nowhere else:

NET (the default; Odoo's certified module and KRA's own purchase feed)
    taxblAmt is the amount without VAT after discount, taxAmt = taxblAmt x rate / 100,
    totAmt = taxblAmt + taxAmt.

    Shop prices that include VAT (the usual case) are split so the customer pays exactly the shelf
    price: the line's gross is round(qty x price), less the discount, and it is *that* gross that is
    split into taxblAmt = round(gross / (1 + rate)) and taxAmt = gross - taxblAmt. So totAmt always
    equals the shelf amount to the cent, and taxAmt stays within 0.0058 of taxblAmt x rate
    (half a cent of rounding on taxblAmt, times 1 + rate). Computing tax on top of a rounded net
    price instead would make the till and the receipt disagree by a cent now and then.
    prc is the net unit price rounded to the cent. splyAmt is the net of the undiscounted gross,
    which equals prc x qty up to prc's own rounding (at most qty x half a cent) and, more usefully,
    equals taxblAmt when there is no discount - so dcAmt = splyAmt - taxblAmt is 0 without a
    discount and never negative.

    Prices without VAT: prc = price, splyAmt = prc x qty, taxblAmt = splyAmt less the discount,
    taxAmt = taxblAmt x rate on top.

INCLUSIVE (the spec's JSON samples)
    taxblAmt is the VAT-inclusive amount after discount, taxAmt = taxblAmt x rate / (100 + rate),
    totAmt = taxblAmt. Prices without VAT are first turned into VAT-inclusive unit prices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType

from etims_desktop.domain.sale import Sale, SaleLine, TaxType

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal("0.00")


class AmountConvention(StrEnum):
    NET = "net"
    INCLUSIVE = "inclusive"


DEFAULT_RATES: Mapping[TaxType, Decimal] = MappingProxyType(
    {
        TaxType.A: Decimal(0),
        TaxType.B: Decimal(16),
        TaxType.C: Decimal(0),
        TaxType.D: Decimal(0),
        TaxType.E: Decimal(8),
    }
)


def round_money(value: Decimal) -> Decimal:
    """Half-up to the cent, as KRA integrations do."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineAmounts:
    """Exactly what goes on the wire for one itemList entry."""

    seq: int  # itemSeq, 1-based
    line: SaleLine
    qty: Decimal
    unit_price: Decimal  # prc
    supply_amount: Decimal  # splyAmt, before discount
    discount_rate: Decimal  # dcRt
    discount_amount: Decimal  # dcAmt = splyAmt - taxblAmt
    taxable_amount: Decimal  # taxblAmt
    tax_rate: Decimal
    tax_amount: Decimal  # taxAmt
    total_amount: Decimal  # totAmt


@dataclass(frozen=True)
class SaleAmounts:
    """A sale's lines and header figures. The per-type dicts always have all five tax types."""

    lines: tuple[LineAmounts, ...]
    taxable_by_type: dict[TaxType, Decimal]
    tax_by_type: dict[TaxType, Decimal]
    rate_by_type: dict[TaxType, Decimal]
    total_taxable: Decimal
    total_tax: Decimal
    total: Decimal


def compute_amounts(
    sale: Sale,
    rates: Mapping[TaxType, Decimal] | None = None,
    convention: AmountConvention = AmountConvention.NET,
) -> SaleAmounts:
    """The wire amounts of `sale` under `convention`, with `rates` in percent (missing types: DEFAULT_RATES)."""
    rate_by_type = {t: Decimal(DEFAULT_RATES[t]) for t in TaxType}
    for tax_type, rate in (rates or {}).items():
        rate_by_type[TaxType(tax_type)] = Decimal(rate)

    compute_line = _net_line if convention is AmountConvention.NET else _inclusive_line
    lines = tuple(
        compute_line(seq, line, rate_by_type[line.tax_type], sale.prices_include_vat)
        for seq, line in enumerate(sale.lines, start=1)
    )

    taxable_by_type = {t: ZERO for t in TaxType}
    tax_by_type = {t: ZERO for t in TaxType}
    for amounts in lines:
        taxable_by_type[amounts.line.tax_type] += amounts.taxable_amount
        tax_by_type[amounts.line.tax_type] += amounts.tax_amount
    total_taxable = sum(taxable_by_type.values(), ZERO)
    total_tax = sum(tax_by_type.values(), ZERO)
    if convention is AmountConvention.NET:
        total = total_taxable + total_tax
    else:
        total = total_taxable
    return SaleAmounts(
        lines=lines,
        taxable_by_type=taxable_by_type,
        tax_by_type=tax_by_type,
        rate_by_type=rate_by_type,
        total_taxable=total_taxable,
        total_tax=total_tax,
        total=total,
    )


def price_for_queue(sale: Sale, rates: Mapping[TaxType, Decimal] | None) -> tuple[Sale, SaleAmounts]:
    """`sale` as it is queued: carrying the rates it is priced with (`Sale.priced_with`), and its amounts.
    From then on `queued_amounts` gives these amounts back, whatever the device's rates become."""
    amounts = compute_amounts(sale, rates)
    return replace(sale, priced_with=dict(amounts.rate_by_type)), amounts


def queued_amounts(sale: Sale, current_rates: Mapping[TaxType, Decimal] | None) -> SaleAmounts:
    """A queued sale's amounts, as they were stored when it was queued: the one truth that is sent,
    printed and listed. A sale queued before its rates were kept falls back to `current_rates`."""
    return compute_amounts(sale, sale.priced_with if sale.priced_with is not None else current_rates)


def _after_discount(amount: Decimal, discount_rate: Decimal) -> Decimal:
    return round_money(amount * (HUNDRED - discount_rate) / HUNDRED)


def _net_line(seq: int, line: SaleLine, rate: Decimal, prices_include_vat: bool) -> LineAmounts:
    factor = 1 + rate / HUNDRED
    discount_rate = Decimal(line.discount_rate)
    if prices_include_vat:
        shelf = round_money(line.qty * line.unit_price)  # what the customer pays before discount
        gross = _after_discount(shelf, discount_rate)  # ... and after it: never changes
        unit_price = round_money(line.unit_price / factor)
        supply = round_money(shelf / factor)
        taxable = round_money(gross / factor)
        tax = gross - taxable
    else:
        unit_price = round_money(line.unit_price)
        supply = round_money(unit_price * line.qty)
        taxable = _after_discount(supply, discount_rate)
        tax = round_money(taxable * rate / HUNDRED)
    return LineAmounts(
        seq=seq,
        line=line,
        qty=line.qty,
        unit_price=unit_price,
        supply_amount=supply,
        discount_rate=discount_rate,
        discount_amount=supply - taxable,
        taxable_amount=taxable,
        tax_rate=rate,
        tax_amount=tax,
        total_amount=taxable + tax,
    )


def _inclusive_line(seq: int, line: SaleLine, rate: Decimal, prices_include_vat: bool) -> LineAmounts:
    discount_rate = Decimal(line.discount_rate)
    price = line.unit_price if prices_include_vat else line.unit_price * (1 + rate / HUNDRED)
    unit_price = round_money(price)
    supply = round_money(line.qty * unit_price)
    taxable = _after_discount(supply, discount_rate)
    tax = round_money(taxable * rate / (HUNDRED + rate))
    return LineAmounts(
        seq=seq,
        line=line,
        qty=line.qty,
        unit_price=unit_price,
        supply_amount=supply,
        discount_rate=discount_rate,
        discount_amount=supply - taxable,
        taxable_amount=taxable,
        tax_rate=rate,
        tax_amount=tax,
        total_amount=taxable,
    )
