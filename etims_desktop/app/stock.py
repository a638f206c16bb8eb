"""Stock on hand per device, and a person's adjustments (opening stock, goods received, damage, a count):
what the window and `etims-desktop stock list|adjust` share. Movements of sales are not made here: the
store makes them when a sale is signed (storage/stock.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import Sale
from etims_desktop.domain.stock import ADJUSTMENTS, MovedLine, StockReason, is_stocked
from etims_desktop.storage.records import StockBalance


class StockStore(Protocol):
    async def stock_balances(self, device_id: int) -> list[StockBalance]: ...
    async def stock_balance(self, device_id: int, item_code: str) -> Decimal: ...
    async def adjust_stock(
        self, device_id: int, lines: list[MovedLine], reason: StockReason, note: str | None = None
    ) -> int: ...
    async def get_item(self, code: str) -> Item: ...
    async def list_devices(self) -> list[Device]: ...


@dataclass(frozen=True)
class Adjusted:
    """What an adjustment recorded: the movement (its document id), the change and the new balance."""

    document_id: int
    item: Item
    change: Decimal
    balance: Decimal


class StockService:
    def __init__(self, store: StockStore, notify: Callable[[int], None]) -> None:
        self.store = store
        self.notify = notify  # e.g. SyncService.notify: the device has something new to send

    async def devices(self) -> list[Device]:
        return await self.store.list_devices()

    async def balance(self, device_id: int, item_code: str) -> Decimal:
        """One item's quantity on hand on this device (0 if it never moved)."""
        return await self.store.stock_balance(device_id, item_code)

    async def balances(self, device_id: int) -> list[StockBalance]:
        """Every stocked item with its quantity on hand on this device (0 if it never moved)."""
        return await self.store.stock_balances(device_id)

    async def adjust(
        self, device_id: int, item_code: str, quantity: Decimal, reason: StockReason, note: str | None = None
    ) -> Adjusted:
        """Record an adjustment and queue it for KRA. `quantity` is as a person says it: how many came in
        (opening, received), how many were damaged (damage), or how many were counted (count)."""
        if reason not in ADJUSTMENTS:
            choices = ", ".join(r.value for r in ADJUSTMENTS)
            raise DomainValidationError(
                f"'{reason.label}' is recorded by the app itself. Choose one of: {choices}.", field="reason"
            )
        if not quantity.is_finite() or quantity != quantity.quantize(Decimal("0.01")):
            raise DomainValidationError(
                "Enter the quantity with at most 2 decimals, e.g. 12 or 2.5.", field="quantity"
            )
        item = await self.store.get_item(item_code)
        if not is_stocked(item.item_type):
            raise DomainValidationError(
                f"{item.name} is a service: services carry no stock, so there is nothing to adjust.",
                field="item",
            )
        balance = await self.store.stock_balance(device_id, item.code)
        change = _change(reason, quantity, balance, item.name)
        line = MovedLine(
            item.code, item.item_class_code, item.name, change, item.price, item.tax_type,
            item.pkg_unit_code, item.qty_unit_code, item.barcode,
        )  # fmt: skip
        document_id = await self.store.adjust_stock(device_id, [line], reason, note.strip() if note else None)
        self.notify(device_id)
        return Adjusted(document_id, item, change, balance + change)

    async def shortages(self, device_id: int, sale: Sale) -> list[str]:
        """Warnings (never a refusal) for stocked items this sale takes below zero on this device."""
        wanted: dict[str, tuple[str, Decimal]] = {}
        for line in sale.lines:
            name, qty = wanted.get(line.item_code, (line.name, Decimal(0)))
            wanted[line.item_code] = (name, qty + line.qty)
        on_hand = {b.item_code: b.quantity for b in await self.store.stock_balances(device_id)}
        return [
            f"{name}: {on_hand[code]:f} in stock, this sale takes {qty:f}. The sale is recorded anyway; "
            "record the stock you received (a purchase or an adjustment) so KRA's stock figures stay right."
            for code, (name, qty) in wanted.items()
            if code in on_hand and on_hand[code] < qty
        ]


def _change(reason: StockReason, quantity: Decimal, balance: Decimal, name: str) -> Decimal:
    if reason is StockReason.COUNT:
        if quantity < 0:
            raise DomainValidationError(
                "Enter the quantity you counted on the shelf (0 or more).", field="quantity"
            )
        if quantity == balance:
            raise DomainValidationError(
                f"The count matches the books ({balance:f} of {name}): there is nothing to correct.",
                field="quantity",
            )
        return quantity - balance
    if quantity <= 0:
        raise DomainValidationError(
            f"Enter how many ({reason.label}) as a number above 0, for example 12.", field="quantity"
        )
    return -quantity if reason is StockReason.DAMAGE else quantity
