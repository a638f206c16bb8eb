"""Device lifecycle: add, initialise with KRA, enter a key obtained elsewhere, remove.

A device that has a CMC key is never initialised again: KRA issues the key once, and on its API
gateway a second initialisation has been seen to break the device. Its key and SCU id are entered
instead (`enter_existing_key`). A gateway device also needs its developer.go.ke credentials
(`set_gateway_credentials`), tested against KRA before they are kept.
"""

from __future__ import annotations

import time

from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.kra import errors as kra_errors
from etims_desktop.storage import secrets


class DeviceSetupError(Exception):
    """Initialisation did not work; `plain` and `next_step` say why and what to do."""

    def __init__(self, plain: str, next_step: str, code: str | None = None):
        super().__init__(f"{plain} {next_step}")
        self.plain = plain
        self.next_step = next_step
        self.code = code


class DeviceService:
    def __init__(self, store, connections, checker):
        self.store = store
        self.connections = connections
        self.checker = checker

    async def add_device(self, device: Device) -> Device:
        return await self.store.add_device(device)

    async def initialise(self, device_id: int) -> Device:
        """Ask KRA for the CMC key (issued once), keep it in the keyring, the SCU id in the store."""
        device = await self.store.get_device(device_id)
        # The key is issued only once: make sure we can keep it before asking for it.
        # On the gateway a device KRA knows as installed (we have its SCU id) is not initialised either.
        if (device.via_gateway and device.initialised) or await self.connections.has_key(device):
            raise DeviceSetupError(
                f"{device.name} is already initialised: it has its CMC key on this computer. Initialising "
                "it again would not give a new key, and on KRA's API gateway it can break the device.",
                "Nothing to do: it is ready. If its key was lost, use 'Enter an existing key' with the key "
                "and SCU id KRA gave you.",
                "INITIALISED",
            )
        try:
            client = await self.connections.anonymous_client(device)
            info = await client.initialise(device.serial)
        except kra_errors.AlreadyInitialised as exc:
            raise DeviceSetupError(
                "KRA says this device is already initialised (perhaps by another program).",
                "Enter the CMC key and SCU id you received then, using 'Enter an existing key'.",
                exc.code,
            ) from None
        except kra_errors.KraError as exc:
            raise DeviceSetupError(exc.plain, exc.next_step, exc.code) from None
        except secrets.KeyMissing as exc:  # a gateway device without its developer.go.ke credentials
            raise DeviceSetupError(exc.plain, exc.next_step, "NO_GATEWAY_CREDENTIALS") from None
        if info.cmc_key_value:  # a VSCU service may keep the key to itself
            await self.connections.store_key(device, info.cmc_key_value)
        device = await self.store.set_initialised(device.id, info.sdc_id, info.mrc_no)
        await self.checker.check(device)
        return device

    async def enter_existing_key(
        self, device_id: int, cmc_key: str, scu_id: str, mrc_no: str | None = None
    ) -> Device:
        """For a device initialised elsewhere (KRA answered 902): keep the key it was given."""
        cmc_key = (cmc_key or "").strip()
        scu_id = (scu_id or "").strip().upper()
        if len(cmc_key) < 16:
            raise DomainValidationError(
                "The CMC key looks too short: copy it exactly as KRA gave it.", "cmc_key"
            )
        if not scu_id:
            raise DomainValidationError("Enter the SCU id (it starts with KRACU).", "scu_id")
        device = await self.store.get_device(device_id)
        await self.connections.store_key(device, cmc_key)
        device = await self.store.set_initialised(device.id, scu_id, mrc_no)
        await self.checker.check(device)
        return device

    async def test_connection(
        self, device: Device, credentials: GatewayCredentials | None = None, cmc_key: str | None = None
    ) -> float:
        """Try a device's connection before anything is saved; returns round-trip seconds.

        On the gateway: an access token from the consumer key and secret, then (with a CMC key) the
        cheap authenticated call. Raises DeviceSetupError saying what is wrong.
        """
        started = time.perf_counter()
        try:
            client = self.connections.trial_client(device, credentials, cmc_key)
            if client.gateway is not None:
                await client.gateway.get()
            if cmc_key:
                await client.check()
        except kra_errors.KraError as exc:
            raise DeviceSetupError(exc.plain, exc.next_step, exc.code) from None
        return time.perf_counter() - started

    async def set_gateway_credentials(
        self, device_id: int, credentials: GatewayCredentials, *, test: bool = True
    ) -> Device:
        """Keep a gateway device's developer.go.ke credentials in the keyring (tested first, unless told not)."""
        device = await self.store.get_device(device_id)
        if not device.via_gateway:
            raise DomainValidationError(
                f"{device.name} uses KRA's classic eTIMS API, which needs no gateway credentials.",
                "connection",
            )
        if test:
            key = await self.connections.client_key(device)
            await self.test_connection(device, credentials, key)
        await self.connections.store_gateway_credentials(device, credentials)
        return device

    async def remove_device(self, device_id: int) -> None:
        device = await self.store.get_device(device_id)
        await self.store.remove_device(device_id)
        try:
            await self.connections.delete_key(device)
            if device.via_gateway:
                await self.connections.delete_gateway_credentials(device)
        except Exception:  # noqa: BLE001 - the device is gone; a key left in the keyring is harmless
            pass
        self.connections.forget(device_id)
