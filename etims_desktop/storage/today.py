"""The Today read model: sales per time bucket and each device's queue over time, in one read.

Amounts are the ones STORED with each sale (`sales.total`, `sales.total_tax`), summed as Decimal, never
recomputed; a credit note takes its amounts off. Cancelled sales (never signed) count for nothing.
Practice sales are left out as soon as the shop has a real device (never mixed with real figures).
The queue history is rebuilt from the outbox's own timestamps: each sale's state changes
(`outbox_events`: recorded, queued, signed, refused, ...), so it needs no table of its own.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import Connection, Table, or_, select

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import ReceiptType
from etims_desktop.storage.models import DeviceRow, OutboxEventRow, OutboxRow, SaleRow

SALES = cast(Table, SaleRow.__table__)
OUTBOX = cast(Table, OutboxRow.__table__)
EVENTS = cast(Table, OutboxEventRow.__table__)
DEVICES = cast(Table, DeviceRow.__table__)
PENDING = [state for state in OutboxState if state.pending]


@dataclass(frozen=True)
class SalesBucket:
    """Sales whose sale time falls in [start, end)."""

    start: datetime
    end: datetime
    sales: int = 0
    credit_notes: int = 0
    total: Decimal = Decimal("0")  # sales minus credit notes, tax included, as stored
    tax: Decimal = Decimal("0")


@dataclass(frozen=True)
class QueuePoint:
    at: datetime
    waiting: int  # sales that still had to reach KRA at that moment
    oldest_recorded_at: datetime | None  # when the oldest of them was recorded (None: none waited)

    @property
    def oldest_age_seconds(self) -> float:
        return 0.0 if self.oldest_recorded_at is None else (self.at - self.oldest_recorded_at).total_seconds()


@dataclass(frozen=True)
class DeviceQueueHistory:
    device_id: int
    name: str
    points: tuple[QueuePoint, ...] = ()


@dataclass(frozen=True)
class ActivityRecord:
    """Everything the Today tab shows, from one read transaction."""

    buckets: dict[str, tuple[SalesBucket, ...]] = field(default_factory=dict)  # name -> buckets
    queues: tuple[DeviceQueueHistory, ...] = ()
    practice_only: bool = False  # no real device yet: these are practice sales


def read_activity(
    db: Connection, bucket_edges: dict[str, Sequence[datetime]], queue_points: Sequence[datetime]
) -> ActivityRecord:
    """`bucket_edges`: per name, ascending UTC instants; each pair of neighbours is one bucket.
    `queue_points`: ascending UTC instants at which each device's queue is told."""
    devices = db.execute(select(DEVICES.c.id, DEVICES.c.name, DEVICES.c.practice, DEVICES.c.retired_at)).all()
    real = {row.id for row in devices if not row.practice}
    practice_only = not real
    counted = {row.id for row in devices} if practice_only else real
    buckets = {
        name: _sales_buckets(db, list(edges), counted)
        for name, edges in bucket_edges.items()
        if len(edges) > 1
    }
    shown = [row for row in devices if row.retired_at is None and row.id in counted]
    queues = tuple(
        DeviceQueueHistory(row.id, row.name, _queue_points(db, row.id, list(queue_points))) for row in shown
    )
    return ActivityRecord(buckets, queues, practice_only)


def _sales_buckets(db: Connection, edges: list[datetime], devices: set[int]) -> tuple[SalesBucket, ...]:
    n = len(edges) - 1
    sales, notes = [0] * n, [0] * n
    totals, taxes = [Decimal("0")] * n, [Decimal("0")] * n
    rows = db.execute(
        select(SALES.c.sold_at, SALES.c.receipt_type, SALES.c.total, SALES.c.total_tax, SALES.c.device_id)
        .join(OUTBOX, OUTBOX.c.sale_id == SALES.c.id)
        .where(
            SALES.c.sold_at >= edges[0],
            SALES.c.sold_at < edges[-1],
            OUTBOX.c.state != OutboxState.CANCELLED,
        )
    )
    for sold_at, receipt_type, total, tax, device_id in rows:
        if device_id not in devices:
            continue
        i = bisect.bisect_right(edges, sold_at) - 1
        if not 0 <= i < n:
            continue
        sign = -1 if receipt_type == ReceiptType.CREDIT_NOTE else 1
        if sign < 0:
            notes[i] += 1
        else:
            sales[i] += 1
        totals[i] += sign * abs(total)
        taxes[i] += sign * abs(tax)
    return tuple(
        SalesBucket(edges[i], edges[i + 1], sales[i], notes[i], totals[i], taxes[i]) for i in range(n)
    )


def _queue_points(db: Connection, device_id: int, points: list[datetime]) -> tuple[QueuePoint, ...]:
    if not points:
        return ()
    since = points[0]
    # Sales that could have waited at some point since `since`: still pending, or changed since then.
    candidates = (
        select(OUTBOX.c.sale_id, OUTBOX.c.created_at, OUTBOX.c.state, OUTBOX.c.state_changed_at)
        .where(OUTBOX.c.device_id == device_id)
        .where(or_(OUTBOX.c.state.in_(PENDING), OUTBOX.c.state_changed_at >= since))
    )
    entries = {row.sale_id: row for row in db.execute(candidates)}
    if not entries:
        return tuple(QueuePoint(at, 0, None) for at in points)
    timelines: dict[int, list[tuple[datetime, OutboxState]]] = defaultdict(list)
    ids = list(entries)
    for chunk in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        events = db.execute(
            select(EVENTS.c.sale_id, EVENTS.c.at, EVENTS.c.to_state)
            .where(EVENTS.c.sale_id.in_(ids[chunk : chunk + 500]))
            .order_by(EVENTS.c.id)
        )
        for sale_id, at, to_state in events:
            timelines[sale_id].append((at, to_state))
    # Each sale's pending stretches [start, end) (end None: still pending).
    stretches: list[tuple[datetime, datetime | None, datetime]] = []
    for sale_id, entry in entries.items():
        timeline = timelines.get(sale_id) or [
            (entry.created_at, OutboxState.QUEUED),
            (entry.state_changed_at, entry.state),
        ]
        start: datetime | None = None
        for at, state in timeline:
            if state.pending and start is None:
                start = at
            elif not state.pending and start is not None:
                stretches.append((start, at, entry.created_at))
                start = None
        if start is not None:
            stretches.append((start, None, entry.created_at))
    return _sample(stretches, points)


def _sample(
    stretches: list[tuple[datetime, datetime | None, datetime]], points: list[datetime]
) -> tuple[QueuePoint, ...]:
    """How many stretches cover each point, and the earliest recorded among them: one sweep over the
    sorted starts and ends (the read holds the store's one thread: it must stay short on a busy day)."""
    by_start = sorted(stretches, key=lambda s: s[0])
    ends = sorted(end for _start, end, _recorded in stretches if end is not None)
    open_ones: list[tuple[datetime, float, int]] = []  # (recorded, end as a timestamp, tiebreak)
    started = 0
    result = []
    for at in points:
        while started < len(by_start) and by_start[started][0] <= at:
            _start, end, recorded = by_start[started]
            heapq.heappush(open_ones, (recorded, end.timestamp() if end else float("inf"), started))
            started += 1
        while open_ones and open_ones[0][1] <= at.timestamp():
            heapq.heappop(open_ones)  # ended by now: the oldest is among the rest
        waiting = started - bisect.bisect_right(ends, at)
        result.append(QueuePoint(at, waiting, open_ones[0][0] if waiting else None))
    return tuple(result)
