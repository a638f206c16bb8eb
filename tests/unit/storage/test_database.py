"""The SQLite file itself: pragmas, private file modes, exact values, schema = migrations."""

from __future__ import annotations

import asyncio
import os
import stat
import sys
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from etims_desktop.storage.models import Base, DeviceRow, OutboxRow, SaleRow
from etims_desktop.storage.store import Store

from .conftest import enqueue, make_device, make_sale

pytestmark = pytest.mark.anyio
NAIROBI = ZoneInfo("Africa/Nairobi")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


async def test_pragmas_are_on(store):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert (
            connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        )  # FULL: commits survive a power cut
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


async def test_the_writer_flushes_every_commit(store):
    """The drain's transactions (numbers, signatures) and the recording of sales run on the writer."""
    device = await store.add_device(make_device())
    await enqueue(store, device.id, "INV-1")

    def synchronous(tx):
        return tx.connection.exec_driver_sql("PRAGMA synchronous").scalar()

    assert await store._write(synchronous) == 2
    assert await store._read(synchronous) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
async def test_database_files_are_private(store, db_path):
    device = await store.add_device(make_device())
    await enqueue(store, device.id, "INV-1")
    with store.engine.connect() as connection:  # keep a connection open so -wal and -shm exist
        connection.exec_driver_sql("SELECT 1").all()
        for suffix in ("", "-wal", "-shm"):
            path = db_path.with_name(db_path.name + suffix)
            assert path.exists(), suffix
            assert mode(path) == 0o600, (suffix, oct(mode(path)))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_existing_loose_file_is_made_private(db_path, clock):
    db_path.touch(mode=0o644)
    os.chmod(db_path, 0o644)
    Store.open(db_path, clock=clock).close()
    assert mode(db_path) == 0o600


async def test_foreign_keys_are_enforced(store):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    await store.cancel_sale(sale_id)
    await store.delete_device(device.id)  # cascades to its sales, outbox and history
    with store.engine.connect() as connection:
        assert connection.scalar(select(SaleRow.id)) is None
        assert connection.scalar(select(OutboxRow.sale_id)) is None


async def test_decimal_round_trip_is_exact(store):
    device = await store.add_device(make_device())
    values = ["0.1", "0.10", "1234567890123.456789", "0.005", "1E+2", "-3.30"]
    for n, value in enumerate(values):
        await store.enqueue_sale(
            device.id, make_sale(f"INV-{n}", price=value), Decimal(value), Decimal(value)
        )
    with store.engine.connect() as connection:
        raw = connection.exec_driver_sql("SELECT total, typeof(total) FROM sales ORDER BY id").all()
        assert [text for text, _ in raw] == [str(Decimal(v)) for v in values]
        assert {kind for _, kind in raw} == {"text"}  # never a float
    entries = await store.list_outbox(device.id)
    prices = [e.sale.lines[0].unit_price for e in reversed(entries)]
    assert [str(p) for p in prices] == [str(Decimal(v)) for v in values]


async def test_float_money_is_refused(store):
    device = await store.add_device(make_device())
    with pytest.raises(Exception, match="never float"):
        await store.enqueue_sale(device.id, make_sale("INV-1"), 116.0, Decimal("16"))


async def test_datetimes_are_stored_utc_and_returned_aware(store):
    device = await store.add_device(make_device())
    sold_at = datetime(2026, 3, 2, 23, 30, tzinfo=NAIROBI)  # 20:30 UTC
    sale_id, _ = await store.enqueue_sale(
        device.id, make_sale("INV-1", sold_at=sold_at), Decimal("1"), Decimal("0")
    )
    entry = await store.get_entry(sale_id)
    assert entry.sale.sold_at == sold_at and entry.sale.sold_at.utcoffset().total_seconds() == 0
    assert entry.sale.sold_at.tzinfo is UTC
    with store.engine.connect() as connection:
        assert (
            connection.exec_driver_sql("SELECT sold_at FROM sales").scalar().startswith("2026-03-02 20:30:00")
        )
    with pytest.raises(Exception, match="time zone"):
        await store.enqueue_sale(
            device.id, make_sale("INV-2", sold_at=datetime(2026, 3, 2)), Decimal("1"), Decimal("0")
        )


def test_models_match_the_migrations(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_no_column_could_hold_a_cmc_key(store):
    with store.engine.connect() as connection:
        inspector = inspect(connection)
        columns = [(t, c["name"]) for t in inspector.get_table_names() for c in inspector.get_columns(t)]
    assert not [(t, c) for t, c in columns if "key" in c.lower() or "cmc" in c.lower()]


async def test_two_stores_on_one_file_take_turns(db_path, clock):
    """The window and a CLI run may share the file: writers queue (BEGIN IMMEDIATE), none fails."""
    first = Store.open(db_path, clock=clock)
    second = Store.open(db_path, clock=clock)
    try:
        device = await first.add_device(make_device())
        await asyncio.gather(
            *(
                (first if n % 2 else second).enqueue_sale(
                    device.id, make_sale(f"INV-{n}"), Decimal("1"), Decimal("0")
                )
                for n in range(20)
            )
        )
        assert (await second.pending_summary())[device.id].pending == 20
        with first.engine.connect() as connection:
            assert connection.scalar(select(DeviceRow.last_queue_seq)) == 20
    finally:
        await first.aclose()
        await second.aclose()


async def test_closed_store_says_so(db_path, clock):
    store = Store.open(db_path, clock=clock)
    await store.aclose()
    await store.aclose()  # twice is harmless
    with pytest.raises(Exception, match="closed"):
        await store.list_devices()
