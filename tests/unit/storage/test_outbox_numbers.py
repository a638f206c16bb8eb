"""eTIMS numbering: gap-free, write-ahead, given back on rejection, never overtaken; signed is final."""

from __future__ import annotations

from datetime import timedelta

import pytest

from etims_desktop.domain.outbox import OutboxState, SignedReceipt, WaitReason
from etims_desktop.storage.errors import OutboxStateError
from etims_desktop.storage.store import Store

from .conftest import enqueue, make_device

pytestmark = pytest.mark.anyio


def receipt(invc_no: int, **kwargs) -> SignedReceipt:
    return SignedReceipt(
        invc_no=invc_no, receipt_no=invc_no, total_receipt_no=invc_no, signature="S" * 16, **kwargs
    )


async def send_and_sign(store: Store, device_id: int, now) -> int:
    entry = await store.next_to_send(device_id, now)
    number = await store.assign_number(entry.id)
    await store.mark_signed(entry.id, receipt(number))
    return number


async def test_numbers_are_gap_free_and_increasing(store, clock):
    device = await store.add_device(make_device())
    for n in range(5):
        await enqueue(store, device.id, f"INV-{n}")
    numbers = [await send_and_sign(store, device.id, clock()) for _ in range(5)]
    assert numbers == [1, 2, 3, 4, 5]
    assert await store.last_invc_no(device.id) == 5
    assert await store.next_to_send(device.id, clock()) is None


async def test_numbers_are_per_device(store, clock):
    till1 = await store.add_device(make_device("SN-1"))
    till2 = await store.add_device(make_device("SN-2"))
    await enqueue(store, till1.id, "A")
    await enqueue(store, till2.id, "A")
    assert await send_and_sign(store, till1.id, clock()) == 1
    assert await send_and_sign(store, till2.id, clock()) == 1


async def test_assign_number_is_write_ahead_and_idempotent(store, db_path, clock):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    entry = await store.next_to_send(device.id, clock())
    assert entry.id == entry.sale_id == sale_id
    number = await store.assign_number(entry.id)
    assert number == 1
    assert await store.assign_number(entry.id) == 1  # asked again: the same number, no new one
    assert await store.last_invc_no(device.id) == 1
    # The number is committed: another connection (another process) sees it, in SENDING.
    other = Store.open(db_path, clock=clock)
    try:
        seen = await other.get_entry(sale_id)
    finally:
        await other.aclose()
    assert seen.invc_no == 1


async def test_rejection_gives_the_number_back(store, clock):
    device = await store.add_device(make_device())
    first = await enqueue(store, device.id, "INV-1")
    second = await enqueue(store, device.id, "INV-2")
    entry = await store.next_to_send(device.id, clock())
    assert entry.sale_id == first
    assert await store.assign_number(entry.id) == 1
    await store.mark_needs_fix(entry.id, "910", "The buyer PIN is not valid.")

    rejected = await store.get_entry(first)
    assert rejected.state is OutboxState.NEEDS_FIX and rejected.invc_no is None
    assert rejected.last_error_code == "910" and rejected.last_error_message == "The buyer PIN is not valid."
    assert await store.last_invc_no(device.id) == 0
    # The next sale reuses number 1: no gap.
    entry = await store.next_to_send(device.id, clock())
    assert entry.sale_id == second
    assert await store.assign_number(entry.id) == 1
    history = await store.history(first)
    assert (
        history[-1].to_state is OutboxState.NEEDS_FIX and history[-1].reason == "The buyer PIN is not valid."
    )


async def test_nothing_overtakes_a_numbered_sale(store, clock):
    device = await store.add_device(make_device())
    first = await enqueue(store, device.id, "INV-1")
    second = await enqueue(store, device.id, "INV-2")
    entry = await store.next_to_send(device.id, clock())
    await store.assign_number(entry.id)
    later = clock() + timedelta(minutes=5)
    await store.mark_waiting(entry.id, WaitReason.NO_INTERNET, later, "CONNECT", "No internet connection.")

    waiting = await store.get_entry(first)
    assert (
        waiting.state is OutboxState.WAITING and waiting.invc_no == 1
    )  # a send that never left: number kept
    assert waiting.attempts == 1 and waiting.wait_reason is WaitReason.NO_INTERNET
    assert await store.next_to_send(device.id, clock()) is None  # sale 2 must not overtake number 1
    with pytest.raises(OutboxStateError, match="nothing may overtake"):
        await store.assign_number(second)
    due = await store.next_to_send(device.id, later)
    assert due.sale_id == first and due.invc_no == 1
    assert await store.assign_number(due.id) == 1


async def test_uncertain_comes_first(store, clock):
    device = await store.add_device(make_device())
    first = await enqueue(store, device.id, "INV-1")
    await enqueue(store, device.id, "INV-2")
    entry = await store.next_to_send(device.id, clock())
    await store.assign_number(entry.id)
    await store.mark_uncertain(entry.id, "KRA did not answer in time.")
    again = await store.next_to_send(device.id, clock())
    assert again.sale_id == first and again.state is OutboxState.UNCERTAIN and again.invc_no == 1
    assert again.attempts == 1
    # Resolved by resending with the same number: still number 1.
    assert await store.assign_number(again.id) == 1
    await store.mark_signed(again.id, receipt(1))
    assert await send_and_sign(store, device.id, clock()) == 2


async def test_an_interrupted_send_becomes_uncertain(store, clock):
    """A SENDING entry seen by next_to_send was never resolved (e.g. the task was cancelled)."""
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    entry = await store.next_to_send(device.id, clock())
    await store.assign_number(entry.id)
    again = await store.next_to_send(device.id, clock())
    assert again.sale_id == sale_id and again.state is OutboxState.UNCERTAIN and again.invc_no == 1


async def test_paused_device_sends_nothing(store, clock):
    device = await store.add_device(make_device())
    await enqueue(store, device.id, "INV-1")
    until = clock() + timedelta(seconds=60)
    await store.set_paused_until(device.id, until)
    assert await store.next_to_send(device.id, clock()) is None
    assert (await store.next_to_send(device.id, until)).state is OutboxState.QUEUED
    await store.set_paused_until(device.id, None)
    assert await store.next_to_send(device.id, clock()) is not None


async def test_signed_is_final(store, clock):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    await send_and_sign(store, device.id, clock())
    for change in (
        store.mark_needs_fix(sale_id, "910", "x"),
        store.mark_uncertain(sale_id, "x"),
        store.mark_waiting(sale_id, WaitReason.NO_INTERNET, None),
        store.mark_signed(sale_id, receipt(1)),
        store.assign_number(sale_id),
    ):
        with pytest.raises(OutboxStateError, match="final"):
            await change
    entry = await store.get_entry(sale_id)
    assert entry.state is OutboxState.SIGNED and entry.invc_no == 1
    assert entry.receipt == receipt(1)
    assert await store.last_invc_no(device.id) == 1


async def test_recorded_but_receipt_unavailable(store, clock):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    entry = await store.next_to_send(device.id, clock())
    await store.assign_number(entry.id)
    await store.mark_signed(entry.id, SignedReceipt(invc_no=1, complete=False))
    signed = await store.get_entry(sale_id)
    assert signed.state is OutboxState.SIGNED
    assert signed.receipt == SignedReceipt(invc_no=1, complete=False)
    assert "not available" in (await store.history(sale_id))[-1].reason


async def test_receipt_must_match_the_number(store, clock):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    with pytest.raises(OutboxStateError):
        await store.mark_signed(sale_id, receipt(1))  # never numbered
    await store.assign_number(sale_id)
    with pytest.raises(OutboxStateError, match="does not match"):
        await store.mark_signed(sale_id, receipt(7))
    with pytest.raises(OutboxStateError, match="never numbered"):
        await store.mark_uncertain(await enqueue(store, device.id, "INV-2"), "x")


async def test_reopen_turns_sending_into_uncertain(db_path, clock):
    store = Store.open(db_path, clock=clock)
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    await store.assign_number(sale_id)
    await store.aclose()  # as if killed mid-send: the entry is left SENDING

    reopened = Store.open(db_path, clock=clock)
    try:
        assert reopened.recovered_at_open == 1
        entry = await reopened.get_entry(sale_id)
        assert entry.state is OutboxState.UNCERTAIN and entry.invc_no == 1
        last = (await reopened.history(sale_id))[-1]
        assert (last.from_state, last.to_state) == (OutboxState.SENDING, OutboxState.UNCERTAIN)
        assert last.reason.startswith("app stopped mid-send")
        assert (await reopened.next_to_send(device.id, clock())).sale_id == sale_id
    finally:
        await reopened.aclose()


async def test_a_drain_starts_with_one_store_call(store, db_path, clock):
    """start_drain: counts as they were, the device's tax rates, and the first sale claimed (write-ahead)."""
    device = await store.add_device(make_device())
    for n in range(3):
        await enqueue(store, device.id, f"INV-{n}")
    looked = await store.start_drain(device.id, clock(), claim=False)
    assert looked.first is None and await store.last_invc_no(device.id) == 0  # nothing claimed
    start = await store.start_drain(device.id, clock())
    assert {state: n for state, n in start.counts.items() if n} == {OutboxState.QUEUED: 3}
    assert start.tax_rates == await store.tax_rates(device.id)
    assert (start.first.invc_no, start.first.state) == (1, OutboxState.SENDING)
    other = Store.open(db_path, clock=clock)  # committed: another process sees the number
    try:
        assert await other.last_invc_no(device.id) == 1
    finally:
        await other.aclose()


async def test_signing_and_claiming_the_next_is_all_or_nothing(store, clock):
    device = await store.add_device(make_device())
    for n in range(2):
        await enqueue(store, device.id, f"INV-{n}")
    first = await store.claim_next(device.id, clock())
    second = await store.sign_and_claim_next(first.id, receipt(1), device.id, clock())
    assert (second.invc_no, second.state) == (2, OutboxState.SENDING)
    assert await store.sign_and_claim_next(second.id, receipt(2), device.id, clock()) is None  # queue empty
    assert {state: n for state, n in (await store.outbox_counts(device.id)).items() if n} == {
        OutboxState.SIGNED: 2
    }
    # A receipt for the wrong number fails the whole transaction: nothing claimed, nothing signed.
    await enqueue(store, device.id, "INV-2")
    third = await store.claim_next(device.id, clock())
    await enqueue(store, device.id, "INV-3")
    with pytest.raises(OutboxStateError):
        await store.sign_and_claim_next(third.id, receipt(99), device.id, clock())
    assert await store.last_invc_no(device.id) == 3
    assert (await store.outbox_counts(device.id))[OutboxState.SENDING] == 1
