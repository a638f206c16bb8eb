"""Customs imports: fetch the lines customs declared for us (incrementally), accept one as an item of
the master (created if needed) - its quantity comes into stock - or reject it. The answers
(updateImportItem) and the stock go through the document queue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.client import KraClient
from etims_desktop.storage.records import ImportLineRecord, ItemDraft

FETCH_KIND = "imports"


class ImportStore(Protocol):
    async def get_device(self, device_id: int) -> Device: ...
    async def get_fetch_mark(self, device_id: int, kind: str) -> datetime | None: ...
    async def save_import_lines(
        self, device_id: int, lines: list[dict[str, Any]], result_dt: datetime | None
    ) -> int: ...
    async def list_imports(
        self, device_id: int | None = None, states: list[str] | None = None
    ) -> list[ImportLineRecord]: ...
    async def get_import(self, import_id: int) -> ImportLineRecord: ...
    async def accept_import(self, import_id: int, item: Item) -> int: ...
    async def reject_import(self, import_id: int, remark: str | None = None) -> int: ...
    async def get_item(self, code: str) -> Item: ...
    async def add_item(self, item: Item | ItemDraft) -> Item: ...


class Clients(Protocol):
    async def client_for(self, device: Device) -> KraClient: ...


@dataclass(frozen=True)
class NewItem:
    """What an import line needs to become a new item of the master (customs names no item class)."""

    item_class_code: str
    price: Decimal  # the shelf price, VAT-inclusive
    tax_type: TaxType = TaxType.B
    name: str | None = None  # default: the import line's name


@dataclass(frozen=True)
class Answered:
    line: ImportLineRecord
    document_id: int
    created_item: Item | None = None


class ImportService:
    def __init__(self, store: ImportStore, clients: Clients, notify: Callable[[int], None]) -> None:
        self.store = store
        self.clients = clients
        self.notify = notify

    async def fetch(self, device_id: int) -> int:
        """Ask KRA for import lines since the last fetch; returns how many are new."""
        device = await self.store.get_device(device_id)
        client = await self.clients.client_for(device)
        lookup = await client.select_imports(await self.store.get_fetch_mark(device_id, FETCH_KIND))
        lines = [line.model_dump(mode="json", by_alias=True) for line in lookup.items]
        return await self.store.save_import_lines(device_id, lines, lookup.result_at)

    async def list(
        self, device_id: int | None = None, states: list[str] | None = None
    ) -> list[ImportLineRecord]:
        return await self.store.list_imports(device_id, states)

    async def accept(
        self, import_id: int, item_code: str | None = None, new_item: NewItem | None = None
    ) -> Answered:
        """Accept the line as item `item_code`, or as a new item made from it (`new_item`)."""
        line = await self.store.get_import(import_id)
        if (item_code is None) == (new_item is None):
            raise DomainValidationError(
                "Say which item this import is: an item code from your item list, or the details of a new item.",
                field="item",
            )
        created = None
        if item_code is not None:
            item = await self.store.get_item(item_code)
        else:
            assert new_item is not None
            item = created = await self.store.add_item(
                ItemDraft(
                    name=new_item.name or line.name,
                    item_class_code=new_item.item_class_code,
                    tax_type=new_item.tax_type,
                    price=new_item.price,
                    item_type="2",
                    origin_country="KE",
                    qty_unit_code=line.qty_unit_code or "U",
                )
            )
        document_id = await self.store.accept_import(import_id, item)
        self.notify(line.device_id)
        return Answered(await self.store.get_import(import_id), document_id, created)

    async def reject(self, import_id: int, remark: str | None = None) -> Answered:
        line = await self.store.get_import(import_id)
        document_id = await self.store.reject_import(import_id, remark)
        self.notify(line.device_id)
        return Answered(await self.store.get_import(import_id), document_id)
