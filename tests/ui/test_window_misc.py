"""Practice mode start-up, settings, diagnostics, window state, the screenshot start-up path."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from etims_desktop.sync.settings import SyncSettings
from etims_desktop.ui.main_window import MainWindow


def test_first_start_offers_practice_mode_and_starts_it(qtbot, qloop, services, window):
    pytest.importorskip("etims_desktop.practice")
    assert window.devices_page.currentWidget() is window.empty
    assert window.empty.practice_button.isVisible()
    qtbot.mouseClick(window.empty.practice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.practice_ready.is_set(), timeout=15000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    rows = window.model.rows()
    assert all(r.device.practice for r in rows)
    assert {r.device.type.value for r in rows} == {"OSCU", "VSCU"}
    assert window.devices_page.currentWidget() is not window.empty
    # practice devices are real devices on a real (local) KRA: Sync reaches it
    window.sync_all()
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    assert all(d.reached_kra for d in window.sync.last_report.devices), window.report.text()


def test_settings_dialog_saves_and_applies(qtbot, services, window):
    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    dialog.live_check.setValue(120)
    dialog.batch_size.setValue(25)
    dialog.upload_minutes.setValue(5)
    dialog.environment.setCurrentIndex(dialog.environment.findData("production"))
    dialog.save()
    saved = SyncSettings.load(services.paths.settings)
    assert (saved.live_check_seconds, saved.vscu_batch_size, saved.vscu_upload_minutes) == (120, 25, 5)
    assert saved.default_environment == "production"
    assert services.sync.settings.vscu_batch_size == 25  # the running engine uses them at once
    assert services.sync.drain.settings.vscu_batch_size == 25


def test_diagnostics_are_redacted(qtbot, services, window):
    from etims_desktop.domain.redaction import register_secret

    secret = "0123456789ABCDEF0123456789ABCDEF"
    register_secret(secret)
    log_file = services.paths.logs / "etims-desktop.log"
    log_file.write_text(f"a line that leaked {secret} by mistake\n", encoding="utf-8")
    dialog = window.open_diagnostics()
    qtbot.waitUntil(lambda: dialog.ready)
    text = dialog.text.toPlainText()
    assert "leaked *** by mistake" in text
    assert secret not in text
    assert str(services.paths.root) in text and "Keyring:" in text
    dialog.copy()
    assert secret not in QGuiApplication.clipboard().text()
    assert "etims-desktop" in QGuiApplication.clipboard().text()


def test_window_state_is_remembered(qtbot, services, window):
    window.resize(700, 500)  # the offscreen screen is 800x600: stay inside it
    window.tabs.setCurrentIndex(1)
    window.close()
    again = MainWindow(services)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 1
    assert again.size().height() == 500  # (the width is clamped to the small offscreen screen)
    assert services.window_state.load().tab == 1  # settings.json "window", through the settings use case
    assert not (services.paths.root / "window.ini").exists()
    again.close()


def test_status_bar_shows_keyring_backend(services, window):
    assert "Keys:" in window.keyring_label.text()
    assert services.key_store.backend_name in window.keyring_label.text()
    assert window.connectivity.text() == "No devices yet"


def test_screenshot_start_up_exits_zero(tmp_path):
    png = tmp_path / "window.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "etims_desktop",
            "--data-dir",
            str(tmp_path / "data"),
            "--screenshot",
            str(png),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    assert png.stat().st_size > 5000
