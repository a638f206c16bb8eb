"""KRA reference data per device, the item master and its registrations, sync history."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.errors import NotFound
from etims_desktop.storage.records import (
    CodeClassRecord,
    CodeRecord,
    ItemClassRecord,
    ItemDraft,
    NoticeRecord,
)

from .conftest import make_device

pytestmark = pytest.mark.anyio


def tax_class(b_rate: str = "16") -> CodeClassRecord:
    codes = tuple(
        CodeRecord("04", code, f"{code}-rate", sort_order=n, user_defined_1=rate)
        for n, (code, rate) in enumerate(
            [("A", "0"), ("B", b_rate), ("C", "0"), ("D", "0"), ("E", "8")], start=1
        )
    )
    return CodeClassRecord("04", "Taxation Type", user_defined_names=("Tax Rate", None, None), codes=codes)


async def test_tax_rates_default_then_from_kra(store, clock):
    device = await store.add_device(make_device())
    assert await store.tax_rates(device.id) == {
        TaxType.A: 0,
        TaxType.B: 16,
        TaxType.C: 0,
        TaxType.D: 0,
        TaxType.E: 8,
    }
    assert await store.get_fetch_mark(device.id, "codes") is None
    saved = await store.save_code_classes(device.id, [tax_class("17.5")], clock())
    assert saved == 5
    rates = await store.tax_rates(device.id)
    assert rates[TaxType.B] == Decimal("17.5") and rates[TaxType.E] == Decimal("8")
    assert await store.get_fetch_mark(device.id, "codes") == clock()
    # Incremental: a later fetch updates in place.
    await store.save_code_classes(device.id, [tax_class("16")], clock() + timedelta(days=1))
    assert (await store.tax_rates(device.id))[TaxType.B] == Decimal("16")
    other = await store.add_device(make_device("SN-2"))
    assert (await store.tax_rates(other.id))[TaxType.B] == Decimal("16")  # per device


async def test_codes_in_order_and_in_use(store, clock):
    device = await store.add_device(make_device())
    payment = CodeClassRecord(
        "07",
        "Payment Type",
        codes=(
            CodeRecord("07", "06", "MOBILE MONEY", sort_order=6),
            CodeRecord("07", "01", "CASH", sort_order=1),
            CodeRecord("07", "99", "OLD", sort_order=9, in_use=False),
        ),
    )
    await store.save_code_classes(device.id, [payment], clock())
    assert [c.name for c in await store.codes(device.id, "07")] == ["CASH", "MOBILE MONEY"]
    assert len(await store.codes(device.id, "07", include_unused=True)) == 3
    assert await store.codes(device.id, "32") == []


async def test_item_classes_search(store, clock):
    device = await store.add_device(make_device())
    classes = [
        ItemClassRecord("99010000", "Goods", 2),
        ItemClassRecord("50161800", "Sugar_and 100% cane", 4, "B"),
        ItemClassRecord("10101500", "Live animals", 3, in_use=False),
        ItemClassRecord("81121500", "Monetary systems", 4),
    ]
    assert await store.save_item_classes(device.id, classes, clock()) == 4
    assert [c.code for c in await store.search_item_classes(device.id, "5016")] == ["50161800"]
    assert [c.code for c in await store.search_item_classes(device.id, "sugar")] == ["50161800"]
    assert [c.code for c in await store.search_item_classes(device.id, "100%")] == ["50161800"]
    assert await store.search_item_classes(device.id, "Live") == []  # not in use
    assert len(await store.search_item_classes(device.id, "", limit=2)) == 2
    assert (await store.search_item_classes(device.id, "50161800"))[0].tax_type == "B"
    assert await store.get_fetch_mark(device.id, "item_classes") == clock()


async def test_notices(store, clock):
    device = await store.add_device(make_device())
    notices = [
        NoticeRecord(1, "Welcome", "Hello", registered_at=clock() - timedelta(days=2)),
        NoticeRecord(2, "Credit notes", "Same PIN", "http://127.0.0.1/n/2", "KRA", clock()),
    ]
    assert await store.save_notices(device.id, notices, clock()) == 2
    assert [n.notice_no for n in await store.list_notices(device.id)] == [2, 1]
    assert (await store.list_notices(device.id))[0] == notices[1]
    await store.set_fetch_mark(device.id, "notices", clock() + timedelta(hours=1))
    assert await store.get_fetch_mark(device.id, "notices") == clock() + timedelta(hours=1)


async def test_items_get_generated_codes(store):
    first = await store.add_item(ItemDraft("Sugar 1kg", "50161800", TaxType.B, Decimal("120.00")))
    assert first.code == "KE2NTU0000001" and first.price == Decimal("120.00")
    service = await store.add_item(
        Item("", "Delivery", "81121500", TaxType.B, Decimal("200"), item_type="3", pkg_unit_code="OU")
    )
    assert service.code == "KE3OUU0000002"
    kept = await store.add_item(Item("MYCODE1", "Salt", "50161800", TaxType.A, Decimal("30")))
    assert kept.code == "MYCODE1"
    assert [i.name for i in await store.list_items()] == ["Delivery", "Salt", "Sugar 1kg"]
    assert await store.get_item(first.code) == first
    with pytest.raises(DomainValidationError, match="already an item"):
        await store.add_item(Item("MYCODE1", "Again", "50161800", TaxType.A, Decimal("30")))
    with pytest.raises(NotFound):
        await store.get_item("NOPE")


async def test_registrations_per_device(store, clock):
    till1 = await store.add_device(make_device("SN-1"))
    till2 = await store.add_device(make_device("SN-2"))
    sugar = await store.add_item(ItemDraft("Sugar 1kg", "50161800", TaxType.B, Decimal("120.00")))
    salt = await store.add_item(ItemDraft("Salt", "50161800", TaxType.A, Decimal("30")))
    codes = {sugar.code, salt.code, "UNKNOWN"}
    assert [i.code for i in await store.unregistered_items(till1.id, codes)] == sorted(
        [sugar.code, salt.code]
    )

    await store.mark_item_registered(till1.id, sugar.code, clock())
    assert [i.code for i in await store.unregistered_items(till1.id, codes)] == [salt.code]
    assert len(await store.unregistered_items(till2.id, codes)) == 2
    assert await store.registrations(sugar.code) == {till1.id: clock()}

    await store.record_item_registration_error(till2.id, sugar.code, "910 bad class")
    assert await store.registrations(sugar.code) == {till1.id: clock(), till2.id: None}

    # A changed item must reach KRA again on every device.
    assert await store.update_item(sugar) == sugar  # no change: still registered
    assert await store.registrations(sugar.code) == {till1.id: clock(), till2.id: None}
    dearer = await store.update_item(Item(**{**sugar.__dict__, "price": Decimal("125.00")}))
    assert dearer.price == Decimal("125.00")
    assert await store.registrations(sugar.code) == {till1.id: None, till2.id: None}
    assert sugar.code in {i.code for i in await store.unregistered_items(till1.id, codes)}


async def test_sync_runs(store, clock):
    till1 = await store.add_device(make_device("SN-1"))
    till2 = await store.add_device(make_device("SN-2"))
    run = await store.start_sync_run("all", clock())
    report = {
        "device_id": till1.id,
        "signed": 3,
        "still_pending": 1,
        "needs_fix_total": 2,
        "refreshed": {"codes": 12},
        "errors": [],
        "outcome": "partial",
        "summary": "Signed 3 sales.",
    }
    assert (await store.list_sync_runs())[0].finished_at is None
    await store.finish_sync_run(
        run,
        clock() + timedelta(seconds=5),
        {till1.id: report, till2.id: {"signed": 0, "errors": ["offline"]}},
    )
    second = await store.start_sync_run(str(till2.id), clock() + timedelta(minutes=1))
    await store.finish_sync_run(second, clock() + timedelta(minutes=2), {till2.id: {"signed": 1}})

    runs = await store.list_sync_runs()
    assert [r.id for r in runs] == [second, run]
    assert runs[1].per_device[till1.id] == report and runs[1].finished_at == clock() + timedelta(seconds=5)
    assert runs[1].scope == "all"
    only_till1 = await store.list_sync_runs(till1.id)
    assert [r.id for r in only_till1] == [run] and list(only_till1[0].per_device) == [till1.id]
    assert len(await store.list_sync_runs(limit=1)) == 1
    with store.engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT signed, waiting, needs_fix, errors FROM sync_run_devices WHERE device_id = ?", (till1.id,)
        ).one()
    assert tuple(row) == (3, 1, 2, "[]")
