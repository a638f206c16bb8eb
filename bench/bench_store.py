"""How fast are the board's queries on a big shop? 1,000,000 sales across 10 devices.

    .venv/bin/python bench/bench_store.py [--sales 1000000] [--devices 10] [--db PATH] [--plans]

Fills a fresh database with a Core bulk insert (sales, one line each, outbox rows; the outbox
triggers keep the per-state counters exact), then reopens it through Store.open, as the app does,
and times the calls the board and the sync engine make. Each figure is the median of several runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import event, insert, update

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.outbox import OutboxState, SignedReceipt, WaitReason
from etims_desktop.domain.sale import ReceiptType, Sale, SaleLine, TaxType
from etims_desktop.storage.models import DeviceRow, OutboxRow, SaleLineRow, SaleRow
from etims_desktop.storage.store import Store

START = datetime(2025, 1, 1, tzinfo=UTC)
CHUNK = 20_000
PENDING = {state for state in OutboxState if state.pending}


def state_for(position: int, per_device: int) -> tuple[OutboxState, WaitReason | None]:
    """Most of a device's history is signed; its newest sales are still on their way or need a fix."""
    from_end = per_device - position
    if from_end <= 1_000:
        return OutboxState.QUEUED, None
    if from_end <= 1_300:
        return OutboxState.WAITING, WaitReason.NEXT_BATCH
    if position % 997 == 0:
        return OutboxState.NEEDS_FIX, None
    if position % 1_999 == 0:
        return OutboxState.CANCELLED, None
    return OutboxState.SIGNED, None


def fill(store: Store, devices: int, sales: int) -> None:
    """Core bulk insert, device by device, in chunks of CHUNK sales per transaction."""
    per_device = sales // devices
    sale_id = 0
    with store.engine.connect() as connection:
        for d in range(devices):
            device_id = asyncio.run(
                store.add_device(
                    Device(None, f"Till {d + 1}", DeviceType.VSCU, "P051234567X", "00", f"BENCH-{d}")
                )
            ).id
            invc_no = 0
            for start in range(0, per_device, CHUNK):
                sale_rows, line_rows, outbox_rows = [], [], []
                for position in range(start + 1, min(start + CHUNK, per_device) + 1):
                    sale_id += 1
                    at = START + timedelta(seconds=position * 30)
                    state, reason = state_for(position, per_device)
                    number = None
                    if state is OutboxState.SIGNED:
                        invc_no += 1
                        number = invc_no
                    sale_rows.append(
                        dict(
                            id=sale_id,
                            device_id=device_id,
                            trader_invoice_no=f"INV-{position:08d}",
                            receipt_type=ReceiptType.SALE,
                            sold_at=at,
                            prices_include_vat=True,
                            payment_type="01",
                            extra={},
                            total=Decimal("116.00"),
                            total_tax=Decimal("16.00"),
                            created_at=at,
                        )
                    )
                    line_rows.append(
                        dict(
                            sale_id=sale_id,
                            line_no=1,
                            item_code="KE2NTU0000001",
                            item_class_code="99010000",
                            name="Sugar 1kg",
                            qty=Decimal("1"),
                            unit_price=Decimal("116.00"),
                            tax_type=TaxType.B,
                            pkg_unit_code="NT",
                            qty_unit_code="U",
                            discount_rate=Decimal("0"),
                        )
                    )
                    outbox_rows.append(
                        dict(
                            sale_id=sale_id,
                            device_id=device_id,
                            state=state,
                            queue_seq=position,
                            wait_reason=reason,
                            invc_no=number,
                            attempts=0,
                            created_at=at,
                            state_changed_at=at + timedelta(seconds=5),
                            receipt_no=number,
                            signature="ABCDEFGHIJKLMNOP" if number else None,
                            receipt_complete=True if number else None,
                        )
                    )
                with connection.begin():
                    connection.execute(insert(SaleRow), sale_rows)
                    connection.execute(insert(SaleLineRow), line_rows)
                    connection.execute(insert(OutboxRow), outbox_rows)
            with connection.begin():
                connection.execute(
                    update(DeviceRow)
                    .where(DeviceRow.id == device_id)
                    .values(last_invc_no=invc_no, last_queue_seq=per_device)
                )
            print(f"  device {d + 1}/{devices}: {per_device:,} sales", flush=True)


async def timed(label: str, make_call, runs: int = 11) -> float:
    """Median wall time of `runs` calls, and the CPU time this process spent per call (the CPU figure
    is what the call costs on an idle machine; wall time also counts waiting for a busy CPU)."""
    times = []
    cpu_started = time.process_time()
    for _ in range(runs):
        started = time.perf_counter()
        await make_call()
        times.append((time.perf_counter() - started) * 1000)
    cpu = (time.process_time() - cpu_started) * 1000 / runs
    median = statistics.median(times)
    print(f"  {label:<54} {median:8.2f} ms  (min {min(times):6.2f})   cpu {cpu:6.2f} ms")
    return median


async def measure(store: Store, devices: int) -> None:
    device_id = (await store.list_devices())[devices // 2].id
    now = START + timedelta(days=3650)
    summary = await store.pending_summary()
    print(
        f"  pending on device {device_id}: {summary[device_id].pending:,}, counts {summary[device_id].counts}"
    )
    await timed("pending_summary() (all devices)", store.pending_summary)
    await timed("outbox_counts(device)", lambda: store.outbox_counts(device_id))
    await timed("list_outbox(device) first page of 200", lambda: store.list_outbox(device_id))
    await timed(
        "list_outbox(device, pending states) first page", lambda: store.list_outbox(device_id, PENDING)
    )
    await timed(
        "list_outbox(device, {needs_fix}) first page",
        lambda: store.list_outbox(device_id, {OutboxState.NEEDS_FIX}),
    )
    await timed(
        "list_outbox(device, {signed}) page at offset 10,000",
        lambda: store.list_outbox(device_id, {OutboxState.SIGNED}, offset=10_000),
    )
    await timed("list_outbox() all devices, first page", store.list_outbox)
    await timed("next_to_send(device)", lambda: store.next_to_send(device_id, now))
    await timed("signed_count_since(device, last 24 h)", lambda: store.signed_count_since(device_id, now))

    async def send_cycle() -> None:
        entry = await store.next_to_send(device_id, now)
        number = await store.assign_number(entry.id)
        await store.mark_signed(entry.id, SignedReceipt(invc_no=number))

    await timed("one send: next_to_send + assign_number + mark_signed", send_cycle, runs=21)
    line = SaleLine("KE2NTU0000001", "99010000", "Sugar", Decimal("1"), Decimal("116"), TaxType.B)
    counter = iter(range(10**9))

    async def record() -> None:
        sale = Sale(f"NEW-{next(counter)}", (line,), now)
        await store.enqueue_sale(device_id, sale, Decimal("116"), Decimal("16"))

    await timed("enqueue_sale (one new sale)", record, runs=21)


def show_plans(store: Store, devices: int) -> None:
    """EXPLAIN QUERY PLAN of every distinct SELECT the board and the sync engine issue."""
    seen: dict[str, tuple] = {}

    def capture(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not executemany:
            seen.setdefault(statement, parameters)

    event.listen(store.engine, "before_cursor_execute", capture)

    async def calls() -> None:
        device_id = (await store.list_devices())[devices // 2].id
        now = START + timedelta(days=3650)
        await store.pending_summary()
        await store.outbox_counts(device_id)
        await store.list_outbox(device_id, PENDING)
        await store.signed_count_since(device_id, now)
        entry = await store.next_to_send(device_id, now)
        await store.assign_number(entry.id)
        await store.mark_signed(
            entry.id, SignedReceipt(invc_no=entry.invc_no or await store.last_invc_no(device_id))
        )

    asyncio.run(calls())
    event.remove(store.engine, "before_cursor_execute", capture)
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        plans = {}
        for statement, parameters in seen.items():
            plan = "; ".join(row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))
            plans.setdefault(plan, " ".join(statement.split())[:100])
    for plan, example in sorted(plans.items()):
        print(f"  {plan}\n      e.g. {example}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--devices", type=int, default=10)
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument("--plans", action="store_true", help="print the query plans too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.sqlite3"
        fresh = not path.exists()
        if fresh:
            print(f"Filling {path} with {args.sales:,} sales across {args.devices} devices ...")
            started = time.perf_counter()
            store = Store.open(path)
            fill(store, args.devices, args.sales)
            store.close()  # runs PRAGMA optimize, as the app does on exit
            print(
                f"  filled in {time.perf_counter() - started:.1f} s; file {path.stat().st_size / 1e6:.0f} MB"
            )
        print(
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work slows every figure)"
        )
        started = time.perf_counter()
        store = Store.open(path)
        print(f"Store.open (migrate check + crash recovery): {(time.perf_counter() - started) * 1000:.1f} ms")
        try:
            if args.plans:
                show_plans(store, args.devices)
            asyncio.run(measure(store, args.devices))
        finally:
            store.close()


if __name__ == "__main__":
    main()
