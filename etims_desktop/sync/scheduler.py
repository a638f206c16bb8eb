"""Background work between Sync presses: OSCU live checks that wake the queue, VSCU batch uploads."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.status import StatusKind

if TYPE_CHECKING:
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.service import SyncService


log = logging.getLogger("etims_desktop.sync")


class SyncScheduler:
    """One asyncio task; every tick it checks OSCU devices that are due and uploads VSCU batches that are due."""

    def __init__(self, store: Store, sync_service: SyncService, tick_seconds: float = 1.0) -> None:
        self.store = store
        self.sync = sync_service
        self.tick_seconds = tick_seconds
        self._last_check: dict[int, datetime] = {}
        self._last_upload: dict[int, datetime] = {}
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._loop(), name="sync-scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _loop(self) -> None:
        while True:
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - keep the scheduler alive; the board shows device errors
                log.exception("scheduler tick failed")
            await asyncio.sleep(self.tick_seconds)

    async def tick(self, now: datetime | None = None) -> None:
        if self.sync.running or self.store.damage:
            return  # a Sync run is doing all of this right now, or the database must be restored first
        now = now or datetime.now(UTC)
        settings = self.sync.settings
        pending = await self.store.pending_summary()
        jobs = []
        elsewhere = self.sync.drain.device_locks.busy_elsewhere
        devices = await self.store.list_devices()
        # Purchases, imports and stock waiting count as work too (the drain sends them with the sales).
        documents = await self.store.devices_with_pending_documents([d.saved_id for d in devices])
        for device in devices:
            waiting = pending.get(device.saved_id)
            has_work = bool(waiting and waiting.pending) or device.saved_id in documents
            if device.id in elsewhere:  # another program was draining it: carry on once it has finished
                jobs.append(self._upload(device))
            elif device.type is DeviceType.OSCU:
                if self._due(self._last_check, device.saved_id, now, settings.live_check_seconds):
                    jobs.append(self._check_and_wake(device, has_work))
            elif has_work:
                full = waiting is not None and waiting.pending >= settings.vscu_batch_size
                if full or self._due(
                    self._last_upload, device.saved_id, now, settings.vscu_upload_minutes * 60
                ):
                    self._last_upload[device.saved_id] = now
                    jobs.append(self._upload(device))
        if jobs:
            await asyncio.gather(*jobs)

    @staticmethod
    def _due(marks: dict[int, datetime], device_id: int, now: datetime, seconds: float) -> bool:
        last = marks.get(device_id)
        if last is not None and now - last < timedelta(seconds=seconds):
            return False
        marks[device_id] = now
        return True

    async def _check_and_wake(self, device: Device, has_pending: bool) -> None:
        status = await self.sync.checker.check(device)
        self.sync.notify(device.saved_id)
        if status.kind is StatusKind.ONLINE and has_pending:
            await self._upload(device)

    async def _upload(self, device: Device) -> None:
        await self.sync.drain.send_pending(device, progress=lambda _p: self.sync.notify(device.saved_id))
        self.sync.notify(device.saved_id)
