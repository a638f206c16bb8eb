"""The tray with the real window: it follows the board refresh, notifies once, hides the window on close
(syncing goes on) and Quit really quits. Offscreen has no system tray, so its availability is forced."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from etims_desktop.app.desktop_settings import DesktopSettings
from etims_desktop.app.tray_state import OverallState
from etims_desktop.kra.simulator import FaultKind

from .helpers import connect_device, queue_sales, run


@pytest.fixture
def tray_window(qtbot, qloop, services, monkeypatch):
    from etims_desktop.ui.board import tray as tray_module
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(tray_module, "tray_available", lambda: True)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.refresher.loads >= 1, timeout=5000)
    notes: list[tuple[str, str]] = []
    win.tray.notified.connect(lambda title, text: notes.append((title, text)))
    win.notes = notes
    yield win
    win.tray.quit()
    run(qloop, tasks.cancel_all())


def test_the_tray_follows_the_board_and_tells_each_refusal_once(
    qtbot, qloop, services, tray_window, oscu_sim
):
    window = tray_window
    tray = window.tray
    assert tray.summary.state is OverallState.ALL_SENT
    assert "All sales have reached KRA." in tray.icon.toolTip()
    assert [a.text().replace("&", "") for a in tray.menu.actions() if a.text()] == [
        "Open eTIMS Desktop",
        "Sync now",
        "Quit",
    ]
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-TRAY-1", "OSCU"))
    run(qloop, queue_sales(services, till.id, 3))
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: tray.summary.pending == 3)
    assert tray.summary.state is OverallState.WAITING
    assert "3 sales are waiting to reach KRA" in tray.icon.toolTip()
    assert window.notes == []  # waiting sales are not news

    # KRA refuses two: the tray's Sync now runs the window's own sync
    oscu_sim.faults.add("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, count=2, code="910")
    tray.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    qtbot.waitUntil(lambda: tray.summary.state is OverallState.NEEDS_YOU)
    assert "2 sales need your fix." in tray.icon.toolTip()
    qtbot.waitUntil(lambda: len(window.notes) == 1)
    title, text = window.notes[0]
    assert title == "Sales need your fix"
    assert "2 sales on Till 1 were refused or need checking." in text
    # later refreshes of the same state say nothing new
    loads = window.refresher.loads
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: window.refresher.loads > loads)
    tray.tick()
    assert len(window.notes) == 1


def test_closing_hides_to_the_tray_and_quit_really_quits(qtbot, qloop, services, tray_window, tmp_path):
    window = tray_window
    closed = []
    window.closed.connect(lambda: closed.append(True))
    assert window.tray.hides_on_close()  # the default where a tray exists
    window.close()
    assert not window.isVisible() and closed == []  # hidden, not shut down: syncing goes on
    assert window.notes[-1][0] == "eTIMS Desktop is still running"
    assert window.tray.icon.isVisible()
    window.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)  # a click opens it again
    assert window.isVisible()
    window.close()
    window.tray.icon.messageClicked.emit()  # a click on the notification opens it too
    assert window.isVisible()
    window.close()
    assert len([n for n in window.notes if n[0] == "eTIMS Desktop is still running"]) == 1  # said once a run
    window.tray.quit_action.trigger()
    assert closed == [True]  # the window's normal shutdown ran
    assert not window.tray.icon.isVisible()


def test_the_setting_turns_closing_to_the_tray_off(qtbot, qloop, services, tray_window):
    window = tray_window
    DesktopSettings(close_to_tray=False).save(services.paths.settings)
    window.tray.reload_settings()
    closed = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    assert closed == [True]


def test_without_a_tray_closing_quits(qtbot, services, window):
    assert not window.tray.available  # offscreen: no system tray
    assert not window.tray.hides_on_close()


def test_settings_dialog_saves_the_tray_and_start_up_choices(
    qtbot, services, tray_window, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = tray_window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    group = dialog.desktop
    assert group.close_to_tray.isChecked() and not group.start_with_computer.isChecked()
    group.close_to_tray.setChecked(False)
    group.offline_minutes.setValue(45)
    group.start_with_computer.setChecked(True)
    dialog.save()
    saved = DesktopSettings.load(services.paths.settings)
    assert (saved.close_to_tray, saved.offline_alert_minutes, saved.start_with_computer) == (False, 45, True)
    entry = tmp_path / "config" / "autostart" / "etims-desktop.desktop"
    assert "Exec=" in entry.read_text(encoding="utf-8")
    assert tray_window.tray.settings.offline_alert_minutes == 45  # the running tray uses them at once
    assert not tray_window.tray.hides_on_close()
    # and off again removes the file
    dialog = tray_window.open_settings()
    assert dialog.desktop.start_with_computer.isChecked()
    dialog.desktop.start_with_computer.setChecked(False)
    dialog.save()
    assert not entry.exists()
