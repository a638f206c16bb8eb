"""The shop's receipt header (business_details, one row), edited in Settings."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table

from etims_desktop.domain.receipt import BusinessDetails
from etims_desktop.storage.models import BusinessDetailsRow
from etims_desktop.storage.plain_sql import driver_connection, plain_table

BUSINESS = cast(Table, BusinessDetailsRow.__table__)
FIELDS = tuple(f.name for f in fields(BusinessDetails))
ROW_ID = 1


class BusinessRepository:
    """Reads and writes the one business_details row, on the caller's transaction."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.sql = driver_connection(connection)
        self.now = now
        self._table = plain_table(BUSINESS, connection.dialect)

    def get(self) -> BusinessDetails:
        row = self._table.first(self.sql, "id = ?", (ROW_ID,))
        if row is None:  # migration 0003 creates it; defaults if someone removed it by hand
            return BusinessDetails()
        return BusinessDetails(**{name: getattr(row, name) for name in FIELDS})

    def save(self, details: BusinessDetails) -> BusinessDetails:
        values = {name: (value or "").strip() for name, value in asdict(details).items()}
        if not self._table.update(self.sql, "id", ROW_ID, {**values, "updated_at": self.now}):
            self._table.insert(self.sql, {"id": ROW_ID, **values, "updated_at": self.now})
        return BusinessDetails(**values)
