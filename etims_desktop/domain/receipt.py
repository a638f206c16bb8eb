"""Everything a printed KRA receipt shows, as plain values: the renderer draws it, nothing else decides it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP

PENDING_MARK = QT_TRANSLATE_NOOP("Core", "PENDING - not yet signed by KRA")
CANCELLED_MARK = QT_TRANSLATE_NOOP("Core", "CANCELLED - never signed by KRA, not a valid receipt")
PRACTICE_MARK = QT_TRANSLATE_NOOP("Core", "PRACTICE - not a tax receipt")
COPY_MARK = "COPY"  # every print after the original (KRA: the original receipt is issued once)
REBUILT_NOTE = QT_TRANSLATE_NOOP(
    "Core", "Reprint rebuilt from stored data: the document KRA signed was not kept for this sale."
)
UNAVAILABLE_NOTE = QT_TRANSLATE_NOOP(
    "Core", "KRA recorded this sale but did not send its signature again; receipt data unavailable."
)

# KRA's own short names of the five tax types (code list 04, `userDfnCd2`): 'A-EX', 'B-16%', ...
TAX_LABELS = {
    TaxType.A: "A-EX",
    TaxType.B: "B",
    TaxType.C: "C",
    TaxType.D: "D-Non-VAT",
    TaxType.E: "E",
}

CENT = Decimal("0.01")


def hyphenate(text: str | None, group: int = 4) -> str:
    """KRA prints internal data and signatures in groups of four: GRKJ-VWYC-FBPT-..."""
    if not text:
        return ""
    return "-".join(text[i : i + group] for i in range(0, len(text), group))


def money(value: Decimal) -> str:
    """1234.5 -> '1,234.50' (half-up to cents, never a float)."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,}"


def quantity(value: Decimal) -> str:
    """2 -> '2', 1.50 -> '1.5'."""
    text = f"{value.normalize():f}"
    return text


def tax_label(tax_type: TaxType, rate: Decimal) -> str:
    """'B-16%', 'A-EX', 'C-0%', 'D-Non-VAT', 'E-8%' - the row name of the per-tax-type summary."""
    base = TAX_LABELS[tax_type]
    if tax_type in (TaxType.B, TaxType.E, TaxType.C):
        return f"{base}-{quantity(rate)}%"
    return base


@dataclass(frozen=True)
class BusinessDetails:
    """The shop as it appears at the top of every receipt (the database's business_details, edited in
    Settings; each signed sale keeps a copy as printed when KRA signed it)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    footer: str = "Thank you for your business."


@dataclass(frozen=True)
class SignedDocument:
    """What was kept when KRA signed a sale: the exact bytes exchanged and the header as printed then."""

    sale_id: int
    request_body: bytes | None  # the JSON sent to KRA; None: not kept (see `rebuilt`)
    reply_body: bytes | None  # KRA's answer as received (for a sale resolved later: its lookup answer)
    rebuilt: bool  # nothing was kept at signing (signed before the app kept documents)
    business: BusinessDetails
    pin: str
    branch_id: str
    device_name: str
    recorded_at: datetime


@dataclass(frozen=True)
class ReceiptLine:
    seq: int
    name: str
    item_code: str
    tax_type: TaxType
    qty: Decimal
    unit_price: Decimal  # the shelf price the customer saw (VAT-inclusive)
    discount_rate: Decimal
    discount_amount: Decimal  # VAT-inclusive
    total: Decimal  # what the customer pays for this line (= the line's totAmt on the wire)


@dataclass(frozen=True)
class TaxSummaryRow:
    tax_type: TaxType
    label: str  # 'B-VAT 16%'
    rate: Decimal
    taxable: Decimal  # taxblAmtX as sent
    tax: Decimal  # taxAmtX as sent

    @property
    def total(self) -> Decimal:
        return self.taxable + self.tax


@dataclass(frozen=True)
class ScuBlock:
    """The 'SCU information' KRA gave back on signing."""

    scu_id: str
    cu_invoice_no: str  # '<SCU id>/<invcNo>'
    invoice_no: int  # invcNo, the eTIMS invoice number
    receipt_no: int | None  # curRcptNo
    total_receipt_no: int | None  # totRcptNo
    internal_data: str  # hyphenated in groups of 4
    signature: str  # hyphenated in groups of 4
    signed_at: datetime | None  # SCU date/time, Africa/Nairobi
    mrc_no: str | None = None
    complete: bool = True  # False: KRA recorded it but did not return the signature


@dataclass(frozen=True)
class ReceiptView:
    """A receipt ready to print: business and branch, buyer, lines, tax summary, SCU block, QR text, marks."""

    sale_id: int
    title: str  # 'TAX INVOICE' or 'CREDIT NOTE'
    receipt_label: str  # 'NS' normal sale, 'NC' normal credit note
    business: BusinessDetails
    pin: str  # the seller's KRA PIN
    branch_id: str
    device_name: str
    trader_invoice_no: str
    sold_at: datetime  # Africa/Nairobi
    lines: tuple[ReceiptLine, ...]
    tax_summary: tuple[TaxSummaryRow, ...]  # all five tax types A-E, in order, zero rows included
    total_taxable: Decimal
    total_tax: Decimal
    total: Decimal
    payment_type: str  # 'CASH', 'MOBILE MONEY', ...
    state_label: str  # 'signed', 'waiting', ...
    buyer_pin: str | None = None
    buyer_name: str | None = None
    scu: ScuBlock | None = None  # None until KRA signed it
    qr_text: str | None = None  # KRA's receipt-check URL; None while pending
    signed: bool = False
    cancelled: bool = False
    practice: bool = False
    original_cu_invoice_no: str | None = None  # credit note: the original's CU invoice number
    original_trader_invoice_no: str | None = None
    refund_reason: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    copy: bool = False  # the original was printed before: this one is a COPY (watermark, CS/CC label)
    rebuilt: bool = False  # rebuilt from the stored sale: the signed document was not kept
    language: str = "en"  # the receipt's labels (domain/receipt_labels.py); KRA's fixed terms stay English

    @property
    def seller_name(self) -> str:
        return self.business.name or self.device_name

    @property
    def pending(self) -> bool:
        """Not (yet) signed by KRA: printed with the PENDING mark and no QR code."""
        return not self.signed

    @property
    def item_count(self) -> int:
        return len(self.lines)

    @property
    def total_discount(self) -> Decimal:
        return sum((line.discount_amount for line in self.lines), Decimal("0"))

    @property
    def total_before_discount(self) -> Decimal:
        return self.total + self.total_discount

    @property
    def marks(self) -> tuple[str, ...]:
        """Banners printed across the receipt, most important first."""
        found = []
        if self.cancelled:
            found.append(CANCELLED_MARK)
        elif self.pending:
            found.append(PENDING_MARK)
        if self.copy and not self.pending:
            found.append(COPY_MARK)
        if self.practice:
            found.append(PRACTICE_MARK)
        return tuple(found)
