"""The sales list's filters, and registering items with KRA per device."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

from etims_desktop.app.sales_query import SalesFilter, search_sales
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import TaxType
from etims_desktop.sync.items import ItemRegistrar

PIN = "P051234567X"


def test_search_filters(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            milk = await shop.item("Milk 500 ml", "60.00", TaxType.A)
            small = await shop.record("INV-S", [(milk, 1, 0)], buyer_name="Wanjiku")
            big = await shop.record("INV-B", [(sugar, 10, 0)])
            await shop.send()
            pending = await shop.record("INV-Q", [(sugar, 1, 0)])
            store = shop.store
            results = {
                "all": await search_sales(store, SalesFilter()),
                "text": await search_sales(store, SalesFilter(text="wanj")),
                "item": await search_sales(store, SalesFilter(text="milk")),
                "signed": await search_sales(store, SalesFilter(states=frozenset({OutboxState.SIGNED}))),
                "pending": await search_sales(store, SalesFilter(states=frozenset({OutboxState.QUEUED}))),
                "amount": await search_sales(
                    store, SalesFilter(min_total=Decimal("100"), max_total=Decimal("200"))
                ),
                "date": await search_sales(store, SalesFilter(date_from=date(2026, 3, 15))),
                "day": await search_sales(
                    store, SalesFilter(date_from=date(2026, 3, 14), date_to=date(2026, 3, 14))
                ),
                "ids": await search_sales(store, SalesFilter(sale_ids=frozenset({big}))),
            }
            return results, small, big, pending, shop.device

    results, small, big, pending, device = asyncio.run(main())
    ids = {name: [row.sale_id for row in rows] for name, rows in results.items()}
    assert ids["all"] == [pending, big, small]  # newest first
    assert ids["text"] == [small] and ids["item"] == [small]
    assert ids["signed"] == [big, small] and ids["pending"] == [pending]
    assert ids["amount"] == [pending]  # 150.00; 60 and 1500 fall outside
    assert ids["date"] == [] and ids["day"] == [pending, big, small]
    assert ids["ids"] == [big]
    signed_row = results["signed"][0]
    assert signed_row.total == Decimal("1500.00") and signed_row.state_label == "signed"
    assert signed_row.cu_invoice_no == f"{device.scu_id}/{signed_row.invc_no}" and signed_row.receipt_no
    assert results["pending"][0].cu_invoice_no is None and results["pending"][0].state_label == "queued"


def test_registrar_registers_reports_refusals_and_stops_offline(shop_factory):
    async def main():
        async with shop_factory() as shop:
            good = await shop.item()
            other = await shop.item("Bread", "65.00", TaxType.A)
            bad = await shop.item("Odd unit", "10.00", pkg_unit_code="ZZ")
            registrar = ItemRegistrar(shop.store, shop.connections)
            first = await registrar.register(shop.device, [good, bad])
            registered = {code: await shop.store.registrations(code) for code in (good.code, bad.code)}
            shop.sim.go_offline()
            offline = await registrar.register_all(shop.device)
            shop.sim.go_online()
            assert shop.sim.wait_online(5)
            again = await registrar.register_all(shop.device)
            return first, registered, offline, again, good, other, bad, shop.sim.items(PIN), shop.device

    first, registered, offline, again, good, other, bad, kra_items, device = asyncio.run(main())
    assert first.registered == [good.code]
    assert bad.code in first.refused and "pkgUnitCd" in first.refused[bad.code]
    assert registered[good.code].get(device.id) is not None
    assert registered[bad.code].get(device.id) is None
    assert offline.stopped and offline.registered == [] and set(offline.not_tried) >= {other.code}
    assert other.code in again.registered and good.code not in again.registered
    assert {i["itemCd"] for i in kra_items} == {good.code, other.code}
    assert "registered" in again.summary()
