"""Devices, their KRA status and their invoice-number counter."""

from __future__ import annotations

import builtins
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import DeviceStatus
from etims_desktop.domain.translatable import Said
from etims_desktop.storage.errors import NO_SUCH_DEVICE, NotFound
from etims_desktop.storage.mapping import device_from_row, device_row, status_from_row, write_status
from etims_desktop.storage.models import DeviceRow, OutboxRow
from etims_desktop.storage.outbox import PENDING_STATES, OutboxRepository

NOT_SIGNED_YET = [*PENDING_STATES, OutboxState.NEEDS_FIX]  # a device keeping any of these cannot go


class DeviceRepository:
    """Device rows inside one transaction."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now

    def row(self, device_id: int) -> DeviceRow:
        row = self.session.get(DeviceRow, device_id)
        if row is None:
            raise NotFound(Said(NO_SUCH_DEVICE, number=device_id), field="device")
        return row

    def add(self, device: Device) -> Device:
        duplicate = self.session.scalar(
            select(DeviceRow.id).where(
                DeviceRow.pin == device.pin,
                DeviceRow.branch_id == device.branch_id,
                DeviceRow.serial == device.serial,
                DeviceRow.environment == device.environment,
            )
        )
        if duplicate is not None:
            raise DomainValidationError(
                f"This device ({device.keyring_user}, {device.environment.value}) is already added "
                f"as device {duplicate}.",
                field="serial",
            )
        row = device_row(device, self.now)
        self.session.add(row)
        self.session.flush()
        return device_from_row(row)

    def get(self, device_id: int) -> Device:
        return device_from_row(self.row(device_id))

    def list(self, include_retired: bool = False) -> list[Device]:
        return [device_from_row(row) for row in self.rows(include_retired)]

    def rows(self, include_retired: bool = False) -> builtins.list[DeviceRow]:
        """The device rows, by id. Read what you need of them at once: the session keeps a row only
        while something holds it, so asking for it again by id reads it again from the database."""
        query = select(DeviceRow).order_by(DeviceRow.id)
        if not include_retired:
            query = query.where(DeviceRow.retired_at.is_(None))
        return list(self.session.scalars(query))

    def update(self, device: Device) -> Device:
        """Rename a device or change where its VSCU service listens. PIN, branch and serial never change."""
        if device.id is None:
            raise NotFound("Save the device before changing it.", field="device")
        row = self.row(device.id)
        if (row.pin, row.branch_id, row.serial, row.environment) != (
            device.pin,
            device.branch_id,
            device.serial,
            device.environment,
        ):
            raise DomainValidationError(
                "A device's PIN, branch, serial and environment cannot change; add it as a new device.",
                field="serial",
            )
        row.name = device.name.strip()
        row.base_url = device.base_url
        row.endpoint_style = device.endpoint_style
        return device_from_row(row)

    def set_initialised(self, device_id: int, scu_id: str | None, mrc_no: str | None) -> Device:
        row = self.row(device_id)
        row.scu_id = scu_id
        row.mrc_no = mrc_no
        return device_from_row(row)

    def _counts(self, device_id: int) -> dict[OutboxState, int]:
        return OutboxRepository(self.session.connection(), self.now).counts(device_id)

    def _refuse_unsigned(self, row: DeviceRow, counts: dict[OutboxState, int]) -> None:
        """Sales that may still reach KRA (or wait for a fix) keep the device: say how many and what to do."""
        unsigned = sum(counts[state] for state in NOT_SIGNED_YET)
        if not unsigned:
            return
        parts = []
        pending = sum(counts[state] for state in PENDING_STATES)
        if pending:
            parts.append(f"{pending} still on the way to KRA")
        if counts[OutboxState.NEEDS_FIX]:
            parts.append(f"{counts[OutboxState.NEEDS_FIX]} refused by KRA and waiting for your fix")
        raise DomainValidationError(
            f"{row.name} has {unsigned} sale(s) not signed by KRA yet ({', '.join(parts)}). "
            "Sync so they are signed, and resend or cancel the refused ones; then remove the device.",
            field="device",
        )

    def removable(self, device_id: int) -> dict[OutboxState, int]:
        """The device's outbox counts; refused (DomainValidationError) while any sale is not signed yet."""
        counts = self._counts(device_id)
        self._refuse_unsigned(self.row(device_id), counts)
        return counts

    def retire(self, device_id: int) -> Device:
        """Removing a device that signed sales: it is hidden and sends nothing, its records stay."""
        row = self.row(device_id)
        if row.retired_at is None:
            self._refuse_unsigned(row, self._counts(device_id))
            row.retired_at = self.now
        return device_from_row(row)

    def delete(self, device_id: int) -> None:
        """Delete a device that never had a sale signed (with its cancelled sales and history)."""
        row = self.row(device_id)
        counts = self._counts(device_id)
        self._refuse_unsigned(row, counts)
        if counts[OutboxState.SIGNED]:
            raise DomainValidationError(
                f"{row.name} has {counts[OutboxState.SIGNED]} sale(s) signed by KRA: tax records are "
                "never deleted. Remove it again to retire it instead (hidden, its records kept).",
                field="device",
            )
        self.session.delete(row)

    def save_status(self, device_id: int, status: DeviceStatus) -> None:
        write_status(self.row(device_id), status)

    def get_status(self, device_id: int) -> DeviceStatus:
        return status_from_row(self.row(device_id))

    def record_sync_success(self, device_id: int, at: datetime) -> None:
        self.row(device_id).last_sync_at = at

    def last_sync_at(self, device_id: int) -> datetime | None:
        return self.row(device_id).last_sync_at

    def record_error(
        self, device_id: int, code: str | None, plain: str | None, next_step: str | None
    ) -> None:
        row = self.row(device_id)
        row.last_error_code = code
        row.last_error_plain = plain
        row.last_error_next_step = next_step

    def last_error(self, device_id: int) -> tuple[str | None, str | None, str | None]:
        return last_error_of(self.row(device_id))

    def set_paused_until(self, device_id: int, until: datetime | None) -> None:
        self.row(device_id).paused_until = until

    def paused_until(self, device_id: int) -> datetime | None:
        return self.row(device_id).paused_until

    def invoice_lookup_missing_on(self, device_id: int) -> str | None:
        return self.row(device_id).invoice_lookup_missing_on

    def set_invoice_lookup_missing_on(self, device_id: int, host: str | None) -> None:
        self.row(device_id).invoice_lookup_missing_on = host

    def last_invc_no(self, device_id: int) -> int:
        return self.row(device_id).last_invc_no

    def set_last_invc_no(self, device_id: int, last_invc_no: int) -> None:
        """Align our counter with KRA's (e.g. a device that was used by another program before)."""
        row = self.row(device_id)
        if last_invc_no < 0:
            raise DomainValidationError("The last invoice number cannot be negative.", field="last_invc_no")
        outstanding = OutboxRepository(self.session.connection(), self.now).unresolved_number(device_id)
        if outstanding is not None:
            raise DomainValidationError(
                f"Sale number {outstanding} is still on its way to KRA; sync first, then change the counter.",
                field="last_invc_no",
            )
        highest = self.session.scalar(
            select(func.max(OutboxRow.invc_no)).where(OutboxRow.device_id == device_id)
        )
        if highest is not None and last_invc_no < highest:
            raise DomainValidationError(
                f"eTIMS number {highest} is already used by a signed sale; the counter cannot go below it.",
                field="last_invc_no",
            )
        row.last_invc_no = last_invc_no


def last_error_of(row: DeviceRow) -> tuple[str | None, str | None, str | None]:
    """A device's last error: its code, plain words and next step."""
    return row.last_error_code, row.last_error_plain, row.last_error_next_step
