"""Errors raised by the store. Each message is a plain sentence; none ever carries a secret."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from etims_desktop.domain.errors import DomainValidationError, PlainError
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said

FULL_BELOW_BYTES = 1024 * 1024  # a disk error with less free space than this is the disk being full


class StorageError(PlainError, RuntimeError):
    """The database cannot be used as asked (too new, damaged, not writable)."""


class NotFound(DomainValidationError, LookupError):
    """A device, sale or item that is not (or no longer) in the database."""


NO_SUCH_DEVICE = QT_TRANSLATE_NOOP("Core", "There is no device number {number} (it may have been removed).")
NO_SUCH_SALE = QT_TRANSLATE_NOOP("Core", "There is no sale number {number}.")
NO_SUCH_ITEM = QT_TRANSLATE_NOOP("Core", "There is no item with code {code}.")


class OutboxStateError(PlainError, RuntimeError):
    """A state change the outbox rules forbid (e.g. changing a signed sale). Always a bug in the caller."""


def plain_storage_error(exc: BaseException, where: object = None) -> StorageError | None:
    """A database failure only a person can fix (disk full, read-only, gone, disk error) as a plain
    StorageError without SQL or traceback; None for anything else. `where`: the database file."""
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps sqlite3's error
    name = str(getattr(cause, "sqlite_errorname", "") or "")
    text = str(cause).lower()
    place = f" ({where})" if where else ""  # a value of the sentences below (the database file)
    if name.startswith("SQLITE_FULL") or "disk is full" in text or _disk_full(cause, where):
        return StorageError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The disk that holds the database{place} is full, so nothing new could be saved; what was "
                    "saved before is safe. Free some space on that disk, then try again.",
                ),
                place=place,
            )
        )
    if name.startswith("SQLITE_READONLY") or "readonly database" in text or "read-only file system" in text:
        return StorageError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The database{place} cannot be written: the file, its folder or its disk is read-only for "
                    "this user. Make the data folder writable (or choose another one with --data-dir), then "
                    "try again.",
                ),
                place=place,
            )
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in text:
        return StorageError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The database{place} could not be opened. Check that the data folder exists and that you "
                    "may write to it.",
                ),
                place=place,
            )
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StorageError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The computer could not read or write the database{place} (a disk error). Check the disk, "
                    "then try again; the backups folder keeps earlier copies.",
                ),
                place=place,
            )
        )
    if isinstance(cause, PermissionError):
        return StorageError(
            Said(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "This user may not write to {folder}. Make the data folder writable (or choose another one "
                    "with --data-dir), then try again.",
                ),
                folder=cause.filename or "the data folder",
            )
        )
    return None


def _disk_full(cause: BaseException, where: object) -> bool:
    """SQLite reports a full disk as a plain I/O error when it could not even grow its index file."""
    if getattr(cause, "errno", None) == errno.ENOSPC:
        return True
    if not where or not str(getattr(cause, "sqlite_errorname", "")).startswith("SQLITE_IOERR"):
        return False
    try:
        return shutil.disk_usage(Path(str(where)).parent).free < FULL_BELOW_BYTES
    except OSError:
        return False
