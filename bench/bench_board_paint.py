"""What does the device board cost the GUI thread while 20 devices drain? The same board traffic each run.

    .venv/bin/python bench/bench_board_paint.py               # 20 devices x 100 sales, 5 runs
    .venv/bin/python bench/bench_board_paint.py --profile /tmp/board.prof

No network, no store, no clock: the board (DeviceBoardView over DeviceBoardModel, 1366 px wide, offscreen)
is fed what a windowed drain feeds it - each device's phase and every sale's count (Progress), the repaint
tick every 5 sales, a reload of the rows (pending counts falling) every 20 - and painted after each tick as
the event loop would. The figure is the CPU time of this thread (time.thread_time), so other work on the
machine changes it little; bench_window_drain.py measures the real drain with the window open.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import time
from datetime import timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import benchkit  # noqa: E402, F401 - puts this checkout first on sys.path
from PySide6.QtWidgets import QApplication  # noqa: E402

from etims_desktop.domain.clock import utcnow  # noqa: E402
from etims_desktop.domain.device import Device, DeviceType, Environment  # noqa: E402
from etims_desktop.domain.status import DeviceStatus, StatusKind  # noqa: E402
from etims_desktop.sync.report import Progress  # noqa: E402
from etims_desktop.ui.board.board_model import BoardRow, DeviceBoardModel  # noqa: E402
from etims_desktop.ui.board.board_view import DeviceBoardView  # noqa: E402

REPAINT_EVERY = 5  # sales per device between repaint ticks (PROGRESS_REPAINT_MS at 20 sales/s)
RELOAD_EVERY = 20  # sales per device between reloads of the rows (a reload a second)


def rows(pending: list[int]) -> list[BoardRow]:
    now = utcnow()
    return [
        BoardRow(
            Device(i + 1, f"OSCU WIN-{i + 1:03d}", DeviceType.OSCU, "P051234567X", f"{i + 1:02d}",
                   f"SN{i + 1}", Environment.CUSTOM, "http://127.0.0.1:9", scu_id="KRACU0100000001"),
            DeviceStatus(StatusKind.ONLINE, now - timedelta(seconds=20), 12.0),
            pending=count,
            oldest_pending_at=now - timedelta(minutes=3),
            last_success_at=now - timedelta(minutes=1),
        )
        for i, count in enumerate(pending)
    ]  # fmt: skip


def drain(devices: int, sales: int) -> float:
    """One drain's board traffic; returns this thread's CPU seconds."""
    view = DeviceBoardView()
    model = DeviceBoardModel(view)
    view.setModel(model)
    view.resize(1366, 420)
    view.show()
    clock = [0.0]
    model.monotonic = lambda: clock[0]  # the time left shows from the 3rd second, as in a real drain
    pending = [sales] * devices
    model.set_rows(rows(pending))
    view.fit()
    QApplication.processEvents()
    started = time.thread_time()
    for device_id in range(1, devices + 1):
        model.set_progress(Progress(device_id, "checking"))
    QApplication.processEvents()
    for sent in range(1, sales + 1):
        clock[0] += 0.05
        for device_id in range(1, devices + 1):
            model.set_progress(Progress(device_id, "sending", done=sent, total=sales))
            pending[device_id - 1] = sales - sent
        if sent % REPAINT_EVERY == 0:
            model._paint_progress_due()  # the repaint tick's timer, on cue
            QApplication.processEvents()
        if sent % RELOAD_EVERY == 0:
            model.set_rows(rows(pending))
            QApplication.processEvents()
    for device_id in range(1, devices + 1):
        model.set_progress(Progress(device_id, "done"))
    model.clear_progress()
    model.set_rows(rows(pending))
    QApplication.processEvents()
    spent = time.thread_time() - started
    view.deleteLater()
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--sales", type=int, default=100, help="sales per device")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", metavar="FILE", help="cProfile (thread CPU time) of one more run")
    args = parser.parse_args()

    _app = QApplication.instance() or QApplication(sys.argv)  # kept alive while the runs paint
    drain(args.devices, args.sales)  # warm-up: icons, fonts, translations loaded
    seconds = [drain(args.devices, args.sales) for _ in range(args.repeat)]
    listed = ", ".join(f"{s:.3f}" for s in seconds)
    print(
        f"{args.devices} x {args.sales}: GUI-thread CPU {statistics.median(seconds):.3f} s median ({listed})"
    )
    if args.profile:
        profiler = cProfile.Profile(time.thread_time)
        profiler.enable()
        drain(args.devices, args.sales)
        profiler.disable()
        profiler.dump_stats(args.profile)
        print(f"profile: {args.profile}")


if __name__ == "__main__":
    main()
