"""The one clock: aware UTC now. Services take a `clock` callable defaulting to this, so tests can move time."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
