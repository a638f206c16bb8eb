"""What does surviving a power cut cost? synchronous=FULL (ours) against NORMAL, in the same run.

    .venv/bin/python bench/bench_power_cut.py                 # store calls + drains, 3 rounds (~3 min)
    .venv/bin/python bench/bench_power_cut.py --rounds 5 --no-drain

With FULL, SQLite flushes the WAL to the disk at every commit (one fsync per write transaction); with
NORMAL only at checkpoints, so a power cut can undo the last commits (storage/database.py). Every
figure is measured for both settings, alternating NORMAL, FULL, NORMAL, FULL ... so both see the same
minutes of this shared machine, and the medians over the rounds are compared as a ratio FULL / NORMAL.

- record a sale: `enqueue_sale`, one transaction per sale, as the sale dialog does;
- a drain's store cycle: `sign_and_claim_next` per sale (the signature and the next number, one
  transaction), no network - the drain's whole store cost per sale;
- drains end to end (bench_drain's "ours"): 20 devices x 100 sales at 50 ms and 1 x 2,000 at 0 ms,
  the simulator in its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from bench_drain import ours
from benchkit import SimulatorProcess, machine, table

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.outbox import SignedReceipt
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.storage import database
from etims_desktop.storage.store import Store

MODES = ("NORMAL", "FULL")
LINE = SaleLine("KE2NTU0000001", "50161800", "Sugar 1kg", Decimal("1"), Decimal("180.00"), TaxType.B)


async def store_cycles(folder: Path, sales: int) -> tuple[float, float]:
    """(ms per recorded sale, ms per sign-and-claim) on a fresh database in `folder`."""
    store = Store.open(folder / "etims.sqlite3")
    try:
        device = await store.add_device(Device(None, "Till", DeviceType.OSCU, "P051234567X", "00", "PC1"))
        now = datetime.now(UTC)
        started = time.perf_counter()
        for n in range(sales):
            await store.enqueue_sale(
                device.id, Sale(f"S{n:06d}", (LINE,), now), Decimal("180"), Decimal("24.83")
            )
        record = (time.perf_counter() - started) * 1000 / sales
        entry = await store.claim_next(device.id, now)
        started = time.perf_counter()
        while entry is not None:
            receipt = SignedReceipt(invc_no=entry.invc_no, receipt_no=entry.invc_no, signature="SIGNATURE")
            entry = await store.sign_and_claim_next(entry.id, receipt, device.id, now)
        cycle = (time.perf_counter() - started) * 1000 / sales
        return record, cycle
    finally:
        store.close()


def set_mode(mode: str) -> None:
    database.SYNCHRONOUS = mode  # read by every new connection (a new Store per sample)


async def main_async(args) -> None:
    print(machine())
    samples: dict[str, dict[str, list[float]]] = {m: {} for m in MODES}
    sim = SimulatorProcess(mode="oscu") if args.drain else None
    branch = 0
    try:
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "warm-up").mkdir()
            await store_cycles(Path(tmp) / "warm-up", 50)  # imports, caches: not counted
            for n in range(args.rounds):
                for mode in MODES:
                    set_mode(mode)
                    folder = Path(tmp) / f"{mode}{n}"
                    folder.mkdir()
                    record, cycle = await store_cycles(folder, args.sales)
                    samples[mode].setdefault("record a sale (ms per sale)", []).append(record)
                    samples[mode].setdefault("sign + claim next, no network (ms per sale)", []).append(cycle)
                    line = f"  round {n + 1} {mode:<6}: record {record:.2f} ms, sign+claim {cycle:.2f} ms"
                    if sim is not None:
                        for devices, per_device, latency in ((20, 100, 0.05), (1, 2000, 0.0)):
                            result = await ours(
                                sim, folder / f"drain{devices}", devices, per_device, latency, branch
                            )
                            branch += devices
                            key = f"drain {devices} x {per_device:,} at {latency * 1000:.0f} ms (s)"
                            samples[mode].setdefault(key, []).append(result.seconds)
                            line += f", {key} {result.seconds:.2f}"
                    print(line, flush=True)
    finally:
        set_mode("FULL")
        if sim is not None:
            sim.close()
    rows = []
    for key in samples["FULL"]:
        normal, full = statistics.median(samples["NORMAL"][key]), statistics.median(samples["FULL"][key])
        rows.append([key, f"{normal:.2f}", f"{full:.2f}", f"{full / normal:.2f}"])
    print(f"\nMedians of {args.rounds} rounds, NORMAL and FULL alternating:")
    print(table(["what", "NORMAL", "FULL", "FULL / NORMAL"], rows))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sales", type=int, default=500, help="sales per store sample")
    parser.add_argument("--no-drain", dest="drain", action="store_false", help="store calls only")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
