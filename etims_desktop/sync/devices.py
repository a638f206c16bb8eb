"""Device lifecycle: add, initialise with KRA, enter a key obtained elsewhere, remove."""

from __future__ import annotations

import logging

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.kra import errors as kra_errors
from etims_desktop.kra.environments import check_key_safe_address
from etims_desktop.storage.secrets import clean_key

log = logging.getLogger(__name__)


class DeviceSetupError(Exception):
    """Initialisation did not work; `plain` and `next_step` say why and what to do."""

    def __init__(self, plain: str, next_step: str, code: str | None = None):
        super().__init__(f"{plain} {next_step}")
        self.plain = plain
        self.next_step = next_step
        self.code = code


class KeyNotVerified(DeviceSetupError):
    """A new CMC key was not proven with KRA, so it was not saved. `had_key`: an old key is kept;
    `refused`: KRA answered and refused it (else KRA could not be reached)."""

    def __init__(self, plain: str, next_step: str, code: str | None, *, had_key: bool, refused: bool):
        super().__init__(plain, next_step, code)
        self.had_key = had_key
        self.refused = refused


class DeviceService:
    def __init__(self, store, connections, checker):
        self.store = store
        self.connections = connections
        self.checker = checker

    async def add_device(self, device: Device) -> Device:
        check_key_safe_address(device)  # never a CMC key over plain http to another computer
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
        except kra_errors.KraError as exc:
            raise DeviceSetupError(exc.plain, exc.next_step, exc.code) from None
        if info.cmc_key_value:  # a VSCU service may keep the key to itself
            await self.connections.store_key(device, info.cmc_key_value)
        device = await self.store.set_initialised(device.id, info.sdc_id, info.mrc_no)
        await self.checker.check(device)
        return device

    async def enter_existing_key(
        self, device_id: int, cmc_key: str, scu_id: str, mrc_no: str | None = None, *, unverified: bool = False
    ) -> Device:
        """For a device initialised elsewhere (KRA answered 902): keep the key it was given.

        The key is first tried in a live call to KRA and saved only if KRA accepts it: a mistyped key
        must never replace one that works (the old key stays until the new one is proven). If KRA cannot
        be reached the key is not saved (KeyNotVerified) - unless `unverified` is given and the device has
        no key yet, when there is nothing working to lose.
        """
        cmc_key = clean_key(cmc_key)
        scu_id = (scu_id or "").strip().upper()
        if len(cmc_key) < 16:
            raise DomainValidationError(
                "The CMC key looks too short: copy it exactly as KRA gave it.", "cmc_key"
            )
        if not scu_id:
            raise DomainValidationError("Enter the SCU id (it starts with KRACU).", "scu_id")
        device = await self.store.get_device(device_id)
        had_key = await self.connections.has_key(device)
        kept = " The device keeps the key it had." if had_key else ""
        status = None
        try:
            seconds = await self.connections.candidate(device, cmc_key).check()
            status = DeviceStatus(StatusKind.ONLINE, utcnow(), round(seconds * 1000, 1))
        except kra_errors.InsecureAddress as exc:  # refused before anything was sent
            raise DeviceSetupError(exc.plain, exc.next_step, exc.code) from None
        except kra_errors.CredentialError as exc:
            raise KeyNotVerified(
                f"KRA did not accept this CMC key for {device.keyring_user}, so it was not saved.{kept}",
                "Copy the key again exactly as KRA gave it for this PIN, branch and serial (sandbox and "
                "production keys differ), then try again.",
                exc.code,
                had_key=had_key,
                refused=True,
            ) from None
        except kra_errors.KraError as exc:
            if not unverified or had_key:
                raise KeyNotVerified(
                    f"The new key could not be checked because KRA could not be reached ({exc.plain}), "
                    f"so it was not saved.{kept}",
                    "Try again when KRA can be reached.",
                    exc.code,
                    had_key=had_key,
                    refused=False,
                ) from None
            log.warning("Saving an unverified CMC key for %s: %s", device.keyring_user, exc.code)
        await self.connections.store_key(device, cmc_key)
        device = await self.store.set_initialised(device.id, scu_id, mrc_no)
        if status is None:
            await self.checker.check(device)
        else:
            await self.store.save_status(device.id, status)
        return device

    async def remove_device(self, device_id: int) -> None:
        device = await self.store.get_device(device_id)
        await self.store.remove_device(device_id)
        try:
            await self.connections.delete_key(device)
        except Exception:  # noqa: BLE001 - the device is gone; a key left in the keyring is harmless
            pass
        self.connections.forget(device_id)
