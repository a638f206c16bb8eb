"""Property: whatever KRA answers (signed, refused, no connection, answer lost before or after KRA
recorded the sale, send interrupted) the numbers KRA receives are 1, 2, 3, ... in order, no sale
is recorded twice, and in the end every sale that was not refused is signed exactly once."""

from __future__ import annotations

import asyncio
import itertools
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etims_desktop.domain.outbox import OutboxState, SignedReceipt, WaitReason

from .conftest import make_device, make_sale

OUTCOMES = [
    "enqueue",
    "sign",
    "refuse",
    "no_connection",
    "lost_recorded",
    "lost_not_recorded",
    "interrupted",
    "fix",
]
serials = itertools.count(1)


class FakeKra:
    """What KRA has recorded, in arrival order."""

    def __init__(self) -> None:
        self.recorded: dict[int, int] = {}  # invc_no -> sale id
        self.order: list[int] = []

    def record(self, number: int, sale_id: int) -> None:
        assert number not in self.recorded, "KRA would answer 994: a number reused"
        assert sale_id not in self.recorded.values(), "a sale recorded twice"
        self.recorded[number] = sale_id
        self.order.append(number)


async def scenario(store, clock, outcomes: list[str]) -> None:
    device = await store.add_device(make_device(f"PROP-{next(serials)}"))
    kra = FakeKra()
    invoices = itertools.count(1)

    async def enqueue() -> None:
        await store.enqueue_sale(device.id, make_sale(f"INV-{next(invoices)}"), Decimal("1"), Decimal("0"))

    async def step(outcome: str) -> None:
        if outcome == "enqueue":
            return await enqueue()
        if outcome == "fix":
            refused = await store.list_outbox(device.id, {OutboxState.NEEDS_FIX}, limit=1)
            if refused:
                await store.resend_sale(refused[0].sale_id)
            return None
        entry = await store.next_to_send(device.id, clock())
        if entry is None:
            return None
        if entry.state is OutboxState.UNCERTAIN and entry.invc_no in kra.recorded:
            assert kra.recorded[entry.invc_no] == entry.sale_id
            return await store.mark_signed(entry.id, SignedReceipt(invc_no=entry.invc_no))
        number = await store.assign_number(entry.id)
        if outcome == "sign":
            kra.record(number, entry.sale_id)
            await store.mark_signed(entry.id, SignedReceipt(invc_no=number))
        elif outcome == "refuse":
            await store.mark_needs_fix(entry.id, "910", "refused")
        elif outcome == "no_connection":
            await store.mark_waiting(entry.id, WaitReason.NO_INTERNET, None)
        elif outcome == "lost_recorded":
            kra.record(number, entry.sale_id)
            await store.mark_uncertain(entry.id, "no answer")
        elif outcome == "lost_not_recorded":
            await store.mark_uncertain(entry.id, "no answer")
        # "interrupted": nobody records the outcome; the entry stays SENDING
        return None

    for outcome in outcomes:
        await step(outcome)
    for _ in range(len(outcomes) * 2 + 2):  # KRA answers everything from now on
        await step("sign")

    assert kra.order == list(range(1, len(kra.order) + 1)), "KRA must receive numbers 1, 2, 3, ... in order"
    entries = await store.list_outbox(device.id, limit=1000)
    signed = {e.invc_no: e.sale_id for e in entries if e.state is OutboxState.SIGNED}
    assert signed == kra.recorded
    assert all(e.state in (OutboxState.SIGNED, OutboxState.NEEDS_FIX) for e in entries)
    assert await store.last_invc_no(device.id) == len(kra.order)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(outcomes=st.lists(st.sampled_from(OUTCOMES), max_size=25))
def test_numbers_reach_kra_in_order_whatever_happens(store, clock, outcomes):
    asyncio.run(scenario(store, clock, ["enqueue", *outcomes]))
