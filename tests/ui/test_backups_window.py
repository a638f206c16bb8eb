"""Backups and restores from the window: Back up now, a restore that warns about numbers KRA already
signed, and a damaged database that stops syncing and offers the newest good backup."""

from __future__ import annotations

import sqlite3

from db_damage import damage_table_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from etims_desktop.storage.backups import check_file, list_backups, make_backup

from .helpers import connect_device, queue_sales, run


def _click(qtbot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _sync(qtbot, window) -> None:
    window.sync.last_report = None
    window.sync.sync_all()
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)


def test_back_up_now_says_where_the_checked_copy_went(qtbot, window, services, tmp_path):
    usb = tmp_path / "usb stick"
    usb.mkdir()
    services.backups.settings = services.backups.settings.__class__(folder=str(usb))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.backup_actions.last_box is not None, timeout=10000)
    box = window.backup_actions.last_box
    assert box.windowTitle() == "Backup made"
    [backup] = list_backups(usb)
    assert str(backup.path) in box.text() and "checked and sound" in box.text()
    assert check_file(backup.path) == []


def test_restore_older_than_signed_warns_with_devices_and_numbers(
    qtbot, qloop, window, services, oscu_sim, tmp_path
):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-BK-1"))
    run(qloop, queue_sales(services, till.id, 2, prefix="A"))
    _sync(qtbot, window)
    backup = make_backup(services.paths.database, tmp_path / "usb").backup
    run(qloop, queue_sales(services, till.id, 3, prefix="B"))
    _sync(qtbot, window)
    assert len(oscu_sim.signed_sales("P051234567X", "00")) == 5

    closed = []
    window.backup_actions.restored.connect(closed.append)
    window.backup_actions.restore(backup.path)
    qtbot.waitUntil(lambda: window.backup_actions.last_prepared is not None, timeout=15000)
    box = window.backup_actions.last_box
    assert box.windowTitle() == "This backup is older than what KRA signed"
    assert "Till 1: KRA signed up to number 5; the backup knows only up to 2." in box.text()
    window.grab().save("/tmp/bk/restore-warning.png")
    box.grab().save("/tmp/bk/restore-warning-box.png")
    _click(qtbot, box, "Restore anyway")
    qtbot.waitUntil(lambda: window.backup_actions.last_message[0] == "Restored", timeout=15000)
    done = window.backup_actions.last_box
    assert "Start it again" in done.text()
    assert services.store.closed  # the window let go of the file before it was swapped
    _click(qtbot, done, "OK")
    qtbot.waitUntil(lambda: bool(closed), timeout=5000)
    assert not window.isVisible()

    with sqlite3.connect(services.paths.database) as db:
        assert db.execute("SELECT count(*) FROM outbox WHERE state = 'signed'").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM number_checks WHERE checked_at IS NULL").fetchone() == (1,)
    assert list(services.paths.backups.glob("etims-before-restore-*"))


def test_a_damaged_database_stops_sync_and_offers_the_latest_good_backup(qtbot, qloop, tmp_path, key_store):
    from etims_desktop.bootstrap import build_services
    from etims_desktop.paths import DataPaths
    from etims_desktop.sync.backups import BackupSettings
    from etims_desktop.ui.main_window import MainWindow

    paths = DataPaths(tmp_path / "shop").ensure()
    first = build_services(paths, key_store=key_store)
    run(qloop, queue_sales_without_device(first))
    old = make_backup(paths.database, paths.backups, "auto").backup
    newest = make_backup(paths.database, paths.backups, "auto").backup
    run(qloop, first.aclose())
    damage_table_page(newest.path, "items")  # the newest copy went bad too: it must be skipped
    damage_table_page(paths.database, "items")

    services = build_services(paths, key_store=key_store)
    window = None
    try:
        assert services.store.damage
        assert BackupSettings.load(paths.settings).daily
        window = MainWindow(services)
        window.show()
        notice = window.damaged_notice
        assert notice.isVisible() and "The database file is damaged" in notice.banner.text()
        assert "out of range" in notice.banner.toolTip()  # SQLite's own words, for support
        qtbot.waitUntil(lambda: notice.latest is not None, timeout=10000)
        assert notice.latest.path == old.path
        assert "Nothing is sent to KRA until it is restored" in notice.banner.text()
        window.grab().save("/tmp/bk/damaged.png")

        window.sync.sync_all()  # refused: nothing is sent from a damaged file
        qtbot.waitUntil(lambda: "The database is damaged" in window.report.headline.text(), timeout=10000)

        qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.backup_actions.last_prepared is not None, timeout=15000)
        box = window.backup_actions.last_box
        assert box.windowTitle() == "Restore this backup?"
        _click(qtbot, box, "Restore")
        qtbot.waitUntil(lambda: window.backup_actions.last_message[0] == "Restored", timeout=15000)
        with sqlite3.connect(paths.database) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        _click(qtbot, window.backup_actions.last_box, "OK")
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        from PySide6.QtCore import QCoreApplication, QEvent

        from etims_desktop.ui.common import tasks

        run(qloop, tasks.cancel_all())
        run(qloop, services.aclose())
        # Gone while the loop lives: the tabs' refresh timers must not fire after it has closed.
        if window is not None:
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


async def queue_sales_without_device(services) -> None:
    """An item in the master: enough data for the file to have a few pages worth damaging."""
    from .helpers import an_item

    await an_item(services)
