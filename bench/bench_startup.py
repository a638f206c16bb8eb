"""How long from launching `etims-desktop` to its main window on screen, with 0 and 100,000 stored sales?

    .venv/bin/python bench/bench_startup.py                  # 0 and 100,000 sales, 3 launches each
    .venv/bin/python bench/bench_startup.py --sales 0 100000 1000000 --runs 5

Each launch is the real command, `etims-desktop --data-dir D --screenshot out.png` (offscreen): it
opens the store (migration check + crash recovery), builds the services, shows the window, waits until
the device board has loaded from the store, then grabs the window into the PNG and quits. "Window
shown" is the PNG's write time minus the moment just before the process was started; "exit" adds the
shut-down. The first launch of each size is cold for Python's imports (then the OS file cache is warm).

The big data dir is filled like bench/bench_store.py (10 devices, one line per sale; most signed, the
newest 1,300 per device still pending). Its devices point at a closed loopback port (127.0.0.1:9), so
the scheduler's first uploads fail at once and nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench_store import fill
from benchkit import ROOT, machine, table

from etims_desktop.paths import DataPaths
from etims_desktop.storage.store import Store
from etims_desktop.sync.settings import SyncSettings

CLOSED_PORT = "http://127.0.0.1:9"


def prepare(folder: Path, sales: int, devices: int = 10) -> DataPaths:
    paths = DataPaths(folder).ensure()
    SyncSettings(live_check_seconds=3600, vscu_upload_minutes=600).save(paths.settings)
    if sales:
        store = Store.open(paths.database, backup_dir=paths.backups)
        try:
            fill(store, devices, sales)

            async def point_at_loopback() -> None:
                for device in await store.list_devices():
                    # bench_store's devices are VSCU: they talk to their service at base_url only
                    await store.update_device(replace(device, base_url=CLOSED_PORT))

            asyncio.run(point_at_loopback())
        finally:
            store.close()
    return paths


def launch(paths: DataPaths, keyring_home: Path) -> tuple[float, float]:
    """(seconds to the window's first settled paint, seconds to exit)."""
    shot = paths.root / "startup.png"
    shot.unlink(missing_ok=True)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",  # no OS keyring prompt, a temp file
        XDG_DATA_HOME=str(keyring_home),
    )
    command = [
        sys.executable,
        "-m",
        "etims_desktop",
        "--data-dir",
        str(paths.root),
        "--screenshot",
        str(shot),
    ]
    started = time.time()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    exited = time.time() - started
    if done.returncode != 0 or not shot.exists():
        raise SystemExit(f"launch failed ({done.returncode}): {done.stderr[-2000:]}")
    return shot.stat().st_mtime - started, exited


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sales", type=int, nargs="+", default=[0, 100_000], help="stored sales per data dir"
    )
    parser.add_argument("--runs", type=int, default=3, help="launches per size")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for sales in args.sales:
            print(f"  preparing a data dir with {sales:,} sales ...", flush=True)
            paths = prepare(Path(tmp) / f"data-{sales}", sales)
            shown, exits = [], []
            for _ in range(args.runs):
                to_window, to_exit = launch(paths, Path(tmp) / "xdg")
                shown.append(to_window)
                exits.append(to_exit)
            size = paths.database.stat().st_size / 1e6
            rows.append(
                [
                    f"{sales:,}",
                    f"{size:.0f} MB",
                    f"{shown[0]:.2f} s",
                    f"{statistics.median(shown[1:] or shown):.2f} s",
                    f"{max(shown):.2f} s",
                    f"{statistics.median(exits):.2f} s",
                ]
            )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"Machine: {machine()}")
    print(
        table(
            ["stored sales", "database", "window (1st)", "window (median, warm)", "window (max)", "exit"],
            rows,
        )
    )
    print(f"Peak RSS of the app process over all launches: {peak:.0f} MB. Target: window < 1.5 s.")


if __name__ == "__main__":
    main()
