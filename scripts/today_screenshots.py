"""Screenshots of the Today tab at 1366x768, at 100 % and at 200 % (offscreen; no display needed).

    .venv/bin/python scripts/today_screenshots.py [--out docs/screenshots]

Fills a throw-away database with a month of a small shop's sales (a till on OSCU and a back-office VSCU,
shop time Africa/Nairobi), with this morning's internet cut on the till and the VSCU's half-hourly
batches so the queue charts have a story, then grabs the window's Today tab: today.png (1366x768 at
100 %) and today-200.png (the same 1366x768 logical window on a 2732x1536 screen at 200 %). Each scale
runs in its own process (Qt fixes the scale when it starts).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOP_ZONE = "Africa/Nairobi"
SIZE = (1366, 768)


async def until(predicate, timeout: float = 20.0) -> None:
    """Wait for a condition the window reaches through its own events (no fixed sleeps)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("the window did not settle")
        await asyncio.sleep(0.05)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def seed(database: Path, now: datetime) -> None:
    """A month of sales through the store itself (the outbox records every state change at `clock`)."""
    from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
    from etims_desktop.domain.outbox import SignedReceipt
    from etims_desktop.domain.sale import ReceiptType, Sale, SaleLine, TaxType
    from etims_desktop.storage.store import Store

    rng = random.Random(17)
    clock = Clock(now)
    store = Store.open(database, clock=clock)
    try:
        till = await store.add_device(
            Device(None, "Shop till", DeviceType.OSCU, "P051234567X", "00", "SN-TILL-1")
        )
        vscu = await store.add_device(
            Device(
                None,
                "Back office VSCU",
                DeviceType.VSCU,
                "P051234567X",
                "01",
                "SN-VSCU-1",
                environment=Environment.CUSTOM,
                base_url="http://127.0.0.1:8088",
                endpoint_style=EndpointStyle.NESTED,
            )
        )
        local = now.astimezone()
        month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        sales: list[tuple[datetime, int]] = []
        day = month_start
        while day.date() <= local.date():
            busy = 0.6 + 0.4 * rng.random() + (0.3 if day.weekday() >= 5 else 0)
            for hour in range(7, 21):
                shoppers = rng.randint(0, int(6 * busy * (1.6 if hour in (8, 12, 13, 17, 18) else 1)))
                for _ in range(shoppers):
                    at = day + timedelta(hours=hour, minutes=rng.randint(0, 59))
                    if at.astimezone(UTC) < now - timedelta(minutes=5):
                        sales.append((at.astimezone(UTC), till.id if rng.random() < 0.7 else vscu.id))
            day += timedelta(days=1)
        sales.sort()

        outage = (now - timedelta(hours=3, minutes=10), now - timedelta(hours=1, minutes=40))
        batch = timedelta(minutes=30)
        waiting: dict[int, list[int]] = {till.id: [], vscu.id: []}
        signed: list[int] = []

        async def send(device_id: int, at: datetime, refuse: bool = False) -> None:
            clock.now = at
            for _ in list(waiting[device_id]):
                entry = await store.next_to_send(device_id, at)
                if entry is None:
                    break
                number = await store.assign_number(entry.id)
                if refuse:
                    await store.mark_needs_fix(entry.id, "910", "the buyer's PIN is not registered")
                    refuse = False
                else:
                    await store.mark_signed(entry.id, SignedReceipt(invc_no=number))
                    signed.append(entry.sale_id)
                waiting[device_id].remove(entry.sale_id)

        next_batch = sales[0][0] + batch if sales else now
        n = 0
        for sold_at, device_id in sales:
            while next_batch <= sold_at:
                await send(vscu.id, next_batch)
                next_batch += batch
            if waiting[till.id] and not outage[0] <= sold_at < outage[1]:
                await send(till.id, sold_at, refuse=sold_at > now - timedelta(minutes=50) and n % 2 == 0)
            n += 1
            clock.now = sold_at
            qty = rng.randint(1, 4)
            price = Decimal(rng.choice(("55.00", "150.00", "210.00", "320.00", "95.00")))
            total = price * qty
            tax = (total * Decimal(16) / Decimal(116)).quantize(Decimal("0.01"))
            line = SaleLine("KE2NTU0000001", "5020230500", "Sugar 1 kg", Decimal(qty), price, TaxType.B)
            sale = Sale(trader_invoice_no=f"INV-{n}", lines=(line,), sold_at=sold_at)
            sale_id, _ = await store.enqueue_sale(device_id, sale, total, tax)
            waiting[device_id].append(sale_id)
            if device_id == till.id and not outage[0] <= sold_at < outage[1]:
                await send(till.id, sold_at + timedelta(seconds=2))
        if waiting[till.id] and not outage[0] <= now < outage[1]:
            await send(till.id, now - timedelta(minutes=1))
        # a refund this morning
        clock.now = now - timedelta(hours=2)
        if signed:
            original = await store.get_entry(signed[-1])
            refund = Sale(
                trader_invoice_no="CN-1",
                lines=original.sale.lines,
                sold_at=clock.now,
                receipt_type=ReceiptType.CREDIT_NOTE,
                original_sale_id=original.sale_id,
                refund_reason_code="06",
            )
            total = sum((ln.qty * ln.unit_price for ln in original.sale.lines), Decimal("0"))
            tax = (total * Decimal(16) / Decimal(116)).quantize(Decimal("0.01"))
            await store.enqueue_sale(till.id, refund, total, tax)
    finally:
        store.close()


async def grab(out: Path, name: str) -> int:
    from keyrings.alt.file import PlaintextKeyring

    from etims_desktop.bootstrap import build_services
    from etims_desktop.domain.clock import utcnow
    from etims_desktop.paths import DataPaths
    from etims_desktop.storage.secrets import KeyStore
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="etims-today-") as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        await seed(paths.database, utcnow())
        backend = PlaintextKeyring()
        backend.file_path = str(Path(tmp) / "keyring.cfg")  # a throw-away keyring, never the user's
        services = build_services(paths, key_store=KeyStore(backend))
        window = MainWindow(services)
        try:
            window.resize(*SIZE)
            window.show()
            await window.refresher.first_done.wait()
            window.tabs.setCurrentWidget(window.today_tab)
            await until(lambda: window.today_tab.loads >= 1 and not window.today_tab.busy)
            window.grab().save(str(out / name))
        finally:
            window.tray.quit()
            window.events.detach()
            await tasks.cancel_all()
            await services.aclose()
    print(out / name)
    return 0


def run_scaled(out: Path, scale: int, name: str) -> None:
    """This script again in a child process, on a screen that holds the window at `scale`."""
    with tempfile.TemporaryDirectory() as tmp:
        screen = Path(tmp) / "screen.json"
        width, height = SIZE[0] * scale, SIZE[1] * scale
        screen.write_text(
            json.dumps(
                {"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}]}
            )
        )
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "QT_SCALE_FACTOR": str(scale),
            "TZ": SHOP_ZONE,
        }
        subprocess.run([sys.executable, __file__, "--out", str(out), "--one", name], env=env, check=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process: grab this one file
    args = parser.parse_args()
    if args.one is None:
        run_scaled(args.out, 1, "today.png")
        run_scaled(args.out, 2, "today-200.png")
        sys.exit(0)
    sys.path.insert(0, str(ROOT))
    time.tzset()
    import qasync
    from PySide6.QtWidgets import QApplication

    application = QApplication(sys.argv)
    application.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(application)) as runner:
        sys.exit(runner.run(grab(args.out, args.one)))
