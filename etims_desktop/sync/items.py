"""Register items with KRA (saveItem) on a device, so sales that use them are accepted."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import explain
from etims_desktop.domain.item import Item
from etims_desktop.kra import errors as kra_errors
from etims_desktop.storage import secrets
from etims_desktop.sync.device_checks import record_failed_request
from etims_desktop.sync.payloads import item_request

if TYPE_CHECKING:
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.connections import Connections


log = logging.getLogger("etims_desktop.sync")


@dataclass
class RegistrationReport:
    """What one 'Register' run did on one device, in plain words."""

    device_id: int
    device_name: str
    registered: list[str] = field(default_factory=list)  # item codes KRA accepted
    refused: dict[str, str] = field(default_factory=dict)  # item code -> KRA's reason
    stopped: str | None = None  # why the run stopped early (offline, key problem); the rest were not tried
    not_tried: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused and self.stopped is None

    def summary(self) -> str:
        parts = []
        if self.registered:
            parts.append(f"{len(self.registered)} item(s) registered with KRA on {self.device_name}.")
        elif not self.refused and self.stopped is None:
            parts.append(f"Nothing to register on {self.device_name}: every item is registered.")
        for code, reason in self.refused.items():
            parts.append(f"KRA refused {code}: {reason}")
        if self.stopped:
            parts.append(f"Stopped: {self.stopped} {len(self.not_tried)} item(s) not tried yet.")
        return " ".join(parts)


_explain = explain


class ItemRegistrar:
    """'Register now' / 'Register all': one saveItem per item, in order, on one device."""

    def __init__(
        self,
        store: Store,
        connections: Connections,
        clock: Callable[[], datetime] = utcnow,
        notify: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.connections = connections
        self.clock = clock
        self.notify = notify  # e.g. SyncService.notify: tells the window the device's data changed

    async def register(self, device: Device, items: Iterable[Item]) -> RegistrationReport:
        """Register (or update: saveItem is an upsert) `items` on `device`. Never raises for KRA's answers:
        refusals are listed per item; a transport or key problem stops the run and says why."""
        report = RegistrationReport(device.saved_id, device.name)
        pending = list(items)
        try:
            client = await self.connections.client_for(device)
        except (secrets.KeyStoreError, TimeoutError) as exc:
            report.stopped = _explain(exc)
            report.not_tried = [i.code for i in pending]
            await record_failed_request(self.store, device, exc)
            if self.notify is not None:
                self.notify(device.saved_id)
            return report
        for position, item in enumerate(pending):
            try:
                await client.save_item(item_request(item))
            except kra_errors.BusinessRejection as exc:
                report.refused[item.code] = _explain(exc)
                await self.store.record_item_registration_error(
                    device.saved_id, item.code, report.refused[item.code]
                )
                continue
            except kra_errors.KraError as exc:
                report.stopped = _explain(exc)
                report.not_tried = [i.code for i in pending[position:]]
                await record_failed_request(self.store, device, exc)  # the board shows it at once
                break
            await self.store.mark_item_registered(device.saved_id, item.code, self.clock())
            report.registered.append(item.code)
        if self.notify is not None:
            self.notify(device.saved_id)
        return report

    async def register_all(self, device: Device) -> RegistrationReport:
        """Every active item of the item master not yet registered on `device`."""
        codes = {item.code for item in await self.store.list_items() if item.active}
        return await self.register(device, await self.store.unregistered_items(device.saved_id, codes))
