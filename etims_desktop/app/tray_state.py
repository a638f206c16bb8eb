"""What the tray icon says and when it speaks up: the overall state and the alerts, from the board's rows.

Qt-free so it is tested directly (a real tray does not exist offscreen); ui/board/tray.py only draws it.
Each alert comes once per occurrence: a device that has been offline too long is announced once, and
again only after it has been back in contact; sales that need the owner are announced when their
number grows, not at every refresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from etims_desktop.app.desktop_settings import DesktopSettings
from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.status import DeviceStatus, StatusKind

# Statuses that mean "no contact": nothing reaches KRA from this device right now.
NO_CONTACT = frozenset({StatusKind.OFFLINE, StatusKind.NOT_ANSWERING, StatusKind.SERVICE_DOWN})
VSCU_CANNOT_REACH_KRA = "894"  # the VSCU service answers, but says it cannot reach KRA


class DeviceRowLike(Protocol):
    """What the policy reads of one board row (ui/board/board_model.py BoardRow has it)."""

    @property
    def device(self) -> Device: ...
    @property
    def status(self) -> DeviceStatus: ...
    @property
    def pending(self) -> int: ...
    @property
    def needs_fix(self) -> int: ...
    @property
    def needs_check(self) -> int: ...
    @property
    def last_success_at(self) -> datetime | None: ...


class OverallState(StrEnum):
    ALL_SENT = "all_sent"  # nothing waits
    WAITING = "waiting"  # sales wait and go by themselves
    NEEDS_YOU = "needs_you"  # sales need the owner's fix (or check on KRA's portal)


class AlertKind(StrEnum):
    OFFLINE_TOO_LONG = "offline_too_long"
    VSCU_NEAR_LIMIT = "vscu_near_limit"
    NEEDS_YOU = "needs_you"


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    device_name: str
    since: datetime | None = None  # OFFLINE_TOO_LONG, VSCU_NEAR_LIMIT: last contact (or first seen without)
    hours_left: float = 0.0  # VSCU_NEAR_LIMIT: until the limit (0: reached)
    count: int = 0  # NEEDS_YOU: sales that need the owner on this device


@dataclass(frozen=True)
class TraySummary:
    state: OverallState
    pending: int = 0
    needs_you: int = 0
    offline_devices: tuple[str, ...] = ()


def in_contact(row: DeviceRowLike) -> bool | None:
    """True / False when the last check says so; None when it says nothing about contact (never
    checked, key or set-up problems)."""
    if row.status.kind is StatusKind.ONLINE:
        return True
    if row.status.kind in NO_CONTACT:
        return False
    if row.device.type is DeviceType.VSCU and row.status.code == VSCU_CANNOT_REACH_KRA:
        return False
    return None


def summarise(rows: Iterable[DeviceRowLike]) -> TraySummary:
    active = [row for row in rows if row.device.retired_at is None]
    pending = sum(row.pending for row in active)
    needs_you = sum(row.needs_fix + row.needs_check for row in active)
    offline = tuple(row.device.name for row in active if in_contact(row) is False)
    if needs_you:
        state = OverallState.NEEDS_YOU
    elif pending:
        state = OverallState.WAITING
    else:
        state = OverallState.ALL_SENT
    return TraySummary(state, pending, needs_you, offline)


class TrayPolicy:
    """Feed it every board refresh (`update`); it returns the alerts that are new."""

    def __init__(self, settings: DesktopSettings | None = None) -> None:
        self.settings = settings or DesktopSettings()
        self._last_contact: dict[int, datetime] = {}
        self._first_seen_without: dict[int, datetime] = {}
        self._offline_told: set[int] = set()
        self._limit_told: set[int] = set()
        self._needs_you_told: dict[int, int] = {}
        self.started_at: datetime | None = None  # the first refresh seen

    def update(self, rows: Iterable[DeviceRowLike], now: datetime) -> list[Alert]:
        alerts: list[Alert] = []
        if self.started_at is None:
            self.started_at = now
        for row in rows:
            device_id = row.device.id
            if device_id is None or row.device.retired_at is not None:
                continue
            alerts += self._contact_alerts(device_id, row, now)
            alerts += self._needs_you_alerts(device_id, row)
        return alerts

    def _contact_alerts(self, device_id: int, row: DeviceRowLike, now: datetime) -> list[Alert]:
        contact = in_contact(row)
        self._note_contact(device_id, row, contact)
        if contact is False and not self._checked_this_run(row):
            contact = None  # a finding from before this run (yesterday's outage): wait for a fresh check
        if contact is not False:
            if contact:  # back in contact: the next time it goes is a new occurrence
                self._first_seen_without.pop(device_id, None)
                self._offline_told.discard(device_id)
                self._limit_told.discard(device_id)
            return []
        since = self._last_contact.get(device_id) or self._first_seen_without.setdefault(device_id, now)
        without = now - since
        alerts = []
        if device_id not in self._offline_told and without >= timedelta(
            minutes=self.settings.offline_alert_minutes
        ):
            self._offline_told.add(device_id)
            alerts.append(Alert(AlertKind.OFFLINE_TOO_LONG, row.device.name, since=since))
        if row.device.type is DeviceType.VSCU and device_id not in self._limit_told:
            limit = timedelta(hours=self.settings.vscu_offline_limit_hours)
            if without >= limit - timedelta(hours=self.settings.vscu_warn_hours_before):
                self._limit_told.add(device_id)
                left = max(limit - without, timedelta(0)).total_seconds() / 3600
                alerts.append(Alert(AlertKind.VSCU_NEAR_LIMIT, row.device.name, since=since, hours_left=left))
        return alerts

    def _checked_this_run(self, row: DeviceRowLike) -> bool:
        checked = row.status.checked_at
        return checked is not None and self.started_at is not None and checked >= self.started_at

    def _note_contact(self, device_id: int, row: DeviceRowLike, contact: bool | None) -> None:
        """The latest moment this device is known to have been in contact."""
        moments = [row.last_success_at]
        if contact:
            moments.append(row.status.checked_at)
        known = [m for m in moments if m is not None]
        if device_id in self._last_contact:
            known.append(self._last_contact[device_id])
        if known:
            self._last_contact[device_id] = max(known)

    def _needs_you_alerts(self, device_id: int, row: DeviceRowLike) -> list[Alert]:
        count = row.needs_fix + row.needs_check
        told = self._needs_you_told.get(device_id, 0)
        self._needs_you_told[device_id] = count  # fewer now: a later rise is news again
        if count > told:
            return [Alert(AlertKind.NEEDS_YOU, row.device.name, count=count)]
        return []
