"""Bring a database file to the schema this version of the app expects, backing it up first.

The migrations live in storage/migrations/ inside the package and run programmatically: no
alembic.ini is needed at run time.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from etims_desktop.storage.backups import copy_database
from etims_desktop.storage.errors import StorageError
from etims_desktop.storage.plain_sql import driver_connection

if TYPE_CHECKING:  # only for annotations: Alembic is imported only when a migration must run
    from alembic.config import Config

log = logging.getLogger("etims_desktop.storage")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions (a test keeps the two equal). Knowing it without Alembic
# lets an up-to-date database open without importing Alembic at all (~130 ms of every start-up).
SCHEMA_HEAD = "0010"


def alembic_config() -> Config:
    """Alembic's configuration, built in code; script_location is the package's migrations folder."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the migrations have one head
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the file (Alembic's version table), None for a new database."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # no version table yet
            return None


def backup_database(engine: Engine, backup_dir: Path, label: str) -> Path:
    """A consistent copy of the live database (SQLite online backup API), private like the original."""
    source = Path(engine.url.database or "")
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{source.stem}-{label}-{stamp}{source.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = backup_dir / f"{source.stem}-{label}-{stamp}-{n}{source.suffix}"
    with engine.connect() as connection:
        copy_database(driver_connection(connection), target)
    return target


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to `target` on one connection, with foreign keys off meanwhile.

    Foreign keys must be off while Alembic rebuilds a SQLite table (batch mode): dropping the old
    copy would otherwise cascade-delete the rows that point at it. They are checked afterwards.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        raw = driver_connection(connection)
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    if problems:
        raise StorageError(
            f"The database upgrade left {len(problems)} broken references; restore the backup."
        )


def migrate(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to the newest schema. A database that holds data at an older schema is backed up first.

    Returns the backup file, if one was made. Refuses a database written by a newer app version.
    """
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return None
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    head = head_revision()
    backup = None
    if current is not None:
        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(current)
        except CommandError:
            raise StorageError(
                "This database was written by a newer version of etims-desktop. "
                "Install that version again (or newer) to open it."
            ) from None
        folder = backup_dir or Path(engine.url.database or "").parent / "backups"
        backup = backup_database(engine, folder, f"schema{current}")
        log.info("backed up the database to %s before upgrading schema %s -> %s", backup, current, head)
    upgrade(engine, "head")
    return backup
