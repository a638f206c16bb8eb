"""A sale or credit note as the shop records it, before KRA's numbering and signature."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class TaxType(StrEnum):
    A = "A"  # exempt, 0 %
    B = "B"  # standard VAT, 16 %
    C = "C"  # zero rated, 0 %
    D = "D"  # non-VAT, 0 %
    E = "E"  # reduced VAT, 8 %


class ReceiptType(StrEnum):
    SALE = "S"
    CREDIT_NOTE = "R"


@dataclass(frozen=True)
class SaleLine:
    item_code: str  # KRA item code (itemCd), registered on the device before the sale is sent
    item_class_code: str  # itemClsCd
    name: str
    qty: Decimal
    unit_price: Decimal  # VAT-inclusive or not: see Sale.prices_include_vat
    tax_type: TaxType
    pkg_unit_code: str = "NT"
    qty_unit_code: str = "U"
    discount_rate: Decimal = Decimal("0")  # percent, 0-100
    barcode: str | None = None


@dataclass(frozen=True)
class Sale:
    trader_invoice_no: str  # the shop's own number (trdInvcNo); unique per device, import dedupe key
    lines: tuple[SaleLine, ...]
    sold_at: datetime  # timezone-aware; stored in UTC, sent to KRA in Africa/Nairobi time
    prices_include_vat: bool = True
    receipt_type: ReceiptType = ReceiptType.SALE
    buyer_pin: str | None = None
    buyer_name: str | None = None
    payment_type: str = "01"  # code class 07: 01 cash ... 06 mobile money
    original_sale_id: int | None = None  # credit note: the local id of the sale it corrects
    refund_reason_code: str | None = None  # credit note: code class 32
    remark: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    # The device's KRA tax rates (percent) the sale was priced with when it was queued: kept with it,
    # so what is sent, printed and listed is what was queued, whatever KRA's rates become later.
    # None: not queued yet, or queued before the rates were kept.
    priced_with: Mapping[TaxType, Decimal] | None = field(default=None, compare=False)

    @property
    def is_credit_note(self) -> bool:
        return self.receipt_type is ReceiptType.CREDIT_NOTE
