"""The "check the numbers with KRA first" marks a restore leaves on every device (table number_checks).

A restored database may be older than what KRA has signed: its counter would hand out numbers KRA
already holds. The mark stays until the device's first sync has asked KRA (sync/number_check.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.storage.models import DeviceRow, NumberCheckRow, OutboxRow, SaleRow

CHECKS = cast(Table, NumberCheckRow.__table__)
DEVICES = cast(Table, DeviceRow.__table__)
OUTBOX = cast(Table, OutboxRow.__table__)
SALES = cast(Table, SaleRow.__table__)
# Sales that never got a number: KRA may nevertheless have signed them (sent after the backup was made).
UNNUMBERED_OPEN = [OutboxState.QUEUED, OutboxState.WAITING, OutboxState.NEEDS_FIX]


class NumberCheckRepository:
    def __init__(self, connection: Connection, now: datetime) -> None:
        self.db = connection
        self.now = now

    def request_all(self, reason: str) -> int:
        """Mark every device: check with KRA before sending. Returns how many devices were marked."""
        device_ids = list(self.db.scalars(select(DEVICES.c.id)))
        self.db.execute(delete(CHECKS))
        if device_ids:
            self.db.execute(
                insert(CHECKS),
                [{"device_id": d, "requested_at": self.now, "reason": reason} for d in device_ids],
            )
        return len(device_ids)

    def pending(self, device_id: int) -> bool:
        found = self.db.scalar(
            select(func.count())
            .select_from(CHECKS)
            .where(CHECKS.c.device_id == device_id, CHECKS.c.checked_at.is_(None))
        )
        return bool(found)

    def result(self, device_id: int) -> str | None:
        """What the last check of this device found, in plain words (None: never checked)."""
        return self.db.scalar(select(CHECKS.c.result).where(CHECKS.c.device_id == device_id))

    def has_unnumbered_sales(self, device_id: int) -> bool:
        """Does the device have open sales without an eTIMS number (KRA may have signed them meanwhile)?"""
        found = self.db.scalar(
            select(OUTBOX.c.sale_id)
            .where(
                OUTBOX.c.device_id == device_id,
                OUTBOX.c.state.in_(UNNUMBERED_OPEN),
                OUTBOX.c.invc_no.is_(None),
            )
            .limit(1)
        )
        return found is not None

    def unnumbered_sales(self, device_id: int, trader_numbers: set[str]) -> dict[str, int]:
        """Trader invoice number -> sale id of the device's open sales that hold no eTIMS number."""
        if not trader_numbers:
            return {}
        rows = self.db.execute(
            select(SALES.c.trader_invoice_no, SALES.c.id)
            .join(OUTBOX, OUTBOX.c.sale_id == SALES.c.id)
            .where(
                SALES.c.device_id == device_id,
                SALES.c.trader_invoice_no.in_(sorted(trader_numbers)),
                OUTBOX.c.state.in_(UNNUMBERED_OPEN),
                OUTBOX.c.invc_no.is_(None),
            )
        )
        return {number: sale_id for number, sale_id in rows}

    def finish(self, device_id: int, kra_last: int, result: str) -> None:
        """KRA holds numbers up to `kra_last`: the device's next sale gets a higher one. Record why."""
        self.db.execute(
            update(DEVICES)
            .where(DEVICES.c.id == device_id, DEVICES.c.last_invc_no < kra_last)
            .values(last_invc_no=kra_last)
        )
        self.db.execute(
            update(CHECKS).where(CHECKS.c.device_id == device_id).values(checked_at=self.now, result=result)
        )
