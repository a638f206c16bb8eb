"""Device lifecycle: add, initialise with KRA, enter a key obtained elsewhere, remove."""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.kra import errors as kra_errors
from etims_desktop.kra.environments import base_url_for


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
        await self.connections.has_key(device)
        try:
            info = await self.connections.anonymous(device).initialise(device.serial)
        except kra_errors.AlreadyInitialised as exc:
            raise DeviceSetupError(
                "KRA says this device is already initialised (perhaps by another program).",
                "Enter the CMC key and SCU id you received then, using 'Enter an existing key'.",
                exc.code,
            ) from None
        except kra_errors.TransportError as exc:  # no sales are involved yet: say what to do for set-up
            where = (
                f"that KRA's VSCU program is running at {device.base_url}"
                if device.type is DeviceType.VSCU
                else "the internet connection"
            )
            raise DeviceSetupError(
                exc.plain, f"Nothing was set up yet. Check {where}, then initialise again.", exc.code
            ) from None
        except kra_errors.KraError as exc:
            raise DeviceSetupError(exc.plain, exc.next_step, exc.code) from None
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

    async def test_connection(self, device: Device, timeout: float = 5.0) -> str:
        """Does anything answer at the device's address? A plain sentence either way. Only opens a
        connection: nothing is sent, so no key is used up (KRA issues a key once, at initialisation)."""
        url = urlparse(base_url_for(device))
        port = url.port or (443 if url.scheme == "https" else 80)
        where = f"{url.hostname}:{port}"
        try:
            _reader, writer = await asyncio.wait_for(asyncio.open_connection(url.hostname, port), timeout)
        except (OSError, TimeoutError):
            what = "KRA's VSCU program" if device.type is DeviceType.VSCU else "KRA"
            raise DeviceSetupError(
                f"Nothing answers at {where}.",
                f"Check the address and that {what} can be reached from this computer"
                + (
                    " (is the VSCU program running?)."
                    if device.type is DeviceType.VSCU
                    else " (the internet)."
                ),
            ) from None
        writer.close()  # nothing was sent
        return f"Something answers at {where}. Next: initialise the device or enter its key."

    async def remove_device(self, device_id: int) -> None:
        device = await self.store.get_device(device_id)
        await self.store.remove_device(device_id)
        try:
            await self.connections.delete_key(device)
        except Exception:  # noqa: BLE001 - the device is gone; a key left in the keyring is harmless
            pass
        self.connections.forget(device_id)
