"""The board's table view: PRACTICE badges on names, a thin progress bar while a device syncs."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from etims_desktop.domain.clock import utcnow
from etims_desktop.ui.board.board_model import (
    Column,
    DeviceBoardModel,
    DeviceIdRole,
    PracticeRole,
    ProgressRole,
)
from etims_desktop.ui.common.formatting import ago, pending_text
from etims_desktop.ui.common.widgets import PRACTICE_COLOR

STATUS_ICON_ROOM = 40  # the status icon and the cell's margins


PROGRESS_BAR_ROOM = 6  # px under a sending device's count: its progress bar


# Qt's own delegate paints every cell; Python paints only where there is more to draw: the PRACTICE
# badge in the device column and the progress bar in the waiting-sales column. (One Python delegate for
# all cells was half the GUI thread's time while 20 devices drained.)


class PracticeBadgeDelegate(QStyledItemDelegate):
    """The device column: a PRACTICE badge beside (or below) a practice device's name."""

    def _badge_font(self, base: QFont) -> QFont:
        font = QFont(base)
        font.setBold(True)
        font.setPointSizeF(max(6.0, base.pointSizeF() * 0.8))
        return font

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        if index.data(PracticeRole):
            self._paint_badge(painter, option, index)

    def _paint_badge(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        text = QCoreApplication.translate("DeviceBoardView", "PRACTICE")
        name_width = option.fontMetrics.horizontalAdvance(str(index.data()))
        font = self._badge_font(option.font)
        painter.save()
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 10
        height = metrics.height() + 2
        left = option.rect.left() + 4 + name_width + 8
        if left + width > option.rect.right():  # no room beside the name: below it
            left = option.rect.left() + 4
        top = option.rect.center().y() - height // 2
        pill = QRect(left, top, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(PRACTICE_COLOR)))
        painter.drawRoundedRect(pill, 4, 4)
        painter.setPen(QPen(QColor("white")))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(PracticeRole):
            metrics = option.fontMetrics
            size.setWidth(size.width() + metrics.horizontalAdvance("PRACTICE") + 24)
        return size


class ProgressBarDelegate(QStyledItemDelegate):
    """The waiting-sales column: a thin bar under the count while the device's sales are sent."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        progress = index.data(ProgressRole)
        if progress:
            self._paint_progress(painter, option, *progress)

    def _paint_progress(self, painter: QPainter, option: QStyleOptionViewItem, done: int, total: int) -> None:
        rect = option.rect.adjusted(4, option.rect.height() - PROGRESS_BAR_ROOM, -4, -2)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#E0E0E0"))
        painter.drawRect(rect)
        painter.setBrush(QColor("#1565C0"))
        painter.drawRect(
            QRect(rect.left(), rect.top(), int(rect.width() * min(1.0, done / max(1, total))), rect.height())
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(ProgressRole):  # room for the bar under the text
            size.setHeight(size.height() + PROGRESS_BAR_ROOM)
        return size


class DeviceBoardView(QTableView):
    """Enter / double-click opens a device; the context menu is built by the main window."""

    device_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegateForColumn(Column.DEVICE, PracticeBadgeDelegate(self))
        self.setItemDelegateForColumn(Column.PENDING, ProgressBarDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.setIconSize(QSize(20, 20))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setTabKeyNavigation(False)  # Tab leaves the board; arrows move inside it
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.activated.connect(lambda index: self.device_activated.emit(index.data(DeviceIdRole)))

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if isinstance(model, DeviceBoardModel):  # a row that gained a line (time left) or its bar grows
            model.row_shape_changed.connect(self.resizeRowToContents)

    def current_device_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(DeviceIdRole) if index.isValid() else None

    def select_device(self, device_id: int) -> None:
        model = self.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(DeviceIdRole) == device_id:
                self.selectRow(row)
                return

    def fit(self) -> None:
        """Columns to their content, the last problem column takes the rest; rows to their lines."""
        for column in (
            Column.DEVICE,
            Column.TYPE,
            Column.METHOD,
            Column.STATUS,
            Column.PENDING,
            Column.LAST_SYNC,
        ):
            self.resizeColumnToContents(column)
        # "checked just now" grows into "checked under a minute ago": room for it, or the age is cut off
        aged = "999 ms · " + self.tr("checked %1").replace("%1", ago(utcnow() - timedelta(seconds=50)))
        wanted = self.fontMetrics().horizontalAdvance(aged) + STATUS_ICON_ROOM
        if self.columnWidth(Column.STATUS) < wanted:
            self.setColumnWidth(Column.STATUS, wanted)
        # the same for waiting sales, which gain "2 need your fix" (with its icon) after a sync
        waiting = self.fontMetrics().horizontalAdvance(pending_text(999, utcnow() - timedelta(hours=23)))
        if self.columnWidth(Column.PENDING) < waiting + STATUS_ICON_ROOM:
            self.setColumnWidth(Column.PENDING, waiting + STATUS_ICON_ROOM)
        self.resizeRowsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.device_activated.emit(self.currentIndex().data(DeviceIdRole))
            return
        super().keyPressEvent(event)
