"""A gateway device end to end: set-up, initialisation, sales and lookups through the simulator's gateway."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sync_shop import PIN, open_shop

from etims_desktop.app.devices import DeviceSetupError
from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import StatusKind
from etims_desktop.kra.simulator import Simulator, SimulatorConfig


@pytest.fixture
def gateway():
    with Simulator(SimulatorConfig(mode="gateway", insufficient_stock=False)) as sim:
        yield sim


def gateway_device(sim: Simulator, serial: str = "GW1") -> Device:
    sim.approve(PIN, "00", serial, DeviceType.OSCU)
    return Device(
        None,
        "Gateway till",
        DeviceType.OSCU,
        PIN,
        "00",
        serial,
        Environment.CUSTOM,
        sim.api_url,
        EndpointStyle.GATEWAY,
    )


def credentials(sim: Simulator, **overrides) -> GatewayCredentials:
    key, secret, app_id = sim.gateway_credentials
    values = {"consumer_key": key, "consumer_secret": secret, "apigee_app_id": app_id}
    return GatewayCredentials(**(values | {"integration_token": "INTEGRATION-TOKEN-123456"} | overrides))


def test_gateway_device_signs_sales_and_stays_online(tmp_path, key_store, gateway, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            devices = shop.services.devices
            device = await devices.add_device(gateway_device(gateway))
            await devices.set_gateway_credentials(device.id, credentials(gateway))
            device = await devices.initialise(device.id)
            assert device.scu_id.startswith("KRACU")
            for qty in ("2", "0.5"):  # a loose half kilo still sends pkg 1
                await shop.services.sales.record(device.id, shop.sale((0, qty), (1, "1")))
            await shop.services.sales.wait_idle()
            counts = await shop.services.store.outbox_counts(device.id)
            assert counts.get(OutboxState.SIGNED) == 2
            gateway.expire_tokens()  # an hour later: the token is renewed and the sync goes on
            report = await shop.services.sync.sync()
            assert report.devices[0].status.kind is StatusKind.ONLINE
            assert report.exit_code == 0
            stored = key_store.get_gateway_credentials(device)
            assert stored.integration_token == "INTEGRATION-TOKEN-123456"
        finally:
            await shop.services.aclose()

    run(scenario())
    sales = gateway.signed_sales(PIN, "00")
    assert [s.invc_no for s in sales] == [1, 2]
    assert sales[1].document["itemList"][0]["pkg"] == Decimal(1)
    assert gateway.tokens_issued >= 2
    paths = {r.path for r in gateway.request_log}
    assert "/etims-oscu/api/v1/sendSalesTransaction" in paths and "/etims-oscu/api/v1/initialize" in paths


def test_wrong_credentials_are_refused_before_anything_is_kept(tmp_path, key_store, gateway, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.services.devices.add_device(gateway_device(gateway))
            with pytest.raises(DeviceSetupError) as caught:
                await shop.services.devices.set_gateway_credentials(
                    device.id, credentials(gateway, consumer_secret="not-the-secret")
                )
            assert "consumer key and secret" in caught.value.plain
            assert not key_store.has_gateway_credentials(device)
            with pytest.raises(DeviceSetupError) as caught:  # and no initialisation without them
                await shop.services.devices.initialise(device.id)
            assert "gateway credentials" in caught.value.plain
        finally:
            await shop.services.aclose()

    run(scenario())
    assert not any(r.endpoint for r in gateway.request_log)  # nothing reached eTIMS


def test_a_device_with_a_key_is_never_initialised_again(tmp_path, key_store, gateway, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            devices = shop.services.devices
            device = await devices.add_device(gateway_device(gateway))
            await devices.set_gateway_credentials(device.id, credentials(gateway))
            device = await devices.initialise(device.id)
            with pytest.raises(DeviceSetupError) as caught:
                await devices.initialise(device.id)
            assert caught.value.code == "INITIALISED" and "Enter an existing key" in caught.value.next_step
            status = await shop.services.sync.checker.check(device)
            assert status.kind is StatusKind.ONLINE  # the device still works
        finally:
            await shop.services.aclose()

    run(scenario())
    assert [r.endpoint for r in gateway.request_log].count("selectInitOsdcInfo") == 1


def test_importing_an_existing_key_and_scu_id(tmp_path, key_store, gateway, run):
    cmc_key = gateway.preinitialise(PIN, "00", "GW1")
    scu_id = next(d.scu_id for d in gateway.approved_devices())

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            devices = shop.services.devices
            device = await devices.add_device(gateway_device(gateway))
            await devices.set_gateway_credentials(device.id, credentials(gateway))
            device = await devices.enter_existing_key(device.id, cmc_key, scu_id)
            assert device.scu_id == scu_id
            status = await shop.services.sync.checker.check(device)
            assert status.kind is StatusKind.ONLINE
        finally:
            await shop.services.aclose()

    run(scenario())
    assert "selectInitOsdcInfo" not in [r.endpoint for r in gateway.request_log]


def test_missing_gateway_credentials_are_named_and_the_key_waits_for_them(tmp_path, key_store, gateway, run):
    """A key is proven with KRA before it is kept (issue 23); on the gateway that needs the app's
    credentials, so without them the key is refused in plain words - and kept once they are there."""
    cmc_key = gateway.preinitialise(PIN, "00", "GW1")
    scu_id = next(d.scu_id for d in gateway.approved_devices())

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        devices = shop.services.devices
        try:
            device = await devices.add_device(gateway_device(gateway))
            with pytest.raises(DeviceSetupError) as refused:
                await devices.enter_existing_key(device.id, cmc_key, scu_id)
            assert "gateway credentials" in refused.value.plain and "not saved" in refused.value.plain
            assert "developer.go.ke" in refused.value.next_step
            assert not await shop.services.connections.has_key(device)
            await devices.set_gateway_credentials(device.id, credentials(gateway), test=False)
            device = await devices.enter_existing_key(device.id, cmc_key, scu_id)
            assert (await shop.services.store.get_status(device.id)).kind is StatusKind.ONLINE
            # Credentials lost later (a new PC, a keyring reset): the board says so in plain words.
            await shop.services.connections.delete_gateway_credentials(device)
            status = await shop.services.sync.checker.check(device)
            assert status.kind is StatusKind.KEY_REJECTED
            assert "gateway credentials" in status.plain and "developer.go.ke" in status.next_step
        finally:
            await shop.services.aclose()

    run(scenario())
