"""The Today tab's use case: sales per hour today and per day this month, and each device's queue over
the last hours - local calendar boundaries decided here, the figures read by storage/today.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Protocol

from etims_desktop.domain.clock import utcnow
from etims_desktop.storage.today import ActivityRecord, DeviceQueueHistory, QueuePoint, SalesBucket

__all__ = ["DeviceQueueHistory", "QueuePoint", "SalesBucket", "TodayQuery", "TodayView"]

QUEUE_HOURS = 12  # how far back the queue chart looks
QUEUE_STEP = timedelta(minutes=5)  # fine enough that a line between two points tells no tale
OPENING_HOUR = 7  # the hour chart starts here at the latest, so a quiet morning still shows a day
HOURS, DAYS = "hours", "days"


class ActivityStore(Protocol):
    async def activity(
        self, bucket_edges: dict[str, Sequence[datetime]], queue_points: Sequence[datetime]
    ) -> ActivityRecord: ...


@dataclass(frozen=True)
class TodayView:
    now: datetime  # local
    hours: tuple[SalesBucket, ...]  # today, from opening (or the first sale) to this hour; local starts
    days: tuple[SalesBucket, ...]  # the 1st of this month to today; local starts
    queues: tuple[DeviceQueueHistory, ...]  # points at local times
    practice_only: bool = False

    @property
    def today(self) -> SalesBucket:
        return _sum(self.hours)

    @property
    def month(self) -> SalesBucket:
        return _sum(self.days)


def _sum(buckets: Sequence[SalesBucket]) -> SalesBucket:
    if not buckets:
        return SalesBucket(datetime.min.replace(tzinfo=UTC), datetime.min.replace(tzinfo=UTC))
    return SalesBucket(
        buckets[0].start,
        buckets[-1].end,
        sum(b.sales for b in buckets),
        sum(b.credit_notes for b in buckets),
        sum((b.total for b in buckets), Decimal("0")),
        sum((b.tax for b in buckets), Decimal("0")),
    )


def _local(naive: datetime, zone: tzinfo | None) -> datetime:
    """A wall-clock time in `zone` (None: this computer's zone, daylight saving included)."""
    return naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()


class TodayQuery:
    def __init__(
        self, store: ActivityStore, clock: Callable[[], datetime] = utcnow, zone: tzinfo | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.zone = zone

    async def view(self) -> TodayView:
        now = self.clock().astimezone(self.zone) if self.zone else self.clock().astimezone()
        today = now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
        hour_edges = [_local(today + timedelta(hours=h), self.zone) for h in range(25)]
        day_edges = [
            _local(today.replace(day=1) + timedelta(days=d), self.zone) for d in range(today.day + 1)
        ]
        steps = int(timedelta(hours=QUEUE_HOURS) / QUEUE_STEP)
        points = [now - QUEUE_STEP * k for k in range(steps, -1, -1)]
        record = await self.store.activity(
            {HOURS: [e.astimezone(UTC) for e in hour_edges], DAYS: [e.astimezone(UTC) for e in day_edges]},
            [p.astimezone(UTC) for p in points],
        )
        zone = now.tzinfo
        hours = tuple(_in_zone(b, zone) for b in record.buckets.get(HOURS, ()))
        days = tuple(_in_zone(b, zone) for b in record.buckets.get(DAYS, ()))
        queues = tuple(
            DeviceQueueHistory(
                q.device_id,
                q.name,
                tuple(QueuePoint(p.at.astimezone(zone), p.waiting, p.oldest_recorded_at) for p in q.points),
            )
            for q in record.queues
        )
        return TodayView(now, _shown_hours(hours, now), days, queues, record.practice_only)


def _in_zone(bucket: SalesBucket, zone: tzinfo | None) -> SalesBucket:
    return SalesBucket(
        bucket.start.astimezone(zone),
        bucket.end.astimezone(zone),
        bucket.sales,
        bucket.credit_notes,
        bucket.total,
        bucket.tax,
    )


def _shown_hours(hours: tuple[SalesBucket, ...], now: datetime) -> tuple[SalesBucket, ...]:
    """From opening time (or the first sale, if earlier) to this hour (or the last sale, if later)."""
    busy = [i for i, b in enumerate(hours) if b.sales or b.credit_notes]
    first = min([OPENING_HOUR, now.hour, *busy[:1]])
    last = max([now.hour, *busy[-1:]])
    return hours[first : last + 1]
