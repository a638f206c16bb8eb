"""The report after a sync: device by device, what really reached KRA - shown in the window, never modal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from etims_desktop.sync.report import OUTCOME_WORDS, DeviceSyncReport, Outcome, SyncReport
from etims_desktop.ui.common.formatting import local_time
from etims_desktop.ui.common.icons import icon
from etims_desktop.ui.common.text import plural, tr_core, translate

OUTCOME_ICONS = {
    Outcome.UP_TO_DATE: "status-online",
    Outcome.ALL_SIGNED: "status-online",
    Outcome.PARTIAL: "clock",
    Outcome.NOTHING_SENT: "status-offline",
    Outcome.NEEDS_FIX: "status-warning",
    Outcome.SYNCED_ELSEWHERE: "status-busy",
}
GOOD = {Outcome.UP_TO_DATE, Outcome.ALL_SIGNED}
CTX = "SyncReportPanel"


def _tr(text: str) -> str:
    return translate(CTX, text)


def headline(report: SyncReport) -> str:
    """One honest sentence over all devices. It never claims success for what did not reach KRA."""
    devices = report.devices
    if not devices:
        return _tr("No devices to sync yet.")
    unreachable = [d for d in devices if d.outcome is Outcome.NOTHING_SENT]
    parts = []
    if len(unreachable) == len(devices):
        parts.append(
            _tr("The device could not reach KRA: nothing was sent.")
            if len(devices) == 1
            else _tr("No device could reach KRA: nothing was sent.")
        )
    elif unreachable:
        parts.append(
            _tr("%1 of %2 devices could not reach KRA: nothing was sent for them.")
            .replace("%1", str(len(unreachable)))
            .replace("%2", str(len(devices)))
        )
    elsewhere = sum(1 for d in devices if d.outcome is Outcome.SYNCED_ELSEWHERE)
    if elsewhere:
        parts.append(
            plural(
                CTX,
                elsewhere,
                "%n device was left to another etims-desktop on this computer, which is syncing it right now.",
                "%n devices were left to another etims-desktop on this computer, which is syncing them right now.",
            )
        )
    signed = sum(d.signed for d in devices)
    if signed:
        parts.append(plural(CTX, signed, "%n sale was signed by KRA.", "%n sales were signed by KRA."))
    waiting = sum(d.still_pending for d in devices)
    if waiting:
        parts.append(plural(CTX, waiting, "%n sale is still waiting.", "%n sales are still waiting."))
    fixes = sum(d.needs_fix_total for d in devices)
    if fixes:
        parts.append(plural(CTX, fixes, "%n sale needs your fix.", "%n sales need your fix."))
    if all(d.outcome in GOOD for d in devices):
        parts.append(
            _tr("The device reached KRA.") if len(devices) == 1 else _tr("Every device reached KRA.")
        )
        if not waiting and not signed:
            parts.append(_tr("Nothing was waiting."))
    return " ".join(parts)


def overall_icon(report: SyncReport) -> str:
    outcomes = {d.outcome for d in report.devices}
    if not outcomes or outcomes <= GOOD:
        return "status-online"
    if outcomes == {Outcome.NOTHING_SENT}:
        return "status-offline"
    return "status-warning" if any(d.needs_fix_total for d in report.devices) else "clock"


def device_text(device: DeviceSyncReport) -> str:
    """The device's own summary, plus what to do when something is wrong."""
    lines = [" ".join(tr_core(part) for part in device.summary_parts())]
    if device.outcome not in GOOD and device.status.next_step:
        lines.append(_tr("What to do: %1").replace("%1", tr_core(device.status.next_step)))
    lines.extend(e for e in device.errors if e not in lines[0])
    refreshed = {k: n for k, n in device.refreshed.items() if n}
    if refreshed:
        listing = ", ".join(f"{tr_core(kind)} ({n})" for kind, n in refreshed.items())
        lines.append(_tr("Updated from KRA: %1").replace("%1", listing))
    return "\n".join(lines)


class SyncReportPanel(QFrame):
    """Shown under the board after each run; `device_activated(id)` opens that device's details."""

    device_activated = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncReport")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.report: SyncReport | None = None
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline_icon = QLabel()
        close = QToolButton()
        close.setIcon(icon("close"))
        close.setToolTip(self.tr("Hide the report"))
        close.setAutoRaise(True)
        close.clicked.connect(self._close)

        top = QHBoxLayout()
        top.addWidget(self.headline_icon)
        top.addWidget(self.title, 1)
        top.addWidget(close)

        self._rows = QVBoxLayout()
        self._rows.setSpacing(6)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(self._rows)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(scroll, 1)
        self.device_labels: dict[int, QLabel] = {}

    def show_running(self) -> None:
        self.title.setText(
            self.tr("Syncing… the window stays usable; the board shows each device's progress.")
        )
        self.headline_icon.setPixmap(icon("status-busy").pixmap(22, 22))
        self.headline.clear()
        self._clear_rows()
        self.show()

    def show_failure(self, text: str) -> None:
        self.title.setText(self.tr("The sync did not run to the end"))
        self.headline_icon.setPixmap(icon("status-warning").pixmap(22, 22))
        self.headline.setText(text)
        self._clear_rows()
        self.show()

    def show_report(self, report: SyncReport) -> None:
        self.report = report
        seconds = (report.finished_at - report.started_at).total_seconds() if report.finished_at else 0
        self.title.setText(
            self.tr("Sync report - %1, took %2 s")
            .replace("%1", local_time(report.finished_at or report.started_at))
            .replace("%2", f"{seconds:.1f}")
        )
        self.headline_icon.setPixmap(icon(overall_icon(report)).pixmap(22, 22))
        self.headline.setText(headline(report))
        self._clear_rows()
        for device in report.devices:
            self._add_row(device)
        self.show()

    def text(self) -> str:
        """Everything the panel says, as plain text (tests and 'copy')."""
        lines = [self.title.text(), self.headline.text()]
        lines += [label.text() for label in self.device_labels.values()]
        return "\n".join(lines)

    def _add_row(self, device: DeviceSyncReport) -> None:
        row = QHBoxLayout()
        badge = QLabel()
        name_of_icon = "status-warning" if device.needs_fix_total else OUTCOME_ICONS[device.outcome]
        badge.setPixmap(icon(name_of_icon).pixmap(20, 20))
        badge.setAlignment(Qt.AlignmentFlag.AlignTop)
        badge.setToolTip(tr_core(OUTCOME_WORDS[device.outcome]))
        kind = "" if device.device_type in device.device_name else f" ({device.device_type})"
        name = QLabel(f"<a href='{device.device_id}'>{_escape(device.device_name)}</a>{kind}")
        name.setAlignment(Qt.AlignmentFlag.AlignTop)
        name.setToolTip(self.tr("Open this device's details"))
        name.linkActivated.connect(lambda link: self.device_activated.emit(int(link)))
        name.setMinimumWidth(160)
        text = QLabel(device_text(device))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(badge)
        row.addWidget(name)
        row.addWidget(text, 1)
        self._rows.addLayout(row)
        self.device_labels[device.device_id] = text

    def _clear_rows(self) -> None:
        self.device_labels.clear()
        while self._rows.count():
            item = self._rows.takeAt(0)
            layout = item.layout() if item is not None else None
            if layout is not None:
                while layout.count():
                    child = layout.takeAt(0)
                    widget = child.widget() if child is not None else None
                    if widget is not None:
                        widget.deleteLater()
                layout.deleteLater()

    def _close(self) -> None:
        self.hide()
        self.closed.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
