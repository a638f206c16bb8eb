"""Runs the Sync button's work and turns its callbacks into Qt signals.

The run itself goes on an asyncio loop of its own in a worker thread (sync/engine_thread.py), not on
the window's qasync loop: a drain is thousands of asyncio callbacks a second, and through Qt's event
loop each one costs a timer event on the GUI thread - the window drained at 40-70 % of the headless
rate. Its progress reaches the GUI thread as queued signals; the window's own coroutines (dialogs,
live checks started from the UI) stay on qasync (docs/PERFORMANCE.md, section 2.1)."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Qt, Signal

from etims_desktop.sync.engine_thread import run_in_engine_thread
from etims_desktop.sync.report import Progress, SyncReport
from etims_desktop.sync.service import SyncAlreadyRunning, SyncService
from etims_desktop.ui.common.tasks import plain_error, spawn

log = logging.getLogger("etims_desktop.ui")


class SyncController(QObject):
    """At most one run at a time. `started`/`progressed`/`finished` drive the buttons, board and report."""

    started = Signal(object)  # list[int] | None: the devices being synced (None = all)
    progressed = Signal(object)  # Progress
    finished = Signal(object)  # SyncReport
    refused = Signal(str)  # plain words: why no run was started
    failed = Signal(str)  # plain words: the run itself broke
    _engine_progressed = Signal(object)  # Progress, emitted in the run's thread

    def __init__(
        self, sync_service: SyncService, parent: QObject | None = None, *, own_thread: bool = True
    ) -> None:
        super().__init__(parent)
        self.sync = sync_service
        self.own_thread = own_thread  # False: the run goes on the window's loop (as before issue 16)
        self._task: asyncio.Task[None] | None = None
        self.last_report: SyncReport | None = None
        # Queued: whichever thread emits, `progressed` is emitted on this object's (the GUI) thread.
        self._engine_progressed.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)

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
            if self.own_thread:
                connections = getattr(self.sync, "connections", None)
                report = await run_in_engine_thread(
                    lambda: self.sync.sync(device_ids, progress=self._engine_progressed.emit),
                    closing=getattr(connections, "aclose_this_loop", None),  # the run's own connections
                )
            else:
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

    def _relay_progress(self, event: Progress) -> None:  # on the GUI thread (a queued connection)
        self.progressed.emit(event)
