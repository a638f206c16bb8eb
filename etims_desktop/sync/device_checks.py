"""Live checks: is this device's KRA (OSCU) or VSCU service reachable right now, and does it accept us?"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.errors import plain_parts
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra import errors as kra_errors
from etims_desktop.storage import secrets
from etims_desktop.sync.report import KEYRING_FAILED

if TYPE_CHECKING:
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.connections import Connections


def status_from_error(device: Device, exc: BaseException, at: datetime | None = None) -> DeviceStatus:
    """Translate what went wrong into a status a shop owner can act on."""
    at = at or utcnow()
    vscu = device.type is DeviceType.VSCU
    code = getattr(exc, "code", None)
    plain, next_step = plain_parts(exc)
    if isinstance(exc, kra_errors.ConnectFailed):
        if vscu:
            return DeviceStatus(
                StatusKind.SERVICE_DOWN,
                at,
                None,
                code,
                Said(
                    QT_TRANSLATE_NOOP("Core", "Nothing answers at {address}."),
                    address=device.base_url or "the VSCU address",
                ),
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Start the KRA VSCU service on that computer (java -jar ...), or correct its address.",
                ),
            )
        return DeviceStatus(
            StatusKind.OFFLINE,
            at,
            None,
            code,
            QT_TRANSLATE_NOOP("Core", "Could not connect to KRA: no internet connection."),
            QT_TRANSLATE_NOOP(
                "Core", "Check the internet connection. Sales wait safely and go as soon as it is back."
            ),
        )
    if isinstance(exc, kra_errors.OutcomeUnknown | kra_errors.BadHttpStatus | kra_errors.MalformedReply):
        return DeviceStatus(
            StatusKind.NOT_ANSWERING,
            at,
            None,
            code,
            Said(
                QT_TRANSLATE_NOOP("Core", "The VSCU service did not answer properly: {problem}")
                if vscu
                else QT_TRANSLATE_NOOP("Core", "KRA did not answer properly: {problem}"),
                problem=plain,
            ),
            next_step or QT_TRANSLATE_NOOP("Core", "Nothing to do: the app retries by itself."),
        )
    if isinstance(exc, kra_errors.CredentialError):
        return DeviceStatus(StatusKind.KEY_REJECTED, at, None, code, plain, next_step)
    if isinstance(exc, secrets.GatewayCredentialsMissing):
        return DeviceStatus(StatusKind.KEY_REJECTED, at, None, None, exc.plain, exc.next_step)
    if isinstance(exc, secrets.KeyMissing):
        return DeviceStatus(
            StatusKind.NOT_INITIALISED,
            at,
            None,
            None,
            QT_TRANSLATE_NOOP("Core", "This device has no CMC key on this computer."),
            QT_TRANSLATE_NOOP("Core", "Initialise the device with KRA, or enter the CMC key you were given."),
        )
    if isinstance(exc, secrets.KeyringLocked | secrets.KeyringUnavailable):
        return DeviceStatus(StatusKind.ERROR, at, None, KEYRING_FAILED, plain, next_step)
    if isinstance(exc, TimeoutError):
        return DeviceStatus(
            StatusKind.ERROR,
            at,
            None,
            KEYRING_FAILED,
            QT_TRANSLATE_NOOP("Core", "The keyring did not answer in time (is it locked?)."),
            QT_TRANSLATE_NOOP("Core", "Unlock your keyring, then press Sync again."),
        )
    return DeviceStatus(StatusKind.ERROR, at, None, code, plain, next_step)


def says_connection_failed(exc: BaseException) -> bool:
    """True when a failed request shows the device cannot be reached (or its key is refused) - then its
    board status must change at once, not at the next check. A refused item or sale says nothing about that."""
    return isinstance(exc, kra_errors.TransportError | kra_errors.CredentialError | secrets.KeyStoreError)


async def record_failed_request(store: Store, device: Device, exc: BaseException) -> DeviceStatus | None:
    """Save the status a failed request revealed; None (nothing saved) when it revealed nothing."""
    if not says_connection_failed(exc):
        return None
    status = status_from_error(device, exc)
    await store.save_status(device.saved_id, status)
    return status


class DeviceChecker:
    """Runs the cheap authenticated call and records the result."""

    def __init__(self, store: Store, connections: Connections):
        self.store = store
        self.connections = connections

    async def check(self, device: Device) -> DeviceStatus:
        if not device.initialised:
            status = DeviceStatus(
                StatusKind.NOT_INITIALISED,
                utcnow(),
                None,
                None,
                QT_TRANSLATE_NOOP("Core", "This device is not initialised yet."),
                QT_TRANSLATE_NOOP(
                    "Core", "Initialise it with KRA, or enter the CMC key and SCU id you were given."
                ),
            )
        else:
            try:
                client = await self.connections.client_for(device)
                seconds = await client.check()
                status = DeviceStatus(StatusKind.ONLINE, utcnow(), round(seconds * 1000, 1))
            except (kra_errors.KraError, secrets.KeyStoreError, TimeoutError) as exc:
                status = status_from_error(device, exc)
        await self.store.save_status(device.saved_id, status)
        return status
