"""The Today use case (app/today.py) over a real store: local calendar days and hours, not UTC ones."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from etims_desktop.app.today import QUEUE_HOURS, QUEUE_STEP, TodayQuery
from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.storage.store import Store

NAIROBI = ZoneInfo("Africa/Nairobi")  # UTC+3
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 12:00 in Nairobi


def sale(number: str, sold_at: datetime) -> Sale:
    line = SaleLine("KE2NTU0000001", "99010000", "Sugar 1kg", Decimal("1"), Decimal("116.00"), TaxType.B)
    return Sale(trader_invoice_no=number, lines=(line,), sold_at=sold_at)


def test_hours_and_days_follow_the_shop_clock(tmp_path):
    async def scenario():
        store = Store.open(tmp_path / "etims.sqlite3", clock=lambda: NOW)
        try:
            till = await store.add_device(
                Device(None, "Till 1", DeviceType.OSCU, "P051234567X", "00", "SN-1")
            )
            for number, sold_at in (
                ("late-yesterday", datetime(2026, 3, 1, 20, 30, tzinfo=UTC)),  # 23:30 on the 1st, local
                ("early", datetime(2026, 3, 1, 22, 30, tzinfo=UTC)),  # 01:30 on the 2nd, local
                ("morning", datetime(2026, 3, 2, 6, 30, tzinfo=UTC)),  # 09:30
                ("last-month", datetime(2026, 2, 28, 12, 0, tzinfo=UTC)),
            ):
                await store.enqueue_sale(till.id, sale(number, sold_at), Decimal("116.00"), Decimal("16.00"))
            return await TodayQuery(store, clock=lambda: NOW, zone=NAIROBI).view()
        finally:
            store.close()

    view = asyncio.run(scenario())
    assert view.now == NOW.astimezone(NAIROBI)
    # today from the first sale's hour (01:00, before opening time) to this hour (12:00)
    assert [b.start.hour for b in view.hours] == list(range(1, 13))
    assert view.hours[0].start == datetime(2026, 3, 2, 1, 0, tzinfo=NAIROBI)
    by_hour = {b.start.hour: b.sales for b in view.hours}
    assert by_hour[1] == 1 and by_hour[9] == 1 and sum(by_hour.values()) == 2
    assert (view.today.sales, view.today.total, view.today.tax) == (2, Decimal("232.00"), Decimal("32.00"))
    # this month: the 1st and the 2nd (local), February's sale left out
    assert [(b.start.day, b.sales) for b in view.days] == [(1, 1), (2, 2)]
    assert view.month.total == Decimal("348.00")
    (queue,) = view.queues
    assert len(queue.points) == timedelta(hours=QUEUE_HOURS) // QUEUE_STEP + 1
    assert queue.points[-1].at == view.now and queue.points[0].at == view.now - timedelta(hours=QUEUE_HOURS)
    assert queue.points[-1].waiting == 4  # nothing was sent
    assert queue.points[-1].oldest_age_seconds == 0.0  # all recorded just now (the store's clock)
