"""Devices: identity, initialisation, status, errors, pauses, removal."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from etims_desktop.domain.device import DeviceType, EndpointStyle, Environment
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.outbox import SignedReceipt
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.storage.errors import NotFound

from .conftest import enqueue, make_device

pytestmark = pytest.mark.anyio


async def test_add_get_list(store):
    device = await store.add_device(make_device(type=DeviceType.VSCU))
    assert device.id is not None and device.type is DeviceType.VSCU and not device.initialised
    assert await store.get_device(device.id) == device
    second = await store.add_device(make_device("SN-2", name="Till 2"))
    assert [d.name for d in await store.list_devices()] == ["Till 1", "Till 2"]
    assert second.id != device.id
    with pytest.raises(NotFound):
        await store.get_device(999)


async def test_the_same_device_twice_is_refused(store):
    await store.add_device(make_device())
    with pytest.raises(DomainValidationError, match="already added") as exc:
        await store.add_device(make_device(name="Another name"))
    assert exc.value.field == "serial"
    production = replace(make_device(), environment=Environment.PRODUCTION)
    assert (await store.add_device(production)).environment is Environment.PRODUCTION


async def test_initialise_and_update(store):
    device = await store.add_device(make_device())
    initialised = await store.set_initialised(device.id, "KRACU0100000001", "WIS01000001")
    assert (
        initialised.initialised
        and initialised.scu_id == "KRACU0100000001"
        and initialised.mrc_no == "WIS01000001"
    )
    renamed = await store.update_device(
        replace(initialised, name="Front till", endpoint_style=EndpointStyle.NESTED)
    )
    assert renamed.name == "Front till" and renamed.endpoint_style is EndpointStyle.NESTED
    assert renamed.scu_id == "KRACU0100000001"
    with pytest.raises(DomainValidationError, match="cannot change"):
        await store.update_device(replace(renamed, serial="SN-9"))


async def test_status_round_trip(store, clock):
    device = await store.add_device(make_device())
    assert await store.get_status(device.id) == DeviceStatus()  # never checked
    status = DeviceStatus(
        StatusKind.KEY_REJECTED, clock(), None, "901", "KRA does not accept the key.", "Re-enter it."
    )
    await store.save_status(device.id, status)
    assert await store.get_status(device.id) == status
    online = DeviceStatus(StatusKind.ONLINE, clock(), 42.5)
    await store.save_status(device.id, online)
    assert await store.get_status(device.id) == online


async def test_sync_success_errors_and_pause(store, clock):
    device = await store.add_device(make_device())
    await store.record_sync_success(device.id, clock())
    assert await store.last_sync_at(device.id) == clock()
    await store.record_device_error(device.id, "994", "Numbers out of step.", "Ask support.")
    assert await store.last_device_error(device.id) == ("994", "Numbers out of step.", "Ask support.")
    await store.record_device_error(device.id, None, None, None)
    assert await store.last_device_error(device.id) == (None, None, None)
    until = clock() + timedelta(seconds=30)
    await store.set_paused_until(device.id, until)
    assert await store.paused_until(device.id) == until


async def test_a_device_with_unsigned_sales_is_neither_retired_nor_deleted(store):
    device = await store.add_device(make_device())
    await enqueue(store, device.id, "INV-1")
    refused = await enqueue(store, device.id, "INV-2")
    await store.assign_number(refused)
    await store.mark_needs_fix(refused, "910", "Bad item")
    for attempt in (store.retire_device, store.delete_device):
        with pytest.raises(DomainValidationError) as exc:
            await attempt(device.id)
        assert "2 sale(s) not signed by KRA yet" in str(exc.value)
        assert "1 still on the way to KRA" in str(exc.value) and "1 refused by KRA" in str(exc.value)
    assert [d.id for d in await store.list_devices()] == [device.id]


async def test_a_device_that_signed_sales_is_retired_never_deleted(store, clock):
    device = await store.add_device(make_device())
    other = await store.add_device(make_device("SN-2", name="Till 2"))
    sale_id = await enqueue(store, device.id, "INV-1")
    await store.assign_number(sale_id)
    await store.mark_signed(sale_id, SignedReceipt(invc_no=1, signature="ABCDEFGHIJKLMNOP"))
    with pytest.raises(DomainValidationError, match="tax records are never deleted"):
        await store.delete_device(device.id)

    retired = await store.retire_device(device.id)
    assert retired.retired and retired.retired_at == clock()
    assert [d.id for d in await store.list_devices()] == [other.id]  # hidden from the board, sync, pickers
    assert [d.id for d in await store.list_devices(include_retired=True)] == [device.id, other.id]
    # Its records stay, readable and reprintable.
    entry = await store.get_entry(sale_id)
    assert entry.receipt.signature == "ABCDEFGHIJKLMNOP"
    assert (await store.signed_document(sale_id)).device_name == "Till 1"
    # It records and sends nothing any more.
    with pytest.raises(DomainValidationError, match="retired"):
        await enqueue(store, device.id, "INV-2")
    assert await store.claim_next(device.id, clock()) is None
    assert (await store.retire_device(device.id)).retired_at == retired.retired_at  # twice: no change


async def test_a_device_without_signed_sales_is_deleted_with_its_cancelled_sales(store):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    await store.cancel_sale(sale_id)
    await store.delete_device(device.id)
    assert await store.list_devices(include_retired=True) == []
    with pytest.raises(NotFound):
        await store.get_entry(sale_id)


async def test_invoice_counter_can_be_aligned_only_when_nothing_is_in_flight(store):
    device = await store.add_device(make_device())
    await store.set_last_invc_no(device.id, 41)
    sale_id = await enqueue(store, device.id, "INV-1")
    assert await store.assign_number(sale_id) == 42
    with pytest.raises(DomainValidationError, match="still on its way"):
        await store.set_last_invc_no(device.id, 100)
    await store.mark_signed(sale_id, SignedReceipt(invc_no=42))
    with pytest.raises(DomainValidationError, match="already used"):
        await store.set_last_invc_no(device.id, 10)
    await store.set_last_invc_no(device.id, 100)
    assert await store.last_invc_no(device.id) == 100


async def test_the_board_reads_each_device_row_once_whatever_the_number_of_devices(store, clock):
    """A board load (every few seconds during a Sync) reads the device rows in one statement and takes
    status, last success and last error from them: its statements do not grow with the devices."""
    from sqlalchemy import event

    async def statements_of_a_board_load() -> tuple[int, list]:
        seen = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
        event.listen(store.engine, "before_cursor_execute", listener)
        try:
            board = await store.board()
        finally:
            event.remove(store.engine, "before_cursor_execute", listener)
        return len(seen), board

    first = await store.add_device(make_device())
    await store.save_status(first.id, DeviceStatus(StatusKind.ONLINE, clock.now, 42))
    await store.record_sync_success(first.id, clock.now)
    await store.record_device_error(first.id, "901", "KRA refused the key", "Check the CMC key")
    few, board = await statements_of_a_board_load()
    for n in range(2, 7):
        await store.add_device(make_device(f"SN-{n}", name=f"Till {n}"))
    many, board = await statements_of_a_board_load()
    assert many == few
    till1 = board[0]
    assert till1.status.kind is StatusKind.ONLINE and till1.status.rtt_ms == 42
    assert till1.last_success_at == clock.now
    assert till1.last_error == ("901", "KRA refused the key", "Check the CMC key")
    assert [record.device.name for record in board] == [f"Till {n}" for n in range(1, 7)]
