"""Receipts to print in tests: a signed sale with lines of two tax types, all five tax rows, KRA's SCU
block and QR URL; and its credit note. Plain values, no Qt."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from etims_desktop.domain.device import Environment
from etims_desktop.domain.receipt import (
    BusinessDetails,
    ReceiptLine,
    ReceiptView,
    ScuBlock,
    TaxSummaryRow,
    hyphenate,
    tax_label,
)
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.environments import receipt_check_url

NAIROBI = ZoneInfo("Africa/Nairobi")
PIN = "P051234567X"
BUYER_PIN = "A012345678Z"
SCU_ID = "KRACU0100000123"
SIGNATURE = "QUII27MATATSHFRB"
INTERNAL = "GRKJVWYCFBPTYQ225X2UEYONVE"
QR_URL = receipt_check_url(Environment.SANDBOX, PIN, "00", SIGNATURE)
RATES = {
    TaxType.A: Decimal(0),
    TaxType.B: Decimal(16),
    TaxType.C: Decimal(0),
    TaxType.D: Decimal(0),
    TaxType.E: Decimal(8),
}


def sample_view(
    *, signed: bool = True, lines: int = 2, credit_note: bool = False, buyer: bool = True
) -> ReceiptView:
    rows = [
        ReceiptLine(
            seq=n + 1,
            name=f"Maize flour 2 kg no. {n + 1}",
            item_code=f"KE2NTU{n + 1:07d}",
            tax_type=TaxType.B,
            qty=Decimal(2),
            unit_price=Decimal("116.00"),
            discount_rate=Decimal(0),
            discount_amount=Decimal(0),
            total=Decimal("232.00"),
        )
        for n in range(lines)
    ]
    rows.append(
        ReceiptLine(
            seq=lines + 1,
            name="Unga wa ugali (exempt)",
            item_code="KE2NTU9999999",
            tax_type=TaxType.A,
            qty=Decimal(1),
            unit_price=Decimal("100.00"),
            discount_rate=Decimal(10),
            discount_amount=Decimal("10.00"),
            total=Decimal("90.00"),
        )
    )
    vat_total = Decimal("232.00") * lines
    taxable_b = (vat_total / Decimal("1.16")).quantize(Decimal("0.01"))
    taxable = {t: Decimal(0) for t in TaxType}
    tax = {t: Decimal(0) for t in TaxType}
    taxable[TaxType.B], tax[TaxType.B] = taxable_b, vat_total - taxable_b
    taxable[TaxType.A] = Decimal("90.00")
    summary = tuple(TaxSummaryRow(t, tax_label(t, RATES[t]), RATES[t], taxable[t], tax[t]) for t in TaxType)
    scu = ScuBlock(
        scu_id=SCU_ID,
        cu_invoice_no=f"{SCU_ID}/46" if credit_note else f"{SCU_ID}/45",
        invoice_no=46 if credit_note else 45,
        receipt_no=44 if credit_note else 43,
        total_receipt_no=44 if credit_note else 43,
        internal_data=hyphenate(INTERNAL),
        signature=hyphenate(SIGNATURE),
        signed_at=datetime(2026, 3, 14, 15, 30, 39, tzinfo=NAIROBI),
    )
    view = ReceiptView(
        sale_id=8 if credit_note else 7,
        title="CREDIT NOTE" if credit_note else "TAX INVOICE",
        receipt_label="NC" if credit_note else "NS",
        business=BusinessDetails(
            name="Mama Mboga Supplies", address="Moi Avenue, Nairobi", phone="0712 345678"
        ),
        pin=PIN,
        branch_id="00",
        device_name="Till 1",
        trader_invoice_no="CN-0001" if credit_note else "INV-0045",
        sold_at=datetime(2026, 3, 14, 15, 30, tzinfo=NAIROBI),
        lines=tuple(rows),
        tax_summary=summary,
        total_taxable=sum(taxable.values(), Decimal(0)),
        total_tax=sum(tax.values(), Decimal(0)),
        total=vat_total + Decimal("90.00"),
        payment_type="CASH",
        state_label="signed" if signed else "queued",
        buyer_pin=BUYER_PIN if buyer else None,
        buyer_name="Juma Traders" if buyer else None,
        scu=scu if signed else None,
        qr_text=QR_URL if signed else None,
        signed=signed,
    )
    if credit_note:
        view = dataclasses.replace(
            view,
            original_cu_invoice_no=f"{SCU_ID}/45",
            original_trader_invoice_no="INV-0045",
            refund_reason="Refund",
        )
    return view
