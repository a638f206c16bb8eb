"""The board's view: Qt paints the cells, Python only the PRACTICE badge and the progress bar - seen
in the pixels of a real view (offscreen), and rows tall enough for what they show."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyledItemDelegate

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.status import DeviceStatus
from etims_desktop.sync.report import Progress
from etims_desktop.ui.board.board_model import BoardRow, Column, DeviceBoardModel
from etims_desktop.ui.board.board_view import (
    DeviceBoardView,
    PracticeBadgeDelegate,
    ProgressBarDelegate,
)
from etims_desktop.ui.common.widgets import PRACTICE_COLOR

from .test_board_model import device

BAR = QColor("#1565C0")


def board(qtbot, rows: list[BoardRow]) -> tuple[DeviceBoardView, DeviceBoardModel]:
    view = DeviceBoardView()
    qtbot.addWidget(view)
    model = DeviceBoardModel(view)
    view.setModel(model)
    view.resize(1366, 300)
    model.set_rows(rows)
    view.fit()
    view.show()
    return view, model


def colored(image: QImage, view: DeviceBoardView, row: int, column: Column, color: QColor) -> int:
    """How many pixels of this color the cell shows."""
    rect = view.visualRect(view.model().index(row, column))
    return sum(
        1
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
        if image.pixelColor(x, y) == color
    )


def longest_bar(image: QImage, view: DeviceBoardView, row: int, column: Column) -> int:
    """The longest horizontal run of the bar's color in the cell (an icon's blue is no bar)."""
    rect = view.visualRect(view.model().index(row, column))
    longest = 0
    for y in range(rect.top(), rect.bottom()):
        run = 0
        for x in range(rect.left(), rect.right()):
            run = run + 1 if image.pixelColor(x, y) == BAR else 0
            longest = max(longest, run)
    return longest


def test_python_paints_only_the_badge_and_bar_columns(qtbot):
    view, _model = board(qtbot, [BoardRow(device(1, "Till 1"), DeviceStatus())])
    assert type(view.itemDelegateForColumn(Column.DEVICE)) is PracticeBadgeDelegate
    assert type(view.itemDelegateForColumn(Column.PENDING)) is ProgressBarDelegate
    for column in (Column.TYPE, Column.METHOD, Column.STATUS, Column.LAST_SYNC, Column.PROBLEM):
        assert view.itemDelegateForColumn(column) is None  # the view's own: Qt's, no Python per cell
    assert type(view.itemDelegate()) is QStyledItemDelegate


def test_the_badge_and_the_bar_are_painted_where_they_belong(qtbot):
    rows = [
        BoardRow(device(1, "Practice till", practice=True), DeviceStatus(), pending=10),
        BoardRow(device(2, "Till 2"), DeviceStatus(), pending=10),
    ]
    view, model = board(qtbot, rows)
    model.set_progress(Progress(2, "sending", done=5, total=10))
    image = view.viewport().grab().toImage()
    assert image.devicePixelRatio() == 1
    purple = QColor(PRACTICE_COLOR)
    assert colored(image, view, 0, Column.DEVICE, purple) > 50  # the PRACTICE badge
    assert colored(image, view, 1, Column.DEVICE, purple) == 0
    width = view.columnWidth(Column.PENDING)
    assert width // 2 - 10 <= longest_bar(image, view, 1, Column.PENDING) <= width // 2  # 5 of 10 sent
    assert longest_bar(image, view, 0, Column.PENDING) == 0  # not syncing: no bar
    for column in (Column.DEVICE, Column.STATUS, Column.LAST_SYNC, Column.PROBLEM):
        assert longest_bar(image, view, 1, column) <= view.iconSize().width()  # an icon at most: no bar


def test_the_time_left_line_gets_room_above_the_bar(qtbot):
    """'less than a minute left' joins the count on a line of its own: the row grows at once (it was
    cut off under the bar until the next refresh when another cell already had two lines)."""
    rows = [
        BoardRow(
            device(1, "Till 1"), DeviceStatus(), pending=100, last_success_at=utcnow() - timedelta(hours=1)
        )
    ]
    view, model = board(qtbot, rows)  # the last sync's cell has two lines: time and age
    clock = [0.0]
    model.monotonic = lambda: clock[0]
    model.set_progress(Progress(1, "sending", done=1, total=100))
    clock[0] += 5.0
    model.set_progress(Progress(1, "sending", done=50, total=100))
    qtbot.waitUntil(lambda: "left" in model.index(0, Column.PENDING).data() and not model._progress_due)
    assert model.index(0, Column.PENDING).data().count("\n") == 1
    assert view.rowHeight(0) >= view.sizeHintForRow(0)  # two lines and the bar's room
