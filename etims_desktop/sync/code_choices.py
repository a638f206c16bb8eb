"""KRA code lists as (code, name) choices for pickers, with sensible defaults until a device has synced them."""

from __future__ import annotations

from typing import Protocol

from etims_desktop.domain.device import Device
from etims_desktop.storage.records import CodeRecord


class CodeStore(Protocol):
    """Where the code lists are cached (storage/store.py Store)."""

    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...
    async def codes(self, device_id: int, cls: str, include_unused: bool = False) -> list[CodeRecord]: ...


PAYMENT_TYPES = "07"
QUANTITY_UNITS = "10"
PACKAGING_UNITS = "17"
ITEM_TYPES = "24"
REFUND_REASONS = "32"

# kra-etims-api.md section 7: used only when no device has the code list cached yet.
DEFAULT_CODES: dict[str, list[tuple[str, str]]] = {
    PAYMENT_TYPES: [
        ("01", "CASH"),
        ("02", "CREDIT"),
        ("03", "CASH/CREDIT"),
        ("04", "BANK CHECK"),
        ("05", "DEBIT&CREDIT CARD"),
        ("06", "MOBILE MONEY"),
        ("07", "OTHER"),
    ],
    QUANTITY_UNITS: [
        ("U", "Pieces/item [Number]"),
        ("KG", "Kilo-Gramme"),
        ("GRM", "Gram"),
        ("L", "Litre"),
        ("M", "Metre"),
        ("BX", "Box"),
        ("DZ", "Dozen"),
        ("PA", "Packet"),
        ("SET", "Set"),
        ("NO", "Number"),
        ("4B", "Pair"),
        ("BG", "Bag"),
        ("TNE", "Tonne"),
    ],
    PACKAGING_UNITS: [
        ("NT", "Net"),
        ("OU", "Non-Exterior Packaging Unit (services)"),
        ("BG", "Bag"),
        ("BX", "Box"),
        ("CT", "Carton"),
        ("CA", "Can"),
        ("JR", "Jar"),
        ("DR", "Drum"),
        ("RO", "Roll"),
        ("BA", "Barrel"),
        ("AM", "Ampoule"),
        ("PG", "Plate"),
    ],
    ITEM_TYPES: [("1", "Raw Material"), ("2", "Finished Product"), ("3", "Service")],
    REFUND_REASONS: [
        ("01", "Missing Quantity"),
        ("02", "Missing data"),
        ("03", "Damaged"),
        ("04", "Wasted"),
        ("05", "Raw Material Shortage"),
        ("06", "Refund"),
        ("07", "Wrong Customer PIN"),
        ("08", "Wrong Customer name"),
        ("09", "Wrong Amount/price"),
        ("10", "Wrong Quantity"),
        ("11", "Wrong Item(s)"),
        ("12", "Wrong tax type"),
        ("13", "Other reason"),
    ],
}


async def code_choices(store: CodeStore, device_id: int | None, cls: str) -> list[tuple[str, str]]:
    """(code, name) pairs of code class `cls` as KRA gave them to this device (or to any device when
    `device_id` is None); the built-in defaults when none has them yet."""
    device_ids = [device_id] if device_id is not None else [d.saved_id for d in await store.list_devices()]
    for candidate in device_ids:
        records = await store.codes(candidate, cls)
        choices = [(r.code, r.name) for r in records if r.in_use]
        if choices:
            return choices
    return list(DEFAULT_CODES.get(cls, []))


async def code_name(store: CodeStore, device_id: int | None, cls: str, code: str | None) -> str:
    """The name of one code ('01' -> 'CASH'); the code itself when unknown."""
    if not code:
        return ""
    for candidate, name in await code_choices(store, device_id, cls):
        if candidate == code:
            return name
    return code
