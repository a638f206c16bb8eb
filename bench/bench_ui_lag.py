"""Does the window stay responsive during a big drain? Event-loop lag while 10,000 queued sales are sent.

    .venv/bin/python bench/bench_ui_lag.py                     # 1 device x 10,000 sales, 0 ms latency
    .venv/bin/python bench/bench_ui_lag.py --sales 2000 --devices 4
    .venv/bin/python bench/bench_ui_lag.py --profile ui.prof   # cProfile of the GUI thread during the drain
    .venv/bin/python bench/bench_ui_lag.py --no-gc-freeze      # without the app's gc.freeze() after start-up
    .venv/bin/python bench/bench_ui_lag.py --sales 3000 --devices 3 --screenshot mid-drain.png

The main window (etims_desktop.ui.main_window.MainWindow) runs offscreen over the real services on a
qasync loop, as `etims-desktop` does; the simulator runs in its own process. The user's click is
a click on the Sync all button. A PreciseTimer fires every 10 ms on the GUI thread; lag is
how late each tick comes (actual interval - 10 ms). Also reported: the process's peak RSS (the window,
the services and the drain; the simulator is another process).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchkit import SimulatorProcess, add_device, machine, open_shop, queue_sales, table  # noqa: E402

from etims_desktop.domain.device import DeviceType  # noqa: E402
from etims_desktop.storage.secrets import SessionKeyStore  # noqa: E402
from etims_desktop.sync.settings import SyncSettings  # noqa: E402

PROBE_MS = 10
# No scheduler ticks or live checks during the measurement: only the user's Sync runs.
SETTINGS = SyncSettings(live_check_seconds=3600, vscu_upload_minutes=600, reference_refresh_hours=240)


class LagProbe:
    """A 10 ms PreciseTimer on the GUI thread; records how late every tick fires."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.lags: list[float] = []
        self._last = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lags.append(max(0.0, (now - self._last) * 1000 - PROBE_MS))
        self._last = now


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def measure(args) -> dict:
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp, SimulatorProcess(mode="oscu") as sim:
        shop = await open_shop(Path(tmp) / "data", key_store=SessionKeyStore(), settings=SETTINGS)
        services = shop.services
        window = None
        try:
            tills = [await add_device(shop, sim, i, DeviceType.OSCU, "UI") for i in range(args.devices)]
            for till in tills:  # warm-up: items registered, code lists loaded
                await queue_sales(shop, till, 1, f"WARM{till.id}")
            await services.sync.sync()
            per_device = args.sales // args.devices
            for till in tills:
                await queue_sales(shop, till, per_device, f"S{till.id}")

            window = MainWindow(services)
            window.show()
            await window.refresher.first_done.wait()
            if not args.no_gc_freeze:
                gc.freeze()  # as ui/app.py does once the window is up: full collections skip start-up objects
            done = asyncio.Event()
            window.sync.finished.connect(lambda _report: done.set())
            window.sync.failed.connect(lambda _text: done.set())
            probe = LagProbe()
            profiler = cProfile.Profile() if args.profile else None
            probe.start()
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            window.sync_button.click()  # the user's click on "Sync all"
            if args.screenshot:  # what the shop owner sees mid-drain
                asyncio.get_running_loop().call_later(2.0, lambda: window.grab().save(args.screenshot))
            assert window.sync.running, "the window did not start a sync"
            await done.wait()
            seconds = time.perf_counter() - started
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile)
            probe.stop()
            report = window.sync.last_report
            signed = sum(d.signed for d in report.devices) if report else 0
            assert signed == per_device * args.devices, report.summary() if report else "the sync failed"
            return {
                "sales": signed,
                "seconds": seconds,
                "lags": probe.lags,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "board_loads": window.refresher.loads,
            }
        finally:
            if window is not None:
                from shiboken6 import delete

                window.events.detach()
                window.close()
                delete(window)  # its timers die with it: no board refresh may touch the closed store
            await tasks.cancel_all()
            await services.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sales", type=int, default=10_000, help="queued sales in all (default 10,000)")
    parser.add_argument("--devices", type=int, default=1)
    parser.add_argument(
        "--profile", metavar="FILE", help="cProfile the GUI thread during the drain into FILE"
    )
    parser.add_argument(
        "--screenshot", metavar="PNG", help="save the window 2 s into the drain (what the user sees)"
    )
    parser.add_argument(
        "--no-gc-freeze", action="store_true", help="skip the gc.freeze() the app does once its window is up"
    )
    args = parser.parse_args()

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)  # closing the window must not stop the loop before clean-up
    runner = asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app))
    try:
        result = runner.run(measure(args))
    finally:
        runner.close()
    lags = result["lags"]
    print(f"Machine: {machine()}")
    print(
        f"Drained {result['sales']:,} sales on {args.devices} device(s) in {result['seconds']:.1f} s "
        f"({result['sales'] / result['seconds']:,.0f} sales/s) with the window open; "
        f"{result['board_loads']} board refreshes."
    )
    print(
        table(
            ["probe ticks", "lag p50", "lag p99", "lag max", "ticks > 30 ms", "ticks > 100 ms", "peak RSS"],
            [
                [
                    f"{len(lags):,}",
                    f"{statistics.median(lags):.1f} ms",
                    f"{percentile(lags, 0.99):.1f} ms",
                    f"{max(lags):.1f} ms",
                    sum(1 for x in lags if x > 30),
                    sum(1 for x in lags if x > 100),
                    f"{result['peak_rss_mb']:.0f} MB",
                ]
            ],
        )
    )
    print("Targets: p99 < 30 ms, max < 100 ms, peak RSS < 300 MB.")


if __name__ == "__main__":
    main()
