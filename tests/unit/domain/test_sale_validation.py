"""Sale and credit-note checks: each refusal names the field and says what to do."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

import pytest

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import ReceiptType, Sale, SaleLine, TaxType
from etims_desktop.domain.validation import creditable_quantities, validate_sale

SOLD_AT = datetime(2024, 4, 15, 9, 30, tzinfo=UTC)
SUGAR = SaleLine("KE2NTKG0000001", "50161500", "Sugar 1kg", D("5"), D("180.00"), TaxType.B)
BREAD = SaleLine("KE2NTU0000002", "50181900", "Bread", D("2"), D("65.00"), TaxType.A)
ITEMS = {
    SUGAR.item_code: Item(SUGAR.item_code, "Sugar 1kg", "50161500", TaxType.B, D("180")),
    BREAD.item_code: Item(BREAD.item_code, "Bread", "50181900", TaxType.A, D("65")),
}
SALE = Sale("INV-100", (SUGAR, BREAD), SOLD_AT, buyer_pin="P051234567X", buyer_name="Duka Ltd")


def credit_note(*lines: SaleLine, **changes) -> Sale:
    fields = dict(
        trader_invoice_no="CN-1",
        lines=lines or (replace(SUGAR, qty=D("1")),),
        sold_at=SOLD_AT + timedelta(hours=2),
        receipt_type=ReceiptType.CREDIT_NOTE,
        refund_reason_code="06",
    )
    return replace(SALE, **(fields | changes))


def refusal(sale: Sale, **kwargs) -> DomainValidationError:
    with pytest.raises(DomainValidationError) as caught:
        validate_sale(sale, **kwargs)
    return caught.value


def with_line(**changes) -> Sale:
    return replace(SALE, lines=(SUGAR, replace(BREAD, **changes)))


def test_a_good_sale_and_a_walk_in_sale_pass():
    validate_sale(SALE, known_items=ITEMS)
    validate_sale(replace(SALE, buyer_pin=None, buyer_name=None, payment_type="06"), known_items=ITEMS)
    validate_sale(replace(SALE, buyer_pin="  p051234567x "))  # typed in lower case with spaces


@pytest.mark.parametrize(
    ("sale", "field", "words"),
    [
        (replace(SALE, lines=()), "lines", "Add at least one item"),
        (replace(SALE, trader_invoice_no=" "), "trader_invoice_no", "invoice number"),
        (replace(SALE, trader_invoice_no="X" * 51), "trader_invoice_no", "at most 50"),
        (replace(SALE, sold_at=datetime(2024, 4, 15, 9, 30)), "sold_at", "time zone"),
        (with_line(qty=D("0")), "lines[1].qty", "Line 2: the quantity must be more than zero."),
        (with_line(qty=D("-1")), "lines[1].qty", "more than zero"),
        (with_line(qty=D("NaN")), "lines[1].qty", "more than zero"),
        (with_line(qty=D("1000000.01")), "lines[1].qty", "too large"),
        (with_line(qty=D("1.125")), "lines[1].qty", "at most 2 decimal places"),
        (with_line(unit_price=D("0")), "lines[1].unit_price", "Line 2: the price must be more than zero."),
        (with_line(unit_price=D("-5")), "lines[1].unit_price", "more than zero"),
        (with_line(unit_price=D("100000000.01")), "lines[1].unit_price", "too large"),
        (with_line(unit_price=D("9.999")), "lines[1].unit_price", "shillings and cents"),
        (with_line(discount_rate=D("-1")), "lines[1].discount_rate", "from 0 to 100"),
        (with_line(discount_rate=D("100.01")), "lines[1].discount_rate", "from 0 to 100"),
        (with_line(item_code=""), "lines[1].item_code", "choose an item"),
        (with_line(name=" "), "lines[1].name", "description"),
        (with_line(name="x" * 201), "lines[1].name", "at most 200"),
        (replace(SALE, buyer_pin="12345"), "buyer_pin", "Leave it empty for a walk-in customer"),
        (replace(SALE, buyer_name="N" * 61), "buyer_name", "60 characters"),
        (replace(SALE, payment_type="08"), "payment_type", "06 mobile money"),
        (replace(SALE, payment_type=""), "payment_type", "how the customer paid"),
        (replace(SALE, remark="r" * 401), "remark", "at most 400"),
    ],
)
def test_refusals(sale, field, words):
    error = refusal(sale)
    assert error.field == field
    assert words in str(error)
    assert str(error).endswith(".")


def test_the_largest_sane_values_pass():
    validate_sale(with_line(qty=D("1000000"), unit_price=D("100000000"), discount_rate=D("100")))
    validate_sale(with_line(qty=D("0.01"), unit_price=D("0.01"), discount_rate=D("0")))


def test_unknown_item_when_the_item_list_is_given():
    error = refusal(SALE, known_items={SUGAR.item_code: ITEMS[SUGAR.item_code]})
    assert error.field == "lines[1].item_code"
    assert "Line 2: the item KE2NTU0000002 is not in your item list" in str(error)
    validate_sale(SALE)  # without an item list the code is not checked


def test_tax_type_must_match_the_registered_item():
    error = refusal(with_line(tax_type=TaxType.B), known_items=ITEMS)
    assert error.field == "lines[1].tax_type"
    assert "Bread is registered with tax type A, not B" in str(error)


def test_creditable_quantities():
    sale = replace(SALE, lines=(SUGAR, BREAD, replace(SUGAR, qty=D("1.5"))))
    assert creditable_quantities(sale) == {SUGAR.item_code: D("6.5"), BREAD.item_code: D("2")}
    assert creditable_quantities(sale, {SUGAR.item_code: D("6"), BREAD.item_code: D("3")}) == {
        SUGAR.item_code: D("0.5"),
        BREAD.item_code: D("0"),
    }


def test_a_good_credit_note_passes():
    validate_sale(credit_note(), original=SALE, already_credited={SUGAR.item_code: D("4")})
    validate_sale(credit_note(replace(SUGAR, qty=D("3")), replace(SUGAR, qty=D("2")), BREAD), original=SALE)


@pytest.mark.parametrize(
    ("note", "kwargs", "field", "words"),
    [
        (credit_note(), {}, "original", "Choose the original sale"),
        (credit_note(), {"original": credit_note()}, "original", "not another credit note"),
        (credit_note(refund_reason_code=None), {"original": SALE}, "refund_reason_code", "06 Refund"),
        (credit_note(refund_reason_code="14"), {"original": SALE}, "refund_reason_code", "why"),
        (
            credit_note(buyer_pin="A123456789Z"),
            {"original": SALE},
            "buyer_pin",
            "same as on the original sale (P051234567X)",
        ),
        (credit_note(buyer_pin=None), {"original": SALE}, "buyer_pin", "same as on the original"),
        (
            credit_note(sold_at=SOLD_AT - timedelta(minutes=1)),
            {"original": SALE},
            "sold_at",
            "before the original",
        ),
        (
            credit_note(replace(BREAD, item_code="KE2NTU0000099", name="Milk")),
            {"original": SALE},
            "lines[0].item_code",
            "Line 1: Milk was not on the original sale",
        ),
        (
            credit_note(replace(SUGAR, qty=D("1"), unit_price=D("200"))),
            {"original": SALE},
            "lines[0].unit_price",
            "higher than on the original sale (180.00)",
        ),
        (
            credit_note(replace(SUGAR, qty=D("5.01"))),
            {"original": SALE},
            "lines[0].qty",
            "Line 1: you can credit at most 5 more of Sugar 1kg (5 sold, 0 already credited).",
        ),
        (
            credit_note(replace(SUGAR, qty=D("3")), replace(SUGAR, qty=D("1"))),
            {"original": SALE, "already_credited": {SUGAR.item_code: D("2")}},
            "lines[1].qty",
            "Line 2: you can credit at most 3 more of Sugar 1kg (5 sold, 2 already credited).",
        ),
        (
            credit_note(BREAD),
            {"original": SALE, "already_credited": {BREAD.item_code: D("2")}},
            "lines[0].qty",
            "all 2 of Bread sold have already been credited",
        ),
    ],
)
def test_credit_note_refusals(note, kwargs, field, words):
    error = refusal(note, **kwargs)
    assert error.field == field
    assert words in str(error)


def test_credit_note_pin_comparison_ignores_case_and_spaces():
    validate_sale(credit_note(buyer_pin=" p051234567x"), original=SALE)
    walk_in = replace(SALE, buyer_pin=None)
    validate_sale(credit_note(buyer_pin=""), original=walk_in)
