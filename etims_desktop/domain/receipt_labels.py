"""The words printed on a receipt, per language. Both renderers (QPainter and ESC/POS) take every label
from here, so a language is one more table.

KRA's fixed terms - the document titles, COPY, KRA PIN, SCU/CU names, internal data, receipt signature,
the tax-type names - are what KRA's reviewers and the TIS specification look for: they stay in English
in every language. Only the shop's words (item, quantity, total, payment, ...) are translated.

The app has no language setting yet: the receipt's language is a receipt setting ("receipt" section of
settings.json, `language`), filled into `ReceiptView.language` by `ReceiptRules.apply`. An app-wide
language setting can feed the same field.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from etims_desktop.domain.receipt import ReceiptView

# KRA's terms: never translated.
FIXED = {
    "tax_invoice": "TAX INVOICE",
    "credit_note": "CREDIT NOTE",
    "copy": "COPY",
    "kra_pin": "KRA PIN",
    "branch": "Branch",
    "buyer_pin": "Buyer PIN",
    "cu_invoice_no": "CU INVOICE NO.",
    "original_cu_invoice_no": "ORIGINAL CU INVOICE NO.",
    "scu_information": "SCU INFORMATION",
    "scu_id": "SCU ID",
    "internal_data": "Internal Data",
    "receipt_signature": "Receipt Signature",
    "receipt_no": "RECEIPT NUMBER",
    "mrc_no": "MRC NO.",
    "tis_information": "TIS INFORMATION",
    "vat": "VAT",
}

ENGLISH = {
    "invoice_no": "Invoice no.",
    "date": "Date",
    "time": "Time",
    "buyer": "Buyer",
    "reason": "Reason",
    "item": "Item",
    "qty": "Qty",
    "unit_price": "Unit price",
    "discount_short": "Disc.",
    "tax": "Tax",
    "amount": "Amount",
    "line_discount": "discount",
    "total_before_discount": "TOTAL BEFORE DISCOUNT",
    "discount": "TOTAL DISCOUNT",
    "subtotal": "SUB TOTAL",
    "total": "TOTAL",
    "total_tax": "TOTAL TAX",
    "payment": "Payment",
    "items_number": "ITEMS NUMBER",
    "rate": "Rate",
    "taxable": "Taxable amount",
    "taxable_short": "Taxable",
    "not_signed": "Not yet signed by KRA. This receipt carries no KRA signature; reprint it once the sale "
    "is signed.",
    "scan": "Scan to check this receipt with KRA",
    "copy_note": "The original was issued earlier.",
    "device": "device",
}

SWAHILI = {
    "invoice_no": "Nambari ya ankara",
    "date": "Tarehe",
    "time": "Saa",
    "buyer": "Mnunuzi",
    "reason": "Sababu",
    "item": "Bidhaa",
    "qty": "Idadi",
    "unit_price": "Bei ya kimoja",
    "discount_short": "Punguzo",
    "tax": "Kodi",
    "amount": "Kiasi",
    "line_discount": "punguzo",
    "total_before_discount": "JUMLA KABLA YA PUNGUZO",
    "discount": "PUNGUZO",
    "subtotal": "JUMLA NDOGO",
    "total": "JUMLA",
    "total_tax": "JUMLA YA KODI",
    "payment": "Malipo",
    "items_number": "IDADI YA BIDHAA",
    "rate": "Kiwango",
    "taxable": "Kiasi kinachotozwa kodi",
    "taxable_short": "Thamani",
    "not_signed": "Bado haijasainiwa na KRA. Risiti hii haina sahihi ya KRA; ichapishe tena mauzo "
    "yakisha sainiwa.",
    "scan": "Skani kuhakiki risiti hii kwa KRA",
    "copy_note": "Risiti halisi ilitolewa awali.",
    "device": "kifaa",
}

LANGUAGES = MappingProxyType({"en": "English", "sw": "Kiswahili"})
_TABLES = {"en": ENGLISH, "sw": SWAHILI}


class ReceiptLabels:
    """`labels["total"]` -> 'TOTAL' / 'JUMLA'. Unknown languages fall back to English."""

    def __init__(self, language: str = "en"):
        self.language = language if language in _TABLES else "en"
        self._words = {**ENGLISH, **_TABLES[self.language], **FIXED}

    def __getitem__(self, key: str) -> str:
        return self._words[key]


def labels_for(language: str) -> ReceiptLabels:
    return ReceiptLabels(language)


def party_lines(view: ReceiptView, labels: ReceiptLabels) -> list[tuple[str, str, bool]]:
    """The buyer and credit-note lines under a receipt's header, as (label, value, bold): decided here
    once, for paper, PDF and the receipt printer alike."""
    lines = []
    if view.buyer_pin:
        lines.append((labels["buyer_pin"], view.buyer_pin, True))
    if view.buyer_name:
        lines.append((labels["buyer"], view.buyer_name, False))
    original = view.original_cu_invoice_no or view.original_trader_invoice_no
    if original:
        lines.append((labels["original_cu_invoice_no"], original, False))
    if view.refund_reason:
        lines.append((labels["reason"], view.refund_reason, False))
    return lines
