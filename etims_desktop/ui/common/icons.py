"""SVG icons for the window: QIcon renders SVG at every size, so they stay sharp at 150% scaling."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from etims_desktop.domain.status import StatusKind
from etims_desktop.resources import icons_dir


def icon_dirs() -> list[Path]:
    """Where the icons are: etims_desktop/resources/icons, inside the package (wheel, checkout, bundle)."""
    return [icons_dir()]


def _find(relative: str) -> Path | None:
    for folder in icon_dirs():
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    return None


@cache
def icon(name: str) -> QIcon:
    """The UI icon `name` (etims_desktop/resources/icons/ui/<name>.svg); an empty icon if it is missing
    (tests/ui/test_icons_and_keys.py fails on any empty icon the window asks for)."""
    path = _find(f"ui/{name}.svg")
    return QIcon(str(path)) if path else QIcon()


def app_icon() -> QIcon:
    path = _find("etims-desktop.svg")
    return QIcon(str(path)) if path else icon("devices")


STATUS_ICONS = {
    StatusKind.ONLINE: "status-online",
    StatusKind.OFFLINE: "status-offline",
    StatusKind.SERVICE_DOWN: "status-offline",
    StatusKind.NOT_ANSWERING: "status-warning",
    StatusKind.KEY_REJECTED: "status-warning",
    StatusKind.ERROR: "status-warning",
    StatusKind.NOT_INITIALISED: "status-key",
    StatusKind.UNKNOWN: "status-unknown",
}


def status_icon(kind: StatusKind) -> QIcon:
    return icon(STATUS_ICONS.get(kind, "status-unknown"))
