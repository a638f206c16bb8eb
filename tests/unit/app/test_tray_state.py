"""The tray's state and alerts (app/tray_state.py): what it says, and that it says each thing once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from etims_desktop.app.desktop_settings import DesktopSettings
from etims_desktop.app.tray_state import AlertKind, OverallState, TrayPolicy, summarise
from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.status import DeviceStatus, StatusKind

T0 = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
PIN = "P051234567X"


@dataclass(frozen=True)
class Row:
    device: Device
    status: DeviceStatus
    pending: int = 0
    needs_fix: int = 0
    needs_check: int = 0
    last_success_at: datetime | None = None


def device(device_id: int = 1, kind: DeviceType = DeviceType.OSCU, name: str = "Till 1") -> Device:
    return Device(id=device_id, name=name, type=kind, pin=PIN, branch_id="00", serial=f"S{device_id}")


def online(at: datetime) -> DeviceStatus:
    return DeviceStatus(StatusKind.ONLINE, at, 40.0)


def offline(at: datetime, kind: StatusKind = StatusKind.OFFLINE, code: str | None = None) -> DeviceStatus:
    return DeviceStatus(kind, at, None, code)


def test_overall_state_follows_the_worst_device():
    assert summarise([]).state is OverallState.ALL_SENT
    assert summarise([Row(device(), online(T0))]).state is OverallState.ALL_SENT
    waiting = summarise([Row(device(1), online(T0)), Row(device(2), offline(T0), pending=3)])
    assert (waiting.state, waiting.pending, waiting.offline_devices) == (OverallState.WAITING, 3, ("Till 1",))
    needs = summarise([Row(device(1), online(T0), pending=2), Row(device(2), online(T0), needs_check=1)])
    assert (needs.state, needs.needs_you) == (OverallState.NEEDS_YOU, 1)


def test_a_retired_device_counts_for_nothing():
    retired = Device(
        id=3, name="Old", type=DeviceType.OSCU, pin=PIN, branch_id="00", serial="S3", retired_at=T0
    )
    assert summarise([Row(retired, offline(T0), needs_fix=4)]).state is OverallState.ALL_SENT
    assert TrayPolicy().update([Row(retired, offline(T0), needs_fix=4)], T0) == []


def test_offline_too_long_is_told_once_per_occurrence():
    policy = TrayPolicy(DesktopSettings(offline_alert_minutes=30))
    till = device()
    assert policy.update([Row(till, online(T0))], T0) == []
    # goes offline: nothing before the limit, counted from the last moment it was seen in contact
    assert policy.update([Row(till, offline(T0 + timedelta(minutes=5)))], T0 + timedelta(minutes=5)) == []
    alerts = policy.update([Row(till, offline(T0 + timedelta(minutes=31)))], T0 + timedelta(minutes=31))
    assert [(a.kind, a.device_name, a.since) for a in alerts] == [(AlertKind.OFFLINE_TOO_LONG, "Till 1", T0)]
    # every later refresh while still offline: silent
    for minutes in (32, 60, 600):
        now = T0 + timedelta(minutes=minutes)
        assert policy.update([Row(till, offline(now))], now) == []
    # back, then offline again: a new occurrence
    back = T0 + timedelta(minutes=601)
    assert policy.update([Row(till, online(back))], back) == []
    later = back + timedelta(minutes=45)
    again = policy.update([Row(till, offline(later))], later)
    assert [(a.kind, a.since) for a in again] == [(AlertKind.OFFLINE_TOO_LONG, back)]


def test_offline_since_start_up_counts_from_the_last_successful_sync():
    policy = TrayPolicy(DesktopSettings(offline_alert_minutes=30))
    row = Row(device(), offline(T0), last_success_at=T0 - timedelta(hours=2))
    alerts = policy.update([row], T0)
    assert [(a.kind, a.since) for a in alerts] == [(AlertKind.OFFLINE_TOO_LONG, T0 - timedelta(hours=2))]


def test_offline_with_no_known_contact_counts_from_when_it_was_first_seen():
    policy = TrayPolicy(DesktopSettings(offline_alert_minutes=30))
    row = Row(device(), offline(T0, StatusKind.NOT_ANSWERING))
    assert policy.update([row], T0) == []
    assert policy.update([row], T0 + timedelta(minutes=29)) == []
    assert [a.kind for a in policy.update([row], T0 + timedelta(minutes=30))] == [AlertKind.OFFLINE_TOO_LONG]


def test_a_set_up_problem_is_not_an_outage():
    policy = TrayPolicy(DesktopSettings(offline_alert_minutes=1))
    row = Row(device(), DeviceStatus(StatusKind.KEY_REJECTED, T0), last_success_at=T0 - timedelta(days=3))
    assert policy.update([row], T0) == []


def test_vscu_near_its_offline_limit_is_told_once_with_the_hours_left():
    settings = DesktopSettings(
        offline_alert_minutes=24 * 60, vscu_offline_limit_hours=24, vscu_warn_hours_before=6
    )
    policy = TrayPolicy(settings)
    vscu = device(2, DeviceType.VSCU, "Back office VSCU")
    # the VSCU service answers but says it cannot reach KRA (894): that is the VSCU's own offline time

    def cut_off(at):  # each live check finds the same
        return Row(vscu, DeviceStatus(StatusKind.NOT_ANSWERING, at, None, "894"), last_success_at=T0)

    first = T0 + timedelta(hours=17, minutes=59)
    assert policy.update([cut_off(first)], first) == []
    at = T0 + timedelta(hours=19)
    alerts = policy.update([cut_off(at)], at)
    assert [(a.kind, a.device_name, round(a.hours_left)) for a in alerts] == [
        (AlertKind.VSCU_NEAR_LIMIT, "Back office VSCU", 5)
    ]
    at = T0 + timedelta(hours=20)
    assert policy.update([cut_off(at)], at) == []
    # an OSCU offline as long is never told about a VSCU limit
    oscu_policy = TrayPolicy(settings)
    at = T0 + timedelta(hours=20)
    oscu = Row(device(3), offline(at), last_success_at=T0)
    assert oscu_policy.update([oscu], at) == []  # (and 20 h is within its 24 h offline alert)


def test_vscu_error_894_counts_as_no_contact_only_for_a_vscu():
    oscu = Row(device(1), DeviceStatus(StatusKind.ERROR, T0, None, "894"))
    vscu = Row(device(2, DeviceType.VSCU), DeviceStatus(StatusKind.ERROR, T0, None, "894"))
    assert summarise([oscu, vscu]).offline_devices == (vscu.device.name,)


def test_sales_that_need_the_owner_are_told_when_their_number_grows():
    policy = TrayPolicy()
    till = device()
    first = policy.update([Row(till, online(T0), needs_fix=2)], T0)
    assert [(a.kind, a.count) for a in first] == [(AlertKind.NEEDS_YOU, 2)]
    assert policy.update([Row(till, online(T0), needs_fix=2)], T0) == []  # the same two: silent
    grown = policy.update([Row(till, online(T0), needs_fix=2, needs_check=1)], T0)
    assert [(a.kind, a.count) for a in grown] == [(AlertKind.NEEDS_YOU, 3)]
    assert policy.update([Row(till, online(T0), needs_fix=1)], T0) == []  # one fixed: silent
    assert [a.count for a in policy.update([Row(till, online(T0), needs_fix=2)], T0)] == [2]  # a new one


def test_desktop_settings_close_to_tray_only_where_a_tray_exists(tmp_path):
    assert DesktopSettings().closes_to_tray(tray_available=True)
    assert not DesktopSettings().closes_to_tray(tray_available=False)
    assert not DesktopSettings(close_to_tray=True).closes_to_tray(tray_available=False)
    assert not DesktopSettings(close_to_tray=False).closes_to_tray(tray_available=True)
    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 1, "desktop": {"offline_alert_minutes": "soon"}}', encoding="utf-8")
    assert DesktopSettings.load(path).offline_alert_minutes == 30  # a bad value keeps its default
    DesktopSettings(offline_alert_minutes=10, start_with_computer=True).save(path)
    loaded = DesktopSettings.load(path)
    assert (loaded.offline_alert_minutes, loaded.start_with_computer) == (10, True)


def test_a_finding_from_before_start_up_waits_for_a_fresh_check():
    policy = TrayPolicy(DesktopSettings(offline_alert_minutes=30))
    yesterday = T0 - timedelta(days=1)
    stale = Row(device(), offline(yesterday), last_success_at=yesterday - timedelta(hours=1))
    assert policy.update([stale], T0) == []  # the app just started: its status is yesterday's
    fresh = Row(device(), offline(T0 + timedelta(minutes=1)), last_success_at=yesterday - timedelta(hours=1))
    alerts = policy.update([fresh], T0 + timedelta(minutes=1))
    assert [(a.kind, a.since) for a in alerts] == [
        (AlertKind.OFFLINE_TOO_LONG, yesterday - timedelta(hours=1))
    ]
