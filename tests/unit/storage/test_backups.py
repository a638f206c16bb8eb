"""Database backups on real files: consistent while the store writes, checked, private, rotated; a damaged
database found at open and left untouched."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
import sys
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from db_damage import damage_table_page

from etims_desktop.storage.backups import (
    KEEP_AT_LEAST,
    BackupFailed,
    check_file,
    latest_good_backup,
    list_backups,
    make_backup,
)
from etims_desktop.storage.migrate import current_revision
from etims_desktop.storage.store import Store

from .conftest import make_device, make_sale


def test_a_backup_taken_while_the_store_writes_is_whole_and_checked(db_path, clock, tmp_path):
    store = Store.open(db_path, clock=clock)
    device = asyncio.run(store.add_device(make_device()))
    stop, under_way = threading.Event(), threading.Event()
    written = []

    def keep_writing() -> None:  # the app recording sales meanwhile, one transaction per sale
        async def write() -> None:
            n = 0
            while not stop.is_set() or n < 50:
                n += 1
                await store.enqueue_sale(device.id, make_sale(f"W{n}"), Decimal("116"), Decimal("16"))
                written.append(n)
                if n == 20:
                    under_way.set()

        asyncio.run(write())

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        assert under_way.wait(timeout=30)  # the backup starts while writes are under way
        result = make_backup(db_path, tmp_path / "usb", "manual")
    finally:
        stop.set()
        writer.join()
        store.close()

    backup = result.backup.path
    assert check_file(backup) == []
    with sqlite3.connect(backup) as copy:
        sales = copy.execute("SELECT count(*) FROM sales").fetchone()[0]
        # One snapshot: every sale has its outbox row and the trigger-kept counter agrees.
        assert copy.execute("SELECT count(*) FROM outbox").fetchone()[0] == sales
        assert copy.execute("SELECT sum(n) FROM outbox_state_counts").fetchone()[0] == sales
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal needed
    assert 20 <= sales <= len(written)
    assert not list((tmp_path / "usb").glob("*.partial")) and not list((tmp_path / "usb").glob("*-wal"))
    if sys.platform != "win32":
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_rotation_keeps_fourteen_days_and_never_fewer_than_three(store, db_path, tmp_path):
    folder = tmp_path / "backups"
    start = datetime(2026, 11, 1, 22, 0, tzinfo=UTC)
    for day in range(20):
        make_backup(db_path, folder, "auto", start + timedelta(days=day))
    made_at = [b.made_at for b in list_backups(folder)]
    assert made_at[0] == start + timedelta(days=19)
    assert made_at[-1] == start + timedelta(days=19 - 14)  # 15 copies: the last 14 days and today
    other = tmp_path / "old"
    for day in range(5):
        make_backup(db_path, other, "manual", start + timedelta(days=day))
    later = start + timedelta(days=100)
    make_backup(db_path, other, "manual", later)
    assert len(list_backups(other)) == KEEP_AT_LEAST  # old ones go, but never all of them


def test_the_latest_good_backup_skips_a_damaged_one(store, db_path, tmp_path):
    asyncio.run(store.add_device(make_device()))
    folder = tmp_path / "backups"
    good = make_backup(db_path, folder, "auto", datetime(2026, 11, 1, tzinfo=UTC)).backup
    bad = make_backup(db_path, folder, "auto", datetime(2026, 11, 2, tzinfo=UTC)).backup
    damage_table_page(bad.path, "devices")
    assert check_file(bad.path) != []
    (folder / "etims-backup-20261103T000000Z-auto.sqlite3.partial").write_bytes(b"cut short")
    assert latest_good_backup([tmp_path / "usb-not-plugged-in", folder]).path == good.path


def test_a_backup_into_a_folder_that_cannot_be_written_says_so(store, db_path, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(BackupFailed, match="cannot be used"):
        make_backup(db_path, blocker / "backups")


def test_a_damaged_database_is_found_at_open_and_left_as_it_is(db_path, clock):
    store = Store.open(db_path, clock=clock)
    assert store.damage == [] and store.integrity_ms > 0
    asyncio.run(store.add_device(make_device()))
    store.close()
    db = sqlite3.connect(db_path)
    with db:
        db.execute("UPDATE alembic_version SET version_num = '0002'")  # as if an upgrade were due
    db.close()
    damage_table_page(db_path, "devices")
    before = db_path.read_bytes()

    damaged = Store.open(db_path, clock=clock)
    try:
        assert damaged.damage and any("out of range" in p or "NULL value" in p for p in damaged.damage)
        assert current_revision(damaged.engine) == "0002"  # no upgrade ran on the damaged file
    finally:
        damaged.close()
    assert not (db_path.parent / "backups").exists()
    assert db_path.read_bytes()[:100] == before[:100]


def test_the_daily_copy_falls_back_to_the_data_dir_when_the_usb_stick_is_missing(
    store, db_path, tmp_path, clock
):
    from etims_desktop.paths import DataPaths
    from etims_desktop.sync.backups import BackupService, BackupSettings

    paths = DataPaths(db_path.parent)
    unplugged = tmp_path / "not-a-folder"
    unplugged.write_text("a file where the USB stick's folder should be")
    service = BackupService(paths, BackupSettings(folder=str(unplugged / "backups")), store, clock)

    first = asyncio.run(service.run_if_due())
    assert first is not None and first.result.backup.path.parent == paths.backups
    assert "cannot be used" in first.note and str(paths.backups) in first.summary()
    assert asyncio.run(service.run_if_due()) is None  # one a day
    clock.advance(hours=23)
    assert asyncio.run(service.run_if_due()) is None
    clock.advance(hours=1)
    assert asyncio.run(service.run_if_due()) is not None
    assert [b.kind for b in list_backups(paths.backups)] == ["auto", "auto"]
    with pytest.raises(BackupFailed):  # an explicit folder is never silently swapped for another
        asyncio.run(service.backup_now(unplugged / "backups"))
