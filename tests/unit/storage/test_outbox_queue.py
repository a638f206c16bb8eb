"""Recording sales, queue order, credit notes, cancel/resend, history and the board's figures."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.outbox import OutboxState, SignedReceipt, WaitReason
from etims_desktop.storage.errors import NotFound
from etims_desktop.storage.models import SaleLineRow, SaleRow

from .conftest import enqueue, make_device, make_sale

pytestmark = pytest.mark.anyio
S = OutboxState


async def sign_next(store, device_id, now) -> int:
    entry = await store.next_to_send(device_id, now)
    number = await store.assign_number(entry.id)
    await store.mark_signed(entry.id, SignedReceipt(invc_no=number))
    return entry.sale_id


def row_count(store, model) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model))


async def test_enqueue_is_idempotent_per_device(store):
    device = await store.add_device(make_device())
    other = await store.add_device(make_device("SN-2"))
    sale = make_sale("INV-1")
    first = await store.enqueue_sale(device.id, sale, Decimal("116.00"), Decimal("16.00"))
    again = await store.enqueue_sale(device.id, make_sale("INV-1", qty="9"), Decimal("1"), Decimal("0"))
    assert first[1] is True and again == (first[0], False)
    assert (await store.get_entry(first[0])).sale == sale  # the second call wrote nothing
    assert row_count(store, SaleRow) == 1
    assert (await store.enqueue_sale(other.id, sale, Decimal("116.00"), Decimal("16.00")))[1] is True


async def test_sale_round_trips_exactly(store):
    device = await store.add_device(make_device())
    sale = make_sale("INV-1", qty="2.125", price="0.10")
    sale_id = await enqueue(store, device.id, "INV-1", qty="2.125", price="0.10")
    entry = await store.get_entry(sale_id)
    assert entry.sale == sale
    assert entry.sale.lines[0].qty == Decimal("2.125") and str(entry.sale.lines[0].unit_price) == "0.10"
    assert entry.state is S.QUEUED and entry.device_id == device.id and entry.invc_no is None
    assert entry.created_at.tzinfo is not None


async def test_enqueue_sales_is_all_or_nothing(store):
    device = await store.add_device(make_device())
    good = [(make_sale(f"INV-{n}"), Decimal("116.00"), Decimal("16.00")) for n in range(3)]
    bad = (make_sale("CN-1", original_sale_id=9999), Decimal("116.00"), Decimal("16.00"))
    with pytest.raises(DomainValidationError, match="credit note"):
        await store.enqueue_sales(device.id, [*good, bad])
    assert row_count(store, SaleRow) == 0 and row_count(store, SaleLineRow) == 0
    assert (await store.pending_summary())[device.id].pending == 0

    results = await store.enqueue_sales(device.id, [*good, good[0]])
    assert [created for _, created in results] == [True, True, True, False]
    assert results[3][0] == results[0][0]  # the repeat inside the batch maps to the first
    again = await store.enqueue_sales(device.id, good)
    assert again == [(sale_id, False) for sale_id, _ in results[:3]]
    assert (await store.pending_summary())[device.id].pending == 3


async def test_oldest_first(store, clock):
    device = await store.add_device(make_device())
    ids = [await enqueue(store, device.id, f"INV-{n}") for n in range(3)]
    assert [await sign_next(store, device.id, clock()) for _ in ids] == ids


async def test_unnumbered_waiting_sale_is_retried_when_due(store, clock):
    """E.g. its item could not be registered yet: it waits, the next sale may go first."""
    device = await store.add_device(make_device())
    first = await enqueue(store, device.id, "INV-1")
    second = await enqueue(store, device.id, "INV-2")
    later = clock() + timedelta(minutes=1)
    await store.mark_waiting(first, WaitReason.KRA_UNAVAILABLE, later, "999", "KRA had a fault.")
    assert (await store.next_to_send(device.id, clock())).sale_id == second
    assert (await store.next_to_send(device.id, later)).sale_id == first  # due again, and older


async def test_credit_note_waits_for_its_original(store, clock):
    device = await store.add_device(make_device())
    original = await enqueue(store, device.id, "INV-1")
    await store.mark_waiting(original, WaitReason.NO_INTERNET, clock() + timedelta(hours=1))
    credit = await enqueue(store, device.id, "CN-1", original_sale_id=original)
    after = await enqueue(store, device.id, "INV-2")

    assert (await store.next_to_send(device.id, clock())).sale_id == after  # the credit note is skipped
    parked = await store.get_entry(credit)
    assert parked.state is S.WAITING and parked.wait_reason is WaitReason.ORIGINAL_NOT_SIGNED
    assert parked.original_invc_no is None
    await store.mark_signed(after, SignedReceipt(invc_no=await store.assign_number(after)))

    later = clock() + timedelta(hours=1)
    assert (await store.next_to_send(device.id, later)).sale_id == original
    number = await store.assign_number(original)
    await store.mark_signed(original, SignedReceipt(invc_no=number))
    entry = await store.next_to_send(device.id, later)
    assert entry.sale_id == credit and entry.original_invc_no == number == 2
    assert entry.sale.is_credit_note and entry.sale.original_sale_id == original
    assert await store.credited_quantities(original) == {"KE2NTU0000001": Decimal("1")}


async def test_credit_note_for_another_device_is_refused(store):
    till1 = await store.add_device(make_device("SN-1"))
    till2 = await store.add_device(make_device("SN-2"))
    original = await enqueue(store, till1.id, "INV-1")
    with pytest.raises(DomainValidationError, match="not recorded on this device"):
        await enqueue(store, till2.id, "CN-1", original_sale_id=original)


async def test_cancel_rules(store, clock):
    device = await store.add_device(make_device())
    queued = await enqueue(store, device.id, "INV-1")
    await store.cancel_sale(queued)
    assert (await store.get_entry(queued)).state is S.CANCELLED
    await store.cancel_sale(queued)  # already cancelled: nothing to do

    numbered = await enqueue(store, device.id, "INV-2")
    await store.assign_number(numbered)
    await store.mark_waiting(numbered, WaitReason.NO_INTERNET, None)
    with pytest.raises(DomainValidationError, match="eTIMS number 1"):
        await store.cancel_sale(numbered)
    await store.mark_signed(numbered, SignedReceipt(invc_no=1))
    with pytest.raises(DomainValidationError, match="credit note"):
        await store.cancel_sale(numbered)

    refused = await enqueue(store, device.id, "INV-3")
    await store.assign_number(refused)
    await store.mark_needs_fix(refused, "910", "Bad item class.")
    await store.cancel_sale(refused)
    assert [c.to_state for c in await store.history(refused)] == [
        S.QUEUED,
        S.SENDING,
        S.NEEDS_FIX,
        S.CANCELLED,
    ]
    with pytest.raises(NotFound):
        await store.cancel_sale(12345)


async def test_sale_with_live_credit_notes_cannot_be_cancelled(store):
    device = await store.add_device(make_device())
    original = await enqueue(store, device.id, "INV-1")
    credit = await enqueue(store, device.id, "CN-1", original_sale_id=original)
    with pytest.raises(DomainValidationError, match="Credit notes"):
        await store.cancel_sale(original)
    await store.cancel_sale(credit)
    await store.cancel_sale(original)
    assert await store.credited_quantities(original) == {}


async def test_resend_goes_to_the_back_with_corrections(store, clock):
    device = await store.add_device(make_device())
    refused = await enqueue(store, device.id, "INV-1")
    other = await enqueue(store, device.id, "INV-2")
    await store.assign_number(refused)
    await store.mark_needs_fix(refused, "910", "Bad quantity.")
    with pytest.raises(DomainValidationError, match="Only a sale that needs your fix"):
        await store.resend_sale(other)

    corrected = make_sale("INV-1", qty="3")
    await store.resend_sale(refused, corrected, Decimal("348.00"), Decimal("48.00"))
    entry = await store.get_entry(refused)
    assert entry.state is S.QUEUED and entry.sale == corrected and entry.attempts == 0
    assert entry.last_error_code is None
    assert row_count(store, SaleLineRow) == 2  # the old line was replaced, not added to
    assert [await sign_next(store, device.id, clock()) for _ in range(2)] == [other, refused]
    assert (await store.history(refused))[-3].reason == "corrected and queued again"


async def test_resend_cannot_take_another_sales_number(store):
    device = await store.add_device(make_device())
    refused = await enqueue(store, device.id, "INV-1")
    await enqueue(store, device.id, "INV-2")
    await store.mark_needs_fix(refused, None, "Fix it.")
    with pytest.raises(DomainValidationError, match="already used"):
        await store.resend_sale(refused, make_sale("INV-2"), Decimal("1"), Decimal("0"))


async def test_every_state_change_is_recorded(store, clock):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    await store.assign_number(sale_id)
    clock.advance(seconds=30)
    await store.mark_uncertain(sale_id, "No answer from KRA.")
    clock.advance(seconds=30)
    await store.assign_number(sale_id)
    await store.mark_signed(sale_id, SignedReceipt(invc_no=1))
    changes = await store.history(sale_id)
    assert [(c.from_state, c.to_state) for c in changes] == [
        (None, S.QUEUED),
        (S.QUEUED, S.SENDING),
        (S.SENDING, S.UNCERTAIN),
        (S.UNCERTAIN, S.SENDING),
        (S.SENDING, S.SIGNED),
    ]
    assert changes[2].reason == "No answer from KRA." and changes[2].at == clock() - timedelta(seconds=30)
    assert all(c.at.tzinfo is not None for c in changes)


async def test_list_outbox_filters_and_pages(store, clock):
    till1 = await store.add_device(make_device("SN-1"))
    till2 = await store.add_device(make_device("SN-2"))
    ids = [await enqueue(store, till1.id, f"INV-{n}") for n in range(5)]
    await enqueue(store, till2.id, "X-1")
    await sign_next(store, till1.id, clock())

    listed = await store.list_outbox(till1.id)
    assert [e.sale_id for e in listed] == ids[::-1]  # newest first
    assert [e.sale_id for e in await store.list_outbox(till1.id, limit=2, offset=1)] == ids[3:1:-1]
    assert [e.sale_id for e in await store.list_outbox(till1.id, {S.SIGNED})] == [ids[0]]
    assert listed[-1].receipt == SignedReceipt(invc_no=1)
    assert len(await store.list_outbox()) == 6
    assert len(await store.list_outbox(states={S.QUEUED})) == 5


async def test_counts_and_pending_summary(store, clock):
    device = await store.add_device(make_device())
    empty = await store.add_device(make_device("SN-2"))
    first = await enqueue(store, device.id, "INV-1")
    clock.advance(minutes=10)
    for n in range(2, 5):
        await enqueue(store, device.id, f"INV-{n}")
    await sign_next(store, device.id, clock())  # INV-1
    second = await store.next_to_send(device.id, clock())
    await store.mark_needs_fix(second.id, "910", "x")

    counts = await store.outbox_counts(device.id)
    assert counts[S.SIGNED] == 1 and counts[S.NEEDS_FIX] == 1 and counts[S.QUEUED] == 2
    assert set(counts) == set(OutboxState) and counts[S.CANCELLED] == 0
    summary = (await store.pending_summary())[device.id]
    assert summary.pending == 2 and summary.needs_fix == 1
    assert summary.oldest_pending_at == clock()  # INV-1 (older) is signed now
    assert (await store.pending_summary())[empty.id].pending == 0
    assert (await store.pending_summary())[empty.id].oldest_pending_at is None
    assert await store.signed_count_since(device.id, clock() - timedelta(minutes=1)) == 1
    assert await store.signed_count_since(device.id, clock() + timedelta(minutes=1)) == 0
    assert (await store.get_entry(first)).state is S.SIGNED


async def test_credit_note_may_correct_a_sale_of_the_same_batch(store):
    device = await store.add_device(make_device())
    first = await enqueue(store, device.id, "INV-1")
    batch = [
        (make_sale("INV-2"), Decimal("116.00"), Decimal("16.00")),
        (make_sale("CN-2", original_sale_id=first + 1), Decimal("116.00"), Decimal("16.00")),
    ]
    (sale_id, _), (credit_id, _) = await store.enqueue_sales(device.id, batch)
    assert sale_id == first + 1
    assert (await store.get_entry(credit_id)).sale.original_sale_id == sale_id


async def test_list_outbox_merges_states_across_devices_in_order(store, clock):
    till1 = await store.add_device(make_device("SN-1"))
    till2 = await store.add_device(make_device("SN-2"))
    ids = []
    for n in range(6):
        ids.append(await enqueue(store, (till1 if n % 2 else till2).id, f"INV-{n}"))
    await store.mark_needs_fix(ids[1], None, "x")
    await store.mark_needs_fix(ids[4], None, "x")
    await store.cancel_sale(ids[2])
    wanted = {S.QUEUED, S.NEEDS_FIX}
    everything = [e.sale_id for e in await store.list_outbox(states=wanted)]
    assert everything == [ids[5], ids[4], ids[3], ids[1], ids[0]]
    pages = [
        [e.sale_id for e in await store.list_outbox(states=wanted, limit=2, offset=o)] for o in (0, 2, 4)
    ]
    assert pages == [everything[0:2], everything[2:4], everything[4:]]
    assert await store.list_outbox(states=set()) == []
