"""A table's rows through the plain sqlite3 connection, with values converted by the table's own
SQLAlchemy column types (the models stay the one definition of how a value is stored).

Why: the outbox drain reads and writes a handful of rows per sale sent. Built and executed as
SQLAlchemy Core statements, each costs 70-250 us of Python (statement construction, cache key,
result set-up); the same statement through sqlite3 costs 5-10 us (docs/PERFORMANCE.md). Only simple
statements live here - by key, in queue order, single-row updates and inserts; queries with joins or
aggregates stay Core.

The statements run on the connection of the caller's SQLAlchemy transaction, inside it.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Callable, Generator, Iterable, Sequence
from functools import cache, lru_cache
from typing import Any, cast

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

from etims_desktop.storage.columns import Convert, DecimalText, EnumText, JSONText, UTCDateTime


def driver_connection(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy connection (in the same transaction)."""
    raw: sqlite3.Connection | None = connection.connection.driver_connection
    assert raw is not None  # a checked-out connection always has its driver connection
    return raw


class PlainTable:
    """Select, update and insert one table's rows as namedtuples (attribute access, like Core rows).
    With `columns`, rows carry only those columns (and updates and inserts may name any)."""

    def __init__(self, table: Table, dialect: Dialect, columns: tuple[str, ...] | None = None) -> None:
        self.name = table.name
        self.columns = columns or tuple(column.name for column in table.columns)
        self.record: Callable[..., tuple[Any, ...]] = namedtuple(f"{table.name}_row", self.columns)  # type: ignore[misc]  # noqa: PYI024 - a row type per table
        self._make: Callable[[Iterable[Any]], tuple[Any, ...]] = self.record._make  # type: ignore[attr-defined]
        converters = {
            column.name: _converters(column.type.dialect_impl(dialect), dialect) for column in table.columns
        }
        self._to_db = {name: to_db for name, (to_db, _) in converters.items()}
        # Only the columns whose values need converting, by position (most rows hold many that do not).
        self._from_db = [
            (position, from_db)
            for position, name in enumerate(self.columns)
            if (from_db := converters[name][1]) is not None
        ]
        self._select = f"SELECT {', '.join(self.columns)} FROM {self.name}"

    def to_db(self, column: str, value: Any) -> Any:
        convert = self._to_db[column]
        return value if convert is None or value is None else convert(value)

    def _record(self, raw: Sequence[Any]) -> tuple[Any, ...]:
        values = list(raw)
        for position, convert in self._from_db:
            value = values[position]
            if value is not None:
                values[position] = convert(value)
        return self._make(values)

    def select(
        self, db: sqlite3.Connection, where: str, params: Sequence[Any] = (), tail: str = ""
    ) -> list[Any]:  # Any: each row is this table's namedtuple, read by attribute
        """Rows WHERE `where` (with ? placeholders; values already in database form, see to_db)."""
        cursor = db.execute(f"{self._select} WHERE {where} {tail}", params)
        return [self._record(raw) for raw in cursor.fetchall()]

    def iterate(
        self, db: sqlite3.Connection, where: str, params: Sequence[Any] = (), tail: str = ""
    ) -> Generator[Any, None, None]:
        """Like select, read lazily: a caller that stops at the first fitting row reads no more."""
        for raw in db.execute(f"{self._select} WHERE {where} {tail}", params):
            yield self._record(raw)

    def first(self, db: sqlite3.Connection, where: str, params: Sequence[Any] = (), tail: str = "") -> Any:
        raw = db.execute(f"{self._select} WHERE {where} {tail} LIMIT 1", params).fetchone()
        return None if raw is None else self._record(raw)

    def select_in(
        self, db: sqlite3.Connection, column: str, keys: Iterable[Any], tail: str = ""
    ) -> list[Any]:
        keys = list(keys)
        if not keys:
            return []
        return self.select(db, f"{column} IN ({', '.join('?' * len(keys))})", keys, tail)

    def update(self, db: sqlite3.Connection, key: str, key_value: Any, values: dict[str, Any]) -> int:
        """UPDATE one row by its key column; returns the number of rows changed."""
        statement = self._update_sql(key, tuple(values))
        return db.execute(statement, [*self._params(values), key_value]).rowcount

    def insert(self, db: sqlite3.Connection, values: dict[str, Any]) -> int:
        """INSERT one row; returns its rowid (the integer primary key)."""
        cursor = db.execute(self._insert_sql(tuple(values)), self._params(values))
        return cast(int, cursor.lastrowid)

    def _params(self, values: dict[str, Any]) -> list[Any]:
        to_db = self._to_db
        return [
            value if value is None or (convert := to_db[column]) is None else convert(value)
            for column, value in values.items()
        ]

    # The statements' texts, once per column choice (sqlite3 then finds its prepared statement by text).
    @lru_cache(maxsize=64)  # noqa: B019 - PlainTables live as long as the process (plain_table's cache)
    def _update_sql(self, key: str, columns: tuple[str, ...]) -> str:
        return f"UPDATE {self.name} SET {', '.join(f'{column} = ?' for column in columns)} WHERE {key} = ?"

    @lru_cache(maxsize=64)  # noqa: B019 - as above
    def _insert_sql(self, columns: tuple[str, ...]) -> str:
        return f"INSERT INTO {self.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _converters(column_type: TypeEngine[Any], dialect: Dialect) -> tuple[Convert | None, Convert | None]:
    """A column type's conversions to and from the database, each one call per value (never None), or
    None where SQLite's value is the Python value. Our own types hand theirs over (storage/columns.py);
    for the others, SQLAlchemy's processors."""
    if isinstance(column_type, DecimalText | UTCDateTime | EnumText | JSONText):
        return column_type.plain_converters()
    return column_type.bind_processor(dialect), column_type.result_processor(dialect, None)


@cache
def plain_table(table: Table, dialect: Dialect, columns: tuple[str, ...] | None = None) -> PlainTable:
    """One PlainTable per table, dialect and column choice (its converters are built once)."""
    return PlainTable(table, dialect, columns)
