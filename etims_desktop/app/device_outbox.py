"""One device's page in the window: its outbox by state, its sync runs, a sale's history, and fetching
KRA's code lists now. The person's answers to a stuck sale are app/outbox_actions.py."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Protocol

from etims_desktop.domain.device import Device
from etims_desktop.domain.outbox import OutboxEntry, OutboxState
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.storage.records import StateChange, SyncRunRecord
from etims_desktop.sync.report import DeviceSyncReport


class DeviceOutboxStore(Protocol):
    async def get_device(self, device_id: int) -> Device: ...
    async def get_status(self, device_id: int) -> DeviceStatus: ...
    async def save_status(self, device_id: int, status: DeviceStatus) -> None: ...
    async def outbox_counts(self, device_id: int) -> dict[OutboxState, int]: ...
    async def list_outbox(
        self,
        device_id: int | None = None,
        states: set[OutboxState] | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[OutboxEntry]: ...
    async def list_sync_runs(self, device_id: int | None = None, limit: int = 50) -> list[SyncRunRecord]: ...
    async def history(self, sale_id: int) -> list[StateChange]: ...


class ReferenceRefresh(Protocol):
    """sync/reference_data.py ReferenceData."""

    async def refresh(self, device: Device, report: DeviceSyncReport, *, force: bool = False) -> None: ...


@dataclass(frozen=True)
class DeviceOutboxPage:
    device: Device
    status: DeviceStatus
    counts: dict[OutboxState, int]
    entries: list[OutboxEntry]  # newest first, in the states asked for
    runs: list[SyncRunRecord]  # the last sync runs, newest first


class DeviceOutbox:
    def __init__(
        self, store: DeviceOutboxStore, reference: ReferenceRefresh, notify: Callable[[int], None]
    ) -> None:
        self.store = store
        self.reference = reference
        self.notify = notify

    async def page(
        self, device_id: int, states: Collection[OutboxState], limit: int, runs: int = 30
    ) -> DeviceOutboxPage:
        store = self.store
        return DeviceOutboxPage(
            device=await store.get_device(device_id),
            status=await store.get_status(device_id),
            counts=await store.outbox_counts(device_id),
            entries=await store.list_outbox(device_id, set(states), limit=limit),
            runs=await store.list_sync_runs(device_id, runs),
        )

    async def history(self, sale_id: int) -> list[StateChange]:
        return await self.store.history(sale_id)

    async def refresh_reference(self, device: Device) -> DeviceSyncReport:
        """Fetch KRA's code lists, item classes and notices now. A device that cannot be reached gets
        that status at once (the board says so); the report lists what came and what failed."""
        report = DeviceSyncReport(device.saved_id, device.name, device.type.value)
        await self.reference.refresh(device, report, force=True)
        if report.status.kind is not StatusKind.UNKNOWN:
            await self.store.save_status(device.saved_id, report.status)
        self.notify(device.saved_id)
        return report
