"""The SQLite engine: WAL, synchronous=FULL, foreign keys, a busy timeout, a private (0600) file.

Transactions are begun explicitly: writers with BEGIN IMMEDIATE, so two processes on the same file
(the window and a scheduled CLI sync) queue for the write lock instead of failing half-way.

synchronous=FULL: in WAL mode SQLite then flushes the WAL to the disk at every commit, so a commit
that has returned survives a power cut. With NORMAL it flushes only at checkpoints, and a power cut
can take back the last commits - a sale the cashier just recorded, a number already sent to KRA, a
signature KRA already gave. The price is one flush per write transaction (docs/PERFORMANCE.md, 5).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 10_000
SYNCHRONOUS = "FULL"  # every commit on the disk before it returns (bench_power_cut.py compares NORMAL)
BEGIN_OPTION = "sqlite_begin"  # execution option: "IMMEDIATE" for writers, default DEFERRED


def create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only, before SQLite opens it.

    SQLite gives the -wal and -shm files the mode of the database file, so they are private too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def make_engine(path: Path) -> Engine:
    """An engine for one database file. The caller uses it from one thread at a time."""
    create_private_file(path)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        # Straight to sqlite3: this runs for every transaction, and SQLAlchemy's statement path costs
        # more than the BEGIN itself.
        cast(sqlite3.Connection, connection.connection.driver_connection).execute(f"BEGIN {mode}")

    # Group commit (Store._write) runs every write of a batch in its own savepoint. Through
    # SQLAlchemy's statement path a SAVEPOINT or RELEASE costs ~0.1-0.2 ms of Python (more than SQLite's
    # own work for it); straight to sqlite3 it is a few microseconds. SQLAlchemy still names and tracks
    # the savepoints (begin_nested works as before); only the statement is sent directly.
    dialect = engine.dialect
    # The ignores: mypy refuses any assignment over a method; the stubs type these as bound methods.
    dialect.do_savepoint = _driver_statement("SAVEPOINT")  # type: ignore[method-assign, assignment]
    dialect.do_release_savepoint = _driver_statement("RELEASE SAVEPOINT")  # type: ignore[method-assign, assignment]
    dialect.do_rollback_to_savepoint = _driver_statement("ROLLBACK TO SAVEPOINT")  # type: ignore[method-assign, assignment]
    return engine


def _driver_statement(verb: str) -> Callable[[Connection, str], None]:
    def run(connection: Connection, name: str) -> None:
        cast(sqlite3.Connection, connection.connection.driver_connection).execute(f'{verb} "{name}"')

    return run
