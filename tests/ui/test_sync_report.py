"""The sync report tells the truth: nothing is called success when it did not reach KRA."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.sync.report import DeviceSyncReport, Outcome, SyncReport
from etims_desktop.ui.board.sync_report import SyncReportPanel, headline, overall_icon

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def signed(device_id=1, n=3) -> DeviceSyncReport:
    return DeviceSyncReport(device_id, "Till 1", "OSCU", DeviceStatus(StatusKind.ONLINE, START), signed=n)


def unreachable(device_id=2, waiting=2) -> DeviceSyncReport:
    return DeviceSyncReport(
        device_id,
        "Back office",
        "VSCU",
        DeviceStatus(
            StatusKind.SERVICE_DOWN,
            START,
            plain="Nothing answers at http://127.0.0.1:9",
            next_step="Start the KRA VSCU service on that computer.",
        ),
        still_pending=waiting,
        waiting_reason="the VSCU service is not running",
    )


def report(*devices) -> SyncReport:
    return SyncReport(7, START, START + timedelta(seconds=2), list(devices))


def test_headline_when_nothing_reached_kra_never_claims_success():
    text = headline(report(unreachable(2), unreachable(3)))
    assert text.startswith("No device could reach KRA: nothing was sent.")
    assert "signed" not in text and "reached KRA." not in text
    assert "4 sales are still waiting." in text
    assert overall_icon(report(unreachable())) == "status-offline"


def test_headline_mixed_run():
    text = headline(report(signed(1, 3), unreachable(2, 2)))
    assert "1 of 2 devices could not reach KRA: nothing was sent for them." in text
    assert "3 sales were signed by KRA." in text
    assert "2 sales are still waiting." in text
    assert "Every device reached KRA" not in text


def test_headline_all_good_and_up_to_date():
    up_to_date = DeviceSyncReport(1, "Till 1", "OSCU", DeviceStatus(StatusKind.ONLINE, START))
    assert up_to_date.outcome is Outcome.UP_TO_DATE
    assert headline(report(up_to_date)) == "The device reached KRA. Nothing was waiting."
    assert headline(report(signed(1, 1))) == "1 sale was signed by KRA. The device reached KRA."


def test_panel_lists_each_device_with_its_summary_and_next_step(qtbot):
    panel = SyncReportPanel()
    qtbot.addWidget(panel)
    panel.show_report(report(signed(1, 3), unreachable(2, 2)))
    assert panel.isVisible()
    assert panel.device_labels[1].text() == "Signed 3 sales."
    down = panel.device_labels[2].text()
    assert down.startswith("Nothing was sent: nothing answers at http://127.0.0.1:9.")
    assert "2 still waiting because the VSCU service is not running." in down
    assert "What to do: Start the KRA VSCU service on that computer." in down
    opened = []
    panel.device_activated.connect(opened.append)
    panel.device_activated.emit(2)
    assert opened == [2]
