"""Group commit: writes that queue up together share one transaction (one flush to the disk), yet each
succeeds or fails alone, and none returns before its data is committed."""

from __future__ import annotations

import asyncio
import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import event

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.outbox import OutboxState

from .conftest import make_device, make_sale

pytestmark = pytest.mark.anyio


def count_commits(store) -> list[int]:
    commits = [0]
    event.listen(store.engine, "commit", lambda _conn: commits.__setitem__(0, commits[0] + 1))
    return commits


async def test_concurrent_writes_share_commits_and_fail_alone(store, db_path):
    devices = [await store.add_device(make_device(f"SN-{n}")) for n in range(3)]
    commits = count_commits(store)

    def failing_write(tx):
        tx.outbox.enqueue(devices[0].id, [(make_sale("UNDONE"), Decimal("116.00"), Decimal("16.00"))])
        raise RuntimeError("this write fails after writing")

    writes = [
        store.enqueue_sale(devices[n % 3].id, make_sale(f"INV-{n}"), Decimal("116.00"), Decimal("16.00"))
        for n in range(30)
    ]
    writes.insert(10, store._write(failing_write))
    writes.insert(20, store.add_device(make_device("SN-1")))  # the same device twice: refused
    results = await asyncio.gather(*writes, return_exceptions=True)

    failures = [r for r in results if isinstance(r, BaseException)]
    assert len(failures) == 2
    assert isinstance(results[10], RuntimeError) and isinstance(results[20], DomainValidationError)
    assert 1 <= commits[0] < 30  # fewer commits (disk flushes) than writes
    # What the callers were told is what a fresh connection reads: committed, and nothing of the failures.
    db = sqlite3.connect(db_path)
    try:
        numbers = {n for (n,) in db.execute("SELECT trader_invoice_no FROM sales")}
        devices_now = db.execute("SELECT count(*) FROM devices").fetchone()[0]
    finally:
        db.close()
    assert numbers == {f"INV-{n}" for n in range(30)}
    assert devices_now == 3
    for device in devices:
        assert (await store.outbox_counts(device.id)).get(OutboxState.QUEUED) == 10


async def test_a_lone_write_is_its_own_transaction(store):
    device = await store.add_device(make_device())
    commits = count_commits(store)
    await store.enqueue_sale(device.id, make_sale("INV-1"), Decimal("116.00"), Decimal("16.00"))
    await store.enqueue_sale(device.id, make_sale("INV-2"), Decimal("116.00"), Decimal("16.00"))
    assert commits[0] == 2
