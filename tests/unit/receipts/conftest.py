"""A small shop for receipt tests: a real store in tmp, the real simulator, a real keyring file, the real drain."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from conftest_keyring import key_store, keyring_backend  # noqa: F401 - fixtures

from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.kra.simulator import Simulator
from etims_desktop.storage.records import ItemDraft
from etims_desktop.storage.store import Store
from etims_desktop.sync.connections import Connections
from etims_desktop.sync.outbox_drain import OutboxDrain
from etims_desktop.sync.report import DeviceSyncReport

PIN = "P051234567X"


@dataclass
class Shop:
    store: Store
    sim: Simulator
    device: Device
    connections: Connections
    drain: OutboxDrain

    async def item(self, name="Sugar 1 kg", price="150.00", tax=TaxType.B, **extra):
        return await self.store.add_item(
            ItemDraft(name=name, item_class_code="5020230500", tax_type=tax, price=Decimal(price), **extra)
        )

    async def record(self, number: str, lines: list[tuple], *, buyer_pin=None, **extra) -> int:
        """lines: (item, qty, discount%). Recorded, not sent."""
        sale = Sale(
            trader_invoice_no=number,
            lines=tuple(
                SaleLine(
                    item_code=item.code,
                    item_class_code=item.item_class_code,
                    name=item.name,
                    qty=Decimal(str(qty)),
                    unit_price=item.price,
                    tax_type=item.tax_type,
                    pkg_unit_code=item.pkg_unit_code,
                    qty_unit_code=item.qty_unit_code,
                    discount_rate=Decimal(str(discount)),
                )
                for item, qty, discount in lines
            ),
            sold_at=datetime(2026, 3, 14, 9, 30, tzinfo=UTC),
            buyer_pin=buyer_pin,
            **extra,
        )
        from etims_desktop.domain.tax import compute_amounts

        amounts = compute_amounts(sale, await self.store.tax_rates(self.device.id))
        sale_id, _created = await self.store.enqueue_sale(
            self.device.id, sale, amounts.total, amounts.total_tax
        )
        return sale_id

    async def send(self) -> DeviceSyncReport:
        report = DeviceSyncReport(self.device.id, self.device.name, self.device.type.value)
        await self.drain.drain(self.device, report)
        return report


@contextlib.asynccontextmanager
async def open_shop(tmp_path, key_store, serial="RCPT-1"):  # noqa: F811 - the fixture's value
    with Simulator(mode="oscu") as sim:
        store = Store.open(tmp_path / "shop.sqlite3")
        connections = Connections(key_store)
        try:
            device = await store.add_device(
                Device(
                    id=None,
                    name="Till 1",
                    type=DeviceType.OSCU,
                    pin=PIN,
                    branch_id="00",
                    serial=serial,
                    environment=Environment.CUSTOM,
                    base_url=sim.api_url,
                )
            )
            key = sim.preinitialise(PIN, "00", serial)
            info = next(d for d in sim.approved_devices() if d.serial == serial)
            device = await store.set_initialised(device.id, info.scu_id, info.mrc_no)
            await connections.store_key(device, key)
            yield Shop(store, sim, device, connections, OutboxDrain(store, connections))
        finally:
            await connections.aclose()
            await store.aclose()


@pytest.fixture
def shop_factory(tmp_path, key_store):  # noqa: F811
    return lambda **kw: open_shop(tmp_path, key_store, **kw)
