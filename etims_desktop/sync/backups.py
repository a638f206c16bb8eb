"""The shop's database backups as a use case: where they go, the daily copy, Back up now, the newest good one.

The daily copy goes to the folder the owner chose (a USB stick, say) when it is reachable, else to the
data dir's backups folder - with a note saying so, never silently skipped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.storage import restore
from etims_desktop.storage.backups import (
    KEEP_DAYS,
    Backup,
    BackupFailed,
    BackupResult,
    latest_good_backup,
    list_backups,
    make_backup,
)
from etims_desktop.storage.settings_file import load_section, save_section
from etims_desktop.sync.device_lock import DeviceLocks

if TYPE_CHECKING:
    from etims_desktop.paths import DataPaths
    from etims_desktop.storage.store import Store


log = logging.getLogger("etims_desktop.sync")

DAILY = timedelta(hours=24)
CHECK_EVERY_SECONDS = 3600.0  # the daily copy is looked at hourly, so a PC left on overnight gets one


@dataclass(frozen=True)
class BackupSettings:
    folder: str | None = None  # None: the data dir's backups folder
    keep_days: int = KEEP_DAYS
    daily: bool = True

    @classmethod
    def load(cls, path: Path) -> BackupSettings:
        return load_section(path, "backups", cls)

    def save(self, path: Path) -> None:
        """Only the "backups" section of settings.json changes; the rest is kept."""
        save_section(path, "backups", self)


@dataclass(frozen=True)
class BackupOutcome:
    result: BackupResult
    note: str | None = None  # e.g. the chosen folder was not reachable, so the copy went elsewhere

    def summary(self) -> str:
        backup = self.result.backup
        values = {
            "path": backup.path,
            "mb": f"{backup.size / 1e6:.1f}",
            "seconds": f"{self.result.seconds:.1f}",
        }
        if self.note:
            return Said(BACKED_UP_WITH_NOTE, **values, note=self.note)
        return Said(BACKED_UP, **values)


BACKED_UP = QT_TRANSLATE_NOOP(
    "Core", "Backed up the database to {path} ({mb} MB, checked and sound, {seconds} s)."
)
BACKED_UP_WITH_NOTE = QT_TRANSLATE_NOOP(
    "Core", "Backed up the database to {path} ({mb} MB, checked and sound, {seconds} s). {note}"
)
# its own sentence (after the reason, itself a sentence), so a stored note is translated sentence by sentence
SAVED_ELSEWHERE = QT_TRANSLATE_NOOP("Core", "The copy was saved in {folder} instead.")
DAMAGED = QT_TRANSLATE_NOOP(
    "Core",
    "The database is damaged, so a copy of it would be damaged too. Restore the latest good backup instead.",
)


class BackupService:
    def __init__(
        self,
        paths: DataPaths,
        settings: BackupSettings | None = None,
        store: Store | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.paths = paths
        self.settings = settings or BackupSettings()
        self.store = store  # to know whether the database is damaged (then no copy is made)
        self.clock = clock
        self.last_outcome: BackupOutcome | None = None
        self.last_error: str | None = None
        self.listeners: list[Callable[[], None]] = []  # told after every automatic attempt
        self._task: asyncio.Task[None] | None = None

    @property
    def folder(self) -> Path:
        return Path(self.settings.folder).expanduser() if self.settings.folder else self.paths.backups

    @property
    def folders(self) -> list[Path]:
        """Where backups may be: the chosen folder and the data dir's (after a fallback)."""
        return list(dict.fromkeys([self.folder, self.paths.backups]))

    async def backup_now(self, folder: Path | None = None, kind: str = "manual") -> BackupOutcome:
        """A checked copy in `folder` (default: the chosen one). Raises BackupFailed with plain words."""
        if self.store is not None and self.store.damage:
            raise BackupFailed(DAMAGED)
        target = folder or self.folder
        try:
            result = await asyncio.to_thread(self._make, target, kind)
            outcome = BackupOutcome(result)
        except BackupFailed as exc:
            if folder is not None or target == self.paths.backups:
                raise
            # The chosen folder (a USB stick not plugged in?) failed: keep the copy in the data dir.
            result = await asyncio.to_thread(self._make, self.paths.backups, kind)
            outcome = BackupOutcome(result, f"{exc} {Said(SAVED_ELSEWHERE, folder=self.paths.backups)}")
        self.last_outcome = outcome
        return outcome

    def _make(self, folder: Path, kind: str) -> BackupResult:
        return make_backup(self.paths.database, folder, kind, self.clock(), keep_days=self.settings.keep_days)

    def due(self) -> bool:
        """No automatic copy in the last 24 hours (in any of the folders)."""
        autos = [b for folder in self.folders for b in list_backups(folder) if b.kind == "auto"]
        newest = max((b.made_at for b in autos), default=None)
        return newest is None or self.clock() - newest >= DAILY

    async def run_if_due(self) -> BackupOutcome | None:
        """The daily copy, when due. Failures are kept in last_error (and logged), never raised."""
        if not self.settings.daily or (self.store is not None and self.store.damage):
            return None
        if not await asyncio.to_thread(self.due):
            return None
        try:
            outcome = await self.backup_now(kind="auto")
            self.last_error = None
        except BackupFailed as exc:
            log.error("the daily backup failed: %s", exc)
            self.last_error = str(exc)
            outcome = None
        for listener in list(self.listeners):
            listener()
        return outcome

    async def prepare_restore(self, path: Path) -> restore.PreparedRestore:
        """Check a backup and prepare it beside the database (nothing in place changes). Raises RestoreRefused."""
        return await asyncio.to_thread(restore.prepare_restore, path, self.paths.database)

    async def finish_restore(self, prepared: restore.PreparedRestore) -> Path | None:
        """Keep a copy of the current database and put the prepared one in its place. Close the Store first.
        Refused (DeviceBusy) while another program on this computer syncs a device."""

        def swap() -> Path | None:
            with DeviceLocks.beside(self.paths.database).hold_every_device():
                return restore.finish_restore(
                    prepared, self.paths.database, self.paths.backups, accept_older=True
                )

        return await asyncio.to_thread(swap)

    async def latest_good(self) -> Backup | None:
        return await asyncio.to_thread(latest_good_backup, self.folders)

    def start(self, every_seconds: float = CHECK_EVERY_SECONDS) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._loop(every_seconds), name="daily-backup")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _loop(self, every_seconds: float) -> None:
        while True:
            try:
                await self.run_if_due()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the daily copy must never take the app down
                log.exception("daily backup check failed")
            await asyncio.sleep(every_seconds)
