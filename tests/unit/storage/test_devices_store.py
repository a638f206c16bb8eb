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


async def test_remove_refused_while_sales_are_pending(store, clock):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    with pytest.raises(DomainValidationError, match="1 sale"):
        await store.remove_device(device.id)
    await store.assign_number(sale_id)
    await store.mark_signed(sale_id, SignedReceipt(invc_no=1))
    await store.remove_device(device.id)
    assert await store.list_devices() == []
    assert await store.pending_summary() == {}


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
