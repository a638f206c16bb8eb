"""The settings a shop owner changes in the window: how the engine syncs and how backups are made.
Saving writes settings.json (storage/settings_file.py, its one writer) and hands the new values to the
running engine and backup service, so the file and what runs never disagree."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from etims_desktop.sync.backups import BackupSettings
from etims_desktop.sync.settings import SyncSettings


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
