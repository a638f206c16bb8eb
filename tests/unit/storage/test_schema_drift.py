"""Every database that ever shipped ends at the same schema as a new one (tables, columns, indexes,
triggers, foreign keys), whichever revision it starts from.

0001 was edited in place after it shipped (ix_outbox_age became ix_outbox_state), so "revision 0001"
names two different schemas in the field. The first one is kept as SQL (fixtures/), made from the
migration as it was then (git show 45a0be3:.../0001_initial_schema.py); revision 0005 repairs it.
"""

from __future__ import annotations

import importlib
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from etims_desktop.storage.database import make_engine
from etims_desktop.storage.migrate import current_revision, head_revision, upgrade
from etims_desktop.storage.store import Store

from .test_migrations import REVISION_1_DATA

FIRST_RELEASE_0001 = Path(__file__).parent / "fixtures" / "schema_0001_first_release.sql"


def _normalised(sql: str | None) -> str | None:
    return None if sql is None else re.sub(r"\s+", " ", sql.replace('"', "")).strip()


def schema(path: Path) -> dict:
    """The schema as SQLite itself reports it (not as text a batch rebuild may reformat)."""
    with closing(sqlite3.connect(path)) as db:
        snapshot: dict = {}
        master = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        for kind, name, table, sql in master:
            if kind == "table":
                indexes = [
                    (unique, origin, partial, [c[2] for c in db.execute(f"PRAGMA index_info('{index}')")])
                    for _, index, unique, origin, partial in db.execute(f"PRAGMA index_list('{name}')")
                ]
                snapshot[(kind, name)] = {
                    "columns": db.execute(f"PRAGMA table_xinfo('{name}')").fetchall(),
                    "foreign_keys": sorted(
                        row[2:] for row in db.execute(f"PRAGMA foreign_key_list('{name}')")
                    ),
                    "indexes": sorted(indexes, key=repr),
                }
            else:  # index, trigger, view
                snapshot[(kind, name)] = (table, _normalised(sql))
        return snapshot


def first_release_database(path: Path, revision: str) -> None:
    """A database made by the first release, with data, at `revision` (0001 or 0002)."""
    with closing(sqlite3.connect(path)) as db:
        db.executescript(FIRST_RELEASE_0001.read_text())
        for sql in REVISION_1_DATA:
            db.execute(sql)
        db.commit()
    engine = make_engine(path)
    try:
        upgrade(engine, revision)
    finally:
        engine.dispose()


def current_release_database(path: Path, revision: str) -> None:
    engine = make_engine(path)
    try:
        upgrade(engine, revision)
        with engine.begin() as connection:
            for sql in REVISION_1_DATA:
                connection.exec_driver_sql(sql)
    finally:
        engine.dispose()


SHIPPED = [
    ("0001", first_release_database),
    ("0002", first_release_database),
    ("0001", current_release_database),
    ("0002", current_release_database),
]


@pytest.fixture
def fresh_schema(tmp_path) -> dict:
    path = tmp_path / "fresh.db"
    Store.open(path, backup_dir=tmp_path / "fresh-backups").close()
    return schema(path)


def test_the_fixture_is_the_drifted_schema(tmp_path, fresh_schema):
    path = tmp_path / "old.db"
    first_release_database(path, "0002")
    old = schema(path)
    assert ("index", "ix_outbox_age") in old and ("index", "ix_outbox_state") not in old
    assert ("index", "ix_outbox_state") in fresh_schema and ("index", "ix_outbox_age") not in fresh_schema
    assert old != fresh_schema  # without a repair the two would stay different for ever


@pytest.mark.parametrize(
    ("revision", "make"), SHIPPED, ids=[f"{r}-{m.__name__.split('_')[0]}-release" for r, m in SHIPPED]
)
def test_every_shipped_database_upgrades_to_the_fresh_schema(tmp_path, fresh_schema, revision, make):
    path = tmp_path / "shop.db"
    make(path, revision)
    store = Store.open(path, backup_dir=tmp_path / "backups")
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.backup_path is not None  # the old file was saved first
    finally:
        store.close()
    assert schema(path) == fresh_schema
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT count(*) FROM sales").fetchone() == (3,)  # the data came along
        assert db.execute("SELECT count(*) FROM outbox").fetchone() == (3,)


@pytest.mark.parametrize("make", [first_release_database, current_release_database])
def test_the_repair_is_idempotent(tmp_path, make):
    """0005 run again on a database it already repaired, or on one that never needed it, changes nothing.
    (Run directly, not by rewinding alembic_version: other revisions may follow 0002 once re-chained.)"""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    repair = importlib.import_module("etims_desktop.storage.migrations.versions.0005_outbox_index_drift")
    path = tmp_path / "shop.db"
    make(path, "0002")
    engine = make_engine(path)
    try:
        once = None
        for _ in range(2):
            with engine.begin() as connection, Operations.context(MigrationContext.configure(connection)):
                repair.upgrade()
            once = once or schema(path)
        assert schema(path) == once
        assert ("index", "ix_outbox_state") in once and ("index", "ix_outbox_age") not in once
    finally:
        engine.dispose()
