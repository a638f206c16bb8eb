"""Checks a sale or credit note before it is queued, with messages a shop owner can act on.

KRA answers a bad document with a terse code (910, 913, ...) long after the customer has left;
everything we can check here, we check here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import validate_pin
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import Sale, SaleLine
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said

MAX_QTY = Decimal(1_000_000)
MAX_UNIT_PRICE = Decimal(100_000_000)
MAX_LINES = 1000
MAX_TRADER_INVOICE_NO = 50  # trdInvcNo
MAX_BUYER_NAME = 60  # custNm
MAX_ITEM_NAME = 200  # itemNm
MAX_REMARK = 400
EARLIEST_SALE = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_GRACE = timedelta(days=1)
PAYMENT_TYPES = {
    f"{n:02d}": label
    for n, label in enumerate(
        ("cash", "credit", "cash/credit", "bank cheque", "debit or credit card", "mobile money", "other"),
        start=1,
    )
}  # code class 07
REFUND_REASONS = {f"{n:02d}" for n in range(1, 14)}  # code class 32


def creditable_quantities(
    original: Sale, already_credited: Mapping[str, Decimal] | None = None
) -> dict[str, Decimal]:
    """Per item code: how much of the original sale can still be credited (never below zero)."""
    already_credited = already_credited or {}
    sold: dict[str, Decimal] = {}
    for line in original.lines:
        sold[line.item_code] = sold.get(line.item_code, Decimal(0)) + line.qty
    return {code: max(qty - Decimal(already_credited.get(code, 0)), Decimal(0)) for code, qty in sold.items()}


def validate_sale(
    sale: Sale,
    *,
    known_items: Mapping[str, Item] | None = None,
    original: Sale | None = None,
    already_credited: Mapping[str, Decimal] | None = None,
) -> None:
    """Raise DomainValidationError (with `field`) for the first thing that is wrong with `sale`.

    `known_items`: the device's registered items by code (unknown codes are refused when given).
    `original` and `already_credited` (item code -> quantity on earlier credit notes): for credit notes.
    """
    _check_header(sale)
    if not sale.lines:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP("Core", "Add at least one item to the sale."), field="lines"
        )
    if len(sale.lines) > MAX_LINES:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core", "A sale can have at most {count} lines. Split it into several sales."
                ),
                count=MAX_LINES,
            ),
            field="lines",
        )
    for number, line in enumerate(sale.lines, start=1):
        _check_line(number, line, known_items)
    if sale.is_credit_note:
        _check_credit_note(sale, original, already_credited)


def _check_date(sold_at: datetime) -> None:
    """A sale is dated from 2000 to today (a day's grace for a PC clock behind): a year 9999 or 1900
    is a typing or export mistake, and nothing downstream (KRA, receipts, the database) takes it."""
    if not EARLIEST_SALE <= sold_at <= utcnow() + FUTURE_GRACE:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The sale date {date} cannot be right: a sale is dated between 1 January 2000 and today. "
                    "Check the date (and this computer's clock).",
                ),
                date=f"{sold_at:%Y-%m-%d}",
            ),
            field="sold_at",
        )


def _check_header(sale: Sale) -> None:
    number = (sale.trader_invoice_no or "").strip()
    if not number:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP("Core", "Give the sale an invoice number."), field="trader_invoice_no"
        )
    if len(number) > MAX_TRADER_INVOICE_NO:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP("Core", "The invoice number is too long: at most {count} characters."),
                count=MAX_TRADER_INVOICE_NO,
            ),
            field="trader_invoice_no",
        )
    if sale.sold_at.tzinfo is None or sale.sold_at.utcoffset() is None:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core", "The sale time has no time zone, so it could be sent to KRA with the wrong date."
            ),
            field="sold_at",
        )
    _check_date(sale.sold_at)
    if sale.buyer_pin and sale.buyer_pin.strip():
        try:
            validate_pin(sale.buyer_pin)
        except DomainValidationError as exc:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The buyer's PIN is not valid. {problem} Leave it empty for a walk-in customer.",
                    ),
                    problem=str(exc),
                ),
                field="buyer_pin",
            ) from None
    if sale.buyer_name and len(sale.buyer_name.strip()) > MAX_BUYER_NAME:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core", "The buyer's name is too long for KRA: shorten it to {count} characters."
                ),
                count=MAX_BUYER_NAME,
            ),
            field="buyer_name",
        )
    if sale.payment_type not in PAYMENT_TYPES:
        choices = ", ".join(f"{code} {label}" for code, label in PAYMENT_TYPES.items())
        raise DomainValidationError(
            Said(QT_TRANSLATE_NOOP("Core", "Choose how the customer paid: {choices}."), choices=choices),
            field="payment_type",
        )
    if sale.remark and len(sale.remark) > MAX_REMARK:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP("Core", "The remark is too long: at most {count} characters."),
                count=MAX_REMARK,
            ),
            field="remark",
        )


def _decimal_places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _is_number(value: object) -> bool:
    return isinstance(value, Decimal) and value.is_finite()


def _check_line(number: int, line: SaleLine, known_items: Mapping[str, Item] | None) -> None:
    field = f"lines[{number - 1}]"
    code = (line.item_code or "").strip()
    if not code:
        raise DomainValidationError(
            Said(QT_TRANSLATE_NOOP("Core", "Line {line}: choose an item."), line=number),
            field=f"{field}.item_code",
        )
    if known_items is not None:
        item = known_items.get(code)
        if item is None:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "Line {line}: the item {code} is not in your item list. Add it (it is registered with "
                        "KRA), then record the sale again.",
                    ),
                    line=number,
                    code=code,
                ),
                field=f"{field}.item_code",
            )
        if item.tax_type != line.tax_type:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "Line {line}: {item} is registered with tax type {registered}, not {given}. Use the "
                        "item's tax type, or correct the item first.",
                    ),
                    line=number,
                    item=item.name,
                    registered=item.tax_type,
                    given=line.tax_type,
                ),
                field=f"{field}.tax_type",
            )
    if not (line.name or "").strip():
        raise DomainValidationError(
            Said(QT_TRANSLATE_NOOP("Core", "Line {line}: the item needs a description."), line=number),
            field=f"{field}.name",
        )
    if len(line.name) > MAX_ITEM_NAME:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core", "Line {line}: the description is too long: at most {count} characters."
                ),
                line=number,
                count=MAX_ITEM_NAME,
            ),
            field=f"{field}.name",
        )

    qty = line.qty
    if not _is_number(qty) or qty <= 0:
        raise DomainValidationError(
            Said(QT_TRANSLATE_NOOP("Core", "Line {line}: the quantity must be more than zero."), line=number),
            field=f"{field}.qty",
        )
    if qty > MAX_QTY:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Line {line}: a quantity of {qty} is too large (at most 1,000,000). Check the number.",
                ),
                line=number,
                qty=qty,
            ),
            field=f"{field}.qty",
        )
    if _decimal_places(qty) > 2:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core", "Line {line}: the quantity can have at most 2 decimal places (for example 1.25)."
                ),
                line=number,
            ),
            field=f"{field}.qty",
        )

    price = line.unit_price
    if not _is_number(price) or price <= 0:
        raise DomainValidationError(
            Said(QT_TRANSLATE_NOOP("Core", "Line {line}: the price must be more than zero."), line=number),
            field=f"{field}.unit_price",
        )
    if price > MAX_UNIT_PRICE:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Line {line}: a price of {price} is too large (at most 100,000,000). Check the number.",
                ),
                line=number,
                price=price,
            ),
            field=f"{field}.unit_price",
        )
    if _decimal_places(price) > 2:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core", "Line {line}: the price is in shillings and cents, so at most 2 decimal places."
                ),
                line=number,
            ),
            field=f"{field}.unit_price",
        )

    discount = line.discount_rate
    if not _is_number(discount) or not 0 <= discount <= 100 or _decimal_places(discount) > 2:
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core", "Line {line}: the discount is a percentage from 0 to 100 (for example 12.5)."
                ),
                line=number,
            ),
            field=f"{field}.discount_rate",
        )


def _same_pin(a: str | None, b: str | None) -> bool:
    return (a or "").strip().upper() == (b or "").strip().upper()


def _check_credit_note(
    note: Sale, original: Sale | None, already_credited: Mapping[str, Decimal] | None
) -> None:
    if original is None:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core", "A credit note must refer to the sale it corrects. Choose the original sale."
            ),
            field="original",
        )
    if original.is_credit_note:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core", "A credit note corrects a sale, not another credit note. Choose the original sale."
            ),
            field="original",
        )
    if note.refund_reason_code not in REFUND_REASONS:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Choose why you are issuing this credit note (for example 06 Refund or 10 Wrong quantity).",
            ),
            field="refund_reason_code",
        )
    if not _same_pin(note.buyer_pin, original.buyer_pin):
        on_original = (original.buyer_pin or "").strip().upper() or "no PIN"
        raise DomainValidationError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The buyer PIN must be the same as on the original sale ({pin}): KRA refuses credit notes "
                    "with another PIN.",
                ),
                pin=on_original,
            ),
            field="buyer_pin",
        )
    if note.sold_at < original.sold_at:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP("Core", "The credit note cannot be dated before the original sale."),
            field="sold_at",
        )

    remaining = creditable_quantities(original, already_credited)
    sold = creditable_quantities(original)
    highest_price: dict[str, Decimal] = {}
    for line in original.lines:
        highest_price[line.item_code] = max(
            line.unit_price, highest_price.get(line.item_code, line.unit_price)
        )

    credited: dict[str, Decimal] = {}
    for number, line in enumerate(note.lines, start=1):
        field = f"lines[{number - 1}]"
        if line.item_code not in remaining:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core", "Line {line}: {item} was not on the original sale, so it cannot be credited."
                    ),
                    line=number,
                    item=line.name,
                ),
                field=f"{field}.item_code",
            )
        if line.unit_price > highest_price[line.item_code]:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "Line {line}: the price of {item} is higher than on the original sale ({price}). Use "
                        "the original price.",
                    ),
                    line=number,
                    item=line.name,
                    price=highest_price[line.item_code],
                ),
                field=f"{field}.unit_price",
            )
        credited[line.item_code] = credited.get(line.item_code, Decimal(0)) + line.qty
        left = remaining[line.item_code]
        if credited[line.item_code] > left:
            before = sold[line.item_code] - left
            if left == 0:
                message = Said(
                    QT_TRANSLATE_NOOP(
                        "Core", "Line {line}: all {sold} of {item} sold have already been credited."
                    ),
                    line=number,
                    sold=sold[line.item_code],
                    item=line.name,
                )
            else:
                message = Said(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "Line {line}: you can credit at most {left} more of {item} ({sold} sold, {before} "
                        "already credited).",
                    ),
                    line=number,
                    left=left,
                    item=line.name,
                    sold=sold[line.item_code],
                    before=before,
                )
            raise DomainValidationError(message, field=f"{field}.qty")
