"""A period's sales and credit notes, read in one transaction for the reports, the accountant's export
and reconcile: each with the amounts stored when it was recorded and, once signed, the kept document."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, select

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.storage.models import OutboxRow, SaleRow
from etims_desktop.storage.outbox import OutboxRepository
from etims_desktop.storage.records import PeriodSale
from etims_desktop.storage.signed_documents import SignedDocumentRepository

SALES = cast(Table, SaleRow.__table__)
OUTBOX = cast(Table, OutboxRow.__table__)
CHUNK = 500  # sales read per statement: far below SQLite's limit on bound values


def period_sales(
    connection: Connection,
    outbox: OutboxRepository,
    documents: SignedDocumentRepository,
    start: datetime,
    end: datetime,
    device_id: int | None = None,
    states: frozenset[OutboxState] | None = None,
) -> list[PeriodSale]:
    """Sales sold in [start, end) (their own sale time), oldest first; of one device or all, of some
    states or all."""
    query = (
        select(SALES.c.id, SALES.c.total, SALES.c.total_tax)
        .join(OUTBOX, OUTBOX.c.sale_id == SALES.c.id)
        .where(SALES.c.sold_at >= start, SALES.c.sold_at < end)
        .order_by(SALES.c.sold_at, SALES.c.id)
    )
    if device_id is not None:
        query = query.where(SALES.c.device_id == device_id)
    if states is not None:
        query = query.where(OUTBOX.c.state.in_([state.value for state in states]))
    rows = connection.execute(query).all()
    result: list[PeriodSale] = []
    for first in range(0, len(rows), CHUNK):
        chunk = rows[first : first + CHUNK]
        entries = outbox.entries([row.id for row in chunk])
        for row, entry in zip(chunk, entries, strict=True):
            document = documents.get(entry.sale_id) if entry.state is OutboxState.SIGNED else None
            result.append(PeriodSale(entry, row.total, row.total_tax, document))
    return result
