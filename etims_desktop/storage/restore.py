"""Put a backup back in place of the database - only a sound one, and never blindly over newer signed sales.

Two steps, so a person can be asked in between:
1. prepare_restore: copy the backup next to the database, check it (a real etims-desktop database,
   PRAGMA quick_check), upgrade it to this version's schema, mark every device "check the numbers
   with KRA first", check it again, and compare, device by device, the last eTIMS number KRA signed
   in the current database with the backup's. Nothing in place has changed yet.
2. finish_restore: keep a copy of the current database, then copy the prepared one over it with
   SQLite's backup API (one transaction: another process sees the old or the new database, never half).

The database must not be in use by this process meanwhile (close the Store first).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.storage.backups import STAMP, check_file, copy_database, list_backups, open_read_only
from etims_desktop.storage.database import create_private_file
from etims_desktop.storage.errors import StorageError

log = logging.getLogger("etims_desktop.storage")

MARK_REASON = "restored from a backup: KRA may have signed numbers this backup does not know"


class RestoreRefused(StorageError):
    """The file cannot be restored; the message says why in plain words."""


@dataclass(frozen=True)
class NumberGap:
    """A device whose current database holds signed sales the backup does not know."""

    device: str
    current: int  # the last eTIMS number KRA signed, per the current database
    backup: int | None  # ... per the backup (None: the device is not in the backup at all)

    def describe(self) -> str:
        if self.backup is None:
            return Said(GAP_NO_DEVICE, device=self.device, current=self.current)
        return Said(GAP, device=self.device, current=self.current, backup=self.backup)


GAP_NO_DEVICE = QT_TRANSLATE_NOOP(
    "Core", "{device}: KRA signed up to number {current}; the backup does not have this device."
)
GAP = QT_TRANSLATE_NOOP(
    "Core", "{device}: KRA signed up to number {current}; the backup knows only up to {backup}."
)
OLDER = QT_TRANSLATE_NOOP("Core", "This backup (made {made}) is older than what KRA has already signed:")
NOT_IN_IT = QT_TRANSLATE_NOOP(
    "Core",
    "Sales recorded after the backup was made are not in it. After the restore each device first asks KRA "
    "which numbers it already has, and never reuses them.",
)
NO_FILE = QT_TRANSLATE_NOOP("Core", "There is no file {path}.")
NOT_A_DATABASE = QT_TRANSLATE_NOOP("Core", "{path} cannot be restored: it is not a database file ({reason}).")
DAMAGED_OR_FOREIGN = QT_TRANSLATE_NOOP(
    "Core", "{path} cannot be restored: it is damaged or is not an etims-desktop database ({problems})."
)
FAILED_AFTER_UPGRADE = QT_TRANSLATE_NOOP(
    "Core", "{path} cannot be restored: it did not pass its check after the upgrade ({problems})."
)
CANNOT_RESTORE = QT_TRANSLATE_NOOP("Core", "{path} cannot be restored: {reason}")
NOT_UPGRADED = QT_TRANSLATE_NOOP(
    "Core", "{path} cannot be restored: its data could not be upgraded ({reason})."
)
DAMAGED = QT_TRANSLATE_NOOP("Core", "{path} cannot be restored: it is damaged ({problems}).")


@dataclass
class PreparedRestore:
    source: Path  # the backup the person chose
    prepared: Path  # its checked, upgraded, marked copy beside the database
    made_at: datetime  # when the backup was made (its name, else the file's time)
    gaps: list[NumberGap] = field(default_factory=list)
    current_unreadable: str | None = None  # why the current database could not be compared

    @property
    def older_than_signed(self) -> bool:
        return bool(self.gaps)

    def warning(self, translate: Callable[[str], str] = str) -> str:
        """The plain warning for a backup older than what KRA already signed; `translate` puts each of
        its sentences in the reader's language (ui/common/text.py tr_core, cli_words.core)."""
        lines = [
            translate(Said(OLDER, made=f"{self.made_at.astimezone():%Y-%m-%d %H:%M}")),
            *(f"  - {translate(gap.describe())}" for gap in self.gaps),
            "",
            translate(NOT_IN_IT),
        ]
        return "\n".join(lines)


def prepare_restore(backup: Path, database: Path) -> PreparedRestore:
    """Check and prepare `backup` for restoring over `database`. Raises RestoreRefused."""
    backup = Path(backup)
    if not backup.is_file():
        raise RestoreRefused(Said(NO_FILE, path=backup))
    prepared = database.with_name(f"{database.stem}-restoring{database.suffix}")
    _remove(prepared)
    try:
        _copy_candidate(backup, prepared)
        _check(prepared, backup, DAMAGED_OR_FOREIGN)
        _upgrade_and_mark(prepared, backup)
        _check(prepared, backup, FAILED_AFTER_UPGRADE)
        result = PreparedRestore(backup, prepared, _made_at(backup))
        theirs = last_signed_numbers(prepared)
        try:
            ours = last_signed_numbers(database) if database.exists() else {}
        except sqlite3.Error as exc:  # a damaged current database: nothing to compare with
            result.current_unreadable = str(exc)
            ours = {}
        for key, (name, current) in ours.items():
            backup_last = theirs.get(key, (name, None))[1]
            if current > (backup_last or 0):
                result.gaps.append(NumberGap(name, current, backup_last))
        return result
    except BaseException:
        _remove(prepared)
        raise


def finish_restore(
    prepared: PreparedRestore, database: Path, keep_dir: Path, *, accept_older: bool = False
) -> Path | None:
    """Keep a copy of the current database in `keep_dir`, then put the prepared backup in its place.

    Returns the kept copy (None when there was no database). A backup older than what KRA signed is
    refused unless `accept_older`."""
    if prepared.older_than_signed and not accept_older:
        raise RestoreRefused(prepared.warning())
    kept = keep_current(database, keep_dir) if database.exists() else None
    try:
        _swap(prepared.prepared, database)
    finally:
        _remove(prepared.prepared)
    log.warning("restored the database from %s (the previous one is kept as %s)", prepared.source, kept)
    return kept


def discard(prepared: PreparedRestore) -> None:
    _remove(prepared.prepared)


def keep_current(database: Path, keep_dir: Path) -> Path:
    """A copy of the database as it is now: a consistent one if SQLite can read it, else the raw bytes."""
    keep_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = keep_dir / f"etims-before-restore-{datetime.now(UTC).strftime(STAMP)}{database.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = keep_dir / f"etims-before-restore-{datetime.now(UTC).strftime(STAMP)}-{n}{database.suffix}"
    try:
        source = open_read_only(database)
        try:
            copy_database(source, target)
        finally:
            source.close()
    except sqlite3.Error:  # too damaged for SQLite to copy: keep the bytes as they are, with the WAL
        _remove(target)
        for suffix in ("", "-wal"):
            original = Path(f"{database}{suffix}")
            if original.exists():
                create_private_file(Path(f"{target}{suffix}"))
                shutil.copyfile(original, f"{target}{suffix}")
    return target


def last_signed_numbers(path: Path) -> dict[tuple[str, str, str, str], tuple[str, int]]:
    """(pin, branch, serial, environment) -> (device name, the last eTIMS number KRA signed, 0 if none)."""
    connection = open_read_only(path)
    try:
        rows = connection.execute(
            """SELECT d.pin, d.branch_id, d.serial, d.environment, d.name,
                      (SELECT max(o.invc_no) FROM outbox o WHERE o.device_id = d.id AND o.state = 'signed')
               FROM devices d"""
        ).fetchall()
    finally:
        connection.close()
    return {tuple(row[:4]): (row[4], row[5] or 0) for row in rows}


def _copy_candidate(backup: Path, prepared: Path) -> None:
    try:
        source = open_read_only(backup)
        try:
            copy_database(source, prepared)
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise RestoreRefused(Said(NOT_A_DATABASE, path=backup, reason=exc)) from exc


def _check(prepared: Path, backup: Path, template: str) -> None:
    problems = check_file(prepared)
    if problems:
        raise RestoreRefused(Said(template, path=backup, problems="; ".join(problems[:3])))


def _upgrade_and_mark(prepared: Path, backup: Path) -> None:
    """Open the copy as the app does (upgrades the schema, recovers interrupted sends) and mark every device."""
    from etims_desktop.storage.store import Store

    with tempfile.TemporaryDirectory(prefix="etims-restore-") as scratch:  # the upgrade's own safety copy
        try:
            store = Store.open(prepared, backup_dir=Path(scratch))
        except StorageError as exc:
            raise RestoreRefused(Said(CANNOT_RESTORE, path=backup, reason=exc)) from exc
        except Exception as exc:  # noqa: BLE001 - any failure to upgrade means "not restorable"
            raise RestoreRefused(Said(NOT_UPGRADED, path=backup, reason=exc)) from exc
        try:
            if store.damage:  # checked a moment ago, but the upgrade must never run on a damaged copy
                raise RestoreRefused(Said(DAMAGED, path=backup, problems="; ".join(store.damage[:3])))
            asyncio.run(store.request_number_checks(MARK_REASON))
        finally:
            store.close()


def _swap(prepared: Path, database: Path) -> None:
    """Copy the prepared database over the live one in one transaction (SQLite backup API)."""
    create_private_file(database)
    try:
        source = sqlite3.connect(prepared)
        destination = sqlite3.connect(database, timeout=10)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
    except sqlite3.DatabaseError:
        # The current file is too damaged for SQLite to write into (its copy is kept): replace it whole.
        log.warning("the damaged database could not be written into; replacing the file", exc_info=True)
        for suffix in ("-wal", "-shm", ""):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(prepared, database)
        database.chmod(0o600)


def _made_at(backup: Path) -> datetime:
    for known in list_backups(backup.parent):
        if known.path.name == backup.name:
            return known.made_at
    return datetime.fromtimestamp(backup.stat().st_mtime, UTC)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
