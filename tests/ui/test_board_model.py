"""The board model's words: status, queue age, progress, practice flag, last problem (no store needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.sync.report import Progress
from etims_desktop.ui.board.board_model import BoardRow, Column, DeviceBoardModel, PracticeRole, ProgressRole
from etims_desktop.ui.common.formatting import age, ago, pending_text

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def device(device_id: int, name: str, kind: DeviceType = DeviceType.OSCU, practice: bool = False) -> Device:
    return Device(
        id=device_id,
        name=name,
        type=kind,
        pin="P051234567X",
        branch_id="00",
        serial=f"SN{device_id}",
        environment=Environment.CUSTOM,
        base_url="http://127.0.0.1:9",
        scu_id="KRACU0100000001",
        practice=practice,
    )


def text(model: DeviceBoardModel, row: int, column: Column) -> str:
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_ages_read_like_speech():
    assert ago(NOW - timedelta(seconds=10), NOW) == "just now"
    assert ago(NOW - timedelta(minutes=2), NOW) == "2 min ago"
    assert ago(NOW - timedelta(hours=3, minutes=5), NOW) == "3 h ago"
    assert ago(None, NOW) == "never"
    assert age(NOW - timedelta(days=1), NOW) == "24 h"
    assert age(NOW - timedelta(days=3), NOW) == "3 days"
    assert pending_text(12, NOW - timedelta(hours=3), NOW) == "12 waiting, oldest 3 h"
    assert pending_text(0, None, NOW) == "nothing waiting"


def test_rows_show_status_queue_last_sync_and_problem(qapp):
    model = DeviceBoardModel()
    model.now = NOW
    online = DeviceStatus(StatusKind.ONLINE, NOW - timedelta(minutes=2), 42.4)
    down = DeviceStatus(
        StatusKind.SERVICE_DOWN,
        NOW - timedelta(minutes=1),
        plain="Nothing answers at http://127.0.0.1:9.",
        next_step="Start the KRA VSCU service.",
    )
    model.set_rows(
        [
            BoardRow(device(1, "Till 1"), online, last_success_at=NOW - timedelta(hours=1)),
            BoardRow(
                device(2, "Back office", DeviceType.VSCU, practice=True),
                down,
                pending=12,
                oldest_pending_at=NOW - timedelta(hours=3),
                needs_fix=2,
                last_error=down.plain,
                next_step=down.next_step,
            ),
        ]
    )
    assert model.rowCount() == 2
    assert text(model, 0, Column.STATUS) == "online\n42 ms · checked 2 min ago"
    assert text(model, 0, Column.METHOD) == "real-time"
    assert text(model, 0, Column.PENDING) == "nothing waiting"
    assert "1 h ago" in text(model, 0, Column.LAST_SYNC)
    assert text(model, 1, Column.TYPE) == "VSCU"
    assert text(model, 1, Column.METHOD) == "in batches"
    assert text(model, 1, Column.PENDING) == "12 waiting, oldest 3 h\n2 need your fix"
    assert text(model, 1, Column.LAST_SYNC) == "never"
    assert (
        text(model, 1, Column.PROBLEM)
        == "Nothing answers at http://127.0.0.1:9.\nWhat to do: Start the KRA VSCU service."
    )
    assert model.index(1, Column.DEVICE).data(PracticeRole) is True
    assert model.index(0, Column.DEVICE).data(PracticeRole) is False


def test_progress_shows_while_syncing_and_clears_when_done(qapp):
    model = DeviceBoardModel()
    model.now = NOW
    model.set_rows([BoardRow(device(1, "Till 1"), DeviceStatus(), pending=5)])
    changed = []
    model.dataChanged.connect(lambda *_: changed.append(1))

    model.set_progress(Progress(1, "sending", done=2, total=5))
    assert text(model, 0, Column.STATUS) == "Syncing: sending 2 of 5"
    assert text(model, 0, Column.PENDING).startswith("sending 2 of 5")
    assert model.index(0, Column.PENDING).data(ProgressRole) == (2, 5)
    assert changed

    model.set_progress(Progress(1, "done"))
    assert text(model, 0, Column.STATUS) == "not checked yet"
    assert model.index(0, Column.PENDING).data(ProgressRole) is None


def test_a_long_drain_shows_its_progress_and_time_left_on_the_device_row(qapp):
    """A backlog after a day offline: the row shows a bar (ProgressRole), the count, and - once the
    drain has gone on long enough to tell - the time left at its rate so far."""
    model = DeviceBoardModel()
    model.now = NOW
    clock = [1000.0]
    model.monotonic = lambda: clock[0]
    model.set_rows([BoardRow(device(1, "Till 1"), DeviceStatus(), pending=2000)])

    model.set_progress(Progress(1, "checking"))
    model.set_progress(Progress(1, "sending", done=1, total=2000))
    assert text(model, 0, Column.PENDING) == "sending 1 of 2000"  # too early to tell
    clock[0] += 1.0
    model.set_progress(Progress(1, "sending", done=4, total=2000))
    assert "left" not in text(model, 0, Column.PENDING)

    clock[0] += 29.0  # 100 sales in 30 s: the 1,899 to go take 569.7 s
    model.set_progress(Progress(1, "sending", done=101, total=2000))
    assert model.index(0, Column.PENDING).data(ProgressRole) == (101, 2000)
    assert model.seconds_left(1) == pytest.approx(569.7)
    assert text(model, 0, Column.PENDING) == "sending 101 of 2000\nabout 9 minutes left"

    clock[0] += 540.0  # 1,900 sales in 570 s: the last 30 take 9 s
    model.set_progress(Progress(1, "sending", done=1970, total=2000))
    assert text(model, 0, Column.PENDING) == "sending 1970 of 2000\nless than a minute left"

    model.set_progress(Progress(1, "done"))
    assert model.seconds_left(1) is None
    assert "left" not in text(model, 0, Column.PENDING)


def test_time_left_of_a_very_long_drain_reads_in_hours(qapp):
    model = DeviceBoardModel()
    clock = [0.0]
    model.monotonic = lambda: clock[0]
    model.set_rows([BoardRow(device(1, "Till 1"), DeviceStatus(), pending=20000)])
    model.set_progress(Progress(1, "sending", done=0, total=20000))
    clock[0] += 60.0
    model.set_progress(Progress(1, "sending", done=150, total=20000))  # 2.5 a second: 19,850 in 7,940 s
    assert text(model, 0, Column.PENDING) == "sending 150 of 20000\nabout 2 h 12 min left"


def test_counts_within_a_phase_repaint_at_most_every_tick(qtbot):
    """A drain reports every sale; the board repaints a new count at most every PROGRESS_REPAINT_MS,
    a new phase at once - and the last count always shows."""
    model = DeviceBoardModel()
    model.set_rows([BoardRow(device(1, "Till 1"), DeviceStatus(), pending=500)])
    changed = []
    model.dataChanged.connect(lambda *_: changed.append(1))

    model.set_progress(Progress(1, "checking"))
    model.set_progress(Progress(1, "sending", done=1, total=500))
    assert len(changed) == 2  # each new phase at once
    for done in range(2, 501):
        model.set_progress(Progress(1, "sending", done=done, total=500))
    assert len(changed) == 2  # 499 more counts in one go: none painted yet ...
    assert model.index(0, Column.PENDING).data(ProgressRole) == (500, 500)  # ... but the data is current
    qtbot.waitUntil(lambda: len(changed) == 3, timeout=2000)  # one repaint for all of them
    model.set_progress(Progress(1, "done"))
    assert len(changed) == 4 and model.index(0, Column.PENDING).data(ProgressRole) is None


def test_same_devices_update_in_place_new_devices_reset(qapp):
    model = DeviceBoardModel()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    row = BoardRow(device(1, "Till 1"), DeviceStatus())
    model.set_rows([row])
    model.set_rows([BoardRow(row.device, DeviceStatus(), pending=3)])
    assert len(resets) == 1  # the second call kept the rows (selection survives a refresh)
    assert model.board_row(1).pending == 3
    model.set_rows([row, BoardRow(device(2, "Till 2"), DeviceStatus())])
    assert len(resets) == 2


def test_the_cells_follow_progress_rows_and_the_clock(qapp):
    """data() reads cells computed beforehand: each change that shows computes them anew - a count
    read before its repaint tick, new rows from a refresh, the clock's tick - and a tooltip built on a
    hover is built again after the row changed."""
    model = DeviceBoardModel()
    model.now = NOW
    status = DeviceStatus(StatusKind.ONLINE, NOW - timedelta(minutes=2), 40.0)
    till = device(1, "Till 1")
    model.set_rows([BoardRow(till, status, pending=3, last_success_at=NOW - timedelta(hours=1))])
    assert "3 sales still have to reach KRA." in model.index(0, Column.PENDING).data(
        Qt.ItemDataRole.ToolTipRole
    )

    model.set_progress(Progress(1, "sending", done=1, total=3))
    model.set_progress(Progress(1, "sending", done=2, total=3))  # same phase: painted at the next tick ...
    assert text(model, 0, Column.PENDING) == "sending 2 of 3"  # ... yet read now, it is the new count
    assert text(model, 0, Column.STATUS) == "Syncing: sending 2 of 3"
    assert model.index(0, Column.PENDING).data(ProgressRole) == (2, 3)
    model.clear_progress()
    assert text(model, 0, Column.PENDING) == "3 waiting"
    assert model.index(0, Column.PENDING).data(ProgressRole) is None

    model.set_rows([BoardRow(till, status, pending=1, needs_fix=1, last_success_at=NOW - timedelta(hours=1))])
    assert text(model, 0, Column.PENDING) == "1 waiting\n1 needs your fix"
    tooltip = model.index(0, Column.PENDING).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 sale still has to reach KRA." in tooltip and "needs your fix" in tooltip

    model.now = NOW + timedelta(minutes=3)
    assert text(model, 0, Column.STATUS) == "online\n40 ms · checked 2 min ago"  # until the tick
    model.tick()
    assert text(model, 0, Column.STATUS) == "online\n40 ms · checked 5 min ago"
    assert text(model, 0, Column.LAST_SYNC).endswith("1 h ago")


def test_a_row_that_gains_a_line_while_sending_asks_for_its_new_height(qapp):
    """The bar, then the time left under the count: the row's shape changes, the view resizes it."""
    model = DeviceBoardModel()
    clock = [0.0]
    model.monotonic = lambda: clock[0]
    model.set_rows(
        [
            BoardRow(device(1, "Till 1"), DeviceStatus(), pending=100),
            BoardRow(device(2, "Till 2"), DeviceStatus()),
        ]
    )
    before = model.line_counts()
    asked = []
    model.row_shape_changed.connect(asked.append)

    model.set_progress(Progress(1, "sending", done=1, total=100))  # a new phase: shown at once, with its bar
    assert asked == [0]
    clock[0] += 5.0
    model.set_progress(Progress(1, "sending", done=20, total=100))
    model._paint_progress_due()  # the repaint tick: "less than a minute left" on a line of its own
    assert asked == [0, 0]
    assert model.line_counts() != before
    model.set_progress(Progress(1, "done"))
    assert asked == [0, 0, 0] and model.line_counts() == before


def test_a_reload_repaints_only_the_cells_that_changed(qapp):
    """A drain's reloads bring new counts every second: only those cells are computed and repainted;
    a new problem repaints its whole row; an unchanged row nothing."""
    model = DeviceBoardModel()
    model.now = NOW
    till, office = device(1, "Till 1"), device(2, "Back office")
    model.set_rows([BoardRow(till, DeviceStatus(), pending=5), BoardRow(office, DeviceStatus(), pending=2)])
    changed = []
    model.dataChanged.connect(
        lambda first, last: changed.append((first.row(), first.column(), last.column()))
    )

    model.set_rows([BoardRow(till, DeviceStatus(), pending=4), BoardRow(office, DeviceStatus(), pending=2)])
    assert changed == [(0, Column.STATUS, Column.PENDING)]
    assert text(model, 0, Column.PENDING) == "4 waiting"

    changed.clear()
    problem = "Nothing answers at http://127.0.0.1:9."
    model.set_rows(
        [
            BoardRow(till, DeviceStatus(), pending=4),
            BoardRow(office, DeviceStatus(), pending=2, last_error=problem),
        ]
    )
    assert changed == [(1, Column.DEVICE, Column.PROBLEM)]
    assert text(model, 1, Column.PROBLEM) == problem
    assert model.index(1, Column.PROBLEM).data(Qt.ItemDataRole.ToolTipRole) == problem
