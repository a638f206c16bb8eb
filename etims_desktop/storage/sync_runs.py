"""Sync history: each run and what it really did, device by device."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from etims_desktop.storage.errors import NotFound
from etims_desktop.storage.models import DeviceRow, SyncRunDeviceRow, SyncRunRow
from etims_desktop.storage.records import SyncRunRecord


class SyncRunRepository:
    """Sync run rows inside one transaction."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now

    def start(self, scope: str, started_at: datetime) -> int:
        row = SyncRunRow(scope=scope, started_at=started_at)
        self.session.add(row)
        self.session.flush()
        return row.id

    def finish(self, run_id: int, finished_at: datetime, per_device: dict[int, dict[str, Any]]) -> None:
        """Store each device's report (the sync engine's dict) and the figures the history shows."""
        run = self.session.get(SyncRunRow, run_id)
        if run is None:
            raise NotFound(f"There is no sync run number {run_id}.", field="run")
        run.finished_at = finished_at
        known = set(self.session.scalars(select(DeviceRow.id).where(DeviceRow.id.in_(list(per_device)))))
        for device_id, report in per_device.items():
            if device_id not in known:
                continue  # removed while the run was going: nothing to attach the outcome to
            self.session.merge(
                SyncRunDeviceRow(
                    run_id=run_id,
                    device_id=device_id,
                    signed=int(report.get("signed", 0)),
                    waiting=int(report.get("waiting", report.get("still_pending", 0))),
                    needs_fix=int(report.get("needs_fix", report.get("needs_fix_total", 0))),
                    refreshed=dict(report.get("refreshed") or {}),
                    errors=[str(error) for error in report.get("errors") or []],
                    outcome=report.get("outcome"),
                    report=report,
                )
            )

    def list(self, device_id: int | None = None, limit: int = 50) -> list[SyncRunRecord]:
        """Newest first. With a device: only the runs that included it, and only its outcome."""
        query = select(SyncRunRow).options(selectinload(SyncRunRow.devices))
        if device_id is not None:
            query = query.where(
                SyncRunRow.id.in_(
                    select(SyncRunDeviceRow.run_id).where(SyncRunDeviceRow.device_id == device_id)
                )
            )
        runs = self.session.scalars(query.order_by(SyncRunRow.id.desc()).limit(limit))
        return [
            SyncRunRecord(
                id=run.id,
                scope=run.scope,
                started_at=run.started_at,
                finished_at=run.finished_at,
                per_device={
                    d.device_id: d.report
                    for d in run.devices
                    if device_id is None or d.device_id == device_id
                },
            )
            for run in runs
        ]
