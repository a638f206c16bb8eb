"""Column types that keep values exact: Decimal as text, datetimes as UTC, enums by value, JSON as text.

Each type also hands plain_sql.py its two conversions as single functions (`plain_converters`): the
SQLAlchemy path runs three or four Python calls per value (decorator, our method, the dialect's own
processor), which the outbox drain pays for every column of every row it reads. Both paths store the
same bytes and read the same values (tests/unit/storage/test_plain_sql.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

Convert = Callable[[Any], Any]  # one value, never None (callers pass None through unchanged)


def _decimal_text(value: Any) -> str:
    if isinstance(value, float):
        raise TypeError("money and quantities are Decimal, never float")
    return str(Decimal(value))


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored as its exact text (never a float): '1.10' comes back as Decimal('1.10')."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else _decimal_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)

    def plain_converters(self) -> tuple[Convert, Convert]:
        return _decimal_text, Decimal


def _utc_naive(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetimes must carry a time zone (store UTC, show local)")
    return value.astimezone(UTC).replace(tzinfo=None)


@lru_cache(maxsize=16)  # a transaction writes its one clock reading into many rows
def _utc_text(value: datetime) -> str:
    """SQLAlchemy's SQLite DATETIME text ('2026-03-02 09:30:15.123456'), so SQL compares them as it does."""
    return _utc_naive(value).isoformat(" ", "microseconds")


def _utc_from_text(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC and returned aware (UTC). Naive datetimes are refused."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _utc_naive(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)

    def plain_converters(self) -> tuple[Convert, Convert]:
        return _utc_text, _utc_from_text


class EnumText(TypeDecorator[StrEnum]):
    """A StrEnum stored by its value, so the table reads naturally ('queued', 'signed')."""

    impl = String(20)
    cache_ok = True

    def __init__(self, enum_type: type[StrEnum]) -> None:
        super().__init__()
        self.enum_type = enum_type

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum_type(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum_type(value)

    def plain_converters(self) -> tuple[Convert, Convert]:
        # Dict lookups (no Python frame per value). A StrEnum member equals and hashes as its value, so
        # the first takes members and their texts alike; both refuse what is not a member (KeyError).
        values = {member: member.value for member in self.enum_type}
        members = {member.value: member for member in self.enum_type}
        return values.__getitem__, members.__getitem__


def _json_text(value: Any) -> str:
    return json.dumps(value, default=str, sort_keys=True)


class JSONText(TypeDecorator[Any]):
    """Plain JSON as text (reports, error lists). Non-JSON values are written as their str()."""

    impl = Text()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else _json_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)

    def plain_converters(self) -> tuple[Convert, Convert]:
        return _json_text, json.loads
