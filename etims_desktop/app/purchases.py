"""Purchases: fetch suppliers' invoices to our PIN from KRA (incrementally), accept one (each line
mapped to an item of the master - created when missing) or reject it, and declare a purchase from a
supplier without eTIMS. The confirmation and the stock it brings in go through the document queue."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.purchase import PurchaseHeader, PurchaseLine
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.client import KraClient
from etims_desktop.storage.records import ItemDraft, PurchaseRecord, SupplierLine

FETCH_KIND = "purchases"  # its fetch mark (lastReqDt of the next call)


class PurchaseStore(Protocol):
    async def get_device(self, device_id: int) -> Device: ...
    async def get_fetch_mark(self, device_id: int, kind: str) -> datetime | None: ...
    async def save_supplier_invoices(
        self, device_id: int, invoices: list[dict[str, Any]], result_dt: datetime | None
    ) -> int: ...
    async def list_purchases(
        self, device_id: int | None = None, states: list[str] | None = None
    ) -> list[PurchaseRecord]: ...
    async def get_purchase(self, purchase_id: int) -> PurchaseRecord: ...
    async def accept_purchase(
        self, purchase_id: int, lines: list[PurchaseLine], payment_type: str | None = None
    ) -> int: ...
    async def reject_purchase(self, purchase_id: int) -> int: ...
    async def record_manual_purchase(
        self, device_id: int, header: PurchaseHeader, lines: list[PurchaseLine]
    ) -> tuple[int, int]: ...
    async def list_items(self) -> list[Item]: ...
    async def get_item(self, code: str) -> Item: ...
    async def add_item(self, item: Item | ItemDraft) -> Item: ...


class Clients(Protocol):
    async def client_for(self, device: Device) -> KraClient: ...


@dataclass(frozen=True)
class Decided:
    purchase: PurchaseRecord
    document_id: int
    created_items: tuple[Item, ...] = ()


class PurchaseService:
    def __init__(self, store: PurchaseStore, clients: Clients, notify: Callable[[int], None]) -> None:
        self.store = store
        self.clients = clients
        self.notify = notify

    async def fetch(self, device_id: int) -> int:
        """Ask KRA for suppliers' invoices to our PIN since the last fetch; returns how many are new.
        KRA's errors (offline, refused) are raised as they are: plain words, nothing stored."""
        device = await self.store.get_device(device_id)
        client = await self.clients.client_for(device)
        since = await self.store.get_fetch_mark(device_id, FETCH_KIND)
        lookup = await client.select_purchases(since)
        invoices = [invoice.model_dump(mode="json", by_alias=True) for invoice in lookup.items]
        return await self.store.save_supplier_invoices(device_id, invoices, lookup.result_at)

    async def list(
        self, device_id: int | None = None, states: list[str] | None = None
    ) -> list[PurchaseRecord]:
        return await self.store.list_purchases(device_id, states)

    async def accept(self, purchase_id: int, mapping: dict[int, str] | None = None) -> Decided:
        """Accept a supplier's invoice. `mapping`: line number -> our item code; a line not mapped is
        matched by name to an item of the master, or a new item is created from the supplier's line."""
        purchase = await self.store.get_purchase(purchase_id)
        mapping = mapping or {}
        unknown = set(mapping) - {line.seq for line in purchase.lines}
        if unknown:
            raise DomainValidationError(
                f"This invoice has no line {min(unknown)}: its lines are 1 to {len(purchase.lines)}.",
                field="map",
            )
        by_name = {item.name.casefold(): item for item in await self.store.list_items() if item.active}
        lines, created = [], []
        for line in purchase.lines:
            code = mapping.get(line.seq)
            if code is not None:
                item = await self.store.get_item(code)
            elif line.name.casefold() in by_name:
                item = by_name[line.name.casefold()]
            else:
                item = await self.store.add_item(_draft(line))
                by_name[item.name.casefold()] = item
                created.append(item)
            lines.append(_line(item, line))
        document_id = await self.store.accept_purchase(purchase_id, lines)
        self.notify(purchase.device_id)
        return Decided(await self.store.get_purchase(purchase_id), document_id, tuple(created))

    async def reject(self, purchase_id: int) -> Decided:
        purchase = await self.store.get_purchase(purchase_id)
        document_id = await self.store.reject_purchase(purchase_id)
        self.notify(purchase.device_id)
        return Decided(await self.store.get_purchase(purchase_id), document_id)

    async def record_manual(
        self,
        device_id: int,
        supplier_name: str,
        items: builtins.list[tuple[str, Decimal, Decimal]],
        *,
        purchased_on: datetime,
        supplier_pin: str | None = None,
        supplier_invoice_no: int | None = None,
        payment_type: str = "01",
    ) -> Decided:
        """A purchase from a supplier without eTIMS: `items` are (our item code, quantity, unit price)."""
        await self.store.get_device(device_id)
        lines = []
        for code, qty, price in items:
            item = await self.store.get_item(code)
            lines.append(
                PurchaseLine(
                    item.code,
                    item.item_class_code,
                    item.name,
                    qty,
                    price,
                    item.tax_type,
                    item.pkg_unit_code,
                    item.qty_unit_code,
                    item.barcode,
                )  # fmt: skip
            )
        header = PurchaseHeader(
            supplier_name=supplier_name.strip(),
            purchased_on=purchased_on,
            manual=True,
            supplier_pin=supplier_pin or None,
            supplier_invoice_no=supplier_invoice_no,
            payment_type=payment_type,
        )
        purchase_id, document_id = await self.store.record_manual_purchase(device_id, header, lines)
        self.notify(device_id)
        return Decided(await self.store.get_purchase(purchase_id), document_id)


def _tax(text: str) -> TaxType:
    try:
        return TaxType(text)
    except ValueError:
        return TaxType.B


def _draft(line: SupplierLine) -> ItemDraft:
    """A new item of the master from a supplier's line: its name, class, tax type and price."""
    return ItemDraft(
        name=line.name,
        item_class_code=line.item_class_code or "50161800",
        tax_type=_tax(line.tax_type),
        price=line.unit_price if line.unit_price > 0 else Decimal("1.00"),
        pkg_unit_code=line.pkg_unit_code or "NT",
        qty_unit_code=line.qty_unit_code or "U",
    )


def _line(item: Item, line: SupplierLine) -> PurchaseLine:
    return PurchaseLine(
        item_code=item.code,
        item_class_code=item.item_class_code,
        name=item.name,
        qty=line.qty,
        unit_price=line.unit_price,
        tax_type=_tax(line.tax_type),
        pkg_unit_code=item.pkg_unit_code,
        qty_unit_code=item.qty_unit_code,
        barcode=item.barcode,
        supplier_item_code=line.item_code,
        supplier_item_class_code=line.item_class_code,
        supplier_item_name=line.name,
    )
