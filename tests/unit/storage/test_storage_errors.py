"""A database that is full or read-only is a plain StorageError (what happened, what to do), never
SQL or a traceback - with real SQLite errors on real files."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from decimal import Decimal

import pytest
from sqlalchemy import event

from etims_desktop.storage.errors import StorageError, plain_storage_error
from etims_desktop.storage.store import Store

from .conftest import make_device, make_sale

pytestmark = pytest.mark.anyio


async def test_a_full_database_is_a_plain_error_and_nothing_half_written(db_path, clock):
    store = Store.open(db_path, clock=clock)
    try:
        device = await store.add_device(make_device())
        with closing(sqlite3.connect(db_path)) as db:
            pages = db.execute("PRAGMA page_count").fetchone()[0]

        @event.listens_for(store.engine, "connect")
        def _small(dbapi_connection, _record):  # SQLite's own SQLITE_FULL, as on a full disk
            dbapi_connection.execute(f"PRAGMA max_page_count={pages + 4}")

        store.engine.dispose()  # new connections get the limit
        batch = [(make_sale(f"INV-{n}"), Decimal("116.00"), Decimal("16.00")) for n in range(2000)]
        with pytest.raises(StorageError) as caught:
            await store.enqueue_sales(device.id, batch)
        assert "is full" in str(caught.value) and "Free some space" in str(caught.value)
        assert "[SQL" not in str(caught.value) and caught.value.__suppress_context__
        assert not any((await store.outbox_counts(device.id)).values())  # all of the batch, or none
    finally:
        await store.aclose()


def test_a_read_only_database_is_named_as_such(db_path):
    Store.open(db_path).close()
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
        with pytest.raises(sqlite3.OperationalError) as caught:
            db.execute("DELETE FROM devices")
    plain = plain_storage_error(caught.value, db_path)
    assert plain is not None and "cannot be written" in str(plain) and str(db_path) in str(plain)


def test_other_errors_are_left_alone():
    assert plain_storage_error(ValueError("not a storage problem")) is None
    assert plain_storage_error(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
