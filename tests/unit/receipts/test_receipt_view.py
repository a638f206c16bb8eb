"""The printable receipt holds exactly what KRA signed: amounts as sent, SCU block, QR URL, marks."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from etims_desktop.app.receipts import PendingPrints, receipt_view
from etims_desktop.domain.device import Environment
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.receipt import PENDING_MARK, BusinessDetails, hyphenate, money
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.environments import RECEIPT_CHECK_PREFIXES, receipt_check_url

PIN = "P051234567X"


def test_hyphenate_groups_of_four_and_money_format():
    assert hyphenate("GRKJVWYCFBPTYQ225X2UEYONVE") == "GRKJ-VWYC-FBPT-YQ22-5X2U-EYON-VE"
    assert hyphenate("QUII27MATATSHFRB") == "QUII-27MA-TATS-HFRB"
    assert hyphenate(None) == ""
    assert money(Decimal("1234.5")) == "1,234.50"
    assert money(Decimal("0.005")) == "0.01"


def test_signed_receipt_matches_what_kra_signed(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            bread = await shop.item("Bread", "65.00", TaxType.A)
            sale_id = await shop.record("INV-1", [(sugar, 3, 10), (bread, 2, 0)], buyer_pin="P000111222Z")
            await shop.store.save_business_details(BusinessDetails(name="Mama Mboga"))
            report = await shop.send()
            assert report.signed == 1
            view = await receipt_view(shop.store, sale_id)
            signed = shop.sim.signed_sales(PIN, "00")[0]
            return view, signed, shop.device

    view, signed, device = asyncio.run(main())
    document = signed.document
    # Amounts: the receipt shows the document KRA holds, bucket by bucket and in total.
    assert view.total == Decimal(str(document["totAmt"]))
    assert view.total_tax == Decimal(str(document["totTaxAmt"]))
    for row in view.tax_summary:
        assert row.taxable == Decimal(str(document[f"taxblAmt{row.tax_type.value}"]))
        assert row.tax == Decimal(str(document[f"taxAmt{row.tax_type.value}"]))
    # KRA's receipt lists all five tax types, in order, the unused ones at zero.
    assert [row.tax_type for row in view.tax_summary] == list(TaxType)
    assert [row.label for row in view.tax_summary] == ["A-EX", "B-16%", "C-0%", "D-Non-VAT", "E-8%"]
    assert all(
        row.taxable == row.tax == 0 for row in view.tax_summary if row.tax_type not in (TaxType.A, TaxType.B)
    )
    assert sum(line.total for line in view.lines) == view.total
    # The customer pays the shelf price: 3 x 150 less 10 % plus 2 x 65.
    assert view.total == Decimal("405.00") + Decimal("130.00")
    assert view.lines[0].discount_amount == Decimal("45.00")
    # SCU block and QR.
    receipt = signed.receipt
    assert view.signed and not view.pending and view.marks == ()
    assert view.scu.cu_invoice_no == f"{device.scu_id}/{receipt.invc_no}"
    assert view.scu.signature == hyphenate(receipt.signature)
    assert view.scu.internal_data == hyphenate(receipt.internal_data)
    assert view.scu.receipt_no == receipt.receipt_no
    assert view.qr_text == receipt_check_url(Environment.CUSTOM, PIN, "00", receipt.signature)
    assert view.qr_text == RECEIPT_CHECK_PREFIXES[Environment.SANDBOX] + PIN + "00" + receipt.signature
    assert view.business.name == "Mama Mboga" and view.pin == PIN and view.branch_id == "00"
    assert view.payment_type == "CASH"
    assert view.title == "TAX INVOICE" and view.receipt_label == "NS"


def test_unsigned_sale_is_pending_without_qr(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            sale_id = await shop.record("INV-P", [(sugar, 1, 0)])
            return await receipt_view(shop.store, sale_id)

    view = asyncio.run(main())
    assert view.pending and view.scu is None and view.qr_text is None
    assert view.marks[0] == PENDING_MARK
    assert view.business.name == "Till 1"  # the device name until the shop enters its business name


def test_pending_prints_listed_for_reprint_once_signed(shop_factory, tmp_path):
    async def main():
        async with shop_factory() as shop:
            prints = PendingPrints(shop.store, tmp_path)
            sugar = await shop.item()
            first = await shop.record("INV-A", [(sugar, 1, 0)])
            second = await shop.record("INV-B", [(sugar, 2, 0)])
            await prints.record_print(await receipt_view(shop.store, first))
            await prints.record_print(await receipt_view(shop.store, second))
            before = await prints.due_for_reprint()
            await shop.send()
            after = await prints.due_for_reprint()
            await prints.record_print(await receipt_view(shop.store, first))  # reprinted, now signed
            finally_due = await prints.due_for_reprint()
            states = [(await shop.store.get_entry(i)).state for i in (first, second)]
            return before, after, finally_due, states, first, second

    before, after, finally_due, states, first, second = asyncio.run(main())
    assert states == [OutboxState.SIGNED, OutboxState.SIGNED]
    assert before == []
    assert after == [first, second]
    assert finally_due == [second]
