"""Shared pieces of the benchmarks and the chaos suite: a simulator in its own process, a shop with
devices on it, queued sales, and a plain table printer.

Everything runs on loopback through the real services (bootstrap.build_services); nothing is mocked.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from etims_desktop.bootstrap import Services, build_services  # noqa: E402
from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment  # noqa: E402
from etims_desktop.domain.item import Item  # noqa: E402
from etims_desktop.domain.sale import Sale, SaleLine, TaxType  # noqa: E402
from etims_desktop.domain.tax import compute_amounts  # noqa: E402
from etims_desktop.paths import DataPaths  # noqa: E402
from etims_desktop.storage.records import ItemDraft  # noqa: E402

PIN = "P051234567X"
# Item classes the simulator knows (kra/simulator/data/item_classes.json).
ITEM_DRAFTS = (
    ItemDraft("Sugar 1kg", "50161800", TaxType.B, Decimal("180.00")),
    ItemDraft("Maize flour 2kg", "5022110400", TaxType.A, Decimal("230.00")),
    ItemDraft("Diesel", "15101505", TaxType.E, Decimal("171.60")),
)


def branch_id(index: int) -> str:
    """Each device is its own KRA branch (eTIMS numbers sales per PIN + branch): 00, 01, ... 99, A0, ... Z9."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if not 0 <= index < 360:
        raise ValueError("at most 360 bench devices")
    return digits[index // 10] + str(index % 10)


# --- a simulator in its own process (no shared GIL with the code under test) --------------------------


def _serve(conn, config_kwargs: dict) -> None:
    from etims_desktop.kra.simulator import Simulator, SimulatorConfig

    with Simulator(SimulatorConfig(**config_kwargs)) as sim:
        conn.send((sim.base_url, sim.api_url))
        while True:
            try:
                name, args, kwargs = conn.recv()
            except EOFError:
                return
            if name == "stop":
                conn.send(None)
                return
            try:
                target = globals()[name] if name.startswith("sim_") else getattr(sim, name)
                result = target(sim, *args, **kwargs) if name.startswith("sim_") else target(*args, **kwargs)
                conn.send(("ok", result))
            except Exception as exc:  # noqa: BLE001 - hand the failure to the caller
                conn.send(("error", repr(exc)))


def sim_signed_numbers(sim, pin: str, branch: str) -> list[tuple[int, str]]:
    """(invcNo, trdInvcNo) of every signed document of a branch, in signing order."""
    return [(s.invc_no, s.document.get("trdInvcNo")) for s in sim.signed_sales(pin, branch)]


def sim_signed_count(sim, pin: str, branch: str) -> int:
    with sim._service.lock:
        state = sim._state.branches.get((pin, branch))
        return len(state.sales) if state else 0


def sim_stock_sent(sim, pin: str, branch: str) -> tuple[int, int]:
    """(insertStockIO, saveStockMaster) requests a branch's KRA accepted."""
    return len(sim.stock_movements(pin, branch)), sim.stock_masters_accepted(pin, branch)


class SimulatorProcess:
    """`Simulator` in a child process. Call any Simulator method by name: `sim.call("set_latency", 0.05)`."""

    def __init__(self, **config) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, config), daemon=True)
        self._process.start()
        child.close()
        self.base_url, self.api_url = self._conn.recv()

    def call(self, name: str, *args, **kwargs):
        self._conn.send((name, args, kwargs))
        status, result = self._conn.recv()
        if status != "ok":
            raise RuntimeError(f"simulator {name} failed: {result}")
        return result

    def approve(self, pin: str, branch: str, serial: str, kind: DeviceType) -> None:
        self.call("approve", pin, branch, serial, kind.value)

    def set_latency(self, seconds: float) -> None:
        self.call("set_latency", seconds)

    def signed_numbers(self, pin: str, branch: str) -> list[tuple[int, str]]:
        return self.call("sim_signed_numbers", pin, branch)

    def signed_count(self, pin: str, branch: str) -> int:
        return self.call("sim_signed_count", pin, branch)

    def stock_sent(self, pin: str, branch: str) -> tuple[int, int]:
        return tuple(self.call("sim_stock_sent", pin, branch))

    @property
    def pid(self) -> int:
        return self._process.pid

    def close(self) -> None:
        if self._process.is_alive():
            try:
                self._conn.send(("stop", (), {}))
                self._conn.recv()
            except (EOFError, OSError):
                pass
        self._process.join(10)
        self._conn.close()

    def __enter__(self) -> SimulatorProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --- a shop ---------------------------------------------------------------------------------------


@dataclass
class BenchShop:
    services: Services
    items: list[Item]
    devices: list[Device]


async def open_shop(data_dir: Path, *, key_store, http=None, settings=None) -> BenchShop:
    """Services over `data_dir` (created), with the three bench items in the item master."""
    services = build_services(
        DataPaths(Path(data_dir)).ensure(), key_store=key_store, http=http, settings=settings
    )
    items = await services.store.list_items()
    if not items:
        items = [await services.store.add_item(draft) for draft in ITEM_DRAFTS]
    return BenchShop(services, items, await services.store.list_devices())


async def add_device(
    shop: BenchShop, sim, index: int, kind: DeviceType, serial_prefix: str = "BENCH"
) -> Device:
    """Approve a device on `sim` (Simulator or SimulatorProcess) as branch `index` and initialise it over HTTP."""
    branch, serial = branch_id(index), f"{serial_prefix}-{index:03d}"
    sim.approve(PIN, branch, serial, kind)
    device = Device(
        None,
        f"{kind.value} {serial}",
        kind,
        PIN,
        branch,
        serial,
        Environment.CUSTOM,
        sim.api_url,
        EndpointStyle.NESTED if kind is DeviceType.VSCU else EndpointStyle.FLAT,
    )
    device = await shop.services.devices.add_device(device)
    device = await shop.services.devices.initialise(device.id)
    shop.devices.append(device)
    return device


def make_sale(items: Sequence[Item], number: str, variant: int = 0) -> Sale:
    """A sale of two lines; `variant` varies items and quantities so documents differ."""
    first, second = items[variant % len(items)], items[(variant + 1) % len(items)]
    return Sale(
        trader_invoice_no=number,
        lines=(
            SaleLine(
                first.code,
                first.item_class_code,
                first.name,
                Decimal(1 + variant % 3),
                first.price,
                first.tax_type,
            ),
            SaleLine(
                second.code, second.item_class_code, second.name, Decimal("2"), second.price, second.tax_type
            ),
        ),
        sold_at=datetime.now(UTC),
    )


async def queue_sales(shop: BenchShop, device: Device, count: int, prefix: str, chunk: int = 5_000) -> None:
    """Queue `count` sales on `device` (bulk, as an import does), priced exactly as they will be sent."""
    rates = await shop.services.store.tax_rates(device.id)
    for start in range(0, count, chunk):
        batch = []
        for n in range(start, min(count, start + chunk)):
            sale = make_sale(shop.items, f"{prefix}-{n:06d}", n)
            amounts = compute_amounts(sale, rates)
            batch.append((sale, amounts.total, amounts.total_tax))
        await shop.services.store.enqueue_sales(device.id, batch)


# --- output ---------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    rows = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in rows
    ]
    return "\n".join(out)


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    return (
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {load[0]:.1f}, "
        f"reference work {reference_work_ms():.1f} ms (lower is faster; other work on the machine slows "
        "every figure)"
    )


def reference_work_ms(runs: int = 5) -> float:
    """The best of `runs` timings of a fixed pure-Python workload (dicts, strings, Decimal), in ms.

    The same code runs faster or slower on this shared machine from one minute to the next (by up to
    half), and "stolen" does not show all of it: print this with every figure, so runs on different
    minutes or days can be compared. Lower is a faster machine."""

    def work() -> None:
        total, table = Decimal("0"), {}
        for n in range(20_000):
            key = f"item-{n % 97}"
            table[key] = table.get(key, 0) + n
            total += Decimal(n) / 7
        assert total and table

    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best * 1000


def cpu_ticks() -> tuple[int, int] | None:
    """(busy, stolen) clock ticks of the whole machine so far (Linux /proc/stat), or None elsewhere.

    "Stolen" is time the hypervisor gave our virtual CPUs to someone else: on a shared cloud machine
    it slows every figure, and varies from run to run."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return user + nice + system + irq + softirq, steal


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system, all threads) another process has used so far (Linux /proc), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stolen_share(before: tuple[int, int] | None, after: tuple[int, int] | None) -> str:
    """The share of CPU time stolen by the hypervisor between two cpu_ticks() readings."""
    if before is None or after is None:
        return "-"
    busy, steal = after[0] - before[0], after[1] - before[1]
    return f"{steal / (busy + steal) * 100:.0f} %" if busy + steal else "0 %"


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.started
