"""Schema upgrades: from the first released revision to head, with a backup taken first."""

from __future__ import annotations

import sqlite3
import stat
import sys
from decimal import Decimal

import pytest

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.storage.database import make_engine
from etims_desktop.storage.errors import StorageError
from etims_desktop.storage.migrate import current_revision, head_revision, upgrade
from etims_desktop.storage.store import Store

from .conftest import make_sale

pytestmark = pytest.mark.anyio

REVISION_1_DATA = [
    """INSERT INTO devices (id, name, type, pin, branch_id, serial, environment, endpoint_style, practice,
           last_invc_no, last_queue_seq, status_kind, created_at)
       VALUES (1, 'Till 1', 'OSCU', 'P051234567X', '00', 'SN-1', 'sandbox', 'flat', 0, 1, 3, 'online',
           '2026-01-05 08:00:00.000000')""",
    *(
        f"""INSERT INTO sales (id, device_id, trader_invoice_no, receipt_type, sold_at, prices_include_vat,
               payment_type, extra, total, total_tax, created_at)
           VALUES ({n}, 1, 'INV-{n}', 'S', '2026-01-05 09:00:00.000000', 1, '01', '{{}}', '116.10', '16.01',
               '2026-01-05 09:00:0{n}.000000')"""
        for n in (1, 2, 3)
    ),
    *(
        f"""INSERT INTO sale_lines (sale_id, line_no, item_code, item_class_code, name, qty, unit_price, tax_type,
               pkg_unit_code, qty_unit_code, discount_rate)
           VALUES ({n}, 1, 'KE2NTU0000001', '99010000', 'Sugar', '1.5', '77.40', 'B', 'NT', 'U', '0')"""
        for n in (1, 2, 3)
    ),
    """INSERT INTO outbox (sale_id, device_id, state, queue_seq, invc_no, attempts, created_at, state_changed_at,
           receipt_complete, signature)
       VALUES (1, 1, 'signed', 1, 1, 0, '2026-01-05 09:00:01.000000', '2026-01-05 09:01:00.000000', 1,
           'ABCDEFGHIJKLMNOP')""",
    """INSERT INTO outbox (sale_id, device_id, state, queue_seq, attempts, created_at, state_changed_at)
       VALUES (2, 1, 'queued', 2, 0, '2026-01-05 09:00:02.000000', '2026-01-05 09:00:02.000000')""",
    """INSERT INTO outbox (sale_id, device_id, state, queue_seq, attempts, created_at, state_changed_at)
       VALUES (3, 1, 'queued', 3, 0, '2026-01-05 09:00:03.000000', '2026-01-05 09:00:03.000000')""",
    """INSERT INTO outbox_events (sale_id, at, from_state, to_state, reason)
       VALUES (1, '2026-01-05 09:01:00.000000', 'sending', 'signed', 'signed by KRA')""",
]


def make_revision_1_database(path) -> None:
    engine = make_engine(path)
    try:
        upgrade(engine, "0001")
        with engine.begin() as connection:
            for sql in REVISION_1_DATA:
                connection.exec_driver_sql(sql)
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()


async def test_upgrade_from_revision_1_keeps_the_data(db_path, clock):
    make_revision_1_database(db_path)
    backups = db_path.parent / "backups"

    store = Store.open(db_path, backup_dir=backups, clock=clock)
    try:
        assert current_revision(store.engine) == head_revision() != "0001"
        # A backup of the old file was taken first, and it is a complete revision-1 database.
        assert store.backup_path is not None and store.backup_path.parent == backups
        assert list(backups.iterdir()) == [store.backup_path]
        if sys.platform != "win32":
            assert stat.S_IMODE(store.backup_path.stat().st_mode) == 0o600
        with sqlite3.connect(store.backup_path) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert old.execute("SELECT count(*) FROM sales").fetchone() == (3,)

        signed = await store.get_entry(1)
        assert signed.state is OutboxState.SIGNED and signed.invc_no == 1
        assert signed.receipt.signature == "ABCDEFGHIJKLMNOP"
        assert signed.sale.lines[0].qty == Decimal("1.5") and signed.sale.lines[0].unit_price == Decimal(
            "77.40"
        )
        assert [c.reason for c in await store.history(1)] == ["signed by KRA"]
        # Revision 2's counters were filled from the existing rows, and the triggers keep them exact.
        counts = await store.outbox_counts(1)
        assert counts[OutboxState.SIGNED] == 1 and counts[OutboxState.QUEUED] == 2
        await store.enqueue_sale(1, make_sale("INV-4"), Decimal("1"), Decimal("0"))
        entry = await store.next_to_send(1, clock())
        assert entry.sale_id == 2
        assert await store.assign_number(entry.id) == 2  # the old counter carried over
        assert (await store.outbox_counts(1))[OutboxState.QUEUED] == 2
        summary = (await store.pending_summary())[1]
        assert summary.pending == 3 and summary.oldest_pending_at.isoformat() == "2026-01-05T09:00:02+00:00"
    finally:
        await store.aclose()


def test_new_and_current_databases_are_not_backed_up(db_path, clock):
    backups = db_path.parent / "backups"
    store = Store.open(db_path, backup_dir=backups, clock=clock)
    assert store.backup_path is None
    store.close()
    store = Store.open(db_path, backup_dir=backups, clock=clock)
    assert store.backup_path is None
    store.close()
    assert not backups.exists() or not list(backups.iterdir())


def test_a_database_from_a_newer_app_is_refused_untouched(db_path, clock):
    Store.open(db_path, clock=clock).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StorageError, match="newer version"):
        Store.open(db_path, clock=clock)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_schema_head_constant_matches_the_newest_migration():
    from etims_desktop.storage.migrate import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()
