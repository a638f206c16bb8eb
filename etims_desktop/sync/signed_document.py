"""Read the document KRA signed back into a sale and its amounts, for a reprint that shows exactly it.

The document is the request body we sent (saveTrnsSalesOsdc JSON) or, for a sale whose first answer
was lost, KRA's own copy from selectInvoiceDetails. Every figure on the reprint comes from it - lines,
rates, tax buckets, totals, buyer, payment - never from today's rates or item names. The stored sale
(itself a guarded tax record) supplies only what the document does not carry: the time of the sale
and each line's shelf price as entered.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

from etims_desktop.domain.receipt import SignedDocument
from etims_desktop.domain.sale import ReceiptType, Sale, TaxType
from etims_desktop.domain.tax import LineAmounts, SaleAmounts


def wire_document(document: SignedDocument) -> dict[str, Any] | None:
    """The signed sale document (KRA's names), or None when none was kept or it cannot be read."""
    try:
        if document.request_body:
            return _sale_document(json.loads(document.request_body, parse_float=Decimal))
        if document.reply_body:  # a lookup answer: data.salesList[0] echoes the sale KRA recorded
            data = json.loads(document.reply_body, parse_float=Decimal).get("data") or {}
            sales = data.get("salesList") or []
            return _sale_document(sales[0]) if sales else None
    except (ValueError, AttributeError, TypeError, IndexError):
        return None
    return None


def _sale_document(value: Any) -> dict[str, Any] | None:
    if isinstance(value, dict) and isinstance(value.get("itemList"), list) and "totAmt" in value:
        return value
    return None


def _dec(value: Any) -> Decimal:
    return Decimal(str(value if value not in (None, "") else 0))


def sale_from_document(doc: dict[str, Any], stored: Sale) -> tuple[Sale, SaleAmounts]:
    """The sale and amounts as signed. Raises ValueError when the document does not fit the stored sale."""
    items = sorted(doc["itemList"], key=lambda item: int(item.get("itemSeq") or 0))
    if len(items) != len(stored.lines):
        raise ValueError("the signed document and the stored sale have different lines")
    rates = {t: _dec(doc.get(f"taxRt{t.value}")) for t in TaxType}
    lines = []
    for seq, (item, line) in enumerate(zip(items, stored.lines, strict=True), start=1):
        tax_type = TaxType(item["taxTyCd"])
        signed_line = replace(
            line,
            item_code=item["itemCd"],
            item_class_code=item.get("itemClsCd") or line.item_class_code,
            name=item["itemNm"],
            qty=_dec(item["qty"]),
            tax_type=tax_type,
            discount_rate=_dec(item.get("dcRt")),
        )
        lines.append(
            LineAmounts(
                seq=int(item.get("itemSeq") or seq),
                line=signed_line,
                qty=_dec(item["qty"]),
                unit_price=_dec(item.get("prc")),
                supply_amount=_dec(item.get("splyAmt")),
                discount_rate=_dec(item.get("dcRt")),
                discount_amount=_dec(item.get("dcAmt")),
                taxable_amount=_dec(item.get("taxblAmt")),
                tax_rate=rates[tax_type],
                tax_amount=_dec(item.get("taxAmt")),
                total_amount=_dec(item["totAmt"]),
            )
        )
    amounts = SaleAmounts(
        lines=tuple(lines),
        taxable_by_type={t: _dec(doc.get(f"taxblAmt{t.value}")) for t in TaxType},
        tax_by_type={t: _dec(doc.get(f"taxAmt{t.value}")) for t in TaxType},
        rate_by_type=rates,
        total_taxable=_dec(doc.get("totTaxblAmt")),
        total_tax=_dec(doc.get("totTaxAmt")),
        total=_dec(doc["totAmt"]),
    )
    sale = replace(
        stored,
        lines=tuple(line.line for line in lines),
        trader_invoice_no=doc.get("trdInvcNo") or stored.trader_invoice_no,
        receipt_type=ReceiptType(doc.get("rcptTyCd") or stored.receipt_type.value),
        buyer_pin=doc.get("custTin") or None,
        buyer_name=doc.get("custNm") or None,
        payment_type=doc.get("pmtTyCd") or stored.payment_type,
        refund_reason_code=doc.get("rfdRsnCd") or stored.refund_reason_code,
    )
    return sale, amounts
