"""One truth for a sale's amounts: what was stored when it was queued is what is listed, printed and sent,
even when the device's KRA tax rates change before it leaves (real store, real simulator over HTTP)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from sync_shop import PIN, open_shop

from etims_desktop.app.receipts import receipt_view
from etims_desktop.app.sales_query import SalesFilter, search_sales
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.records import CodeClassRecord, CodeRecord
from etims_desktop.sync.report import DeviceSyncReport


def vat_rate(percent: str) -> CodeClassRecord:
    """Code class 04 with tax type B at `percent`: what a KRA rate change brings to the device."""
    code = CodeRecord(cls="04", code="B", name=f"B-{percent}%", in_use=True, user_defined_1=percent)
    return CodeClassRecord(cls="04", name="Taxation Type", description=None, in_use=True, codes=(code,))


def test_a_rate_change_after_queueing_changes_nothing_listed_printed_or_sent(tmp_path, key_store, kra, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        services = shop.services
        try:
            device = await shop.add_device(kra, "Q1")
            # Sugar (VAT B) at 180.00 before VAT: at 16 % the customer pays 208.80, 28.80 of it tax.
            sale = replace(shop.sale((0, "1")), prices_include_vat=False)
            recorded = await services.sales.record(device.id, sale, send_now=False)
            assert (recorded.amounts.total, recorded.amounts.total_tax) == (Decimal("208.80"), Decimal("28.80"))

            await services.store.save_code_classes(device.id, [vat_rate("8")], datetime.now(UTC))
            assert (await services.store.tax_rates(device.id))[TaxType.B] == Decimal("8")
            repriced = await services.sales.price(device.id, sale)  # a new sale would get today's rate
            assert repriced.total == Decimal("194.40")

            listed = await search_sales(services.store, SalesFilter())
            pending = await receipt_view(services.store, recorded.sale_id)
            report = DeviceSyncReport(device.id, device.name, device.type.value)
            await services.sync.drain.drain(device, report)
            entry = await services.store.get_entry(recorded.sale_id)
            signed = await receipt_view(services.store, recorded.sale_id)
            return listed, pending, entry, signed
        finally:
            await services.aclose()

    listed, pending, entry, signed = run(scenario())
    assert [row.total for row in listed] == [Decimal("208.80")]
    assert pending.pending and pending.total == Decimal("208.80") and pending.total_tax == Decimal("28.80")
    b_row = next(row for row in pending.tax_summary if row.tax_type is TaxType.B)
    assert b_row.rate == Decimal("16")  # the rate it was priced with, not today's 8 %
    assert entry.state is OutboxState.SIGNED
    document = kra.signed_sales(PIN, "00")[0].document
    assert Decimal(str(document["totAmt"])) == Decimal("208.80")
    assert Decimal(str(document["totTaxAmt"])) == Decimal("28.80")
    assert Decimal(str(document["taxRtB"])) == Decimal("16")
    assert signed.total == Decimal("208.80") and not signed.pending
