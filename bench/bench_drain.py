"""How fast does a Sync drain queued sales? Ours against a naive sync, on the simulator over loopback.

    .venv/bin/python bench/bench_drain.py                       # 20 x 100 at 50 ms, 1 x 10,000 at 0 ms
    .venv/bin/python bench/bench_drain.py --quick               # 20 x 20 at 50 ms, 1 x 1,000 at 0 ms
    .venv/bin/python bench/bench_drain.py --devices 20 --sales 100 --latency 0.05 --big 10000
    .venv/bin/python bench/bench_drain.py --quick --no-naive --profile /tmp/drain  # cProfile, 2 threads: /tmp/drain0.loop, /tmp/drain0.store (1: the big case)
    .venv/bin/python bench/bench_drain.py --no-naive --big 2000 --breakdown      # where the time goes
    .venv/bin/python bench/bench_drain.py --no-naive --big 10 --repeat 5         # 5 samples of 20 x 100

Ours: SyncService.sync() over the real services (SQLite outbox in a temp dir, one shared keep-alive
httpx client, devices in parallel, each device strictly one sale at a time). The devices were checked,
their items registered and code lists loaded by a warm-up sync, as in a shop that has synced before.

Naive ("the tools we replace"): devices one after another, each sale awaited in turn, a NEW httpx client
(new connection) per request, no outbox (nothing written before or after a send).

Sends only: the same requests through the one shared client, devices in parallel, one sale at a time
each, nothing stored (no crash safety). The same requests means all of them: the bench items are
goods, so after its sales each device also sends their stock-out (one insertStockIO gathering them)
and one saveStockMaster per item, exactly as ours does after a backlog. It is the ceiling of the client stack (httpx, aiohttp, pydantic
payloads) on this machine in this minute: the gap between it and the limit is not the sync engine's.

The simulator runs in its own process (as KRA would), so it does not share our GIL. Ordering limit: one
round trip per request per device, devices in parallel -> limit = requests per device x latency
(each sale, then the backlog's stock-out and each item's balance: sales + 1 + 3).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import statistics
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from benchkit import (
    ITEM_DRAFTS,
    PIN,
    BenchShop,
    SimulatorProcess,
    add_device,
    branch_id,
    cpu_ticks,
    machine,
    make_sale,
    open_shop,
    process_cpu,
    queue_sales,
    stolen_share,
    table,
)

from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.domain.item import Item
from etims_desktop.domain.stock import (
    StockReason,
    is_stocked,
    merged_stock_io,
    numbered,
    sar_type,
    stock_io_body,
    stock_master_body,
)
from etims_desktop.domain.tax import DEFAULT_RATES, compute_amounts
from etims_desktop.kra.client import KraClient, make_http_client
from etims_desktop.kra.endpoints import Endpoint
from etims_desktop.storage.secrets import SessionKeyStore
from etims_desktop.storage.stock import moved_line
from etims_desktop.sync.payloads import item_request, sale_request
from etims_desktop.sync.settings import SyncSettings

QUIET = SyncSettings(live_check_seconds=3600, vscu_upload_minutes=600, reference_refresh_hours=240)


@dataclass
class Result:
    label: str
    devices: int
    per_device: int
    latency: float
    seconds: float
    cpu: float  # CPU seconds of this process (all its threads; the simulator runs elsewhere)
    store_cpu: float | None = None  # of which the store's writer thread
    sim_cpu: float | None = None  # CPU seconds of the simulator process (it shares the machine's cores)
    stolen: str = "-"  # share of the machine's CPU time the hypervisor gave to others meanwhile

    @property
    def sales(self) -> int:
        return self.devices * self.per_device

    @property
    def rate(self) -> float:
        return self.sales / self.seconds

    @property
    def limit(self) -> float | None:
        """One round trip per request per device, devices in parallel: each sale, then the backlog's one
        stock-out and each item's balance."""
        return round_trips(self.per_device) * self.latency if self.latency else None


def round_trips(per_device: int) -> int:
    return per_device + 1 + len(ITEM_DRAFTS)


class Breakdown:
    """Where a sale's time goes beyond the network: wall time of each save_sale call, of each
    sign_and_claim_next as the drain awaits it (queue + transaction + wake-up), and of each store
    transaction in the store's thread (wall and CPU). Wraps the calls of one store and all KraClients."""

    def __init__(self, store) -> None:
        self.samples: dict[str, list[float]] = {
            "save_sale": [],
            "sign+claim": [],
            "tx wall": [],
            "tx CPU": [],
            "batch wall": [],
            "batch CPU": [],
        }
        self.batch_sizes: list[int] = []
        self.started = time.perf_counter()
        self.first_send: float | None = None  # when the first sale left, and the last signature was stored
        self.last_signed: float | None = None
        self._undo = []
        transaction, sign_and_claim = store._transaction, store.sign_and_claim_next
        write_queued = store._write_queued

        def timed_write_queued():
            size = len(store._queued)
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return write_queued()
            finally:
                if size:  # an empty call found its write taken by an earlier one
                    self.batch_sizes.append(size)
                    self.samples["batch wall"].append(time.perf_counter() - wall)
                    self.samples["batch CPU"].append(time.thread_time() - cpu)

        save_sale = KraClient.save_sale

        def timed_transaction(engine, work):
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return transaction(engine, work)
            finally:
                self.samples["tx wall"].append(time.perf_counter() - wall)
                self.samples["tx CPU"].append(time.thread_time() - cpu)

        async def timed_sign_and_claim(*args):
            started = time.perf_counter()
            try:
                return await sign_and_claim(*args)
            finally:
                self.last_signed = time.perf_counter()
                self.samples["sign+claim"].append(self.last_signed - started)

        async def timed_save_sale(client, request):
            started = time.perf_counter()
            if self.first_send is None:
                self.first_send = started
            try:
                return await save_sale(client, request)
            finally:
                self.samples["save_sale"].append(time.perf_counter() - started)

        store._transaction, store.sign_and_claim_next = timed_transaction, timed_sign_and_claim
        store._write_queued = timed_write_queued
        KraClient.save_sale = timed_save_sale
        self._undo = [lambda: setattr(KraClient, "save_sale", save_sale)]

    def close(self) -> None:
        for undo in self._undo:
            undo()

    def phases(self, finished: float, limit: float | None) -> str:
        """The Sync run cut in three: before the first sale left (live checks, set-up), the sales, after."""
        if self.first_send is None or self.last_signed is None:
            return ""
        sales = self.last_signed - self.first_send
        ratio = f" = {limit / sales:.2f} of the limit" if limit else ""
        return (
            f"before the first sale left {(self.first_send - self.started) * 1000:.0f} ms (live checks, set-up); "
            f"the sales {sales:.2f} s{ratio}; after the last signature {(finished - self.last_signed) * 1000:.0f} ms"
        )

    def report(self) -> str:
        rows = []
        for name, values in self.samples.items():
            if not values:
                continue
            ordered = sorted(values)
            figures = [ordered[min(len(ordered) - 1, int(len(ordered) * 0.5))],
                       ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))],
                       sum(values) / len(values), ordered[-1]]  # fmt: skip
            rows.append([name, f"{len(values):,}", *(f"{value * 1000:.2f} ms" for value in figures)])
        sizes = self.batch_sizes
        grouped = (
            f"\nwrites per commit: mean {sum(sizes) / len(sizes):.1f}, max {max(sizes)}" if sizes else ""
        )
        return table(["step", "count", "p50", "p90", "mean", "max"], rows) + grouped


async def ours(sim: SimulatorProcess, folder: Path, devices: int, per_device: int, latency: float,
               first_branch: int, profile: str | None = None, breakdown: bool = False) -> Result:  # fmt: skip
    shop: BenchShop = await open_shop(folder, key_store=SessionKeyStore(), settings=QUIET)
    try:
        sim.set_latency(0)
        tills = [
            await add_device(shop, sim, first_branch + i, DeviceType.OSCU, "OURS") for i in range(devices)
        ]
        for till in tills:  # warm-up: items registered, code lists loaded, like a shop that synced before
            await queue_sales(shop, till, 1, f"WARM{till.id}")
        report = await shop.services.sync.sync()
        assert sum(d.signed for d in report.devices) == devices, report.summary()
        for till in tills:
            await queue_sales(shop, till, per_device, f"S{till.id}")
        sim.set_latency(latency)
        # cProfile sees one thread: profile the event loop's and the store's (single writer) separately.
        # Timed by each thread's CPU clock: a wall clock would charge the waits for the GIL to whatever
        # C call released it (sqlite3's execute), hiding where the CPU goes.
        loop_profile, store_profile = (
            (cProfile.Profile(time.thread_time), cProfile.Profile(time.thread_time)) if profile else (None, None)
        )
        store_thread = shop.services.store._executor
        if profile:
            store_thread.submit(store_profile.enable).result()
            loop_profile.enable()
        store_cpu_started = store_thread.submit(time.thread_time).result()
        timings = Breakdown(shop.services.store) if breakdown else None
        ticks, sim_cpu_started = cpu_ticks(), process_cpu(sim.pid)
        started, cpu_started = time.perf_counter(), time.process_time()
        report = await shop.services.sync.sync()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        sim_cpu = _spent(sim_cpu_started, process_cpu(sim.pid))
        stolen = stolen_share(ticks, cpu_ticks())
        store_cpu = store_thread.submit(time.thread_time).result() - store_cpu_started
        if timings:
            timings.close()
            print(f"\n  where the time went ({devices} x {per_device:,} at {latency * 1000:.0f} ms):")
            print("    " + timings.report().replace("\n", "\n    "))
            print("    " + timings.phases(started + seconds, per_device * latency) + "\n")
        if profile:
            loop_profile.disable()
            store_thread.submit(store_profile.disable).result()
            loop_profile.dump_stats(f"{profile}.loop")
            store_profile.dump_stats(f"{profile}.store")
        sim.set_latency(0)
        signed = sum(d.signed for d in report.devices)
        assert signed == devices * per_device, report.summary()
        for till in tills:
            numbers = [n for n, _ in sim.signed_numbers(PIN, till.branch_id)]
            assert numbers == list(range(1, per_device + 2)), f"{till.name}: numbers out of order"
            moves, _ = sim.stock_sent(PIN, till.branch_id)
            assert moves == 2, f"{till.name}: {moves} stock movements"  # the warm-up's, the backlog's
        return Result("ours", devices, per_device, latency, seconds, cpu, store_cpu, sim_cpu, stolen)
    finally:
        await shop.services.aclose()


async def bare_tills(sim: SimulatorProcess, devices: int, first_branch: int, label: str):
    """Devices approved, initialised and with their items registered, outside our app (no store)."""
    sim.set_latency(0)
    items = [
        Item(f"KE2NTU{n:07d}", d.name, d.item_class_code, d.tax_type, d.price)
        for n, d in enumerate(ITEM_DRAFTS, 1)
    ]
    tills = []
    for i in range(devices):
        branch, serial = branch_id(first_branch + i), f"{label}-{i:03d}"
        sim.approve(PIN, branch, serial, DeviceType.OSCU)
        async with make_http_client() as http:
            info = await KraClient(http, sim.api_url, tin=PIN, bhf_id=branch).initialise(serial)
            client = KraClient(http, sim.api_url, tin=PIN, bhf_id=branch, cmc_key=info.cmc_key_value)
            for item in items:
                await client.save_item(item_request(item))
        device = Device(None, serial, DeviceType.OSCU, PIN, branch, serial, Environment.CUSTOM, sim.api_url)
        tills.append((device, info.cmc_key_value))
    return items, tills


def bare_request(items, device: Device, n: int):
    """Sale n of a device, priced and numbered as our drain would send it."""
    sale = make_sale(items, f"N{device.branch_id}-{n:06d}", n)
    return sale_request(device, sale, compute_amounts(sale, DEFAULT_RATES), n + 1, None, sale.sold_at)


def stock_bodies(items, device: Device, per_device: int) -> list[tuple[Endpoint, dict]]:
    """What ours sends after a device's backlog of sales: their stock-outs gathered as it gathers them
    (domain/stock.py merged_stock_io: one movement while it stays within its line limit), numbered
    1, 2, ..., then each item's balance once."""
    by_code = {item.code: item for item in items}
    balance: dict[str, Decimal] = {}
    movements: list[dict] = []
    for n in range(per_device):
        sale = make_sale(items, f"N{device.branch_id}-{n:06d}", n)
        lines = [
            moved_line(by_code[line.item_code], -line.qty, line.unit_price)
            for line in sale.lines
            if is_stocked(by_code[line.item_code].item_type)
        ]
        for line in lines:
            balance[line.item_code] = balance.get(line.item_code, Decimal(0)) + line.quantity
        body = stock_io_body(sar_type(StockReason.SALE, lines[0].quantity), lines, sale.sold_at, manual=False)
        merged = merged_stock_io(movements[-1], body) if movements else None
        if merged is None:
            movements.append(body)
        else:
            movements[-1] = merged
    bodies = [(Endpoint.SAVE_STOCK_IO, numbered(body, "sarNo", n)) for n, body in enumerate(movements, 1)]
    return bodies + [(Endpoint.SAVE_STOCK_MASTER, stock_master_body(code, q)) for code, q in balance.items()]


async def timed_bare(
    label: str, sim: SimulatorProcess, tills, per_device: int, latency: float, send
) -> Result:
    """Time `send()` (which sends every till's sales), check the simulator signed them all."""
    sim.set_latency(latency)
    ticks, sim_cpu_started = cpu_ticks(), process_cpu(sim.pid)
    started, cpu_started = time.perf_counter(), time.process_time()
    await send()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    sim_cpu = _spent(sim_cpu_started, process_cpu(sim.pid))
    stolen = stolen_share(ticks, cpu_ticks())
    sim.set_latency(0)
    for device, _ in tills:
        assert sim.signed_count(PIN, device.branch_id) == per_device
        assert sim.stock_sent(PIN, device.branch_id) == (1, len(ITEM_DRAFTS)), "stock not sent"
    return Result(label, len(tills), per_device, latency, seconds, cpu, sim_cpu=sim_cpu, stolen=stolen)


async def naive(
    sim: SimulatorProcess, devices: int, per_device: int, latency: float, first_branch: int
) -> Result:
    """Devices one after another, each sale awaited, a new HTTP client per request, nothing stored."""
    items, tills = await bare_tills(sim, devices, first_branch, "NAIVE")

    async def send() -> None:
        for device, key in tills:
            for n in range(per_device):
                request = bare_request(items, device, n)
                async with make_http_client() as http:  # a new connection for every request
                    client = KraClient(http, sim.api_url, tin=PIN, bhf_id=device.branch_id, cmc_key=key)
                    await client.save_sale(request)

    return await timed_bare("naive", sim, tills, per_device, latency, send)


async def sends_only(
    sim: SimulatorProcess, devices: int, per_device: int, latency: float, first_branch: int
) -> Result:
    """The ceiling of our client stack on this machine, in this minute: the same requests through one
    shared keep-alive client, devices in parallel, one sale at a time each - and nothing stored, so no
    crash safety at all. What is left between this and the limit is not the sync engine's."""
    items, tills = await bare_tills(sim, devices, first_branch, "SENDS")
    async with make_http_client() as http:

        async def one_device(device: Device, key: str) -> None:
            client = KraClient(http, sim.api_url, tin=PIN, bhf_id=device.branch_id, cmc_key=key)
            for n in range(per_device):
                await client.save_sale(bare_request(items, device, n))
            for body in stock_bodies(items, device, per_device):
                await client.send_document(body[0], body[1])

        async def send() -> None:
            await asyncio.gather(*(one_device(device, key) for device, key in tills))

        return await timed_bare("sends only", sim, tills, per_device, latency, send)


def _spent(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def row(result: Result, baseline: Result | None, ceiling: Result | None = None) -> list[str]:
    limit = result.limit
    return [
        result.label,
        f"{result.devices} x {result.per_device:,}",
        f"{result.latency * 1000:.0f} ms",
        f"{result.seconds:.2f} s",
        f"{result.rate:,.0f}",
        f"{result.cpu / result.sales * 1000:.2f} ms",
        f"{result.store_cpu / result.sales * 1000:.2f} ms" if result.store_cpu is not None else "-",
        f"{result.sim_cpu / result.sales * 1000:.2f} ms" if result.sim_cpu is not None else "-",
        f"{limit:.2f} s" if limit else "-",
        f"{limit / result.seconds:.2f}" if limit else "-",
        f"{ceiling.seconds / result.seconds:.2f}" if ceiling else "",
        f"{result.rate / baseline.rate:.1f}x" if baseline else "",
        result.stolen,
    ]


async def repeated(sim: SimulatorProcess, folder: Path, args, first: Result, first_ceiling: Result) -> str:
    """Run ours and sends-only again, alternating, --repeat times in all: this machine's speed changes
    from one minute to the next, so one run is one sample."""
    devices, per_device, latency = args.devices, args.sales, args.latency
    ours_ratios, ceiling_ratios, shares = [], [], []
    for n in range(args.repeat):
        if n == 0:
            mine, ceiling = first, first_ceiling
        else:
            print(f"  repeat {n + 1} of {args.repeat}: ours, sends only ...", flush=True)
            branch = 3 * devices * n
            mine = await ours(sim, folder / f"repeat{n}", devices, per_device, latency, branch)
            ceiling = await sends_only(sim, devices, per_device, latency, branch + devices)
        ours_ratios.append(mine.limit / mine.seconds)
        ceiling_ratios.append(ceiling.limit / ceiling.seconds)
        shares.append(ceiling.seconds / mine.seconds)

    def summary(values: list[float]) -> str:
        listed = ", ".join(f"{v:.2f}" for v in values)
        return f"{listed} (median {statistics.median(values):.2f})"

    return (
        f"{devices} x {per_device} at {latency * 1000:.0f} ms, {args.repeat} runs - limit/wall: ours "
        f"{summary(ours_ratios)}; sends only {summary(ceiling_ratios)}; ours of sends only {summary(shares)}"
    )


async def main_async(args) -> None:
    print(f"Machine: {machine()}")
    cases = [(args.devices, args.sales, args.latency)] + ([(1, args.big, 0.0)] if args.big else [])
    rows, spread = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (devices, per_device, latency) in enumerate(cases):
            with SimulatorProcess(mode="oscu") as sim:
                print(f"  {devices} x {per_device:,} at {latency * 1000:.0f} ms: ours ...", flush=True)
                profile = f"{args.profile}{index}" if args.profile else None  # /tmp/drain0.loop ...
                mine = await ours(
                    sim, Path(tmp) / f"case{index}", devices, per_device, latency, 0, profile, args.breakdown
                )
                print(f"  {devices} x {per_device:,} at {latency * 1000:.0f} ms: sends only ...", flush=True)
                ceiling = await sends_only(sim, devices, per_device, latency, 2 * devices)
                baseline = None
                if not args.no_naive:
                    naive_sales = min(per_device, args.naive_limit) if args.naive_limit else per_device
                    print(f"  {devices} x {naive_sales:,} at {latency * 1000:.0f} ms: naive ...", flush=True)
                    baseline = await naive(sim, devices, naive_sales, latency, devices)
                rows.append(row(mine, baseline, ceiling))
                rows.append(row(ceiling, None))
                if baseline:
                    rows.append(row(baseline, None))
                if latency and args.repeat > 1:
                    spread.append(await repeated(sim, Path(tmp) / "repeats", args, mine, ceiling))
    print()
    print(
        table(
            [
                "sync",
                "devices x sales",
                "latency",
                "wall",
                "sales/s",
                "CPU/sale",
                "of it store",
                "simulator",
                "limit",
                "limit/wall",
                "of sends only",
                "speed-up",
                "stolen",
            ],
            rows,
        )
    )
    for line in spread:
        print(f"\n{line}")
    print(
        "\nCPU/sale = CPU time of this process (every thread) per sale; the simulator runs in another process."
    )
    print("of it store = the CPU time of the store's writer thread (SQLite and the outbox), per sale.")
    print(
        "simulator = the CPU time of the simulator process per sale: it stands in for KRA but shares our cores."
    )
    print(
        "limit = requests per device x latency (sales + 1 stock-out + 3 balances; devices in parallel)."
    )
    print(
        "sends only = the same requests through the one shared client, devices in parallel, nothing stored:\n"
        "  the ceiling of the client stack on this machine now. of sends only = its wall / ours."
    )
    print("speed-up = our sales/s / naive sales/s (the same as naive wall / our wall for the same sales).")
    print("stolen = share of the machine's CPU time its hypervisor gave to other guests during the run.")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--sales", type=int, default=100, help="queued sales per device (latency case)")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds added to every request")
    parser.add_argument("--big", type=int, default=10_000, help="queued sales of the one-device 0 ms case")
    parser.add_argument("--quick", action="store_true", help="20 x 20 at 50 ms and 1 x 1,000")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the latency case's ours and sends only this many times (max 6)",
    )
    parser.add_argument(
        "--naive-limit", type=int, default=0, help="naive: at most this many sales per device"
    )
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="cProfile our one-device drain: FILE.loop (event loop), FILE.store (store)",
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="time each save_sale, each sign+claim as awaited, and each store transaction (adds ~1%%)",
    )
    args = parser.parse_args()
    if args.quick:
        args.sales, args.big = 20, 1_000
    if args.repeat < 1 or 3 * args.devices * args.repeat > 360:
        parser.error("--repeat: 1 or more, and at most 360 devices in all (3 x devices x repeats)")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
