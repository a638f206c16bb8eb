"""The Today read model (storage/today.py) on a real SQLite file: amounts as stored, credit notes taken
off, cancelled and practice sales left out, each device's queue rebuilt from the sales' state changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.outbox import SignedReceipt

from .conftest import make_device, make_sale

pytestmark = pytest.mark.anyio
T9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def record(store, device_id, number, total="116.00", tax="16.00", **kwargs) -> int:
    sold_at = kwargs.pop("sold_at", store.clock())
    sale_id, created = await store.enqueue_sale(
        device_id, make_sale(number, sold_at=sold_at, **kwargs), Decimal(total), Decimal(tax)
    )
    assert created
    return sale_id


async def send_next(store, device_id, clock):
    entry = await store.next_to_send(device_id, clock())
    number = await store.assign_number(entry.id)
    return entry, number


async def a_morning(store, clock):
    """09:00 two sales; 09:30 the first signed; 10:00 the second refused, a third recorded; 10:10 a
    fourth recorded and cancelled at 10:12; 10:30 a credit note for the first."""
    till = await store.add_device(make_device())
    s1 = await record(store, till.id, "INV-1")
    s2 = await record(store, till.id, "INV-2", total="50.00", tax="6.90")
    clock.advance(minutes=30)
    entry, number = await send_next(store, till.id, clock)
    assert entry.sale_id == s1
    await store.mark_signed(entry.id, SignedReceipt(invc_no=number))
    clock.advance(minutes=30)
    entry, _ = await send_next(store, till.id, clock)
    assert entry.sale_id == s2
    await store.mark_needs_fix(entry.id, "910", "refused")
    s3 = await record(store, till.id, "INV-3", total="200.00", tax="27.59")
    clock.advance(minutes=10)
    s4 = await record(store, till.id, "INV-4", total="999.00", tax="99.00")
    clock.advance(minutes=2)
    await store.cancel_sale(s4)
    clock.advance(minutes=18)
    cn = await record(store, till.id, "CN-1", original_sale_id=s1)
    return till, (s1, s2, s3, s4, cn)


async def test_sales_per_bucket_are_the_stored_amounts(store, clock):
    clock.now = T9
    till, _ = await a_morning(store, clock)
    # a practice device's sale never mixes with a real shop's figures
    practice = await store.add_device(
        Device(None, "Practice till", DeviceType.OSCU, "P051234567X", "00", "PRACTICE-1", practice=True)
    )
    await record(store, practice.id, "P-1", total="5000.00", tax="689.66", sold_at=T9)
    edges = [T9 + timedelta(hours=h) for h in range(3)]  # 09-10, 10-11
    activity = await store.activity({"hours": edges}, [])
    first, second = activity.buckets["hours"]
    assert (first.start, first.end) == (edges[0], edges[1])
    assert (first.sales, first.credit_notes, first.total, first.tax) == (
        2,
        0,
        Decimal("166.00"),
        Decimal("22.90"),
    )
    # INV-3 200.00, the credit note takes INV-1's 116.00 off; the cancelled INV-4 counts for nothing
    assert (second.sales, second.credit_notes, second.total, second.tax) == (
        1,
        1,
        Decimal("84.00"),
        Decimal("11.59"),
    )
    assert not activity.practice_only
    assert [q.name for q in activity.queues] == ["Till 1"]


async def test_each_device_queue_is_rebuilt_from_state_changes(store, clock):
    clock.now = T9
    till, _ = await a_morning(store, clock)
    points = [T9 + timedelta(minutes=m) for m in (-15, 15, 45, 75, 105)]
    (queue,) = (await store.activity({}, points)).queues
    assert queue.device_id == till.id
    told = [(p.waiting, p.oldest_recorded_at, p.oldest_age_seconds) for p in queue.points]
    assert told == [
        (0, None, 0.0),  # 08:45: nothing recorded yet
        (2, T9, 15 * 60),  # 09:15: both morning sales wait
        (1, T9, 45 * 60),  # 09:45: the first was signed at 09:30
        (1, T9 + timedelta(hours=1), 15 * 60),  # 10:15: refused at 10:00 (waits for a person, not KRA); INV-3
        (2, T9 + timedelta(hours=1), 45 * 60),  # 10:45: INV-3 and the credit note (INV-4 cancelled at 10:12)
    ]


async def test_only_practice_devices_show_their_sales(store, clock):
    clock.now = T9
    practice = await store.add_device(
        Device(None, "Practice till", DeviceType.OSCU, "P051234567X", "00", "PRACTICE-1", practice=True)
    )
    await record(store, practice.id, "P-1", total="5000.00", tax="689.66")
    activity = await store.activity({"days": [T9 - timedelta(hours=9), T9 + timedelta(hours=15)]}, [T9])
    assert activity.practice_only
    assert activity.buckets["days"][0].total == Decimal("5000.00")
    assert activity.queues[0].points[0].waiting == 1


async def test_a_retired_device_keeps_its_sales_but_has_no_queue(store, clock):
    clock.now = T9
    old = await store.add_device(make_device("SN-OLD", name="Old till"))
    await store.add_device(make_device("SN-NEW", name="New till"))
    await record(store, old.id, "OLD-1")
    entry, number = await send_next(store, old.id, clock)
    await store.mark_signed(entry.id, SignedReceipt(invc_no=number))
    await store.retire_device(old.id)
    activity = await store.activity({"h": [T9, T9 + timedelta(hours=1)]}, [T9])
    assert activity.buckets["h"][0].sales == 1
    assert [q.name for q in activity.queues] == ["New till"]


def brute_force(stretches, points):
    told = []
    for at in points:
        waiting = [
            recorded for start, end, recorded in stretches if start <= at and (end is None or at < end)
        ]
        told.append((len(waiting), min(waiting) if waiting else None))
    return told


def test_the_sweep_counts_as_a_plain_count_would():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from etims_desktop.storage.today import _sample

    minutes = st.integers(min_value=0, max_value=300)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(minutes, st.one_of(st.none(), minutes), minutes), max_size=40))
    def check(raw):
        stretches = [
            (
                T9 + timedelta(minutes=start),
                None if length is None else T9 + timedelta(minutes=start + length),
                T9 + timedelta(minutes=start - back),
            )
            for start, length, back in raw
        ]
        points = [T9 + timedelta(minutes=m) for m in range(0, 600, 7)]
        assert [(p.waiting, p.oldest_recorded_at) for p in _sample(stretches, points)] == brute_force(
            stretches, points
        )

    check()
