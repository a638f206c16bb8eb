"""The device board: one row per device with its KRA status, queue, last sync and last problem."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from etims_desktop.domain.device import Device
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.sync.report import DOCUMENT_WORDS, Progress
from etims_desktop.ui.common.formatting import ago, local_time, pending_text, rtt_text
from etims_desktop.ui.common.icons import icon, status_icon
from etims_desktop.ui.common.text import plural, tr_core


@dataclass(frozen=True)
class BoardRow:
    """Everything the board shows about one device (plain values read from the store)."""

    device: Device
    status: DeviceStatus
    pending: int = 0
    oldest_pending_at: datetime | None = None
    needs_fix: int = 0
    needs_check: int = 0  # KRA's answers left them unclear: the owner looks them up on KRA's portal
    uncertain: int = 0
    last_success_at: datetime | None = None
    last_error: str | None = None
    next_step: str | None = None
    synced_elsewhere: bool = False  # another program on this computer was draining it when we tried
    # The document queue per group ("purchases", "imports", "stock"): waiting, and refused by KRA.
    documents_pending: dict[str, int] = field(default_factory=dict)
    documents_need_fix: dict[str, int] = field(default_factory=dict)


class Column(IntEnum):
    DEVICE = 0
    TYPE = 1
    METHOD = 2
    STATUS = 3
    PENDING = 4
    LAST_SYNC = 5
    PROBLEM = 6


DeviceIdRole = Qt.ItemDataRole.UserRole + 1
PracticeRole = Qt.ItemDataRole.UserRole + 2
ProgressRole = Qt.ItemDataRole.UserRole + 3  # (done, total) while a sync sends this device's sales

# A drain reports every sale sent; repainting the board for each one cost a fifth of the GUI thread
# during a big drain. Counts within one phase are shown at most every PROGRESS_REPAINT_MS: 4 times a
# second still reads as moving, and 20 devices' rows at 10 a second were a third of a slow PC's GUI thread.
PROGRESS_REPAINT_MS = 250

# Time left on a device's row while it sends: shown once the drain has sent for this long and at least
# TIME_LEFT_MIN_SALES sales (earlier estimates jump about), from the average rate since sending began.
TIME_LEFT_AFTER_SECONDS = 3.0
TIME_LEFT_MIN_SALES = 5

# The columns a device's sync progress changes (its status words and icon, its count and bar), and
# those whose words age with the clock ("checked 2 min ago", "oldest 3 h", "1 h ago").
PROGRESS_COLUMNS = (Column.STATUS, Column.PENDING)
AGING_COLUMNS = (Column.STATUS, Column.PENDING, Column.LAST_SYNC)

DisplayRole = Qt.ItemDataRole.DisplayRole
ToolTipRole = Qt.ItemDataRole.ToolTipRole
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

Cell = dict[int, object]  # one cell's values by role: what data() answers, computed once
RowShape = tuple[int, int, bool]  # what a row's height follows (DeviceBoardModel._shape)

PHASE_WORDS = {
    "checking": QT_TRANSLATE_NOOP("Core", "checking the connection…"),
    "resolving": QT_TRANSLATE_NOOP("Core", "asking KRA about uncertain sales…"),
    "sending": QT_TRANSLATE_NOOP("Core", "sending…"),
    "refreshing": QT_TRANSLATE_NOOP("Core", "refreshing code lists…"),
}


def changed_columns(old: BoardRow, new: BoardRow) -> tuple[Column, ...]:
    """The columns to compute again when a reload brings `new` for `old` (the same device): none when
    nothing changed; the status and waiting columns when only the queue's counts did (each sale sent
    changes them); else all. (The ages in the words follow the clock's tick.)"""
    if new == old:
        return ()
    counts_only = replace(
        old,
        pending=new.pending,
        oldest_pending_at=new.oldest_pending_at,
        uncertain=new.uncertain,
        documents_pending=new.documents_pending,
        documents_need_fix=new.documents_need_fix,
    )
    return PROGRESS_COLUMNS if counts_only == new else tuple(Column)


class DeviceBoardModel(QAbstractTableModel):
    """Rows come from `set_rows` (a refresh from the store); sync progress from `set_progress`.

    Every cell's values are computed when what they show changes (rows, progress, the clock's tick)
    and kept in `_cells`: Qt asks data() for seven roles per cell it paints, and while 20 devices drain
    each answer built anew was GUI-thread time taken from the drain."""

    # A row needs another height (it gained or lost a line, or its progress bar): the view resizes it.
    row_shape_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BoardRow] = []
        self._row_of: dict[int, int] = {}  # device id -> its row (each progress report looks it up)
        self._cells: list[list[Cell]] = []  # per row, per column
        self._shapes: list[RowShape] = []  # per row: its shape when the view last sized it
        self._stale: set[int] = set()  # rows whose progress columns wait for the repaint tick
        self._problem_brush = QBrush(QColor("#B71C1C"))
        self._progress: dict[int, Progress] = {}
        self._progress_due: set[int] = set()  # devices whose newer count is not painted yet
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_REPAINT_MS)
        self._progress_timer.timeout.connect(self._paint_progress_due)
        self._sending_since: dict[
            int, tuple[float, int]
        ] = {}  # device -> (monotonic, done) when sending began
        self.now: datetime | None = None  # tests pin the clock; None = real time
        self.monotonic = time.monotonic  # tests replace it to make the time left predictable

    # -- feeding -----------------------------------------------------------------------------
    def set_rows(self, rows: list[BoardRow]) -> None:
        if [r.device.id for r in rows] != [r.device.id for r in self._rows]:
            self.beginResetModel()
            self._rows = list(rows)
            self._row_of = {row.device.saved_id: i for i, row in enumerate(rows)}
            self._compute_all()
            self._shapes = [self._shape(i) for i in range(len(rows))]  # the reset sizes every row
            self.endResetModel()
            return
        before, self._rows = self._rows, list(rows)
        for i, (old, new) in enumerate(zip(before, rows, strict=True)):
            columns = changed_columns(old, new)  # a drain's reload changes the counts, little else
            if columns:
                self._compute(i, columns)
                self.dataChanged.emit(self.createIndex(i, columns[0]), self.createIndex(i, columns[-1]))
                self._announce_shapes((i,))

    def set_progress(self, progress: Progress) -> None:
        """A device's sync progress. A new phase shows at once; a new count within the same phase
        at the next repaint tick (PROGRESS_REPAINT_MS)."""
        previous = self._progress.get(progress.device_id)
        if progress.phase == "done":
            self._progress.pop(progress.device_id, None)
        else:
            self._progress[progress.device_id] = progress
        if progress.phase != "sending":
            self._sending_since.pop(progress.device_id, None)
        elif progress.device_id not in self._sending_since:
            self._sending_since[progress.device_id] = (self.monotonic(), progress.done)
        if previous is not None and previous.phase == progress.phase:
            row = self.row_of(progress.device_id)
            if row is not None:
                self._stale.add(row)  # read before the tick, the row computes its new count then
            self._progress_due.add(progress.device_id)
            if not self._progress_timer.isActive():
                self._progress_timer.start()
            return
        self._progress_due.discard(progress.device_id)
        self._progress_changed(progress.device_id)

    def _paint_progress_due(self) -> None:
        due, self._progress_due = self._progress_due, set()
        for device_id in due:
            self._progress_changed(device_id)

    def _progress_changed(self, device_id: int) -> None:
        row = self.row_of(device_id)
        if row is not None:
            self._compute(row, PROGRESS_COLUMNS)
            # createIndex: index() asks the Python rowCount and columnCount first, 4 times a second a device
            self.dataChanged.emit(self.createIndex(row, Column.STATUS), self.createIndex(row, Column.PENDING))
            self._announce_shapes((row,))

    def clear_progress(self) -> None:
        self._progress.clear()
        self._sending_since.clear()
        self._compute_all()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))
            self._announce_shapes(range(len(self._rows)))

    def tick(self) -> None:
        """Let 'checked 2 min ago' age without a reload."""
        for row in range(len(self._rows)):
            self._compute(row, AGING_COLUMNS)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.STATUS), self.index(len(self._rows) - 1, Column.LAST_SYNC)
            )
            self._announce_shapes(range(len(self._rows)))

    # -- the cells ---------------------------------------------------------------------------
    def _compute_all(self) -> None:
        self._stale.clear()
        self._cells = [[{} for _column in Column] for _row in self._rows]
        for row in range(len(self._rows)):
            self._compute(row, Column)

    def _compute(self, i: int, columns: Iterable[Column]) -> None:
        """Row i's values in these columns, as data() answers them."""
        self._stale.discard(i)  # every caller's columns include the PROGRESS_COLUMNS
        row = self._rows[i]
        for column in columns:
            cell: Cell = {
                DeviceIdRole: row.device.id,
                PracticeRole: row.device.practice,
                DisplayRole: self._display(row, column),  # its tooltip when first asked (hover)
                Qt.ItemDataRole.DecorationRole: self._decoration(row, column),
                Qt.ItemDataRole.TextAlignmentRole: LEFT_MIDDLE,
            }
            if column is Column.PENDING:
                p = self._progress.get(row.device.saved_id)
                cell[ProgressRole] = (p.done, p.total) if p and p.total else None
            if column is Column.PROBLEM:
                cell[Qt.ItemDataRole.ForegroundRole] = self._problem_brush
            self._cells[i][column] = cell

    def _shape(self, i: int) -> RowShape:
        """Row i's tallest cell in lines, its waiting-sales cell's lines and whether that shows a
        progress bar (the bar's room goes under the cell's own lines: "time left" needs a taller row
        even when another cell already had two lines)."""
        cells = self._cells[i]
        lines = max(str(cell[DisplayRole]).count("\n") for cell in cells) + 1
        pending = cells[Column.PENDING]
        return lines, str(pending[DisplayRole]).count("\n") + 1, pending[ProgressRole] is not None

    def _announce_shapes(self, rows: Iterable[int]) -> None:
        for i in rows:
            shape = self._shape(i)
            if shape != self._shapes[i]:
                self._shapes[i] = shape
                self.row_shape_changed.emit(i)

    # -- reading -----------------------------------------------------------------------------
    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    def row_of(self, device_id: int) -> int | None:
        return self._row_of.get(device_id)

    def board_row(self, device_id: int) -> BoardRow | None:
        i = self.row_of(device_id)
        return None if i is None else self._rows[i]

    def progress_of(self, device_id: int) -> Progress | None:
        return self._progress.get(device_id)

    def line_counts(self) -> tuple[RowShape, ...]:
        """Each row's shape (`_shape`: its lines, and its progress bar): a row needs resizing only
        when its shape changes, and the model says so itself (row_shape_changed)."""
        for i in list(self._stale):
            self._compute(i, PROGRESS_COLUMNS)
        return tuple(self._shape(i) for i in range(len(self._rows)))

    def seconds_left(self, device_id: int) -> float | None:
        """How long the device's drain still needs at its average rate since it began sending; None
        until there is enough to go on (TIME_LEFT_AFTER_SECONDS and TIME_LEFT_MIN_SALES)."""
        progress, since = self._progress.get(device_id), self._sending_since.get(device_id)
        if progress is None or since is None or progress.phase != "sending" or not progress.total:
            return None
        elapsed, sent = self.monotonic() - since[0], progress.done - since[1]
        if elapsed < TIME_LEFT_AFTER_SECONDS or sent < TIME_LEFT_MIN_SALES:
            return None
        return max(0, progress.total - progress.done) * elapsed / sent

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.DEVICE: self.tr("Device"),
            Column.TYPE: self.tr("Type"),
            Column.METHOD: self.tr("Sends"),
            Column.STATUS: self.tr("KRA status"),
            Column.PENDING: self.tr("Waiting sales"),
            Column.LAST_SYNC: self.tr("Last successful sync"),
            Column.PROBLEM: self.tr("Last problem"),
        }[Column(section)]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """A lookup in the cells computed beforehand (see the class)."""
        i, column = index.row(), index.column()
        if i < 0 or column < 0 or i >= len(self._cells):  # an invalid index is (-1, -1)
            return None
        if i in self._stale:
            self._compute(i, PROGRESS_COLUMNS)
        cell = self._cells[i][column]
        value = cell.get(role)
        if value is None and role == ToolTipRole:
            value = cell[ToolTipRole] = self._tooltip(self._rows[i], Column(column))
        return value

    def _display(self, row: BoardRow, column: Column) -> str:
        progress = self._progress.get(row.device.saved_id)
        if column is Column.DEVICE:
            return row.device.name + ("\n" + self.tr("(retired)") if row.device.retired else "")
        if column is Column.TYPE:
            return row.device.type.value
        if column is Column.METHOD:
            return (
                self.tr("real-time") if row.device.type.sync_method == "real-time" else self.tr("in batches")
            )
        if column is Column.STATUS:
            if row.device.retired:
                return self.tr("Retired: sends nothing; its sales and receipts are kept")
            if progress is not None:
                return self.tr("Syncing: %1").replace("%1", self._phase_text(progress))
            if row.synced_elsewhere:
                return self.tr("Being synced by another etims-desktop")
            return self._status_text(row.status)
        if column is Column.PENDING:
            if progress is not None and progress.phase == "sending" and progress.total:
                text = (
                    self.tr("sending %1 of %2")
                    .replace("%1", str(progress.done))
                    .replace("%2", str(progress.total))
                )
                left = self.seconds_left(row.device.saved_id)
                if left is not None:
                    text += "\n" + self._time_left_text(left)  # its own line: the cell is narrow
            else:
                text = pending_text(row.pending, row.oldest_pending_at, self.now)
            extra = []
            if row.uncertain:
                extra.append(self.tr("%1 uncertain - checking with KRA").replace("%1", str(row.uncertain)))
            if row.needs_fix:
                extra.append(
                    plural("DeviceBoardModel", row.needs_fix, "%n needs your fix", "%n need your fix")
                )
            if row.needs_check:
                extra.append(
                    plural("DeviceBoardModel", row.needs_check, "%n needs your check", "%n need your check")
                )
            extra += self._documents_lines(row)
            return "\n".join([text, *extra])
        if column is Column.LAST_SYNC:
            if row.last_success_at is None:
                return self.tr("never")
            return f"{local_time(row.last_success_at)}\n{ago(row.last_success_at, self.now)}"
        if column is Column.PROBLEM:
            if row.device.retired:
                return ""
            if not row.last_error:
                if row.needs_check:
                    return (
                        plural(
                            "DeviceBoardModel",
                            row.needs_check,
                            "KRA's answers did not tell whether it has %n sale.",
                            "KRA's answers did not tell whether it has %n sales.",
                        )
                        + "\n"
                        + self.tr(
                            "What to do: open the device (double-click), look each number up on KRA's portal "
                            "and say what you saw."
                        )
                    )
                if row.needs_fix:
                    return (
                        plural(
                            "DeviceBoardModel",
                            row.needs_fix,
                            "KRA refused %n sale.",
                            "KRA refused %n sales.",
                        )
                        + "\n"
                        + self.tr("What to do: open the device (double-click) to resend or cancel them.")
                    )
                return ""
            lines = [tr_core(row.last_error)]
            if row.next_step:
                lines.append(self.tr("What to do: %1").replace("%1", tr_core(row.next_step)))
            return "\n".join(lines)
        return ""

    def _status_text(self, status: DeviceStatus) -> str:
        words = tr_core(status.kind.label)
        if status.kind is StatusKind.UNKNOWN or status.checked_at is None:
            return words
        details = []
        if status.kind is StatusKind.ONLINE and status.rtt_ms is not None:
            details.append(rtt_text(status.rtt_ms))
        details.append(self.tr("checked %1").replace("%1", ago(status.checked_at, self.now)))
        return f"{words}\n{' · '.join(details)}"

    def _time_left_text(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("less than a minute left")
        minutes = round(seconds / 60)
        if minutes < 60:
            return plural("DeviceBoardModel", minutes, "about %n minute left", "about %n minutes left")
        hours, minutes = divmod(minutes, 60)
        return self.tr("about %1 h %2 min left").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")

    def _phase_text(self, progress: Progress) -> str:
        if progress.phase == "sending" and progress.total:
            return (
                self.tr("sending %1 of %2")
                .replace("%1", str(progress.done))
                .replace("%2", str(progress.total))
            )
        return tr_core(PHASE_WORDS.get(progress.phase, progress.message or progress.phase))

    def _decoration(self, row: BoardRow, column: Column) -> object:
        if column is Column.STATUS:
            if row.device.retired:
                return None  # never checked again: its last status would mislead
            if row.device.id in self._progress or row.synced_elsewhere:
                return icon("status-busy")
            return status_icon(row.status.kind)
        refused_documents = any(row.documents_need_fix.values())
        if column is Column.PENDING and (
            row.pending
            or row.needs_fix
            or row.needs_check
            or refused_documents
            or any(row.documents_pending.values())
        ):
            warn = row.needs_fix or row.needs_check or refused_documents
            return icon("status-warning") if warn else icon("clock")
        return None

    def _documents_lines(self, row: BoardRow) -> list[str]:
        """'Stock reports still waiting: 2.' (the document queue), in the Sync report's words."""
        lines = []
        for group, (_sent, waiting, fix) in DOCUMENT_WORDS.items():
            for template, count in (
                (waiting, row.documents_pending.get(group, 0)),
                (fix, row.documents_need_fix.get(group, 0)),
            ):
                if count:
                    lines.append(tr_core(Said(template, count=count)))
        return lines

    def _tooltip(self, row: BoardRow, column: Column) -> str:
        d = row.device
        if column is Column.DEVICE:
            lines = [
                d.name,
                self.tr("KRA PIN %1, branch %2").replace("%1", d.pin).replace("%2", d.branch_id),
                self.tr("Serial number: %1").replace("%1", d.serial),
                self.tr("SCU id: %1").replace("%1", d.scu_id) if d.scu_id else self.tr("Not initialised yet"),
            ]
            if d.practice:
                lines.append(
                    self.tr("PRACTICE device: talks to the built-in practice KRA, never to the real one.")
                )
            return "\n".join(lines)
        if column is Column.METHOD:
            if d.type.sync_method == "real-time":
                return self.tr("OSCU: every sale is signed by KRA online, as soon as it is made.")
            return self.tr("VSCU: sales are signed by your VSCU service and uploaded in batches.")
        if column is Column.STATUS and row.synced_elsewhere:
            return self.tr(
                "Another etims-desktop on this computer (another window, or a scheduled "
                "'etims-desktop sync') is sending this device's sales right now. This window leaves "
                "the device to it and carries on by itself when it has finished."
            )
        if column is Column.STATUS and row.status.plain:
            text = tr_core(row.status.plain)
            if row.status.next_step:
                text += "\n" + tr_core(row.status.next_step)
            return text
        if column is Column.PENDING:
            counts = []
            if row.pending:
                counts.append(
                    plural(
                        "DeviceBoardModel",
                        row.pending,
                        "%n sale still has to reach KRA.",
                        "%n sales still have to reach KRA.",
                    )
                )
            if row.needs_fix:
                counts.append(
                    plural(
                        "DeviceBoardModel",
                        row.needs_fix,
                        "%n sale was refused by KRA and needs your fix.",
                        "%n sales were refused by KRA and need your fix.",
                    )
                )
            counts += self._documents_lines(row)
            return "\n".join(counts) or self.tr("Every sale of this device has reached KRA.")
        if column is Column.PROBLEM:
            return self._display(row, column)
        return ""
