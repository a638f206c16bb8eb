"""Every icon the window asks for exists and renders sharp at 150%; F5 syncs from anywhere; no exec()."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt

from etims_desktop.domain.status import StatusKind
from etims_desktop.ui.icons import STATUS_ICONS, icon, icon_dirs, status_icon

UI = Path(__file__).resolve().parents[2] / "etims_desktop" / "ui"
MINE = [
    "app.py", "board_model.py", "board_refresh.py", "board_view.py", "device_detail.py", "device_wizard.py",
    "diagnostics.py", "empty_state.py", "keyring_choice.py", "main_window.py", "outbox_model.py",
    "settings_dialog.py", "sync_controller.py", "sync_report.py", "tasks.py", "widgets.py",
]  # fmt: skip


def used_icon_names() -> set[str]:
    names = set(STATUS_ICONS.values())
    for name in MINE:
        names |= set(re.findall(r'icon\("([a-z-]+)"\)', (UI / name).read_text(encoding="utf-8")))
    return names


def test_every_icon_exists_and_renders_sharp_at_150_percent(qapp):
    folder = next(d for d in icon_dirs() if d.exists()) / "ui"
    names = used_icon_names()
    assert len(names) > 10
    for name in names:
        assert (folder / f"{name}.svg").is_file(), name
        image = icon(name).pixmap(QSize(24, 24), 1.5).toImage()
        assert (image.width(), image.height()) == (36, 36), name  # rendered at 36 px, not scaled up
        assert not image.isNull()
    assert not status_icon(StatusKind.ONLINE).isNull()


def test_no_blocking_dialogs_in_the_window_code():
    for name in MINE:
        text = (UI / name).read_text(encoding="utf-8")
        assert ".exec(" not in text and "processEvents(" not in text, name


def test_f5_syncs_from_any_tab(qtbot, window):
    window.tabs.setCurrentIndex(1)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.sync.last_report is not None)
    assert window.sync.last_report.devices == []
    assert window.sync_button.isEnabled()
