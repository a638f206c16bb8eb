"""Reprints are what KRA signed: the kept request body and answer, the header as printed at signing,
never today's rates, names or settings. The original prints once; later prints carry a COPY mark."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from etims_desktop.app.receipts import receipt_view
from etims_desktop.domain.outbox import OutboxState, SignedReceipt
from etims_desktop.domain.receipt import COPY_MARK, REBUILT_NOTE, BusinessDetails
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.simulator import FaultKind
from etims_desktop.storage.records import CodeClassRecord, CodeRecord

PIN = "P051234567X"


def vat_rate(percent: str) -> CodeClassRecord:
    """Code class 04 with tax type B at `percent`: what a KRA rate change would bring."""
    return CodeClassRecord(
        cls="04",
        name="Taxation Type",
        description=None,
        in_use=True,
        codes=(CodeRecord(cls="04", code="B", name="B-16%", in_use=True, user_defined_1=percent),),
    )


def test_the_kept_document_is_the_exchange_itself(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            sale_id = await shop.record("INV-1", [(sugar, 2, 5)], buyer_pin="P000111222Z")
            await shop.send()
            return await shop.store.signed_document(sale_id), shop.sim.signed_sales(PIN, "00")[0]

    document, signed = asyncio.run(main())
    assert not document.rebuilt
    # The body sent is the document KRA holds, key for key and value for value.
    assert json.loads(document.request_body, parse_float=Decimal) == signed.document
    reply = json.loads(document.reply_body)
    assert reply["resultCd"] == "000"
    assert reply["data"]["rcptSign"] == signed.receipt.signature
    assert reply["data"]["intrlData"] == signed.receipt.internal_data


def test_a_reprint_ignores_todays_rates_header_and_item_names(shop_factory):
    async def main():
        async with shop_factory() as shop:
            await shop.store.save_business_details(
                BusinessDetails(name="Mama Mboga", address="Moi Avenue, Nairobi", footer="Asante")
            )
            sugar = await shop.item()
            sale_id = await shop.record("INV-1", [(sugar, 3, 10)])
            await shop.send()
            first = await receipt_view(shop.store, sale_id)
            # Everything a receipt used to be recomputed from changes afterwards ...
            await shop.store.save_code_classes(shop.device.id, [vat_rate("14")], datetime.now(UTC))
            assert (await shop.store.tax_rates(shop.device.id))[TaxType.B] == Decimal("14")
            await shop.store.save_business_details(BusinessDetails(name="New Owner Ltd", address="Mombasa"))
            await shop.store.update_device(replace(shop.device, name="Renamed till"))
            later = await receipt_view(shop.store, sale_id)
            return first, later, shop.sim.signed_sales(PIN, "00")[0].document

    first, later, document = asyncio.run(main())
    # ... and the reprint does not move: figures from the signed document, header as printed then.
    for view in (first, later):
        assert view.total == Decimal(str(document["totAmt"])) == Decimal("405.00")
        assert view.total_tax == Decimal(str(document["totTaxAmt"]))
        b_row = next(row for row in view.tax_summary if row.tax_type is TaxType.B)
        assert b_row.rate == Decimal("16") and b_row.label == "B-16%"  # as KRA signed it, not today's rate
        assert len(view.tax_summary) == 5  # all five tax rows, A-E, even when zero
        assert view.business.name == "Mama Mboga" and view.business.footer == "Asante"
        assert view.device_name == "Till 1" and not view.rebuilt
    assert later.lines == first.lines and later.scu == first.scu and later.qr_text == first.qr_text


def test_the_original_prints_once_then_copies(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            pending_id = await shop.record("INV-P", [(sugar, 1, 0)])
            await shop.store.record_receipt_print(pending_id)  # a pending print is not the original
            pending_view = await receipt_view(shop.store, pending_id)
            await shop.send()
            original = await receipt_view(shop.store, pending_id)
            await shop.store.record_receipt_print(pending_id)
            reprint = await receipt_view(shop.store, pending_id)
            return pending_view, original, reprint

    pending_view, original, reprint = asyncio.run(main())
    assert COPY_MARK not in pending_view.marks and not pending_view.copy
    assert original.signed and original.marks == ()
    assert reprint.copy and reprint.marks == (COPY_MARK,)


def test_a_lost_answer_keeps_kras_own_copy_as_the_document(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            sale_id = await shop.record("INV-U", [(sugar, 4, 0)])
            shop.sim.faults.once("saveTrnsSalesOsdc", FaultKind.DROP_AFTER_PROCESSING)
            await shop.send()  # signed by KRA, answer lost, then resolved with selectInvoiceDetails
            changes = [change.to_state for change in await shop.store.history(sale_id)]
            assert changes[-2:] == [OutboxState.UNCERTAIN, OutboxState.SIGNED]
            await shop.store.save_code_classes(shop.device.id, [vat_rate("10")], datetime.now(UTC))
            return (
                await shop.store.signed_document(sale_id),
                await receipt_view(shop.store, sale_id),
                shop.sim.signed_sales(PIN, "00")[0].document,
            )

    document, view, kra_document = asyncio.run(main())
    assert document.request_body is None and not document.rebuilt
    assert json.loads(document.reply_body)["data"]["salesList"][0]["trdInvcNo"] == "INV-U"
    assert view.signed and not view.rebuilt
    assert view.total == Decimal(str(kra_document["totAmt"])) and next(
        r for r in view.tax_summary if r.tax_type is TaxType.B
    ).rate == Decimal("16")


def test_a_sale_signed_without_a_kept_document_is_rebuilt_and_says_so(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            sale_id = await shop.record("INV-OLD", [(sugar, 1, 0)])
            entry = await shop.store.claim_next(shop.device.id, datetime.now(UTC))
            await shop.store.mark_signed(
                entry.id, SignedReceipt(invc_no=entry.invc_no, signature="ABCDEFGHIJKLMNOP")
            )
            return await receipt_view(shop.store, sale_id)

    view = asyncio.run(main())
    assert view.signed and view.rebuilt and REBUILT_NOTE in view.notes
    assert view.total == Decimal("150.00")
