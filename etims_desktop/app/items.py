"""The item master for the Items tab: items and where KRA knows them, KRA's classifications and code
lists to choose from, adding and editing items, and registering them on a device (sync/items.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from etims_desktop.domain.device import Device
from etims_desktop.domain.item import Item
from etims_desktop.storage.records import ItemClassRecord, ItemDraft, StockBalance
from etims_desktop.sync.code_choices import CodeStore, code_choices
from etims_desktop.sync.items import RegistrationReport


class ItemStore(CodeStore, Protocol):
    async def list_items(self) -> list[Item]: ...
    async def add_item(self, item: Item | ItemDraft) -> Item: ...
    async def update_item(self, item: Item) -> Item: ...
    async def registrations(self, code: str) -> dict[int, datetime | None]: ...
    async def stock_balances(self, device_id: int) -> list[StockBalance]: ...
    async def search_item_classes(self, device_id: int, text: str, limit: int = 50) -> list[ItemClassRecord]: ...


class Registrar(Protocol):
    """sync/items.py ItemRegistrar: one saveItem per item, on one device."""

    async def register(self, device: Device, items: Iterable[Item]) -> RegistrationReport: ...
    async def register_all(self, device: Device) -> RegistrationReport: ...


@dataclass(frozen=True)
class ItemListRow:
    """One line of the Items tab's table (the stored item is storage.models.ItemRow)."""

    item: Item
    registered: dict[int, datetime | None]  # device id -> when KRA accepted it (None: not yet)
    stock: dict[int, Decimal] = field(default_factory=dict)  # device id -> on hand (app/stock.py)


class ItemCatalogue:
    def __init__(self, store: ItemStore, registrar: Registrar) -> None:
        self.store = store
        self.registrar = registrar

    async def devices(self) -> list[Device]:
        return await self.store.list_devices()

    async def rows(self) -> list[ItemListRow]:
        """Every item, with the devices KRA knows it on and its stock on hand on each."""
        devices = await self.store.list_devices()
        stock = {
            d.saved_id: {b.item_code: b.quantity for b in await self.store.stock_balances(d.saved_id)}
            for d in devices
        }
        return [
            ItemListRow(
                item,
                dict(await self.store.registrations(item.code)),
                {d.saved_id: stock[d.saved_id].get(item.code, Decimal(0)) for d in devices},
            )
            for item in await self.store.list_items()
        ]

    async def choices(self, cls: str) -> list[tuple[str, str]]:
        """(code, name) of KRA code class `cls` as any device knows it (else the built-in list)."""
        return await code_choices(self.store, None, cls)

    async def classifications(self, text: str, limit: int = 30) -> dict[str, str]:
        """KRA item classifications whose code or name matches `text`: code -> name, over every device."""
        found: dict[str, str] = {}
        for device in await self.store.list_devices():
            for record in await self.store.search_item_classes(device.saved_id, text, limit=limit):
                found.setdefault(record.code, record.name)
        return found

    async def add(self, draft: ItemDraft) -> Item:
        return await self.store.add_item(draft)

    async def update(self, item: Item) -> Item:
        return await self.store.update_item(item)

    async def register(self, device: Device, items: Iterable[Item]) -> RegistrationReport:
        return await self.registrar.register(device, items)

    async def register_all(self, device: Device) -> RegistrationReport:
        return await self.registrar.register_all(device)
