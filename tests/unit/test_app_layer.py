"""The application layer's use cases run on anything that fits their Protocols (no database needed)."""

from __future__ import annotations

import asyncio

from etims_desktop.app.board import BoardQuery
from etims_desktop.app.outbox_actions import OutboxActions
from etims_desktop.domain.outbox import CANCELLABLE_STATES, OutboxState, can_cancel


class FakeOutboxStore:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    async def resend_sale(self, sale_id: int) -> None:
        self.calls.append(("resend", sale_id))

    async def cancel_sale(self, sale_id: int) -> None:
        self.calls.append(("cancel", sale_id))

    async def confirm_recorded(self, sale_id: int) -> None:
        self.calls.append(("confirm", sale_id))

    async def send_again_same_number(self, sale_id: int) -> None:
        self.calls.append(("again", sale_id))


class EmptyBoardStore:
    async def board(self, include_retired: bool = False) -> list:
        return []


def test_outbox_actions_change_the_store_and_tell_the_engine():
    store, told = FakeOutboxStore(), []
    actions = OutboxActions(store, told.append)

    async def run() -> None:
        await actions.resend(1, 10)
        await actions.cancel(1, 11)
        await actions.kra_has_it(2, 12)
        await actions.send_again(2, 13)

    asyncio.run(run())
    assert store.calls == [("resend", 10), ("cancel", 11), ("confirm", 12), ("again", 13)]
    assert told == [1, 1, 2]  # a sale KRA has needs no sync


def test_the_board_query_reads_one_board():
    assert asyncio.run(BoardQuery(EmptyBoardStore()).entries()) == []


def test_one_cancellable_rule():
    assert CANCELLABLE_STATES == {OutboxState.NEEDS_FIX, OutboxState.QUEUED, OutboxState.WAITING}
    assert can_cancel(OutboxState.QUEUED, None) and not can_cancel(OutboxState.QUEUED, 7)
    assert not can_cancel(OutboxState.UNCERTAIN, None) and not can_cancel(OutboxState.SIGNED, None)
