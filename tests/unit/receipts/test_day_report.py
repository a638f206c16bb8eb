"""The end-of-day report from a real store after real signing by the simulator: signed figures from the
kept documents (not today's tax rates), credit notes subtracted, waiting sales named, the day's bounds
in Kenya's time."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from etims_desktop.app.day_report import DayReports
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.tax import compute_amounts
from etims_desktop.sync.credit_notes import credit_note_options, make_credit_note
from etims_desktop.sync.sales import SaleService

DAY = date(2026, 3, 14)  # the fixture's sales are sold 2026-03-14 09:30 UTC (12:30 in Nairobi)


class _Quiet:
    def notify(self, device_id: int) -> None:
        pass


async def record_at(shop, number: str, item, qty: str, sold_at: datetime, payment: str = "01") -> int:
    sale_id = await shop.record(number, [(item, qty, 0)], payment_type=payment)
    entry = await shop.store.get_entry(sale_id)
    if entry.sale.sold_at == sold_at:
        return sale_id
    await shop.store.cancel_sale(sale_id)  # the fixture fixes the time; record one at another time
    sale = replace(entry.sale, trader_invoice_no=number + "-T", sold_at=sold_at)
    amounts = compute_amounts(sale, await shop.store.tax_rates(shop.device.id))
    new_id, _ = await shop.store.enqueue_sale(shop.device.id, sale, amounts.total, amounts.total_tax)
    return new_id


def test_day_report_from_signed_documents(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item("Sugar 1kg", "180.00", TaxType.B)
            flour = await shop.item("Maize flour", "230.00", TaxType.A)
            first = await shop.record("S-1", [(sugar, 2, 0), (flour, 1, 0)])
            await shop.record("S-2", [(sugar, 1, 0)], payment_type="06")
            # sold 23:30 in Nairobi the evening before: another day
            await record_at(shop, "EVE", sugar, "1", datetime(2026, 3, 13, 20, 30, tzinfo=UTC))
            # sold 23:59 in Nairobi the same day, though already the 14th 20:59 in UTC
            late = await record_at(shop, "LATE", flour, "1", datetime(2026, 3, 14, 20, 59, tzinfo=UTC))
            await shop.send()
            options = await credit_note_options(shop.store, first)
            note = make_credit_note(
                options, {0: Decimal(1)}, "03", "CN-1", datetime(2026, 3, 14, 11, 0, tzinfo=UTC)
            )
            await SaleService(shop.store, _Quiet()).record(shop.device.id, note, send_now=False)
            await shop.send()
            # Today's VAT rate changes: the report must still show what KRA signed at 16 %.
            await shop.store.save_code_classes(shop.device.id, _rates_with_b(20), datetime.now(UTC))
            cancelled = await shop.record("S-X", [(sugar, 1, 0)])
            await shop.store.cancel_sale(cancelled)
            shop.sim.go_offline()
            await shop.record("S-3", [(flour, 2, 0)])
            await shop.send()
            reports = DayReports(shop.store)
            report = await reports.report(DAY, shop.device.id)
            everyone = await reports.reports(DAY)
            state_of_late = (await shop.store.get_entry(late)).state
            return report, everyone, state_of_late

    report, everyone, state_of_late = asyncio.run(main())
    assert state_of_late is OutboxState.SIGNED
    assert [r.device_id for r in everyone] == [report.device_id]
    # sales S-1 (2 x 180 B + 230 A), S-2 (180 B), LATE (230 A); not EVE (the day before)
    assert report.sales.count == 3
    assert report.sales.total == Decimal("1000.00")
    assert report.sales.taxable_by_type[TaxType.B] == Decimal("465.51")  # 360 + 180 incl. 16 % VAT, per line
    assert report.sales.tax_by_type[TaxType.B] == Decimal("74.49")
    assert report.sales.taxable_by_type[TaxType.A] == Decimal("460.00")
    assert report.credit_notes.count == 1 and report.credit_notes.total == Decimal("180.00")
    assert report.net.total == Decimal("820.00") and report.net.tax_by_type[TaxType.B] == Decimal("49.66")
    assert report.signed == 4 and report.cancelled == 3  # S-X, and the two moved to other times
    assert (report.first_invoice_no, report.last_invoice_no) == (1, 5)  # EVE was number 3, another day
    assert report.first_receipt_no is not None and report.last_receipt_no > report.first_receipt_no
    payments = {p.code: p for p in report.payments}
    assert payments["01"].name == "CASH" and payments["01"].net == Decimal("640.00")  # 590 + 230 less 180
    assert payments["01"].sales == 2 and payments["01"].credit_notes == 1
    assert payments["06"].net == Decimal("180.00")
    # S-3 waits: the day is not closed, and it says what waits and why
    assert not report.closed
    assert [w.trader_invoice_no for w in report.waiting] == ["S-3"]
    assert report.waiting_total == Decimal("460.00")
    assert report.waiting[0].why in ("waiting for internet", "waiting for KRA")
    data = report.as_dict()
    assert data["closed"] is False and data["net"]["total"] == "820.00" and data["waiting"]["count"] == 1


def _rates_with_b(rate: int):
    from etims_desktop.storage.records import CodeClassRecord, CodeRecord

    codes = tuple(
        CodeRecord("04", t, t, user_defined_1=str(r))
        for t, r in (("A", 0), ("B", rate), ("C", 0), ("D", 0), ("E", 8))
    )
    return [CodeClassRecord("04", "Taxation Type", codes=codes)]


def test_a_day_without_sales_is_closed_and_zero():
    from etims_desktop.app.day_report import build_day_report
    from etims_desktop.domain.device import Device, DeviceType, Environment

    device = Device(7, "Till 7", DeviceType.OSCU, "P051234567X", "00", "S7", Environment.SANDBOX, None)
    report = build_day_report(DAY, device, [], datetime(2026, 3, 14, 22, tzinfo=UTC))
    assert report.closed and report.signed == 0 and report.net.total == Decimal("0.00")
    assert report.first_invoice_no is None and report.payments == ()
    assert report.as_dict()["waiting"] == {
        "count": 0, "total": "0.00", "oldest_sold_at": None, "reasons": {}, "sales": []
    }  # fmt: skip
