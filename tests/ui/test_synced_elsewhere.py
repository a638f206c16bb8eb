"""A device another etims-desktop is syncing: what the report, its panel and the board say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.sync.device_lock import SYNCED_ELSEWHERE
from etims_desktop.sync.report import DeviceSyncReport, Outcome, SyncReport
from etims_desktop.ui.board.board_model import BoardRow, Column, DeviceBoardModel
from etims_desktop.ui.board.sync_report import OUTCOME_ICONS, SyncReportPanel, headline

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def left_alone() -> DeviceSyncReport:
    return DeviceSyncReport(
        1,
        "Till 1",
        "OSCU",
        DeviceStatus(StatusKind.ONLINE, NOW),
        still_pending=12,
        waiting_reason=SYNCED_ELSEWHERE,
        synced_elsewhere=True,
    )


def test_the_report_says_the_device_was_left_to_another_program(qtbot):
    device = left_alone()
    run = SyncReport(3, NOW, NOW + timedelta(seconds=1), [device])

    assert device.outcome is Outcome.SYNCED_ELSEWHERE and run.exit_code == 1  # 1: something still waits
    assert device.summary() == (
        "Left alone: another etims-desktop on this computer is syncing this device right now. "
        "12 still waiting because another etims-desktop on this computer is sending them right now."
    )
    assert device.to_json()["outcome"] == "synced_elsewhere"
    assert "left to another etims-desktop on this computer" in headline(run)
    assert set(OUTCOME_ICONS) == set(Outcome)  # every outcome has its badge
    panel = SyncReportPanel()
    qtbot.addWidget(panel)
    panel.show_report(run)
    assert panel.device_labels[1].text().startswith("Left alone: another etims-desktop")


def test_even_with_nothing_left_a_skipped_device_is_not_called_up_to_date():
    device = left_alone()
    device.still_pending = 0
    assert device.outcome is Outcome.SYNCED_ELSEWHERE
    assert SyncReport(3, NOW, NOW, [device]).exit_code == 1  # we did not check it ourselves


def test_the_board_shows_the_device_is_being_synced_elsewhere(qapp):
    till = Device(
        1, "Till 1", DeviceType.OSCU, "P051234567X", "00", "SN1", Environment.CUSTOM, "http://127.0.0.1:9"
    )
    status = DeviceStatus(StatusKind.ONLINE, NOW)
    model = DeviceBoardModel()
    model.now = NOW
    model.set_rows([BoardRow(till, status, pending=12, synced_elsewhere=True)])
    index = model.index(0, Column.STATUS)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Being synced by another etims-desktop"
    assert "carries on by itself when it has finished" in index.data(Qt.ItemDataRole.ToolTipRole)

    model.set_rows([BoardRow(till, status, pending=0)])  # the window took the device back
    assert model.index(0, Column.STATUS).data(Qt.ItemDataRole.DisplayRole).startswith("online")
