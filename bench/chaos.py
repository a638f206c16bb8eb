"""Chaos: thousands of sales through seeded random faults and repeated SIGKILLs; then every sale is
checked against the simulators' own records.

    .venv/bin/python bench/chaos.py --seed 1 --sales 3000 --devices-oscu 4 --devices-vscu 2 --kills 6
    .venv/bin/python bench/chaos.py --seed 7 --sales 300 --devices-oscu 2 --devices-vscu 1 --kills 2 --keep DIR
    .venv/bin/python bench/chaos.py --seed 4 --sales 5000 --kills 20 --power-cuts 20 --collisions 20 --time-limit 1500

What happens:
- One simulated KRA (OSCU) and one simulated VSCU service run in this process on loopback, each with
  seeded random faults on every endpoint: refused connections (the server stops listening for a
  moment), connections dropped before processing, answers lost after processing, HTTP 500/502 HTML
  pages, result codes 990 (slow down) and 999, answers held back beyond the client's timeout, and
  answers trickled a byte at a time (each byte within the read timeout: only the request deadline
  ends them; the sale was signed).
  A timer thread adds offline windows (server not listening; VSCU: its KRA upstream down).
- The shop (the real services, a SQLite data dir, CMC keys in a keyrings.alt PlaintextKeyring file
  outside the data dir) records sales in waves while the syncing process runs: bench/chaos_sync.py,
  i.e. `etims-desktop sync` repeated until nothing waits, with a short HTTP timeout. It is SIGKILLed
  at random moments and restarted, `--kills` times. Its keyring (bench/chaos_keyring.py) stalls some
  reads for longer than the keyring timeout, as a slow unlock prompt would. About 1 % of sales name an item KRA refuses to
  register (913): they must end as "needs your fix" with a reason, and never be signed.
- Power cuts (`--power-cuts`): the syncing process is SIGKILLed, our own process's database goes
  down with it, and the disk keeps only what was flushed (bench/power_cut.py): with synchronous=FULL
  the WAL loses the transaction being written, and a torn frame is left; `--power-cut-lose N` also
  drops the last N commits, as synchronous=NORMAL or a disk that lies could (that can lose recorded
  sales: a failure by design). Then the shop reopens its database and a new syncing process starts.
- Two-process collisions (`--collisions`): a second syncing process is started on the same data dir
  beside the first; each device must be worked by one of them at a time (sync/device_lock.py).
- Stock: every signed sale moves stock, and each wave also records a stock adjustment per device; the
  movements (insertStockIO, numbered by sarNo) and balances (saveStockMaster) go through the same faults.
- At the end, with faults off: every good sale signed exactly once (trdInvcNo unique among the
  simulator's signed documents, count equal), invcNo gap-free and in order per device, our outbox
  agrees with the simulator (number and signature), every needs-fix sale is one of the bad ones and
  has a reason, nothing lost; VSCU sales all forwarded to KRA. Stock per device: every movement we
  sent is at KRA once, under its own sarNo, gap-free and in our order, none left waiting, and KRA's
  stock level of every item equals our balance (so the balances arrived in order too). Then a secret scan: no CMC key in any
  file of the data dir (database, WAL, logs, settings, backups), in the syncing process's output, in
  the CLI's JSON exports, the diagnostics text, or in a key backup file in plain text.

The fault decisions are seeded; thread timing and kill moments make each run's interleaving differ.
Exit code 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from benchkit import ROOT, BenchShop, add_device, make_sale, open_shop, table
from power_cut import cut_power

from etims_desktop.domain.device import DeviceType
from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.domain.stock import StockReason
from etims_desktop.domain.tax import compute_amounts
from etims_desktop.kra.simulator import Simulator, SimulatorConfig
from etims_desktop.storage.records import ItemDraft
from etims_desktop.storage.secrets import KeyStore
from etims_desktop.storage.stock import moved_line
from etims_desktop.sync.settings import SyncSettings

PIN = "P051234567X"
WORKER = Path(__file__).resolve().with_name("chaos_sync.py")
KEYRING_BACKEND = "chaos_keyring.StallingKeyring"  # PlaintextKeyring whose reads now and then stall
KEYRING_STALL_SECONDS = 2.5  # a stalled keyring read is held longer than the keyring timeout (1 s)
# Per-request probabilities on every endpoint (about one request in eight fails somehow).
FAULT_RATES = {
    "refuse": 0.005,
    "drop_before": 0.02,
    "drop_after": 0.03,
    "http_500": 0.01,
    "http_502": 0.01,
    "code_990": 0.005,
    "code_999": 0.02,
    "slow": 0.01,
    "trickle": 0.005,
}
# The syncing process's settings: short pauses so a run of minutes sees many retries.
SETTINGS = SyncSettings(
    live_check_seconds=3600, vscu_upload_minutes=600, slow_down_seconds=1.0, max_transport_failures=3,
    request_deadline_seconds=3.0, keyring_timeout_seconds=1.0,
)  # fmt: skip
BAD_ITEM = ItemDraft("Unlisted goods", "9999999999", TaxType.B, Decimal("99.00"))  # KRA answers 913


@dataclass
class ChaosConfig:
    seed: int = 1
    sales: int = 3000
    devices_oscu: int = 4
    devices_vscu: int = 2
    kills: int = 6
    power_cuts: int = 0  # simulated power cuts (bench/power_cut.py) instead of plain kills
    power_cut_lose: int = 0  # committed transactions a power cut also loses (0: what FULL promises)
    collisions: int = 0  # runs with a second syncing process on the same data dir
    time_limit: float = 600.0  # seconds for the whole chaos phase
    timeout: float = 1.0  # the syncing process's HTTP timeout
    bad_rate: float = 0.01  # share of sales KRA must refuse
    fault_scale: float = 1.0  # multiplies FAULT_RATES
    offline_windows: bool = True
    invoice_lookup: bool = True  # False: the hosts answer selectInvoiceDetails with HTTP 404
    keyring_stall_rate: float = 0.1  # share of the syncing process's keyring reads that stall
    work_dir: Path | None = None  # keep everything here (default: a temp dir, removed)
    log: bool = True


@dataclass
class DeviceCheck:
    name: str
    kind: str
    expected_good: int
    expected_bad: int
    signed_at_kra: int = 0
    signed_here: int = 0
    needs_fix: int = 0
    pending: int = 0
    needs_check: int = 0  # left to a person: KRA's answers did not tell whether it has the sale
    lost: int = 0  # recorded here, neither signed at KRA nor explained as needing a fix
    double_signed: int = 0  # signed at KRA more than once (same trdInvcNo under two numbers)
    gaps: int = 0  # invcNo missing from 1..last
    out_of_order: int = 0  # invcNo not in signing order
    mismatched: int = 0  # our record disagrees with KRA's (number, signature, or state)
    unexplained_fix: int = 0  # needs-fix without a reason, or a good sale refused
    bad_signed: int = 0  # a sale that should have been refused was signed
    unforwarded: int = 0  # VSCU: signed but not forwarded to KRA
    # The document queue (stock): our movements against the simulator's insertStockIO records.
    stock_sent: int = 0  # our stock movements marked sent
    stock_at_kra: int = 0  # movements KRA holds for this branch
    stock_lost: int = 0  # sent here but not at KRA, or still waiting / refused at the end
    stock_double: int = 0  # KRA holds more movements than we sent
    stock_gaps: int = 0  # sarNo missing from 1..last
    stock_out_of_order: int = 0  # our movements not numbered in the order they were recorded
    stock_mismatched: int = 0  # KRA's movement under a sarNo is not ours
    stock_levels_wrong: int = 0  # items whose stock level at KRA differs from our balance


@dataclass
class ChaosResult:
    config: ChaosConfig
    devices: list[DeviceCheck] = field(default_factory=list)
    faults: dict[str, int] = field(default_factory=dict)
    kills: int = 0
    power_cuts: int = 0
    torn_bytes: int = 0  # noise left where a frame was being written, over all power cuts
    commits_lost: int = 0  # committed transactions dropped by power cuts (only with power_cut_lose)
    collisions: int = 0  # runs with two syncing processes at once
    left_to_other: int = 0  # device syncs skipped because the other process was draining the device
    runs: int = 0  # syncing processes started
    offline_windows: int = 0
    drained_under_chaos: bool = False
    seconds: float = 0.0
    secret_findings: list[str] = field(default_factory=list)
    keys_checked: int = 0
    keyring_stalls: int = 0  # keyring reads the syncing processes waited out (bench/chaos_keyring.py)
    problems: list[str] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(d, name) for d in self.devices)

    @property
    def ok(self) -> bool:
        bad = ("lost", "double_signed", "gaps", "out_of_order", "mismatched", "unexplained_fix", "bad_signed",
               "unforwarded", "pending", "needs_check", "stock_lost", "stock_double", "stock_gaps",
               "stock_out_of_order", "stock_mismatched", "stock_levels_wrong")  # fmt: skip
        return (
            not any(self.total(name) for name in bad)
            and not self.secret_findings
            and not self.problems
            and self.total("signed_at_kra") == self.total("expected_good")
            and self.total("needs_fix") == self.total("expected_bad")
        )

    def report(self) -> str:
        cfg = self.config
        lines = [
            f"Chaos seed {cfg.seed}: {cfg.sales} sales on {cfg.devices_oscu} OSCU + {cfg.devices_vscu} VSCU devices, "
            f"{self.seconds:.1f} s",
            table(
                [
                    "device",
                    "type",
                    "good",
                    "bad",
                    "signed@KRA",
                    "signed here",
                    "needs fix",
                    "pending",
                    "lost",
                    "double",
                    "gaps",
                    "order",
                    "mismatch",
                ],
                [
                    [
                        d.name,
                        d.kind,
                        d.expected_good,
                        d.expected_bad,
                        d.signed_at_kra,
                        d.signed_here,
                        d.needs_fix,
                        d.pending,
                        d.lost,
                        d.double_signed,
                        d.gaps,
                        d.out_of_order,
                        d.mismatched,
                    ]
                    for d in self.devices
                ],
            ),  # fmt: skip
            "",
            "faults injected: "
            + (", ".join(f"{k} {v}" for k, v in sorted(self.faults.items())) or "none")
            + f" (total {sum(self.faults.values())})",
            f"offline windows: {self.offline_windows}; keyring stalls: {self.keyring_stalls}; SIGKILLs: {self.kills}; "
            f"power cuts: {self.power_cuts} "
            f"(torn bytes {self.torn_bytes}, commits lost {self.commits_lost}); two-process collisions: "
            f"{self.collisions} (device syncs left to the other process: {self.left_to_other}); "
            f"syncing processes started: {self.runs}; "
            f"drained under chaos: {'yes' if self.drained_under_chaos else 'no (finished by a clean sync)'}",
            f"sales {cfg.sales}: signed {self.total('signed_at_kra')}, needs fix {self.total('needs_fix')} "
            f"(all explained: {'yes' if not self.total('unexplained_fix') else 'NO'}), lost {self.total('lost')}, "
            f"double-signed {self.total('double_signed')}, gaps {self.total('gaps')}, "
            f"out of order {self.total('out_of_order')}, VSCU unforwarded {self.total('unforwarded')}, "
            f"stuck at the end: {self.total('pending')} pending + {self.total('needs_check')} needs check "
            f"(invoice lookup {'on' if cfg.invoice_lookup else 'OFF: HTTP 404'})",
            f"stock movements: sent {self.total('stock_sent')}, at KRA {self.total('stock_at_kra')}, lost "
            f"{self.total('stock_lost')}, duplicated {self.total('stock_double')}, gaps {self.total('stock_gaps')}, "
            f"out of order {self.total('stock_out_of_order')}, not ours {self.total('stock_mismatched')}, "
            f"items whose level at KRA differs from ours {self.total('stock_levels_wrong')}",
            f"secret scan: {self.keys_checked} CMC key(s), "
            + ("no leak" if not self.secret_findings else "LEAKS: " + "; ".join(self.secret_findings)),
        ]
        lines += [f"PROBLEM: {p}" for p in self.problems]
        lines.append("RESULT: " + ("PASS" if self.ok else "FAIL"))
        return "\n".join(lines)


@contextmanager
def keyring_env(xdg: Path):
    """keyrings.alt's PlaintextKeyring keeps its file under $XDG_DATA_HOME: point us and the child there."""
    saved = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(xdg)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = saved


def child_env(xdg: Path, keyring_stall_rate: float = 0.0) -> dict:
    bench = str(Path(__file__).resolve().parent)  # chaos_keyring.py
    return dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(p for p in (bench, os.environ.get("PYTHONPATH")) if p),
        PYTHON_KEYRING_BACKEND=KEYRING_BACKEND,
        CHAOS_KEYRING_STALL=f"{keyring_stall_rate},{KEYRING_STALL_SECONDS},{stall_log(xdg)}",
        XDG_DATA_HOME=str(xdg),
        QT_QPA_PLATFORM="offscreen",
    )


def stall_log(xdg: Path) -> Path:
    return xdg / "keyring-stalls.log"


class OfflineWindows(threading.Thread):
    """Now and then takes a simulator off the network (or a VSCU's KRA upstream) for a short window."""

    def __init__(self, sims: list[Simulator], seed: int):
        super().__init__(name="chaos-offline", daemon=True)
        self.sims = sims
        self.rng = random.Random(seed)
        self.stop = threading.Event()
        self.count = 0

    def run(self) -> None:
        while not self.stop.wait(self.rng.uniform(1.0, 4.0)):
            sim = self.rng.choice(self.sims)
            upstream = sim.config.vscu and self.rng.random() < 0.5
            if upstream:
                sim.set_upstream_online(False)
            else:
                sim.go_offline()
            self.count += 1
            self.stop.wait(self.rng.uniform(0.2, 1.0))
            if upstream:
                sim.set_upstream_online(True)
            else:
                sim.go_online()

    def finish(self) -> None:
        self.stop.set()
        self.join()
        for sim in self.sims:
            sim.go_online()
            if sim.config.vscu:
                sim.set_upstream_online(True)


class Chaos:
    def __init__(self, config: ChaosConfig, work: Path):
        self.cfg = config
        self.work = work
        self.data = work / "data"
        self.xdg = work / "xdg"
        self.rng = random.Random(config.seed)
        self.result = ChaosResult(config)
        self.expected: dict[int, dict[str, bool]] = {}  # device id -> trader number -> is bad
        self.outputs: list[str] = []  # the syncing processes' stdout + stderr
        self.faults_on = False  # while True, the syncing processes' keyring stalls now and then
        self.children: list[subprocess.Popen] = []  # syncing processes started and not yet collected
        self.shop: BenchShop | None = None  # our own services; a power cut closes and reopens them
        self.key_store: KeyStore | None = None

    def say(self, text: str) -> None:
        if self.cfg.log:
            print(text, flush=True)

    # --- set-up ----------------------------------------------------------------------------------
    async def setup(self, oscu: Simulator, vscu: Simulator) -> BenchShop:
        from keyrings.alt.file import PlaintextKeyring

        self.data.mkdir(parents=True, exist_ok=True)
        SETTINGS.save(self.data / "settings.json")
        backend = PlaintextKeyring()
        backend.file_path = backend.file_path  # pin the file ($XDG_DATA_HOME is set now) for the whole run
        self.key_store = KeyStore(backend)
        shop = await open_shop(self.data, key_store=self.key_store, settings=SETTINGS)
        self.bad_item = await shop.services.store.add_item(BAD_ITEM)
        index = 0
        for kind, sim, count in (
            (DeviceType.OSCU, oscu, self.cfg.devices_oscu),
            (DeviceType.VSCU, vscu, self.cfg.devices_vscu),
        ):
            for _ in range(count):
                device = await add_device(shop, sim, index, kind, "CHAOS")
                self.expected[device.id] = {}
                index += 1
        return shop

    def plan(self) -> tuple[list[str], set[int]]:
        """The interruptions ("kill", "power") in a seeded order, and the runs that get a second syncing
        process. Its own random sequence: runs without power cuts or collisions stay as before."""
        rng = random.Random(self.cfg.seed + 3)
        stops = ["kill"] * self.cfg.kills + ["power"] * self.cfg.power_cuts
        rng.shuffle(stops)
        runs = len(stops) + 1
        return stops, set(rng.sample(range(runs), min(self.cfg.collisions, runs)))

    def waves(self) -> list[int]:
        """Sales are recorded in waves, one per syncing process until the interruptions are used up."""
        parts = self.cfg.kills + self.cfg.power_cuts + 1
        base, extra = divmod(self.cfg.sales, parts)
        return [base + (1 if i < extra else 0) for i in range(parts)]

    async def record_wave(self, shop: BenchShop, count: int, start: int) -> None:
        devices = shop.devices
        batches: dict[int, list] = {d.id: [] for d in devices}
        for n in range(start, start + count):
            device = devices[n % len(devices)]
            bad = self.rng.random() < self.cfg.bad_rate
            sale = self.bad_sale(f"C{n:06d}") if bad else make_sale(shop.items, f"C{n:06d}", n)
            batches[device.id].append(sale)
            self.expected[device.id][sale.trader_invoice_no] = bad
        for device in devices:
            rates = await shop.services.store.tax_rates(device.id)
            batch = [
                (s, a.total, a.total_tax) for s in batches[device.id] for a in (compute_amounts(s, rates),)
            ]
            if batch:
                await shop.services.store.enqueue_sales(device.id, batch)
            item = shop.items[self.rng.randrange(len(shop.items))]  # goods received: a stock movement
            await shop.services.store.adjust_stock(
                device.id, [moved_line(item, Decimal(self.rng.randint(5, 50)))], StockReason.RECEIVED
            )
            shop.services.sync.notify(device.id)

    def bad_sale(self, number: str) -> Sale:
        item = self.bad_item
        line = SaleLine(item.code, item.item_class_code, item.name, Decimal(1), item.price, item.tax_type)
        return make_sale_with(line, number)

    # --- the syncing process ---------------------------------------------------------------------
    def start_child(self, deadline: float) -> subprocess.Popen:
        command = [sys.executable, str(WORKER), "--data-dir", str(self.data), "--timeout", str(self.cfg.timeout),
                   "--deadline", f"{max(1.0, deadline):.0f}"]  # fmt: skip
        self.result.runs += 1
        child = subprocess.Popen(
            command,
            env=child_env(self.xdg, self.cfg.keyring_stall_rate if self.faults_on else 0.0),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=ROOT,
        )
        self.children.append(child)
        return child

    def collect(self, child: subprocess.Popen) -> str:
        out = child.stdout.read() if child.stdout else ""
        if child.stdout:
            child.stdout.close()
        self.outputs.append(out)
        if child in self.children:
            self.children.remove(child)
        self.result.left_to_other += sum(run.get("elsewhere", 0) for run in _runs(out))
        return out

    def kill_all(self) -> None:
        """SIGKILL every syncing process still running and collect its output."""
        for child in list(self.children):
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
            child.wait(30)
            self.collect(child)

    async def power_cut(self) -> None:
        """The power goes: every syncing process is dead (kill_all first), our own process's database
        goes down too, and the disk keeps only what was flushed (bench/power_cut.py)."""
        database = self.data / "etims.sqlite3"
        disk = self.work / "disk"  # the files as the kill left them (our store is idle between waves)
        shutil.rmtree(disk, ignore_errors=True)
        disk.mkdir()
        files = [database.with_name(database.name + suffix) for suffix in ("", "-wal")]
        for path in files:
            if path.exists():
                shutil.copy2(path, disk / path.name)
        await self.shop.services.aclose()  # closing checkpoints; the files are put back as they were
        for path in [*files, database.with_name(database.name + "-shm")]:
            path.unlink(missing_ok=True)
        for path in files:
            if (disk / path.name).exists():
                shutil.copy2(disk / path.name, path)
        cut = cut_power(database, lose=self.cfg.power_cut_lose, rng=self.rng)
        self.result.power_cuts += 1
        self.result.torn_bytes += cut.torn_bytes
        self.result.commits_lost += cut.commits_lost
        self.shop = await open_shop(self.data, key_store=self.key_store, settings=SETTINGS)  # power back
        self.shop.items = [i for i in self.shop.items if i.code != self.bad_item.code]  # good sales' items
        self.say(
            f"  power cut #{self.result.power_cuts}: WAL cut after {cut.frames_after} of {cut.frames_before} "
            f"frames, {cut.commits_lost} commit(s) lost, {cut.torn_bytes} torn bytes"
        )

    async def chaos_phase(self, oscu: Simulator, vscu: Simulator) -> None:
        ends = time.monotonic() + self.cfg.time_limit
        waves = self.waves()
        stops, pairs = self.plan()
        run = 0
        recorded = 0
        for sim, seed in ((oscu, self.cfg.seed), (vscu, self.cfg.seed + 1)):
            sim.faults.set_rates(seed=seed, **{k: v * self.cfg.fault_scale for k, v in FAULT_RATES.items()})
        self.faults_on = True
        offline = OfflineWindows([oscu, vscu], self.cfg.seed + 2) if self.cfg.offline_windows else None
        if offline:
            offline.start()
        try:
            while time.monotonic() < ends:
                paired, second = run in pairs, None
                run += 1
                if paired and waves:  # both syncing processes start with this wave waiting: they race for it
                    count = waves.pop(0)
                    await self.record_wave(self.shop, count, recorded)
                    recorded += count
                child = self.start_child(ends - time.monotonic())
                if paired:  # a second syncing process on the same data dir, beside the first
                    second = self.start_child(ends - time.monotonic())
                    self.result.collisions += 1
                if waves:  # record the next wave while the syncing process runs (two processes, one DB)
                    count = waves.pop(0)
                    await self.record_wave(self.shop, count, recorded)
                    recorded += count
                if stops:
                    moment = self.rng.uniform(1.0, 5.0)  # a random moment of its run: start-up, check, drain
                    try:
                        await asyncio.to_thread(child.wait, moment)
                    except subprocess.TimeoutExpired:
                        self.kill_all()
                        if stops.pop(0) == "power":
                            await self.power_cut()
                        else:
                            self.result.kills += 1
                            self.say(f"  SIGKILL #{self.result.kills} after {moment:.1f} s")
                        continue
                for process in (child, second):
                    if process is None:
                        continue
                    try:
                        await asyncio.to_thread(process.wait, max(1.0, ends - time.monotonic() + 30))
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait(30)
                if second is not None:
                    self.collect(second)
                out = self.collect(child)
                last = _last_run(out)
                self.say(f"  syncing process exited {child.returncode}: {last}")
                if not waves and child.returncode in (0, 2) and last and last.get("pending") == 0:
                    self.result.drained_under_chaos = not stops
                    if self.result.drained_under_chaos:
                        break
        finally:
            if offline:
                offline.finish()
                self.result.offline_windows = offline.count
            self.result.faults = dict(Counter(oscu.fault_counts) + Counter(vscu.fault_counts))
            self.faults_on = False
            log = stall_log(self.xdg)
            self.result.keyring_stalls = len(log.read_text().splitlines()) if log.exists() else 0
            oscu.faults.clear()
            vscu.faults.clear()
        if waves:
            self.result.problems.append(f"time limit reached with {sum(waves)} sales not yet recorded")
            for count in waves:
                await self.record_wave(self.shop, count, recorded)
                recorded += count

    def clean_finish(self) -> None:
        """Faults off: one more syncing process drains whatever the time limit left."""
        self.kill_all()
        child = self.start_child(120)
        child.wait(180)
        self.say(f"  clean sync exited {child.returncode}: {_last_run(self.collect(child))}")

    def lock_crashes(self) -> list[str]:
        """'database is locked' anywhere: in a syncing process's output or in the logs."""
        logs = [p.read_text(errors="replace") for p in (self.data / "logs").glob("*.log*")]
        hits = sum(text.count("database is locked") for text in [*self.outputs, *logs])
        return [f"'database is locked' appeared {hits} time(s)"] if hits else []

    # --- checks ----------------------------------------------------------------------------------
    async def verify(self, shop: BenchShop, oscu: Simulator, vscu: Simulator) -> None:
        if self.cfg.devices_vscu and not vscu.wait_forwarded(timeout=30):
            self.result.problems.append("the VSCU did not forward every signed sale to KRA within 30 s")
        for device in shop.devices:
            sim = oscu if device.type is DeviceType.OSCU else vscu
            entries = await shop.services.store.list_outbox(device.id, limit=10**7)
            check, problems = check_device(
                device.name,
                device.type.value,
                self.expected[device.id],
                sim.signed_sales(PIN, device.branch_id),
                entries,
            )
            documents = await shop.services.store.list_documents(device.id, limit=10**7)
            balances = await shop.services.store.stock_balances(device.id)
            problems += check_stock(
                check,
                documents,
                sim.stock_movements(PIN, device.branch_id),
                sim.stock_levels(PIN, device.branch_id),
                {b.item_code: b.quantity for b in balances if b.last_moved_at is not None},
            )
            self.result.devices.append(check)
            self.result.problems += problems

    async def secret_scan(self, shop: BenchShop) -> None:
        """No CMC key in any file of the data dir, the syncing processes' output, exports, a key backup."""
        keys = []
        for device in shop.devices:
            try:
                keys.append(shop.services.key_store.get_key(device))
            except Exception:  # noqa: BLE001 - a VSCU device may have no key of its own
                continue
        self.result.keys_checked = len(keys)
        exports = self.cli_exports()
        backup = self.data.parent / "key-backup.etimskeys"
        if keys:
            shop.services.key_store.export_keys(shop.devices, backup, "chaos backup password")
        texts = {f"output of syncing process {i + 1}": out for i, out in enumerate(self.outputs)}
        texts.update(exports)
        texts["diagnostics text (Help > Diagnostics > Copy)"] = await diagnostics_text(shop)
        findings = []
        for key in keys:
            needle = key.encode()
            files = sorted(p for p in self.data.rglob("*") if p.is_file()) + (
                [backup] if backup.exists() else []
            )
            for path in files:
                if needle in path.read_bytes():
                    findings.append(f"a key in {path.relative_to(self.work)}")
            findings += [f"a key in the {where}" for where, text in texts.items() if key in text]
        self.result.secret_findings = sorted(set(findings))

    def cli_exports(self) -> dict[str, str]:
        texts = {}
        for command in (
            ["status", "--json"],
            ["history", "--json", "--limit", "1000"],
            ["device", "list", "--json"],
        ):
            done = subprocess.run([sys.executable, "-m", "etims_desktop", "--data-dir", str(self.data), *command],
                                  env=child_env(self.xdg), capture_output=True, text=True, timeout=120, cwd=ROOT)  # fmt: skip
            texts[f"'etims-desktop {' '.join(command)}' export"] = done.stdout + done.stderr
        return texts

    # --- all of it -------------------------------------------------------------------------------
    async def run(self) -> ChaosResult:
        started = time.monotonic()
        common = dict(
            slow_seconds=self.cfg.timeout * 1.5,
            refuse_window=0.3,
            trickle_seconds=self.cfg.timeout / 4,
            invoice_lookup=self.cfg.invoice_lookup,
        )
        with (
            keyring_env(self.xdg),
            Simulator(SimulatorConfig(mode="oscu", seed=self.cfg.seed, **common)) as oscu,
            Simulator(SimulatorConfig(mode="vscu", seed=self.cfg.seed + 1, **common)) as vscu,
        ):
            self.shop = await self.setup(oscu, vscu)
            try:
                self.say(f"Set up {len(self.shop.devices)} devices in {self.data}; chaos begins")
                await self.chaos_phase(oscu, vscu)
                if not self.result.drained_under_chaos:
                    self.clean_finish()
                await self.verify(self.shop, oscu, vscu)
                await self.secret_scan(self.shop)
                self.result.problems += self.lock_crashes()
            finally:
                for child in self.children:  # a failure above: stop our children
                    if child.poll() is None:
                        child.kill()
                        child.wait(30)
                await self.shop.services.aclose()
        self.result.seconds = time.monotonic() - started
        return self.result


async def diagnostics_text(shop: BenchShop) -> str:
    """The window's diagnostics export (versions, devices, last log lines), as 'Copy diagnostics' gives it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from etims_desktop.ui.devices.diagnostics import collect

    services = shop.services
    return await collect(services.store, services.keys, services.paths)


def check_device(
    name: str, kind: str, expected: dict[str, bool], signed: list, entries: list
) -> tuple[DeviceCheck, list[str]]:
    """Compare one device's recorded sales (`expected`: trader number -> should KRA refuse it) with the
    simulator's signed documents (AcceptedSale, in signing order) and our outbox entries."""
    check = DeviceCheck(
        name, kind, sum(1 for b in expected.values() if not b), sum(1 for b in expected.values() if b)
    )
    problems = []
    check.signed_at_kra = len(signed)
    numbers = [s.invc_no for s in signed]
    check.gaps = len(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
    check.out_of_order = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b <= a)
    by_trader = Counter(s.document.get("trdInvcNo") for s in signed)
    check.double_signed = sum(n - 1 for n in by_trader.values() if n > 1)
    at_kra = {}  # trader number -> its first signed document
    for document in signed:
        at_kra.setdefault(document.document.get("trdInvcNo"), document)
    if kind == "VSCU":
        check.unforwarded = sum(1 for s in signed if s.forwarded_at is None)
    recorded = {e.sale.trader_invoice_no: e for e in entries}
    if set(recorded) != set(expected):
        problems.append(f"{name}: our outbox holds {len(recorded)} sales, {len(expected)} were recorded")
    for number, bad in expected.items():
        entry, kra = recorded.get(number), at_kra.get(number)
        state = entry.state if entry else None
        if bad and kra is not None:
            check.bad_signed += 1
        if state is OutboxState.SIGNED:
            check.signed_here += 1
            receipt = entry.receipt
            if (
                kra is None
                or entry.invc_no != kra.invc_no
                or (receipt is not None and receipt.complete and receipt.signature != kra.receipt.signature)
            ):
                check.mismatched += 1
        elif state is OutboxState.NEEDS_FIX:
            check.needs_fix += 1
            if not bad or not (entry.last_error_message or "").strip() or kra is not None:
                check.unexplained_fix += 1
        elif state is OutboxState.NEEDS_CHECK:
            check.needs_check += 1
        elif state is not None and state.pending:
            check.pending += 1
        if kra is None and state not in (OutboxState.NEEDS_FIX, OutboxState.NEEDS_CHECK):
            check.lost += 1
    foreign = set(at_kra) - set(expected)
    if foreign:
        problems.append(f"{name}: KRA signed {len(foreign)} document(s) we never recorded")
    return check, problems


def check_stock(
    check: DeviceCheck,
    documents: list,
    at_kra: list[dict],
    levels: dict[str, Decimal],
    ours: dict[str, Decimal],
) -> list[str]:
    """Compare one device's stock movements (the document queue) with KRA's insertStockIO records (by
    sarNo) and KRA's stock levels with our balances."""
    moves = sorted((d for d in documents if d.kind is DocumentKind.STOCK_IO), key=lambda d: d.id)
    sent = [d for d in moves if d.state is DocumentState.SENT]
    check.stock_sent, check.stock_at_kra = len(sent), len(at_kra)
    numbers = [m["sarNo"] for m in at_kra]
    check.stock_gaps = len(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
    check.stock_double = max(0, len(at_kra) - len(sent))
    ours_by_number = {d.number: d for d in sent}
    for move in at_kra:
        mine = ours_by_number.get(move["sarNo"])
        if mine is None or _movement(mine.body) != _movement(move):
            check.stock_mismatched += 1
    check.stock_lost = sum(1 for d in sent if d.number not in set(numbers)) + sum(
        1 for d in documents if d.state not in (DocumentState.SENT, DocumentState.REPLACED)
    )
    order = [d.number for d in sent]
    check.stock_out_of_order = sum(1 for a, b in zip(order, order[1:], strict=False) if b <= a)
    check.stock_levels_wrong = sum(1 for code, qty in ours.items() if levels.get(code) != qty)
    return []


def _movement(body: dict) -> tuple:
    return body["sarTyCd"], tuple((line["itemCd"], Decimal(str(line["qty"]))) for line in body["itemList"])


def find_secrets(keys: list[str], files: list[Path], texts: dict[str, str]) -> list[str]:
    """Where any of `keys` appears: in the bytes of `files`, or in the named `texts`."""
    findings = []
    for key in keys:
        needle = key.encode()
        findings += [f"a key in {path}" for path in files if needle in path.read_bytes()]
        findings += [f"a key in the {where}" for where, text in texts.items() if key in text]
    return sorted(set(findings))


def make_sale_with(line: SaleLine, number: str) -> Sale:
    return Sale(trader_invoice_no=number, lines=(line,), sold_at=datetime.now(UTC))


def _runs(output: str) -> list[dict]:
    """The JSON line of each sync run in a syncing process's output."""
    runs = []
    for line in output.splitlines():
        if line.startswith("{"):
            try:
                runs.append(json.loads(line))
            except ValueError:
                continue
    return runs


def _last_run(output: str) -> dict | None:
    runs = _runs(output)
    return runs[-1] if runs else None


def run_chaos(config: ChaosConfig) -> ChaosResult:
    """Run the whole chaos scenario and return its figures (see ChaosResult.ok and .report())."""
    if config.work_dir is not None:
        Path(config.work_dir).mkdir(parents=True, exist_ok=True)
        return asyncio.run(Chaos(config, Path(config.work_dir)).run())
    with tempfile.TemporaryDirectory(prefix="etims-chaos-") as tmp:
        return asyncio.run(Chaos(config, Path(tmp)).run())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sales", type=int, default=3000)
    parser.add_argument("--devices-oscu", type=int, default=4)
    parser.add_argument("--devices-vscu", type=int, default=2)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--power-cuts", type=int, default=0, help="simulated power cuts (bench/power_cut.py)")
    parser.add_argument(
        "--power-cut-lose",
        type=int,
        default=0,
        help="commits each power cut also loses (0: what FULL promises)",
    )
    parser.add_argument("--collisions", type=int, default=0, help="runs with a second syncing process beside")
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds for the chaos phase")
    parser.add_argument("--timeout", type=float, default=1.0, help="the syncing process's HTTP timeout (s)")
    parser.add_argument("--fault-scale", type=float, default=1.0, help="multiply the fault rates")
    parser.add_argument("--bad-rate", type=float, default=0.01, help="share of sales KRA must refuse")
    parser.add_argument("--no-offline", action="store_true", help="no offline windows")
    parser.add_argument(
        "--no-lookup",
        action="store_true",
        help="the hosts lack selectInvoiceDetails (HTTP 404), like some VSCU jars",
    )
    parser.add_argument(
        "--keyring-stall-rate",
        type=float,
        default=0.1,
        help="share of the syncing process's keyring reads that stall",
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it")
    args = parser.parse_args()
    config = ChaosConfig(
        seed=args.seed, sales=args.sales, devices_oscu=args.devices_oscu, devices_vscu=args.devices_vscu,
        kills=args.kills, power_cuts=args.power_cuts, power_cut_lose=args.power_cut_lose,
        collisions=args.collisions, time_limit=args.time_limit, timeout=args.timeout, bad_rate=args.bad_rate,
        fault_scale=args.fault_scale, offline_windows=not args.no_offline, work_dir=args.keep,
        invoice_lookup=not args.no_lookup,
        keyring_stall_rate=args.keyring_stall_rate,
    )  # fmt: skip
    result = run_chaos(config)
    print()
    print(result.report())
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
