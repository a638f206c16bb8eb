"""Receipts printed before KRA signed their sale (pending_prints, migration 0010), on the caller's
transaction. What to do about them (reprint once signed, forget once cancelled) is app/receipts.py's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.storage.models import PendingPrintRow
from etims_desktop.storage.plain_sql import driver_connection, plain_table

PENDING_PRINTS = cast(Table, PendingPrintRow.__table__)


class PendingPrintRepository:
    def __init__(self, connection: Connection, now: datetime) -> None:
        self.sql = driver_connection(connection)
        self.now = now
        self._table = plain_table(PENDING_PRINTS, connection.dialect)

    def add(self, sale_ids: Iterable[int]) -> int:
        """Remember these sales (the ones this database holds; others are skipped); returns how many are new."""
        printed_at = self._table.to_db("printed_at", self.now)
        added = 0
        for sale_id in set(sale_ids):
            added += self.sql.execute(
                "INSERT OR IGNORE INTO pending_prints (sale_id, printed_at) SELECT id, ? FROM sales WHERE id = ?",
                (printed_at, sale_id),
            ).rowcount
        return added

    def forget(self, sale_ids: Iterable[int]) -> None:
        self.sql.executemany("DELETE FROM pending_prints WHERE sale_id = ?", [(i,) for i in set(sale_ids)])

    def states(self) -> dict[int, OutboxState]:
        """Each remembered sale and its state now."""
        rows = self.sql.execute(
            "SELECT p.sale_id, o.state FROM pending_prints p JOIN outbox o ON o.sale_id = p.sale_id"
        ).fetchall()
        return {int(sale_id): OutboxState(state) for sale_id, state in rows}
