"""The window's Sync run goes on a loop of its own in a worker thread; the window hears of it on its own
(GUI) thread: progress, the report, and a failure."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime

from etims_desktop.sync.report import Progress, SyncReport
from etims_desktop.ui.board.sync_controller import SyncController


class ThreadRecordingSync:
    """A stand-in SyncService: says where it ran, reports progress, then returns or fails."""

    def __init__(self, fail: bool = False):
        self.fail = fail
        self.ran_in: threading.Thread | None = None
        self.ran_on: asyncio.AbstractEventLoop | None = None
        self.running = False

    async def sync(self, device_ids=None, progress=None):
        self.ran_in, self.ran_on = threading.current_thread(), asyncio.get_running_loop()
        for done in range(1, 4):
            progress(Progress(7, "sending", done, 3))
            await asyncio.sleep(0)
        if self.fail:
            raise RuntimeError("the disk went away")
        return SyncReport(1, datetime.now(UTC))


def test_the_run_goes_off_the_gui_thread_and_its_news_come_back_on_it(qtbot, qloop):
    sync = ThreadRecordingSync()
    controller = SyncController(sync)
    heard = []
    controller.progressed.connect(lambda p: heard.append((p.done, threading.current_thread())))
    reports = []
    controller.finished.connect(lambda report: reports.append((report, threading.current_thread())))

    assert controller.sync_all()
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)

    gui = threading.current_thread()
    assert sync.ran_in is not gui and sync.ran_on is not qloop
    assert [done for done, _ in heard] == [1, 2, 3]  # in order, all of them
    assert {thread for _, thread in heard} == {gui} and reports[0][1] is gui
    assert controller.last_report is reports[0][0] and not controller.running


def test_a_failing_run_is_reported_on_the_gui_thread(qtbot, qloop):
    controller = SyncController(ThreadRecordingSync(fail=True))
    failures = []
    controller.failed.connect(lambda text: failures.append((text, threading.current_thread())))

    assert controller.sync_all()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)

    assert "the disk went away" in failures[0][0]
    assert failures[0][1] is threading.current_thread() and not controller.running
