"""Device lifecycle: add, initialise with KRA, enter a key obtained elsewhere, remove.

Removing never deletes a tax record: a device that signed sales is *retired* (hidden, sends nothing,
its sales and receipts kept); only a device with no signed sale is deleted, after a confirmation.

A device that has a CMC key is never initialised again: KRA issues the key once, and on its API
gateway a second initialisation has been seen to break the device. Its key and SCU id are entered
instead (`enter_existing_key`). A gateway device also needs its developer.go.ke credentials
(`set_gateway_credentials`), tested against KRA before they are kept.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.errors import DomainValidationError, PlainError
from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra import errors as kra_errors
from etims_desktop.kra.environments import base_url_for, check_key_safe_address
from etims_desktop.storage import secrets
from etims_desktop.storage.secrets import clean_key

if TYPE_CHECKING:
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.connections import Connections
    from etims_desktop.sync.device_checks import DeviceChecker


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Removal:
    """What removing a device does: retire it (it signed sales) or delete it (it signed none)."""

    device: Device
    signed: int  # sales KRA signed: kept, so the device is retired
    cancelled: int  # sales cancelled here, never signed: deleted with the device

    @property
    def retires(self) -> bool:
        return self.signed > 0

    def explain(self) -> str:
        name = self.device.name
        if self.retires:
            return Said(_RETIRES, device=name, signed=self.signed)
        if self.cancelled:
            return Said(_DELETES_WITH_CANCELLED, device=name, cancelled=self.cancelled)
        return Said(_DELETES, device=name)


_RETIRES = QT_TRANSLATE_NOOP(
    "Core",
    "{device} signed {signed} sale(s) with KRA. Those are tax records: it will be retired, not deleted - hidden "
    "from the board, no more sales or syncs, its sales, receipts and history kept (reprint them from the Sales "
    "tab).",
)
_DELETES = QT_TRANSLATE_NOOP(
    "Core",
    "{device} has no sale signed by KRA. It will be deleted from this computer, with its sync history and its "
    "CMC key in the keyring. This cannot be undone.",
)
_DELETES_WITH_CANCELLED = QT_TRANSLATE_NOOP(
    "Core",
    "{device} has no sale signed by KRA. It will be deleted from this computer and its {cancelled} cancelled "
    "sale(s), with its sync history and its CMC key in the keyring. This cannot be undone.",
)


class ConfirmationNeeded(DomainValidationError):
    """Deleting a device needs an explicit yes; `removal` says what would be deleted."""

    def __init__(self, removal: Removal) -> None:
        super().__init__(removal.explain() + " Confirm to delete it.", field="device")
        self.removal = removal


_ALREADY_HERE = QT_TRANSLATE_NOOP(
    "Core",
    "{device} is already initialised: it has its CMC key on this computer. Initialising it again would not "
    "give a new key, and on KRA's API gateway it can break the device.",
)
_CHECK_VSCU_THEN_INITIALISE = QT_TRANSLATE_NOOP(
    "Core",
    "Nothing was set up yet. Check that KRA's VSCU program is running at {address}, then initialise again.",
)
_CHECK_INTERNET_THEN_INITIALISE = QT_TRANSLATE_NOOP(
    "Core", "Nothing was set up yet. Check the internet connection, then initialise again."
)
_KEY_NEEDS_GATEWAY = QT_TRANSLATE_NOOP(
    "Core", "{problem} The CMC key was not saved: it can only be checked with KRA through them."
)
_KEY_REFUSED = QT_TRANSLATE_NOOP("Core", "KRA did not accept this CMC key for {user}, so it was not saved.")
_KEY_REFUSED_KEPT = QT_TRANSLATE_NOOP(
    "Core",
    "KRA did not accept this CMC key for {user}, so it was not saved. The device keeps the key it had.",
)
_KEY_UNCHECKED = QT_TRANSLATE_NOOP(
    "Core",
    "The new key could not be checked because KRA could not be reached ({problem}), so it was not saved.",
)
_KEY_UNCHECKED_KEPT = QT_TRANSLATE_NOOP(
    "Core",
    "The new key could not be checked because KRA could not be reached ({problem}), so it was not saved. "
    "The device keeps the key it had.",
)
_NOTHING_ANSWERS = QT_TRANSLATE_NOOP("Core", "Nothing answers at {address}.")
_SOMETHING_ANSWERS = QT_TRANSLATE_NOOP(
    "Core", "Something answers at {address}. Next: initialise the device or enter its key."
)


class DeviceSetupError(PlainError):
    """Initialisation did not work; `plain` and `next_step` say why and what to do."""

    def __init__(self, plain: str, next_step: str | None, code: str | None = None):
        super().__init__(plain, next_step)
        self.code = code


class KeyNotVerified(DeviceSetupError):
    """A new CMC key was not proven with KRA, so it was not saved. `had_key`: an old key is kept;
    `refused`: KRA answered and refused it (else KRA could not be reached)."""

    def __init__(self, plain: str, next_step: str | None, code: str | None, *, had_key: bool, refused: bool):
        super().__init__(plain, next_step, code)
        self.had_key = had_key
        self.refused = refused


class DeviceService:
    def __init__(
        self, store: Store, connections: Connections, checker: DeviceChecker, notify: Callable[[int], None]
    ) -> None:
        self.store = store
        self.connections = connections
        self.checker = checker
        self.notify = notify  # the sync engine's listeners (board, tabs): this device changed

    async def status(self, device_id: int) -> DeviceStatus:
        return await self.store.get_status(device_id)

    async def add_device(self, device: Device) -> Device:
        check_key_safe_address(device)  # never a CMC key over plain http to another computer
        added = await self.store.add_device(device)
        self.notify(added.saved_id)
        return added

    async def initialise(self, device_id: int) -> Device:
        """Ask KRA for the CMC key (issued once), keep it in the keyring, the SCU id in the store."""
        device = await self.store.get_device(device_id)
        # The key is issued only once: make sure we can keep it before asking for it.
        # On the gateway a device KRA knows as installed (we have its SCU id) is not initialised either.
        if (device.via_gateway and device.initialised) or await self.connections.has_key(device):
            raise DeviceSetupError(
                Said(_ALREADY_HERE, device=device.name),
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Nothing to do: it is ready. If its key was lost, use 'Enter an existing key' with the key "
                    "and SCU id KRA gave you.",
                ),
                "INITIALISED",
            )
        try:
            client = await self.connections.anonymous_client(device)
            info = await client.initialise(device.serial)
        except kra_errors.AlreadyInitialised as exc:
            raise DeviceSetupError(
                QT_TRANSLATE_NOOP(
                    "Core", "KRA says this device is already initialised (perhaps by another program)."
                ),
                QT_TRANSLATE_NOOP(
                    "Core", "Enter the CMC key and SCU id you received then, using 'Enter an existing key'."
                ),
                exc.code,
            ) from None
        except kra_errors.TransportError as exc:  # no sales are involved yet: say what to do for set-up
            check = (
                Said(_CHECK_VSCU_THEN_INITIALISE, address=device.base_url)
                if device.type is DeviceType.VSCU
                else _CHECK_INTERNET_THEN_INITIALISE
            )
            raise DeviceSetupError(exc.plain, check, exc.code) from None
        except kra_errors.KraError as exc:
            raise DeviceSetupError(exc.plain, exc.next_step, exc.code) from None
        except secrets.KeyMissing as exc:  # a gateway device without its developer.go.ke credentials
            raise DeviceSetupError(exc.plain, exc.next_step, "NO_GATEWAY_CREDENTIALS") from None
        if info.cmc_key_value:  # a VSCU service may keep the key to itself
            await self.connections.store_key(device, info.cmc_key_value)
        device = await self.store.set_initialised(device.saved_id, info.sdc_id, info.mrc_no)
        await self.checker.check(device)
        return device

    async def enter_existing_key(
        self,
        device_id: int,
        cmc_key: str,
        scu_id: str,
        mrc_no: str | None = None,
        *,
        unverified: bool = False,
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
                QT_TRANSLATE_NOOP("Core", "The CMC key looks too short: copy it exactly as KRA gave it."),
                "cmc_key",
            )
        if not scu_id:
            raise DomainValidationError(
                QT_TRANSLATE_NOOP("Core", "Enter the SCU id (it starts with KRACU)."), "scu_id"
            )
        device = await self.store.get_device(device_id)
        had_key = await self.connections.has_key(device)
        status = None
        try:
            seconds = await (await self.connections.candidate(device, cmc_key)).check()
            status = DeviceStatus(StatusKind.ONLINE, utcnow(), round(seconds * 1000, 1))
        except kra_errors.InsecureAddress as exc:  # refused before anything was sent
            raise DeviceSetupError(exc.plain, exc.next_step, exc.code) from None
        except secrets.GatewayCredentialsMissing as exc:  # the key cannot be proven without them
            raise DeviceSetupError(
                Said(_KEY_NEEDS_GATEWAY, problem=exc.plain),
                exc.next_step,
                "NO_GATEWAY_CREDENTIALS",
            ) from None
        except kra_errors.CredentialError as exc:
            raise KeyNotVerified(
                Said(_KEY_REFUSED_KEPT if had_key else _KEY_REFUSED, user=device.keyring_user),
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Copy the key again exactly as KRA gave it for this PIN, branch and serial (sandbox and "
                    "production keys differ), then try again.",
                ),
                exc.code,
                had_key=had_key,
                refused=True,
            ) from None
        except kra_errors.KraError as exc:
            if not unverified or had_key:
                raise KeyNotVerified(
                    Said(_KEY_UNCHECKED_KEPT if had_key else _KEY_UNCHECKED, problem=exc.plain),
                    QT_TRANSLATE_NOOP("Core", "Try again when KRA can be reached."),
                    exc.code,
                    had_key=had_key,
                    refused=False,
                ) from None
            log.warning("Saving an unverified CMC key for %s: %s", device.keyring_user, exc.code)
        await self.connections.store_key(device, cmc_key)
        device = await self.store.set_initialised(device.saved_id, scu_id, mrc_no)
        if status is None:
            await self.checker.check(device)
        else:
            await self.store.save_status(device.saved_id, status)
        return device

    async def probe_address(self, device: Device, timeout: float = 5.0) -> str:
        """Does anything answer at the device's address? A plain sentence either way. Only opens a
        connection: nothing is sent, so no key is used up (KRA issues a key once, at initialisation)."""
        url = urlparse(base_url_for(device))
        port = url.port or (443 if url.scheme == "https" else 80)
        where = f"{url.hostname}:{port}"
        try:
            _reader, writer = await asyncio.wait_for(asyncio.open_connection(url.hostname, port), timeout)
        except (OSError, TimeoutError):
            raise DeviceSetupError(
                Said(_NOTHING_ANSWERS, address=where),
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Check the address and that KRA's VSCU program can be reached from this computer (is the "
                    "VSCU program running?).",
                )
                if device.type is DeviceType.VSCU
                else QT_TRANSLATE_NOOP(
                    "Core", "Check the address and that KRA can be reached from this computer (the internet)."
                ),
            ) from None
        writer.close()  # nothing was sent
        return Said(_SOMETHING_ANSWERS, address=where)

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

    async def removal(self, device_id: int) -> Removal:
        """What remove_device would do. Refused (DomainValidationError, saying how many and what to do)
        while the device has sales not signed yet - on their way to KRA or waiting for a fix."""
        device = await self.store.get_device(device_id)
        counts = await self.store.removable_device(device_id)
        return Removal(device, counts[OutboxState.SIGNED], counts[OutboxState.CANCELLED])

    async def remove_device(self, device_id: int, *, confirmed: bool = False) -> Removal:
        """Retire a device that signed sales; delete one that signed none, only when `confirmed`
        (else ConfirmationNeeded). Either way it stops syncing at once."""
        removal = await self.removal(device_id)
        if removal.retires:
            await self.store.retire_device(device_id)
            # Its CMC key stays in the keyring: KRA issues it once, and the device still exists at KRA.
        else:
            if not confirmed:
                raise ConfirmationNeeded(removal)
            await self.store.delete_device(device_id)
            try:
                await self.connections.delete_key(removal.device)
                if removal.device.via_gateway:
                    await self.connections.delete_gateway_credentials(removal.device)
            except Exception:  # noqa: BLE001 - the device is gone; a key left in the keyring is harmless
                pass
        self.connections.forget(device_id)
        self.notify(device_id)
        return removal
