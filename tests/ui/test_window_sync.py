"""Sync all from the window: one device fails, one succeeds; the report and the board tell the truth."""

from __future__ import annotations

from PySide6.QtCore import Qt

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import StatusKind
from etims_desktop.ui.board.board_model import Column

from .helpers import connect_device, queue_sales, run


def cell(window, device_id: int, column: Column) -> str:
    row = window.model.row_of(device_id)
    return window.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_sync_all_one_device_failing_one_succeeding(qtbot, qloop, services, window, oscu_sim, vscu_sim):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-OSCU-1", "OSCU"))
    office = run(qloop, connect_device(services, vscu_sim, "Back office", "SN-VSCU-1", "VSCU"))
    run(qloop, queue_sales(services, till.id, 3))
    run(qloop, queue_sales(services, office.id, 2))
    vscu_sim.go_offline()  # the shop's VSCU service is down: nothing may be called a success for it
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 and window.model.board_row(office.id).pending == 2)

    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    assert not window.sync_button.isEnabled()  # a second click cannot start a second run
    assert not window.sync.sync_all()  # ... nor can F5 or the menu
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.sync_button.isEnabled())

    report = window.sync.last_report
    assert len(report.devices) == 2
    by_id = {d.device_id: d for d in report.devices}
    assert by_id[till.id].signed == 3
    assert by_id[office.id].signed == 0 and by_id[office.id].still_pending == 2

    # the report panel, device by device
    assert window.report.isVisible()
    assert window.report.device_labels[till.id].text().startswith("Signed 3 sales.")
    office_text = window.report.device_labels[office.id].text()
    assert office_text.startswith("Nothing was sent:")
    assert "2 still waiting" in office_text
    assert "What to do:" in office_text
    assert "1 of 2 devices could not reach KRA: nothing was sent for them." in window.report.headline.text()
    assert "3 sales were signed by KRA." in window.report.headline.text()

    # the board after the run (the refresh that follows the run's end records the successful sync)
    qtbot.waitUntil(lambda: window.model.board_row(till.id).last_success_at is not None)
    till_row = window.model.board_row(till.id)
    office_row = window.model.board_row(office.id)
    assert till_row.status.kind is StatusKind.ONLINE
    assert till_row.last_success_at is not None
    assert cell(window, till.id, Column.PENDING) == "nothing waiting"
    assert office_row.pending == 2
    assert office_row.status.kind is StatusKind.SERVICE_DOWN
    assert office_row.last_success_at is None
    assert cell(window, office.id, Column.PENDING).startswith("2 waiting, oldest")
    assert cell(window, office.id, Column.PROBLEM)  # plain words about the service being down
    assert "1 of 2 devices online" in window.connectivity.text()

    # exactly one run happened, and the simulator really holds the three sales
    runs = run(qloop, services.store.list_sync_runs(None, 10))
    assert len(runs) == 1
    assert len(oscu_sim.signed_sales(till.pin, till.branch_id)) == 3
    counts = run(qloop, services.store.outbox_counts(office.id))
    assert sum(n for state, n in counts.items() if state.pending) == 2
    assert counts.get(OutboxState.SIGNED, 0) == 0


def test_queue_counts_change_on_the_board_during_a_drain(qtbot, qloop, services, window, oscu_sim):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-OSCU-2", "OSCU"))
    run(qloop, queue_sales(services, till.id, 24))
    oscu_sim.set_latency(0.04)  # ~1 s of sending: long enough to watch the queue go down
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: window.model.board_row(till.id) and window.model.board_row(till.id).pending == 24)
    qtbot.waitUntil(lambda: not window.refresher.busy)  # no load from before the sync still on its way

    seen: list[int] = []
    progress_texts: list[str] = []
    window.refresher.refreshed.connect(lambda: seen.append(window.model.board_row(till.id).pending))
    window.model.dataChanged.connect(lambda *_: progress_texts.append(cell(window, till.id, Column.STATUS)))
    loads_before = window.refresher.loads

    window.sync_all()
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.model.board_row(till.id).pending == 0)

    assert any(0 < n < 24 for n in seen), seen  # the board showed the queue shrinking mid-drain
    assert seen == sorted(seen, reverse=True)  # and it only ever went down
    assert any("sending" in text for text in progress_texts)
    refreshes = window.refresher.loads - loads_before
    assert refreshes < 24  # coalesced: far fewer reloads than device events
    assert window.sync.last_report.devices[0].signed == 24
