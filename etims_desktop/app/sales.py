"""Record a sale: validate, price it exactly as it will be sent, queue it, and send it at once when it can."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.item import Item
from etims_desktop.domain.outbox import OutboxEntry
from etims_desktop.domain.sale import Sale, TaxType
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.domain.tax import SaleAmounts, compute_amounts, price_for_queue
from etims_desktop.domain.validation import validate_sale
from etims_desktop.storage.records import CodeRecord, PendingSummary
from etims_desktop.sync.code_choices import PAYMENT_TYPES, code_choices


class SaleStore(Protocol):
    async def tax_rates(self, device_id: int) -> dict[TaxType, Decimal]: ...
    async def get_device(self, device_id: int) -> Device: ...
    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...
    async def get_status(self, device_id: int) -> DeviceStatus: ...
    async def list_items(self) -> list[Item]: ...
    async def get_entry(self, sale_id: int) -> OutboxEntry: ...
    async def credited_quantities(self, original_sale_id: int) -> dict[str, Decimal]: ...
    async def pending_summary(self) -> dict[int, PendingSummary]: ...
    async def codes(self, device_id: int, cls: str, include_unused: bool = False) -> list[CodeRecord]: ...
    async def enqueue_sale(
        self, device_id: int, sale: Sale, total: Decimal, total_tax: Decimal
    ) -> tuple[int, bool]: ...


class BatchSettings(Protocol):
    @property
    def vscu_batch_size(self) -> int: ...


class Sender(Protocol):
    async def send_pending(self, device: Device) -> object: ...


class SyncEngine(Protocol):
    """What a sale needs of the sync engine (sync/service.py SyncService)."""

    @property
    def settings(self) -> BatchSettings: ...
    @property
    def drain(self) -> Sender: ...
    def notify(self, device_id: int) -> None: ...


log = logging.getLogger("etims_desktop.sync")


@dataclass(frozen=True)
class RecordedSale:
    sale_id: int
    created: bool  # False: the same trader invoice number was recorded before; nothing new was written
    amounts: SaleAmounts


class SaleService:
    """Sales enter here, from the window, the CLI or an import."""

    def __init__(self, store: SaleStore, sync_service: SyncEngine) -> None:
        self.store = store
        self.sync = sync_service
        self._tasks: set[asyncio.Task[None]] = set()

    async def devices(self) -> list[Device]:
        """The devices a sale may go to (retired ones record nothing new)."""
        return await self.store.list_devices()

    async def items(self) -> list[Item]:
        """The items a sale may hold: the active ones of the item master."""
        return [item for item in await self.store.list_items() if item.active]

    async def payment_types(self, device_id: int | None) -> list[tuple[str, str]]:
        """(code, name) of KRA's payment types (code class 07) as the device knows them."""
        return await code_choices(self.store, device_id, PAYMENT_TYPES)

    async def price(self, device_id: int, sale: Sale) -> SaleAmounts:
        """The amounts exactly as they will be sent (uses the device's cached KRA tax rates)."""
        return compute_amounts(sale, await self.store.tax_rates(device_id))

    async def validate(self, device_id: int, sale: Sale) -> None:
        (await self.store.get_device(device_id)).require_in_use()
        items = {item.code: item for item in await self.store.list_items()}
        original = None
        already = None
        if sale.is_credit_note:
            if sale.original_sale_id is None:
                raise DomainValidationError(
                    "A credit note must name the sale it corrects.", "original_sale_id"
                )
            original_entry = await self.store.get_entry(sale.original_sale_id)
            if original_entry.device_id != device_id:
                raise DomainValidationError("A credit note goes to the same device as its sale.", "device")
            original = original_entry.sale
            already = await self.store.credited_quantities(sale.original_sale_id)
        validate_sale(sale, known_items=items, original=original, already_credited=already)

    async def record(self, device_id: int, sale: Sale, *, send_now: bool = True) -> RecordedSale:
        await self.validate(device_id, sale)
        sale, amounts = price_for_queue(sale, await self.store.tax_rates(device_id))  # kept with it
        sale_id, created = await self.store.enqueue_sale(device_id, sale, amounts.total, amounts.total_tax)
        self.sync.notify(device_id)
        if created and send_now:
            await self._maybe_send(device_id)
        return RecordedSale(sale_id, created, amounts)

    async def _maybe_send(self, device_id: int) -> None:
        """OSCU: submit at once when online. VSCU: upload when a batch is full."""
        device = await self.store.get_device(device_id)
        status = await self.store.get_status(device_id)
        if device.type is DeviceType.OSCU:
            if status.kind is not StatusKind.ONLINE:
                return
        else:
            summary = (await self.store.pending_summary()).get(device_id)
            if not summary or summary.pending < self.sync.settings.vscu_batch_size:
                return
        task = asyncio.create_task(self._send(device_id, device))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send(self, device_id: int, device: Device) -> None:
        try:
            await self.sync.drain.send_pending(device)
        except Exception:  # noqa: BLE001 - the sale is safe in the outbox; the next sync reports it
            log.exception("immediate send for device %s failed", device_id)
        finally:
            self.sync.notify(device_id)

    async def wait_idle(self) -> None:
        """For tests and shutdown: wait until background sends have finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
