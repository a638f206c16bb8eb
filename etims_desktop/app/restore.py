"""Back up now and restore from a backup, for the window. Restoring swaps the database file under the
running app, so it first stops everything that writes to it (the scheduler, the daily backup, the
store) and refuses while a sync runs; the window then closes and is started again on the new file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from etims_desktop.storage.backups import Backup
from etims_desktop.storage.restore import PreparedRestore, RestoreRefused, discard
from etims_desktop.sync.backups import BackupOutcome, BackupService

__all__ = ["Backup", "BackupAndRestore", "PreparedRestore", "RestoreRefused", "SyncRunning"]


class SyncRunning(Exception):
    """Nothing was restored: a sync is running (try again when it has finished)."""


class Running(Protocol):
    @property
    def running(self) -> bool: ...


class Stoppable(Protocol):
    async def stop(self) -> None: ...


class ClosableStore(Protocol):
    damage: list[str]

    @property
    def closed(self) -> bool: ...
    async def aclose(self) -> None: ...


class BackupAndRestore:
    def __init__(
        self,
        backups: BackupService,
        store: ClosableStore,
        sync: Running,
        scheduler: Stoppable,
        data_backups: Path,
    ) -> None:
        self.backups = backups
        self.store = store
        self.sync = sync
        self.scheduler = scheduler
        self.data_backups = data_backups  # where the data as it was is kept before a restore

    @property
    def damage(self) -> list[str]:
        """What SQLite's check found at start-up ([]: the database is sound)."""
        return self.store.damage

    @property
    def store_closed(self) -> bool:
        return self.store.closed

    @property
    def folder(self) -> Path:
        """Where backups go (and where a restore looks first)."""
        return self.backups.folder

    def on_daily_attempt(self, listener: Callable[[], None]) -> None:
        """`listener` is told after every automatic (daily) attempt; `last_daily` says how it went."""
        self.backups.listeners.append(listener)

    def last_daily(self) -> tuple[str | None, BackupOutcome | None]:
        """(the last automatic attempt's error, its outcome)."""
        return self.backups.last_error, self.backups.last_outcome

    async def backup_now(self) -> BackupOutcome:
        return await self.backups.backup_now()

    async def latest_good(self) -> Backup | None:
        return await self.backups.latest_good()

    async def prepare(self, path: Path) -> PreparedRestore:
        """Check `path` and get it ready; nothing changes yet. RestoreRefused says why it cannot be."""
        return await self.backups.prepare_restore(path)

    def abandon(self, prepared: PreparedRestore) -> None:
        discard(prepared)

    async def finish(self, prepared: PreparedRestore) -> Path | None:
        """Stop what writes to the database, close it, swap the file. Returns where the data as it was
        is kept. SyncRunning (nothing restored) while a sync runs."""
        if self.sync.running:
            discard(prepared)
            raise SyncRunning("A sync is running.")
        await self.scheduler.stop()
        await self.backups.stop()
        await self.store.aclose()
        return await self.backups.finish_restore(prepared)
