"""SVG icons for the window: QIcon renders SVG at every size, so they stay sharp at 150% scaling."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from etims_desktop.domain.status import StatusKind


def icon_dirs() -> list[Path]:
    """Where the icons may be: next to a frozen build's files, or in the source checkout."""
    dirs = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "resources" / "icons")
    dirs.append(Path(__file__).resolve().parents[2] / "resources" / "icons")
    return dirs


def _find(relative: str) -> Path | None:
    for folder in icon_dirs():
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    return None


@cache
def icon(name: str) -> QIcon:
    """The UI icon `name` (resources/icons/ui/<name>.svg); an empty icon if it is missing."""
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
