"""Properties of the tax arithmetic over random sales (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.sale import ReceiptType, Sale, SaleLine, TaxType
from etims_desktop.domain.tax import DEFAULT_RATES, AmountConvention, compute_amounts
from etims_desktop.domain.validation import creditable_quantities, validate_sale

CENT = D("0.01")
SOLD_AT = datetime(2024, 4, 15, 9, 30, tzinfo=UTC)

quantities = st.decimals(min_value=CENT, max_value=D(10_000), places=2)
prices = st.decimals(min_value=CENT, max_value=D(1_000_000), places=2)
discounts = st.one_of(st.just(D(0)), st.decimals(min_value=D(0), max_value=D(100), places=2))
lines = st.builds(
    lambda code, qty, price, tax_type, discount: SaleLine(
        f"KE2NTU{code:07d}", "50201700", f"item {code}", qty, price, tax_type, discount_rate=discount
    ),
    st.integers(1, 5),
    quantities,
    prices,
    st.sampled_from(TaxType),
    discounts,
)
sales = st.builds(
    lambda items, inclusive: Sale("INV-1", tuple(items), SOLD_AT, prices_include_vat=inclusive),
    st.lists(lines, min_size=1, max_size=8),
    st.booleans(),
)
rate_tables = st.one_of(
    st.none(),
    st.fixed_dictionaries({t: st.decimals(min_value=D(0), max_value=D(30), places=2) for t in TaxType}),
)
conventions = st.sampled_from(AmountConvention)


def cents(value: D) -> bool:
    return value == value.quantize(CENT)


def half_up(value: D) -> D:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@given(sales, rate_tables, conventions)
def test_header_is_made_of_the_rounded_lines(sale, rates, convention):
    amounts = compute_amounts(sale, rates, convention)
    for tax_type in TaxType:
        of_type = [a for a in amounts.lines if a.line.tax_type is tax_type]
        assert amounts.taxable_by_type[tax_type] == sum((a.taxable_amount for a in of_type), D(0))
        assert amounts.tax_by_type[tax_type] == sum((a.tax_amount for a in of_type), D(0))
        assert amounts.rate_by_type[tax_type] == (rates or DEFAULT_RATES)[tax_type]
    assert amounts.total_taxable == sum(amounts.taxable_by_type.values(), D(0))
    assert amounts.total_tax == sum(amounts.tax_by_type.values(), D(0))
    assert amounts.total == sum((a.total_amount for a in amounts.lines), D(0))  # never a cent of drift
    if convention is AmountConvention.NET:
        assert amounts.total == amounts.total_taxable + amounts.total_tax
    else:
        assert amounts.total == amounts.total_taxable


@given(sales, rate_tables, conventions)
def test_every_amount_is_in_cents(sale, rates, convention):
    amounts = compute_amounts(sale, rates, convention)
    figures = [amounts.total, amounts.total_tax, amounts.total_taxable]
    figures += [*amounts.taxable_by_type.values(), *amounts.tax_by_type.values()]
    for a in amounts.lines:
        figures += [
            a.unit_price,
            a.supply_amount,
            a.discount_amount,
            a.taxable_amount,
            a.tax_amount,
            a.total_amount,
        ]
    assert all(cents(f) for f in figures)


@given(sales, rate_tables)
def test_net_tax_is_within_a_cent_of_taxable_times_rate(sale, rates):
    for a in compute_amounts(sale, rates, AmountConvention.NET).lines:
        exact = a.taxable_amount * a.tax_rate / 100
        assert abs(a.tax_amount - exact) <= CENT
        assert abs(a.tax_amount - exact) <= D("0.0066")  # half a cent x (1 + rate), rate <= 30 %
        assert a.total_amount == a.taxable_amount + a.tax_amount


@given(sales, rate_tables)
def test_inclusive_shelf_price_is_what_the_customer_pays(sale, rates):
    sale = replace(sale, prices_include_vat=True)
    amounts = compute_amounts(sale, rates, AmountConvention.NET)
    for a in amounts.lines:
        shelf = half_up(a.line.qty * a.line.unit_price)
        assert a.total_amount == half_up(shelf * (100 - a.line.discount_rate) / 100)
    assert amounts.total == sum(
        (half_up(half_up(x.qty * x.unit_price) * (100 - x.discount_rate) / 100) for x in sale.lines), D(0)
    )


@given(sales, rate_tables, conventions)
def test_supply_discount_and_taxable_agree(sale, rates, convention):
    for a in compute_amounts(sale, rates, convention).lines:
        assert a.discount_amount >= 0
        assert a.taxable_amount == a.supply_amount - a.discount_amount
        if a.discount_rate == 0:
            assert a.discount_amount == 0
        # splyAmt is prc x qty up to prc's own rounding (half a cent per unit)
        assert abs(a.supply_amount - a.unit_price * a.qty) <= a.qty * D("0.005") + CENT


@given(sales, rate_tables)
def test_inclusive_convention_tax_is_the_vat_fraction(sale, rates):
    for a in compute_amounts(sale, rates, AmountConvention.INCLUSIVE).lines:
        assert abs(a.tax_amount - a.taxable_amount * a.tax_rate / (100 + a.tax_rate)) <= D("0.005")
        assert a.total_amount == a.taxable_amount


@st.composite
def sale_and_credit_note(draw):
    original = draw(sales)
    credited = []
    for line in original.lines:
        if draw(st.booleans()):
            qty = draw(st.decimals(min_value=CENT, max_value=line.qty, places=2))
            credited.append(replace(line, qty=qty))
    if not credited:
        credited.append(original.lines[0])
    note = replace(
        original,
        trader_invoice_no="CN-1",
        lines=tuple(credited),
        sold_at=SOLD_AT + timedelta(days=1),
        receipt_type=ReceiptType.CREDIT_NOTE,
        refund_reason_code="06",
    )
    return original, note


@given(sale_and_credit_note(), rate_tables, conventions)
def test_a_valid_credit_note_never_exceeds_the_original(pair, rates, convention):
    original, note = pair
    validate_sale(note, original=original)
    before, after = compute_amounts(original, rates, convention), compute_amounts(note, rates, convention)
    assert after.total <= before.total
    assert after.total_tax <= before.total_tax
    for tax_type in TaxType:
        assert after.taxable_by_type[tax_type] <= before.taxable_by_type[tax_type]
        assert after.tax_by_type[tax_type] <= before.tax_by_type[tax_type]


@given(sale_and_credit_note())
def test_crediting_a_cent_more_than_remains_is_refused(pair):
    original, note = pair
    remaining = creditable_quantities(original)
    first = note.lines[0]
    already = {first.item_code: remaining[first.item_code] - first.qty + CENT}  # leaves one cent too little
    with pytest.raises(DomainValidationError) as caught:
        validate_sale(note, original=original, already_credited=already)
    assert caught.value.field.endswith(".qty")
