"""The Windows Run key through QSettings' native format, for app/autostart.py (Qt-free itself)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings

from etims_desktop.app.autostart import WINDOWS_RUN_KEY, Autostart


class QtRunKey:
    """HKEY_CURRENT_USER\\...\\Run as app/autostart.py's RunKey."""

    def __init__(self) -> None:
        self._settings = QSettings(WINDOWS_RUN_KEY, QSettings.Format.NativeFormat)

    def value(self, name: str) -> str | None:
        found = self._settings.value(name)
        return None if found is None else str(found)

    def set_value(self, name: str, command: str) -> None:
        self._settings.setValue(name, command)
        self._settings.sync()

    def remove(self, name: str) -> None:
        self._settings.remove(name)
        self._settings.sync()


def system_autostart() -> Autostart:
    """This computer's start-up list (the registry only on Windows: elsewhere QSettings would make a file)."""
    return Autostart(run_key=QtRunKey() if sys.platform.startswith("win") else None)
