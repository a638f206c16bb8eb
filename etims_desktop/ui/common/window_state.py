"""The main window's layout through the settings use case (app/settings.py `WindowStateFile`, settings.json
"window"): Qt's saved states to and from the base64 text the file keeps, and an older version's
window.ini read with QSettings - Qt's own INI format, which only Qt reads faithfully - to be moved in once."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings

from etims_desktop.app.settings import WindowLayout

log = logging.getLogger("etims_desktop.settings")


class WindowState(Protocol):
    """What the main window needs of the settings for its layout (app/settings.py WindowStateFile)."""

    def load(self) -> WindowLayout: ...
    def save(self, layout: WindowLayout) -> bool: ...
    def move_in_old_file(self, read: Callable[[Path], Mapping[str, object]]) -> WindowLayout | None: ...


def read_old_ini(path: Path) -> dict[str, object]:
    """Every value of a QSettings INI file by key; Qt's saved states as bytes. A damaged file is said."""
    ini = QSettings(str(path), QSettings.Format.IniFormat)
    if ini.status() != QSettings.Status.NoError:
        log.warning(
            "%s could not be read in full (%s); what could not be read keeps its default.", path, ini.status()
        )
    values: dict[str, object] = {}
    for key in ini.allKeys():
        value = ini.value(key)
        values[key] = bytes(value.data()) if isinstance(value, QByteArray) else value
    return values


def to_text(state: QByteArray) -> str:
    return bytes(state.toBase64().data()).decode("ascii")


def to_state(text: str) -> QByteArray | None:
    """None: nothing saved."""
    return QByteArray.fromBase64(text.encode("ascii")) if text else None
