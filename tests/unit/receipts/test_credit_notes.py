"""Credit notes: blocked until the original is signed, capped by what remains, PIN carried over."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from etims_desktop.app.credit_notes import credit_note_options, make_credit_note
from etims_desktop.app.receipts import receipt_view
from etims_desktop.app.sales import SaleService
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.sale import ReceiptType, TaxType

NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)


class _Quiet:
    """SaleService needs a sync service only to be told about changes."""

    def notify(self, device_id: int) -> None:
        pass


def test_credit_note_rules(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sales = SaleService(shop.store, _Quiet())
            sugar = await shop.item()
            bread = await shop.item("Bread", "65.00", TaxType.A)
            sale_id = await shop.record("INV-9", [(sugar, 5, 0), (bread, 2, 0)], buyer_pin="P000111222Z")
            unsigned = await credit_note_options(shop.store, sale_id)
            await shop.send()
            options = await credit_note_options(shop.store, sale_id)
            note = make_credit_note(options, {0: Decimal(3)}, "03", "CN-1", NOW)
            first = await sales.record(shop.device.id, note, send_now=False)
            after_first = await credit_note_options(shop.store, sale_id)
            too_much = make_credit_note(after_first, {0: Decimal(3)}, "03", "CN-2", NOW)
            with pytest.raises(DomainValidationError):
                await sales.validate(shop.device.id, too_much)
            rest = make_credit_note(after_first, {0: Decimal(2), 1: Decimal(2)}, "06", "CN-3", NOW)
            await sales.record(shop.device.id, rest, send_now=False)
            exhausted = await credit_note_options(shop.store, sale_id)
            report = await shop.send()
            signed = shop.sim.signed_sales("P051234567X", "00")
            view = await receipt_view(shop.store, first.sale_id)
            of_note = await credit_note_options(shop.store, first.sale_id)
            return unsigned, options, note, after_first, exhausted, report, signed, view, of_note

    unsigned, options, note, after_first, exhausted, report, signed, view, of_note = asyncio.run(main())
    assert not unsigned.allowed and "signed" in unsigned.blocked and "Sync" in unsigned.blocked
    assert options.allowed and [line.remaining for line in options.lines] == [Decimal(5), Decimal(2)]
    assert note.receipt_type is ReceiptType.CREDIT_NOTE and note.buyer_pin == "P000111222Z"
    assert note.original_sale_id == options.original.sale_id and note.refund_reason_code == "03"
    assert [line.remaining for line in after_first.lines] == [Decimal(2), Decimal(2)]
    assert not exhausted.allowed and "nothing is left" in exhausted.blocked
    assert not of_note.allowed and "already a credit note" in of_note.blocked
    # KRA (the simulator) accepted both credit notes against the original's number.
    assert report.signed == 2
    original_invc = signed[0].invc_no
    assert [s.receipt_type for s in signed] == ["S", "R", "R"]
    assert all(s.document["orgInvcNo"] == original_invc for s in signed[1:])
    assert view.title == "CREDIT NOTE" and view.receipt_label == "NC"
    assert view.original_cu_invoice_no.endswith(f"/{original_invc}")
    assert view.refund_reason == "Damaged"
