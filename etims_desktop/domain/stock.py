"""Stock rules: which items carry stock, which movement type (sarTyCd, code class 12) each event is,
and the wire body of a movement (insertStockIO) and of a balance (saveStockMaster). No I/O.

KRA's ordering rules (kra-etims-api.md 5.14, 10): a movement is sent only after the document that
caused it (the sale, the credit note, the purchase, the import), and an item's balance only after
its movement. The document queue enforces that order; these functions only say what is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.tax import DEFAULT_RATES

SERVICE = "3"  # item type (code class 24) of a service: it carries no stock
CENT = Decimal("0.01")
NAIROBI = timezone(timedelta(hours=3), "EAT")  # Kenya keeps UTC+3 all year
AUDIT = {
    "regrId": "etims-desktop",
    "regrNm": "etims-desktop",
    "modrId": "etims-desktop",
    "modrNm": "etims-desktop",
}


def is_stocked(item_type: str) -> bool:
    """Raw materials (1) and finished products (2) carry stock; services (3) do not."""
    return item_type != SERVICE


class StockReason(StrEnum):
    """Why stock moved. A person's adjustments say so with one of the last four."""

    SALE = "sale"
    CREDIT_NOTE = "credit_note"  # goods came back
    PURCHASE = "purchase"
    IMPORT = "import"
    OPENING = "opening"  # the stock on hand when the shop starts reporting stock
    RECEIVED = "received"  # goods received without an eTIMS purchase (kept simple: an adjustment in)
    DAMAGE = "damage"  # damaged, expired, thrown away
    COUNT = "count"  # a stock count found more or less than the books

    @property
    def manual(self) -> bool:
        return self in ADJUSTMENTS

    @property
    def label(self) -> str:
        return REASON_LABELS[self]


ADJUSTMENTS = (StockReason.OPENING, StockReason.RECEIVED, StockReason.DAMAGE, StockReason.COUNT)
REASON_LABELS = {
    StockReason.SALE: "sale",
    StockReason.CREDIT_NOTE: "credit note (goods returned)",
    StockReason.PURCHASE: "purchase",
    StockReason.IMPORT: "import",
    StockReason.OPENING: "opening stock",
    StockReason.RECEIVED: "goods received",
    StockReason.DAMAGE: "damaged or thrown away",
    StockReason.COUNT: "stock count correction",
}


def sar_type(reason: StockReason, quantity: Decimal) -> str:
    """The movement type code (class 12) for `quantity` (positive: in, negative: out) moved for `reason`.
    In: 01 import, 02 purchase, 03 return, 06 adjustment. Out: 11 sale, 15 discarding, 16 adjustment."""
    if quantity == 0:
        raise DomainValidationError("A stock movement needs a quantity other than 0.", field="quantity")
    incoming = quantity > 0
    fixed = {
        StockReason.SALE: (False, "11"),
        StockReason.CREDIT_NOTE: (True, "03"),
        StockReason.PURCHASE: (True, "02"),
        StockReason.IMPORT: (True, "01"),
        StockReason.DAMAGE: (False, "15"),
    }
    if reason in fixed:
        direction, code = fixed[reason]
        if direction != incoming:
            way = "in" if direction else "out"
            raise DomainValidationError(
                f"A {reason.label} moves stock {way} only: enter the quantity as a "
                f"{'positive' if direction else 'negative'} number.",
                field="quantity",
            )
        return code
    if reason in (StockReason.OPENING, StockReason.RECEIVED) and not incoming:
        raise DomainValidationError(
            f"{reason.label.capitalize()} adds stock: enter a positive quantity.", field="quantity"
        )
    return "06" if incoming else "16"


@dataclass(frozen=True)
class MovedLine:
    """One item of a movement, with the price it is valued at (VAT-inclusive, as sold or bought)."""

    item_code: str
    item_class_code: str
    name: str
    quantity: Decimal  # signed: positive in, negative out
    unit_price: Decimal
    tax_type: TaxType
    pkg_unit_code: str = "NT"
    qty_unit_code: str = "U"
    barcode: str | None = None


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def _line_body(seq: int, line: MovedLine) -> dict[str, Any]:
    """Money fields are the line's value without and with VAT: splyAmt = prc x qty = totAmt,
    taxblAmt + taxAmt = totAmt (whether KRA checks them is UNCERTAIN; see docs/RELIABILITY.md)."""
    qty = abs(line.quantity)
    total = _money(line.unit_price * qty)
    rate = DEFAULT_RATES[line.tax_type]
    taxable = _money(total * 100 / (100 + rate))
    return {
        "itemSeq": seq,
        "itemCd": line.item_code,
        "itemClsCd": line.item_class_code,
        "itemNm": line.name,
        "bcd": line.barcode,
        "pkgUnitCd": line.pkg_unit_code,
        "pkg": float(qty),
        "qtyUnitCd": line.qty_unit_code,
        "qty": float(qty),
        "itemExprDt": None,
        "prc": float(_money(line.unit_price)),
        "splyAmt": float(total),
        "totDcAmt": 0.0,
        "taxblAmt": float(taxable),
        "taxTyCd": line.tax_type.value,
        "taxAmt": float(total - taxable),
        "totAmt": float(total),
    }


def stock_io_body(
    sar_type_code: str,
    lines: Sequence[MovedLine],
    occurred_at: datetime,
    *,
    manual: bool,
    remark: str | None = None,
) -> dict[str, Any]:
    """insertStockIO's body without its number (sarNo and orgSarNo are set when it is claimed)."""
    if not lines:
        raise DomainValidationError("A stock movement needs at least one item.", field="items")
    items = [_line_body(seq, line) for seq, line in enumerate(lines, start=1)]
    return {
        "sarNo": None,
        "orgSarNo": 0,
        "regTyCd": "M" if manual else "A",
        "custTin": None,
        "custNm": None,
        "custBhfId": None,
        "sarTyCd": sar_type_code,
        "ocrnDt": occurred_at.astimezone(NAIROBI).strftime("%Y%m%d"),
        "totItemCnt": len(items),
        "totTaxblAmt": _total(items, "taxblAmt"),
        "totTaxAmt": _total(items, "taxAmt"),
        "totAmt": _total(items, "totAmt"),
        "remark": remark,
        **AUDIT,
        "itemList": items,
    }


MAX_MERGED_LINES = 100  # a stock-out that gathers sales stops taking more items here (a request stays small)
_SUMMED = ("pkg", "qty", "splyAmt", "totDcAmt", "taxblAmt", "taxAmt", "totAmt")
_TOTALS = ("totTaxblAmt", "totTaxAmt", "totAmt")


def merged_stock_io(body: dict[str, Any], more: dict[str, Any]) -> dict[str, Any] | None:
    """One insertStockIO for the movements of both bodies (KRA's ledger needs each item's quantity moved;
    integrations batch moves per type and date - Odoo per picking, flow type and date). Lines of the
    same item at the same price add up; others are appended. None: they cannot be one movement (another
    type, day or kind of entry, or the result would exceed MAX_MERGED_LINES)."""
    same = ("sarTyCd", "ocrnDt", "regTyCd", "custTin", "custBhfId", "remark")
    if any(body.get(key) != more.get(key) for key in same) or body.get("sarNo") is not None:
        return None
    items = [dict(line) for line in body["itemList"]]
    at = {(line["itemCd"], line["prc"], line["taxTyCd"]): line for line in items}
    for line in more["itemList"]:
        found = at.get((line["itemCd"], line["prc"], line["taxTyCd"]))
        if found is None:
            found = at[line["itemCd"], line["prc"], line["taxTyCd"]] = {**line, "itemSeq": len(items) + 1}
            items.append(found)
            continue
        for key in _SUMMED:
            found[key] = _sum(found[key], line[key])
    if len(items) > MAX_MERGED_LINES:
        return None
    return {
        **body,
        "totItemCnt": len(items),
        **{total: _sum(body[total], more[total]) for total in _TOTALS},  # the sum of the lines' sums
        "itemList": items,
    }


def _sum(one: float, other: float) -> float:
    """Two amounts of a body added exactly (as their decimal texts, not as binary floats)."""
    return float(Decimal(str(one)) + Decimal(str(other)))


def _total(items: Sequence[dict[str, Any]], key: str) -> float:
    return float(sum((Decimal(str(item[key])) for item in items), Decimal(0)))


def stock_master_body(item_code: str, balance: Decimal) -> dict[str, Any]:
    """saveStockMaster's body: the item's quantity on hand after the movement (rsdQty, 2 dp)."""
    return {"itemCd": item_code, "rsdQty": float(_money(balance)), **AUDIT}


def numbered(body: dict[str, Any], field: str, number: int) -> dict[str, Any]:
    """The body with its number filled in, as it is sent."""
    return {**body, field: number}
