"""Sync all devices (or one), type-aware, concurrently, and tell the truth about what happened."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import PlainError
from etims_desktop.domain.outbox import OutboxState, pending_count
from etims_desktop.domain.status import StatusKind
from etims_desktop.sync import number_check
from etims_desktop.sync.device_checks import DeviceChecker, status_from_error
from etims_desktop.sync.outbox_drain import OutboxDrain, ProgressCallback
from etims_desktop.sync.reference_data import ReferenceData
from etims_desktop.sync.report import DeviceSyncReport, Progress, SyncReport
from etims_desktop.sync.settings import SyncSettings

if TYPE_CHECKING:
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.connections import Connections


log = logging.getLogger("etims_desktop.sync")


class SyncAlreadyRunning(PlainError):
    """A second Sync was asked for while one runs; the first one's report will tell everything."""


class DatabaseDamaged(PlainError):
    """The database failed its integrity check at start-up: nothing is sent until it is restored."""


class SyncService:
    """The Sync button and `etims-desktop sync`: check, resolve, drain, refresh - per device, in parallel."""

    def __init__(
        self,
        store: Store,
        connections: Connections,
        settings: SyncSettings | None = None,
        clock: Callable[[], datetime] = utcnow,
    ):
        self.store = store
        self.connections = connections
        self.settings = settings or SyncSettings()
        self.clock = clock
        self.checker = DeviceChecker(store, connections)
        self.drain = OutboxDrain(store, connections, self.settings, clock)
        self.reference = ReferenceData(store, connections, self.settings, clock)
        self._run: asyncio.Future[None] | None = None
        self.device_listeners: list[Callable[[int], None]] = []  # told when a device's data changed

    def apply_settings(self, settings: SyncSettings) -> None:
        """New settings take effect at once, for every part of the engine."""
        self.settings = self.drain.settings = self.reference.settings = settings

    @property
    def running(self) -> bool:
        return self._run is not None and not self._run.done()

    def notify(self, device_id: int) -> None:
        for listener in list(self.device_listeners):
            listener(device_id)

    async def sync(
        self, device_ids: list[int] | None = None, progress: ProgressCallback | None = None
    ) -> SyncReport:
        if self.running:
            raise SyncAlreadyRunning("A sync is already running.")
        if self.store.damage:
            raise DatabaseDamaged(number_check.DAMAGED)
        self._run = asyncio.get_running_loop().create_future()
        try:
            return await self._sync(device_ids, progress)
        finally:
            self._run.set_result(None)

    async def _sync(self, device_ids: list[int] | None, progress: ProgressCallback | None) -> SyncReport:
        started = self.clock()
        devices = [d for d in await self.store.list_devices() if device_ids is None or d.id in device_ids]
        scope = "all" if device_ids is None else ",".join(str(i) for i in device_ids)
        run_id = await self.store.start_sync_run(scope, started)
        report = SyncReport(run_id, started)
        results = await asyncio.gather(*(self.sync_device(d, progress) for d in devices))
        report.devices = list(results)
        report.finished_at = self.clock()
        await self.store.finish_sync_run(
            run_id, report.finished_at, {d.device_id: d.to_json() for d in results}
        )
        return report

    async def sync_device(self, device: Device, progress: ProgressCallback | None = None) -> DeviceSyncReport:
        """One device, start to end. Never raises: a device's failure must not stop the others."""
        report = DeviceSyncReport(device.saved_id, device.name, device.type.value)

        def tell(event: Progress) -> None:
            if progress:
                progress(event)
            self.notify(device.saved_id)

        try:
            tell(Progress(device.saved_id, "checking", message="checking the connection"))
            report.status = await self.checker.check(device)
            if report.status.kind is StatusKind.ONLINE:
                await self.drain.drain(device, report, progress=tell)  # sales, and the document queue
                if report.status.kind is StatusKind.ONLINE and not report.synced_elsewhere:
                    tell(Progress(device.saved_id, "refreshing", message="refreshing code lists"))
                    await self.reference.refresh(device, report)
            else:
                report.waiting_reason = report.status.plain or report.status.kind.label
        except Exception as exc:  # noqa: BLE001 - report it, keep the other devices going
            log.exception("sync of device %s failed", device.saved_id)
            report.status = status_from_error(device, exc)
            report.errors.append(report.status.plain or "An unexpected error stopped this device's sync.")
        await self._finish(device, report)
        tell(Progress(device.saved_id, "done", message=report.summary()))
        return report

    async def _finish(self, device: Device, report: DeviceSyncReport) -> None:
        """Record the device's status, last success and last error, and count what still waits."""
        status = report.status
        if report.synced_elsewhere:  # the program that synced it records its outcome, not us
            counts = await self.store.outbox_counts(device.saved_id)
        else:
            error: tuple[str | None, str | None, str | None]
            if report.reached_kra and not report.errors:
                succeeded_at, error = self.clock(), (None, None, None)
            else:
                plain = status.plain or (report.errors[0] if report.errors else None)
                succeeded_at, error = None, (status.code, plain, status.next_step)
            counts = await self.store.finish_device_sync(device.saved_id, status, succeeded_at, error)
        report.still_pending = pending_count(counts)
        await self.drain.documents.count(device.saved_id, report)  # purchases, imports, stock: per group
        report.needs_fix_total = counts.get(OutboxState.NEEDS_FIX, 0)
        report.needs_check_total = counts.get(OutboxState.NEEDS_CHECK, 0)
        if report.still_pending and not report.waiting_reason:
            report.waiting_reason = "they are due for a later retry"
