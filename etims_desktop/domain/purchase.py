"""Purchases: a supplier's eTIMS invoice to our PIN, confirmed (or rejected) with insertTrnsPurchase,
or a purchase from a supplier without eTIMS declared by hand (regTyCd M). No I/O.

KRA wants every purchase confirmation numbered by us (invcNo, a sequence of its own per branch, not the
sales one) - the document queue numbers it when it is first sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.stock import AUDIT, NAIROBI
from etims_desktop.domain.tax import DEFAULT_RATES

CENT = Decimal("0.01")
APPROVED, CANCELLED = "02", "04"  # purchase status (code class 34)


@dataclass(frozen=True)
class PurchaseLine:
    """One line as we record it: our item (code) and, for a supplier's invoice, the supplier's own."""

    item_code: str | None  # None: not mapped (a rejected invoice's lines)
    item_class_code: str
    name: str
    qty: Decimal
    unit_price: Decimal  # VAT-inclusive
    tax_type: TaxType
    pkg_unit_code: str = "NT"
    qty_unit_code: str = "U"
    barcode: str | None = None
    supplier_item_code: str | None = None
    supplier_item_class_code: str | None = None
    supplier_item_name: str | None = None


@dataclass(frozen=True)
class PurchaseHeader:
    supplier_name: str
    purchased_on: datetime  # the supplier's sale date (pchsDt)
    manual: bool  # True: a supplier without eTIMS (regTyCd M)
    supplier_pin: str | None = None
    supplier_branch_id: str | None = None
    supplier_invoice_no: int | None = None
    payment_type: str = "01"  # code class 07
    remark: str | None = None


def validate_purchase(header: PurchaseHeader, lines: Sequence[PurchaseLine]) -> None:
    if not header.supplier_name.strip():
        raise DomainValidationError("Enter the supplier's name.", field="supplier_name")
    if not lines:
        raise DomainValidationError("A purchase needs at least one item.", field="items")
    for n, line in enumerate(lines, start=1):
        if not line.qty.is_finite() or line.qty <= 0:
            raise DomainValidationError(f"Line {n}: the quantity must be more than 0.", field="qty")
        if not line.unit_price.is_finite() or line.unit_price < 0:
            raise DomainValidationError(f"Line {n}: the price cannot be below 0.", field="price")


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def purchase_body(
    header: PurchaseHeader, lines: Sequence[PurchaseLine], confirmed_at: datetime, *, accepted: bool = True
) -> dict[str, Any]:
    """insertTrnsPurchase's body without its number (invcNo is set when it is first sent)."""
    validate_purchase(header, lines)
    items: list[dict[str, Any]] = []
    taxable = dict.fromkeys(TaxType, Decimal(0))
    tax = dict.fromkeys(TaxType, Decimal(0))
    for seq, line in enumerate(lines, start=1):
        total = _money(line.qty * line.unit_price)
        rate = DEFAULT_RATES[line.tax_type]
        base = _money(total * 100 / (100 + rate))
        taxable[line.tax_type] += base
        tax[line.tax_type] += total - base
        items.append(
            {
                "itemSeq": seq,
                "itemCd": line.item_code,
                "itemClsCd": line.item_class_code,
                "itemNm": line.name,
                "bcd": line.barcode,
                "spplrItemClsCd": line.supplier_item_class_code,
                "spplrItemCd": line.supplier_item_code,
                "spplrItemNm": line.supplier_item_name,
                "pkgUnitCd": line.pkg_unit_code,
                "pkg": float(line.qty),
                "qtyUnitCd": line.qty_unit_code,
                "qty": float(line.qty),
                "prc": float(_money(line.unit_price)),
                "splyAmt": float(total),
                "dcRt": 0.0,
                "dcAmt": 0.0,
                "taxblAmt": float(base),
                "taxTyCd": line.tax_type.value,
                "taxAmt": float(total - base),
                "totAmt": float(total),
                "itemExprDt": None,
            }
        )
    buckets: dict[str, Any] = {}
    for t in TaxType:
        buckets[f"taxblAmt{t.value}"] = float(taxable[t])
        buckets[f"taxRt{t.value}"] = float(DEFAULT_RATES[t])
        buckets[f"taxAmt{t.value}"] = float(tax[t])
    total_taxable, total_tax = sum(taxable.values(), Decimal(0)), sum(tax.values(), Decimal(0))
    return {
        "invcNo": None,
        "orgInvcNo": 0,
        "spplrTin": header.supplier_pin,
        "spplrBhfId": header.supplier_branch_id,
        "spplrNm": header.supplier_name,
        "spplrInvcNo": header.supplier_invoice_no,
        "regTyCd": "M" if header.manual else "A",
        "pchsTyCd": "N",
        "rcptTyCd": "P",
        "pmtTyCd": header.payment_type,
        "pchsSttsCd": APPROVED if accepted else CANCELLED,
        "cfmDt": confirmed_at.astimezone(NAIROBI).strftime("%Y%m%d%H%M%S"),
        "pchsDt": header.purchased_on.astimezone(NAIROBI).strftime("%Y%m%d"),
        "wrhsDt": None,
        "cnclReqDt": None,
        "cnclDt": None,
        "rfdDt": None,
        "totItemCnt": len(items),
        **buckets,
        "totTaxblAmt": float(total_taxable),
        "totTaxAmt": float(total_tax),
        "totAmt": float(total_taxable + total_tax),
        "remark": header.remark,
        **AUDIT,
        "itemList": items,
    }
