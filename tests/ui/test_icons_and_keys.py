"""Every icon the window asks for exists and renders sharp at 150%; F5 syncs from anywhere; no exec()."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt

import etims_desktop
from etims_desktop.domain.status import StatusKind
from etims_desktop.ui.common.icons import STATUS_ICONS, icon, icon_dirs, status_icon

UI = Path(__file__).resolve().parents[2] / "etims_desktop" / "ui"


def used_icon_names() -> set[str]:
    names = set(STATUS_ICONS.values())
    for path in UI.rglob("*.py"):
        names |= set(re.findall(r'icon\("([a-z-]+)"\)', path.read_text(encoding="utf-8")))
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


def test_no_icon_the_window_asks_for_is_empty(qapp):
    """The icons come from inside the package (importlib.resources): none may be an empty QIcon."""
    from etims_desktop.resources import icons_dir
    from etims_desktop.ui.common.icons import app_icon

    assert icons_dir().is_relative_to(Path(etims_desktop.__file__).resolve().parent)
    empty = [name for name in sorted(used_icon_names()) if icon(name).isNull()]
    assert empty == []
    assert (icons_dir() / "etims-desktop.svg").is_file() and not app_icon().isNull()


def test_no_blocking_dialogs_in_the_window_code():
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 40
    for path in modules:
        text = path.read_text(encoding="utf-8")
        assert ".exec(" not in text and "processEvents(" not in text, path.name


def test_f5_syncs_from_any_tab(qtbot, window):
    window.tabs.setCurrentIndex(1)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.sync.last_report is not None)
    assert window.sync.last_report.devices == []
    assert window.sync_button.isEnabled()
