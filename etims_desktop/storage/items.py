"""The shop's item master and where each item is registered with KRA (saveItem, per device)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item, make_item_code
from etims_desktop.domain.translatable import Said
from etims_desktop.storage.errors import NO_SUCH_ITEM, NotFound
from etims_desktop.storage.mapping import item_from_row, write_item
from etims_desktop.storage.models import ItemRegistrationRow, ItemRow
from etims_desktop.storage.records import ItemDraft


class ItemRepository:
    """Item rows inside one transaction."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now

    def add(self, item: Item | ItemDraft) -> Item:
        """Save a new item. Without a code (an ItemDraft, or an Item with code ""), KRA's code is made
        from the item's origin, type and units and the next serial number."""
        serial = (self.session.scalar(select(func.max(ItemRow.serial))) or 0) + 1
        code = getattr(item, "code", "") or ""
        if not code:
            try:
                code = make_item_code(
                    item.origin_country, item.item_type, item.pkg_unit_code, item.qty_unit_code, serial
                )
            except ValueError:
                raise DomainValidationError(
                    "The item code would be longer than KRA's 20 characters; check the unit codes.",
                    field="pkg_unit_code",
                ) from None
        if self.session.get(ItemRow, code) is not None:
            raise DomainValidationError(f"There is already an item with code {code}.", field="code")
        row = ItemRow(code=code, serial=serial, created_at=self.now, updated_at=self.now)
        write_item(row, item)
        self.session.add(row)
        self.session.flush()
        return item_from_row(row)

    def update(self, item: Item) -> Item:
        """Change an item. Any change is news for KRA: the item is registered again on every device."""
        row = self._row(item.code)
        if write_item(row, item):
            row.updated_at = self.now
            for registration in self.session.scalars(
                select(ItemRegistrationRow).where(ItemRegistrationRow.item_code == item.code)
            ):
                registration.registered_at = None
        return item_from_row(row)

    def list(self) -> list[Item]:
        return [item_from_row(row) for row in self.session.scalars(select(ItemRow).order_by(ItemRow.name))]

    def get(self, code: str) -> Item:
        return item_from_row(self._row(code))

    def unregistered(self, device_id: int, codes: Iterable[str]) -> builtins.list[Item]:
        """Those of `codes` (known items) that are not registered on the device yet."""
        codes = sorted(set(codes))
        if not codes:
            return []
        registered = (
            select(ItemRegistrationRow.item_code)
            .where(ItemRegistrationRow.device_id == device_id, ItemRegistrationRow.registered_at.is_not(None))
            .scalar_subquery()
        )
        rows = self.session.scalars(
            select(ItemRow)
            .where(ItemRow.code.in_(codes), ItemRow.code.not_in(registered))
            .order_by(ItemRow.code)
        )
        return [item_from_row(row) for row in rows]

    def mark_registered(self, device_id: int, code: str, at: datetime) -> None:
        self._row(code)
        self._set_registration(device_id, code, registered_at=at, last_error=None)

    def record_registration_error(self, device_id: int, code: str, error: str) -> None:
        """KRA refused to register the item on this device: keep the reason, stay unregistered."""
        self._row(code)
        self._set_registration(device_id, code, registered_at=None, last_error=error)

    def registrations(self, code: str) -> dict[int, datetime | None]:
        """Device id -> when the item was registered there (None: must be registered again)."""
        self._row(code)
        rows = self.session.execute(
            select(ItemRegistrationRow.device_id, ItemRegistrationRow.registered_at).where(
                ItemRegistrationRow.item_code == code
            )
        )
        return {device_id: at for device_id, at in rows}

    def _set_registration(self, device_id: int, code: str, **values: Any) -> None:
        statement = insert(ItemRegistrationRow).values(item_code=code, device_id=device_id, **values)
        self.session.execute(
            statement.on_conflict_do_update(index_elements=["item_code", "device_id"], set_=values)
        )

    def _row(self, code: str) -> ItemRow:
        row = self.session.get(ItemRow, code)
        if row is None:
            raise NotFound(Said(NO_SUCH_ITEM, code=code), field="code")
        return row
