"""Worked examples of the wire amounts, including the spec's and Odoo's recorded payloads."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D

from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.domain.tax import DEFAULT_RATES, AmountConvention, compute_amounts

SOLD_AT = datetime(2024, 4, 15, 12, 0, tzinfo=UTC)


def line(qty, price, tax_type=TaxType.B, discount="0", code="KE2NTU0000001") -> SaleLine:
    return SaleLine(code, "50201700", f"item {code}", D(qty), D(price), tax_type, discount_rate=D(discount))


def sale(*lines: SaleLine, inclusive: bool = True) -> Sale:
    return Sale("INV-1", tuple(lines), SOLD_AT, prices_include_vat=inclusive)


def wire(amounts) -> tuple:
    return (
        amounts.unit_price,
        amounts.supply_amount,
        amounts.discount_amount,
        amounts.taxable_amount,
        amounts.tax_amount,
        amounts.total_amount,
    )


def test_default_rates_follow_the_kra_code_list():
    assert dict(DEFAULT_RATES) == {
        TaxType.A: 0,
        TaxType.B: 16,
        TaxType.C: 0,
        TaxType.D: 0,
        TaxType.E: 8,
    }


def test_spec_example_net_price():
    amounts = compute_amounts(sale(line("2", "3500"), inclusive=False))
    (only,) = amounts.lines
    assert wire(only) == (D("3500.00"), D("7000.00"), D("0.00"), D("7000.00"), D("1120.00"), D("8120.00"))
    assert (amounts.total_taxable, amounts.total_tax, amounts.total) == (
        D("7000.00"),
        D("1120.00"),
        D("8120.00"),
    )


def test_odoo_refund_fixture_price_one_with_ten_percent_discount():
    # ODOO expected_requests/save_refund_1.json: splyAmt 1.0, dcAmt 0.1, taxblAmt 0.9, taxAmt 0.14, totAmt 1.04
    (only,) = compute_amounts(sale(line("1", "1.00", discount="10"), inclusive=False)).lines
    assert wire(only)[1:] == (D("1.00"), D("0.10"), D("0.90"), D("0.14"), D("1.04"))


def test_inclusive_shelf_price_is_split_into_net_and_vat():
    (only,) = compute_amounts(sale(line("1", "116.00"))).lines
    assert wire(only) == (D("100.00"), D("100.00"), D("0.00"), D("100.00"), D("16.00"), D("116.00"))


def test_customer_pays_the_shelf_price_to_the_cent():
    # 3 x 9.99 on the shelf = 29.97. Tax on top of a rounded net unit price would give
    # 3 x 8.61 = 25.83 + 4.13 = 29.96: a cent short. Splitting the gross keeps 29.97.
    (only,) = compute_amounts(sale(line("3", "9.99"))).lines
    assert only.unit_price == D("8.61")
    assert (only.taxable_amount, only.tax_amount, only.total_amount) == (D("25.84"), D("4.13"), D("29.97"))
    assert abs(only.tax_amount - only.taxable_amount * D("0.16")) <= D("0.01")


def test_no_discount_means_no_discount_amount_even_for_many_units():
    (only,) = compute_amounts(sale(line("100", "10.00"))).lines
    assert only.discount_amount == 0
    assert only.supply_amount == only.taxable_amount == D("862.07")
    assert only.total_amount == D("1000.00")


def test_discount_on_an_inclusive_price():
    (only,) = compute_amounts(sale(line("2", "580.00", discount="10"))).lines
    # shelf 1160.00, less 10 % = 1044.00 paid; net 900.00, VAT 144.00
    assert wire(only)[1:] == (D("1000.00"), D("100.00"), D("900.00"), D("144.00"), D("1044.00"))


def test_full_discount_is_free():
    (only,) = compute_amounts(sale(line("1", "50", discount="100"))).lines
    assert (only.taxable_amount, only.tax_amount, only.total_amount, only.discount_amount) == (
        0,
        0,
        0,
        D("43.10"),
    )


def test_spec_sample_under_the_inclusive_convention():
    amounts = compute_amounts(sale(line("2", "3500")), convention=AmountConvention.INCLUSIVE)
    (only,) = amounts.lines
    assert wire(only) == (D("3500.00"), D("7000.00"), D("0.00"), D("7000.00"), D("965.52"), D("7000.00"))
    assert amounts.total == amounts.total_taxable == D("7000.00")


def test_inclusive_convention_with_net_prices_converts_the_unit_price():
    (only,) = compute_amounts(
        sale(line("1", "100"), inclusive=False), convention=AmountConvention.INCLUSIVE
    ).lines
    assert (only.unit_price, only.taxable_amount, only.tax_amount, only.total_amount) == (
        D("116.00"),
        D("116.00"),
        D("16.00"),
        D("116.00"),
    )


def test_mixed_sale_buckets_rates_and_totals():
    amounts = compute_amounts(
        sale(
            line("1", "116", TaxType.B, code="B1"),
            line("2", "10.80", TaxType.E, code="E1"),
            line("3", "5", TaxType.A, code="A1"),
            line("1", "0.99", TaxType.B, code="B2"),
        )
    )
    assert [a.seq for a in amounts.lines] == [1, 2, 3, 4]
    assert amounts.taxable_by_type == {
        TaxType.A: D("15.00"),
        TaxType.B: D("100.85"),
        TaxType.C: D("0.00"),
        TaxType.D: D("0.00"),
        TaxType.E: D("20.00"),
    }
    assert amounts.tax_by_type == {
        TaxType.A: D("0.00"),
        TaxType.B: D("16.14"),
        TaxType.C: D("0.00"),
        TaxType.D: D("0.00"),
        TaxType.E: D("1.60"),
    }
    assert amounts.rate_by_type == {TaxType.A: 0, TaxType.B: 16, TaxType.C: 0, TaxType.D: 0, TaxType.E: 8}
    assert amounts.total == D("116") + D("21.60") + D("15") + D("0.99")
    assert amounts.total == amounts.total_taxable + amounts.total_tax


def test_rates_from_the_device_code_list_override_the_defaults():
    amounts = compute_amounts(sale(line("1", "100", TaxType.B), inclusive=False), {"B": D("14")})
    assert amounts.rate_by_type[TaxType.B] == 14
    assert amounts.rate_by_type[TaxType.E] == 8  # not given: default
    assert amounts.total_tax == D("14.00")


def test_an_empty_sale_has_zero_everything():
    amounts = compute_amounts(sale())
    assert amounts.lines == ()
    assert set(amounts.taxable_by_type) == set(TaxType)
    assert amounts.total == amounts.total_tax == amounts.total_taxable == 0
