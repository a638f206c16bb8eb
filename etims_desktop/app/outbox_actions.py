"""What a person does to one sale in a device's outbox: resend or cancel a refused sale, answer a
check on KRA's portal. Each change is the store's; the sync engine is told the device changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class OutboxStore(Protocol):
    async def resend_sale(self, sale_id: int) -> None: ...
    async def cancel_sale(self, sale_id: int) -> None: ...
    async def confirm_recorded(self, sale_id: int) -> None: ...
    async def send_again_same_number(self, sale_id: int) -> None: ...


class OutboxActions:
    def __init__(self, store: OutboxStore, notify: Callable[[int], None]) -> None:
        self.store = store
        self.notify = notify

    async def resend(self, device_id: int, sale_id: int) -> None:
        """A refused sale, fixed: back in the queue for the next sync."""
        await self.store.resend_sale(sale_id)
        self.notify(device_id)

    async def cancel(self, device_id: int, sale_id: int) -> None:
        """A sale that never reached KRA and holds no number (domain/outbox.py can_cancel)."""
        await self.store.cancel_sale(sale_id)
        self.notify(device_id)

    async def kra_has_it(self, device_id: int, sale_id: int) -> None:
        """Needs your check: the owner found it on KRA's portal - it is signed."""
        await self.store.confirm_recorded(sale_id)

    async def send_again(self, device_id: int, sale_id: int) -> None:
        """Needs your check: not at KRA - it goes again with its own eTIMS number."""
        await self.store.send_again_same_number(sale_id)
        self.notify(device_id)
