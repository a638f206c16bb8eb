"""The settings a shop owner changes in the window: how the engine syncs and how backups are made.
Saving writes settings.json (storage/settings_file.py, its one writer) and hands the new values to the
running engine and backup service, so the file and what runs never disagree.

The window's own layout (size, splitters, columns, the open tab) is settings.json's "window" section too,
through `WindowStateFile`; older versions kept it in window.ini, moved in once (`move_in_old_file`)."""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Protocol

from pydantic import AfterValidator, Field

from etims_desktop.storage.settings_file import load_section, save_section, validate_section
from etims_desktop.sync.backups import BackupSettings
from etims_desktop.sync.settings import SyncSettings

log = logging.getLogger("etims_desktop.settings")


class Engine(Protocol):
    """sync/service.py SyncService."""

    @property
    def settings(self) -> SyncSettings: ...
    def apply_settings(self, settings: SyncSettings) -> None: ...


class Backups(Protocol):
    """sync/backups.py BackupService."""

    settings: BackupSettings


class SettingsEditor:
    def __init__(self, file: Path, engine: Engine, backups: Backups, default_backup_folder: Path) -> None:
        self.file = file  # settings.json
        self.engine = engine
        self.backups = backups
        self.default_backup_folder = default_backup_folder  # where backups go when no folder is chosen

    @property
    def sync(self) -> SyncSettings:
        return self.engine.settings

    @property
    def backup(self) -> BackupSettings:
        return self.backups.settings

    def save(self, sync: SyncSettings, backup: BackupSettings) -> None:
        """Write both to settings.json (a few hundred bytes), then use them at once. Raises OSError when
        the file cannot be written: then nothing changes."""
        sync.save(self.file)
        backup.save(self.file)
        self.engine.apply_settings(sync)
        self.backups.settings = backup


WINDOW_SECTION = "window"
OLD_WINDOW_FILE = "window.ini"  # where versions before the "window" section kept it (QSettings' INI)


def _base64(text: str) -> str:
    try:
        base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("not base64 text, as the window writes it") from None
    return text


Base64Text = Annotated[str, AfterValidator(_base64)]


@dataclass(frozen=True)
class WindowLayout:
    """The main window as the owner left it. Qt's saved states are opaque bytes, kept as base64 text;
    "" means nothing saved (Qt's own layout)."""

    geometry: Base64Text = ""
    board_split: Base64Text = ""  # the board over the sync report
    detail_split: Base64Text = ""  # the board beside a device's details
    board_header: Base64Text = ""  # the board's column widths and order
    tab: Annotated[int, Field(ge=0)] = 0


# window.ini's keys (as QSettings wrote them) -> WindowLayout's fields
OLD_WINDOW_KEYS = {
    "window/geometry": "geometry",
    "window/boardSplit": "board_split",
    "window/detailSplit": "detail_split",
    "window/boardHeader": "board_header",
    "window/tab": "tab",
}


class WindowStateFile:
    """The window's layout in settings.json: read and written only here. The layout is not worth a
    failed start or close: a file that cannot be written is logged, and the window keeps going."""

    def __init__(self, file: Path, data_dir: Path) -> None:
        self.file = file  # settings.json
        self.old_file = Path(data_dir) / OLD_WINDOW_FILE

    def load(self) -> WindowLayout:
        """A bad value (a hand-edited file) is named in the log and keeps its default."""
        return load_section(self.file, WINDOW_SECTION, WindowLayout)

    def save(self, layout: WindowLayout) -> bool:
        try:
            save_section(self.file, WINDOW_SECTION, layout)
        except OSError as exc:
            log.warning("The window's layout was not saved: %s could not be written (%s).", self.file, exc)
            return False
        return True

    def move_in_old_file(self, read: Callable[[Path], Mapping[str, object]]) -> WindowLayout | None:
        """An older version's window.ini, once: its layout into settings.json, then the file removed
        (only after settings.json holds it). `read` is Qt's own reader of that format (QSettings: only
        the ui may use it), giving its values by key, bytes for Qt's states. None: no old file."""
        if not self.old_file.exists():
            return None
        values = read(self.old_file)
        known = {
            field: base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value
            for key, field in OLD_WINDOW_KEYS.items()
            if (value := values.get(key)) is not None
        }
        if isinstance(known.get("tab"), str) and str(known["tab"]).strip().isdigit():
            known["tab"] = int(str(known["tab"]))  # INI text: "2"
        layout, problems = validate_section(known, WindowLayout, WINDOW_SECTION, self.old_file.name)
        for problem in problems:
            log.warning("%s", problem)
        if self.save(layout):
            try:
                self.old_file.unlink(missing_ok=True)
            except OSError as exc:
                log.warning(
                    "%s could not be removed (%s); it is moved in again next time.", self.old_file, exc
                )
        return layout
