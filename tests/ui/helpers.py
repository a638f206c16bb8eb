"""Helpers for the window tests: await from plain tests, connect devices to the simulator, queue sales."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal

PIN = "P051234567X"


def run(loop, coro):
    """Await `coro` from a plain (non-async) pytest-qt test.

    qasync's run_until_complete clears the running loop when it returns; put it back so the tasks
    the window starts from Qt slots keep finding it (as the `qloop` fixture set it up).
    """
    try:
        return loop.run_until_complete(coro)
    finally:
        asyncio.events._set_running_loop(loop)


async def connect_device(services, sim, name: str, serial: str, device_type: str = "OSCU"):
    """Add a device pointing at `sim` and initialise it there over HTTP (the key goes to the test keyring)."""
    from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment

    kind = DeviceType(device_type)
    sim.approve(PIN, "00", serial, kind)
    device = await services.devices.add_device(
        Device(
            id=None,
            name=name,
            type=kind,
            pin=PIN,
            branch_id="00",
            serial=serial,
            environment=Environment.CUSTOM,
            base_url=sim.api_url,
            endpoint_style=EndpointStyle.NESTED if kind is DeviceType.VSCU else EndpointStyle.FLAT,
        )
    )
    return await services.devices.initialise(device.id)


async def an_item(services):
    from etims_desktop.domain.sale import TaxType
    from etims_desktop.storage.records import ItemDraft

    items = await services.store.list_items()
    if items:
        return items[0]
    return await services.store.add_item(
        ItemDraft(
            name="Sugar 1 kg", item_class_code="5020230500", tax_type=TaxType.B, price=Decimal("150.00")
        )
    )


async def queue_sales(services, device_id: int, count: int, prefix: str = "T") -> list[int]:
    """Record `count` one-line sales without sending them (they wait in the outbox)."""
    from etims_desktop.domain.sale import Sale, SaleLine

    item = await an_item(services)
    ids = []
    for n in range(count):
        sale = Sale(
            trader_invoice_no=f"{prefix}{device_id}-{n + 1}",
            lines=(
                SaleLine(
                    item_code=item.code,
                    item_class_code=item.item_class_code,
                    name=item.name,
                    qty=Decimal("1"),
                    unit_price=item.price,
                    tax_type=item.tax_type,
                    pkg_unit_code=item.pkg_unit_code,
                    qty_unit_code=item.qty_unit_code,
                ),
            ),
            sold_at=datetime.now(UTC),
        )
        recorded = await services.sales.record(device_id, sale, send_now=False)
        ids.append(recorded.sale_id)
    return ids
