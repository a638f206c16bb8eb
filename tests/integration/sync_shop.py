"""A shop for end-to-end tests: real services over a temp data dir, devices on the real simulator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from etims_desktop.bootstrap import Services, build_services
from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.kra.simulator import Simulator
from etims_desktop.paths import resolve_data_paths

PIN = "P051234567X"


@dataclass
class Shop:
    """A shop's services plus helpers to set up devices and record sales, all through the real parts."""

    services: Services
    items: list[Item]
    counter: int = 0

    async def add_device(
        self, sim: Simulator, serial: str, kind: DeviceType = DeviceType.OSCU, **kw
    ) -> Device:
        sim.approve(PIN, "00", serial, kind)
        device = Device(
            None,
            f"Till {serial}",
            kind,
            PIN,
            "00",
            serial,
            Environment.CUSTOM,
            sim.api_url,
            EndpointStyle.NESTED if kind is DeviceType.VSCU else EndpointStyle.FLAT,
            **kw,
        )
        device = await self.services.devices.add_device(device)
        return await self.services.devices.initialise(device.id)

    def sale(self, *lines: tuple[int, str], buyer_pin: str | None = None) -> Sale:
        self.counter += 1
        return Sale(
            trader_invoice_no=f"INV-{self.counter:05d}",
            lines=tuple(
                SaleLine(
                    item_code=self.items[index].code,
                    item_class_code=self.items[index].item_class_code,
                    name=self.items[index].name,
                    qty=Decimal(qty),
                    unit_price=self.items[index].price,
                    tax_type=self.items[index].tax_type,
                )
                for index, qty in (lines or ((0, "1"),))
            ),
            sold_at=datetime.now(UTC),
            buyer_pin=buyer_pin,
        )


async def open_shop(tmp_path, key_store) -> Shop:
    """Open (or reopen) the shop in tmp_path/data; the item master is created once."""
    services = build_services(resolve_data_paths(tmp_path / "data"), key_store=key_store)
    items = await services.store.list_items()
    if items:
        return Shop(services, items)
    items = [
        await services.store.add_item(Item("", "Sugar 1kg", "50161800", TaxType.B, Decimal("180.00"))),
        await services.store.add_item(
            Item("", "Maize flour 2kg", "5022110400", TaxType.A, Decimal("230.00"))
        ),
        await services.store.add_item(Item("", "Diesel", "15101505", TaxType.E, Decimal("171.60"))),
    ]
    return Shop(services, items)
