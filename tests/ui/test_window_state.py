"""The window's layout lives in settings.json ("window"); an older version's window.ini - written here by
QSettings exactly as those versions did - is moved in once and removed; a bad value is named."""

from __future__ import annotations

import base64
import json
import logging

from PySide6.QtCore import QSettings

from etims_desktop.ui.main_window import MainWindow


def write_old_window_ini(path, window) -> bytes:
    """window.ini as versions before the "window" section wrote it (ui/main_window.py save_state then)."""
    ini = QSettings(str(path), QSettings.Format.IniFormat)
    geometry = window.saveGeometry()
    ini.setValue("window/geometry", geometry)
    ini.setValue("window/boardSplit", window.board_split.saveState())
    ini.setValue("window/detailSplit", window.detail_split.saveState())
    ini.setValue("window/tab", 2)
    ini.sync()
    assert ini.status() == QSettings.Status.NoError
    del ini
    return bytes(geometry.data())


def test_an_old_window_ini_is_moved_into_settings_json_once(qtbot, services, window):
    window.resize(640, 480)
    window.tabs.setCurrentIndex(0)
    old = services.paths.root / "window.ini"
    geometry = write_old_window_ini(old, window)
    assert "@ByteArray(" in old.read_text(encoding="latin-1")  # Qt's own INI format, as installs have it
    window.close()
    (services.paths.root / "settings.json").unlink()  # as before the "window" section: only window.ini

    again = MainWindow(services)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 2 and again.size().height() == 480
    assert not old.exists()  # read once, then removed
    saved = json.loads((services.paths.root / "settings.json").read_text(encoding="utf-8"))
    assert base64.b64decode(saved["window"]["geometry"]) == geometry and saved["window"]["tab"] == 2
    again.tabs.setCurrentIndex(1)
    again.close()
    assert services.window_state.load().tab == 1 and not old.exists()  # written back to settings.json only


def test_a_bad_window_value_is_named_and_the_window_opens(qtbot, services, window, caplog):
    window.close()
    path = services.paths.settings
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["window"]["tab"] = "Sales"  # a hand edit
    path.write_text(json.dumps(raw), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="etims_desktop.settings"):
        again = MainWindow(services)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 0
    assert 'settings.json, "window", tab: "Sales" is not right' in caplog.text
    again.close()
