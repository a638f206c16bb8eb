"""Runs the Sync button's work on the event loop and turns its callbacks into Qt signals."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from etims_desktop.sync.report import Progress, SyncReport
from etims_desktop.sync.service import SyncAlreadyRunning
from etims_desktop.ui.tasks import plain_error, spawn

log = logging.getLogger("etims_desktop.ui")


class SyncController(QObject):
    """At most one run at a time. `started`/`progressed`/`finished` drive the buttons, board and report."""

    started = Signal(object)  # list[int] | None: the devices being synced (None = all)
    progressed = Signal(object)  # Progress
    finished = Signal(object)  # SyncReport
    refused = Signal(str)  # plain words: why no run was started
    failed = Signal(str)  # plain words: the run itself broke

    def __init__(self, sync_service, parent=None):
        super().__init__(parent)
        self.sync = sync_service
        self._task: asyncio.Task | None = None
        self.last_report: SyncReport | None = None

    @property
    def running(self) -> bool:
        return (self._task is not None and not self._task.done()) or self.sync.running

    def sync_all(self) -> bool:
        return self.start(None)

    def sync_devices(self, device_ids: list[int]) -> bool:
        return self.start(list(device_ids))

    def start(self, device_ids: list[int] | None) -> bool:
        """Start a run unless one is going; True when this call started one."""
        if self.running:
            self.refused.emit(self.tr("A sync is already running. Its report will show everything."))
            return False
        self._task = spawn(self._run(device_ids))
        self.started.emit(device_ids)
        return True

    async def _run(self, device_ids: list[int] | None) -> None:
        report = None
        refused = failed = None
        try:
            report = await self.sync.sync(device_ids, progress=self._progress)
        except SyncAlreadyRunning:
            refused = self.tr("A sync is already running. Its report will show everything.")
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("sync run failed")
            failed = self.tr("The sync stopped: %1").replace("%1", plain_error(exc))
        finally:
            self._task = None  # listeners below see `running` False
        if report is not None:
            self.last_report = report
            self.finished.emit(report)
        elif refused:
            self.refused.emit(refused)
        else:
            self.failed.emit(failed or "")

    def _progress(self, event: Progress) -> None:
        self.progressed.emit(event)
