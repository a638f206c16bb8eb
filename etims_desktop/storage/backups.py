"""Backups a shop owner can rely on: consistent copies of the live database, checked, rotated, found again.

A copy is made with SQLite's online backup API (consistent while the app keeps writing: in WAL mode
the copy reads one snapshot and never blocks the writer), written under a temporary name, opened and
checked with PRAGMA quick_check, and only then given its final name. So a file named
etims-backup-... is always a whole, checked database; a copy cut short by a full USB stick or a
crash is never mistaken for one. CMC keys are never in the database, so never in a backup.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.storage.database import create_private_file
from etims_desktop.storage.errors import StorageError

log = logging.getLogger("etims_desktop.storage")

PREFIX = "etims-backup-"
SUFFIX = ".sqlite3"
KEEP_DAYS = 14
KEEP_AT_LEAST = 3  # rotation never leaves fewer than this many backups in a folder
STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(rf"^{PREFIX}(\d{{8}}T\d{{6}}Z)-(auto|manual)(?:-\d+)?{re.escape(SUFFIX)}$")
# Tables every etims-desktop database has had since the first release.
CORE_TABLES = {"alembic_version", "devices", "sales", "outbox"}


class BackupFailed(StorageError):
    """A backup could not be made or did not pass its check. The message says why, plainly."""


FOLDER_UNUSABLE = QT_TRANSLATE_NOOP("Core", "The backup folder {folder} cannot be used: {reason}.")
COPY_FAILED_CHECK = QT_TRANSLATE_NOOP(
    "Core",
    "The copy of the database did not pass its check ({problems}). The database itself may be damaged.",
)
NOT_WRITTEN = QT_TRANSLATE_NOOP("Core", "Could not write the backup to {folder}: {reason}.")
NOT_COPIED = QT_TRANSLATE_NOOP("Core", "Could not copy the database: {reason}.")


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    kind: str  # "auto" (the daily copy) or "manual" (Back up now, `etims-desktop backup`)
    size: int


@dataclass(frozen=True)
class BackupResult:
    backup: Backup
    seconds: float  # copy and check
    removed: list[Path]  # old backups the rotation deleted


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind `source` into a new private file `target` (online backup API).

    The copy is a plain single-file database (rollback journal, not WAL), so it opens anywhere on its
    own - no -wal or -shm file has to travel with it.
    """
    create_private_file(target)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (a URI, so spaces and '#' in a USB stick's path are fine)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """SQLite's quick_check: [] when the file is sound, else its first problems (at most ten)."""
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check(10)")]
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        return [str(exc)]
    if rows == ["ok"]:
        return []
    # One problem per line, without SQLite's "*** in database main ***" heading.
    return [line for row in rows for line in row.splitlines() if line and not line.startswith("***")]


def check_file(path: Path) -> list[str]:
    """Problems of a database file ([] = sound and an etims-desktop database). Never writes to it."""
    try:
        connection = open_read_only(path)
    except sqlite3.Error as exc:
        return [f"cannot open it: {exc}"]
    try:
        problems = quick_check(connection)
        if problems:
            return problems
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = CORE_TABLES - tables
        return [f"it is not an etims-desktop database (no {', '.join(sorted(missing))})"] if missing else []
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        connection.close()


def make_backup(
    database: Path,
    folder: Path,
    kind: str = "manual",
    now: datetime | None = None,
    *,
    keep_days: int = KEEP_DAYS,
) -> BackupResult:
    """Copy the database into `folder`, check the copy, then rotate the folder. Raises BackupFailed."""
    now = now or datetime.now(UTC)
    started = time.perf_counter()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailed(Said(FOLDER_UNUSABLE, folder=folder, reason=exc.strerror or exc)) from exc
    target = _free_name(folder, now, kind)
    partial = target.with_name(target.name + ".partial")
    try:
        source = open_read_only(database)
        try:
            copy_database(source, partial)
        finally:
            source.close()
        problems = check_file(partial)
        if problems:
            raise BackupFailed(Said(COPY_FAILED_CHECK, problems="; ".join(problems[:3])))
        os.replace(partial, target)
    except OSError as exc:
        raise BackupFailed(Said(NOT_WRITTEN, folder=folder, reason=exc.strerror or exc)) from exc
    except sqlite3.Error as exc:
        raise BackupFailed(Said(NOT_COPIED, reason=exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    backup = Backup(target, now, kind, target.stat().st_size)
    removed = rotate(folder, now, keep_days)
    log.info("backed up the database to %s (%d bytes, %.2f s)", target, backup.size, seconds)
    return BackupResult(backup, seconds, removed)


def _free_name(folder: Path, now: datetime, kind: str) -> Path:
    base = f"{PREFIX}{now.strftime(STAMP)}-{kind}"
    target, n = folder / f"{base}{SUFFIX}", 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}{SUFFIX}"
    return target


def list_backups(folder: Path) -> list[Backup]:
    """The backups in a folder, newest first (by the time in their name). A missing folder has none."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match is None:
            continue
        made_at = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
        with contextlib.suppress(OSError):
            found.append(Backup(path, made_at, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def rotate(folder: Path, now: datetime, keep_days: int = KEEP_DAYS) -> list[Path]:
    """Delete backups older than `keep_days`, never leaving fewer than KEEP_AT_LEAST."""
    cutoff = now - timedelta(days=keep_days)
    removed = []
    for backup in list_backups(folder)[KEEP_AT_LEAST:]:
        if backup.made_at < cutoff:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                log.warning("could not delete the old backup %s", backup.path)
    return removed


def latest_good_backup(folders: list[Path]) -> Backup | None:
    """The newest backup in these folders that passes its own check (a damaged copy is skipped)."""
    candidates = sorted(
        (b for folder in dict.fromkeys(folders) for b in list_backups(folder)),
        key=lambda b: b.made_at,
        reverse=True,
    )
    for backup in candidates:
        if not check_file(backup.path):
            return backup
        log.warning("skipping the backup %s: it does not pass its check", backup.path)
    return None
