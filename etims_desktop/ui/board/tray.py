"""The tray icon: the overall state at a glance, Open / Sync now / Quit, and notifications.

Thin on purpose: what it says and when is app/tray_state.py (tested directly; offscreen there is no
system tray). It reads the board rows the window already refreshes, never the database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from etims_desktop.app.desktop_settings import DesktopSettings
from etims_desktop.app.tray_state import (
    Alert,
    AlertKind,
    DeviceRowLike,
    OverallState,
    TrayPolicy,
    TraySummary,
    summarise,
)
from etims_desktop.domain.clock import utcnow
from etims_desktop.ui.common.icons import app_icon, icon

STATE_BADGES = {
    OverallState.ALL_SENT: "status-online",
    OverallState.WAITING: "clock",
    OverallState.NEEDS_YOU: "status-warning",
}


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


# Every string below is a literal inside QCoreApplication.translate (lupdate finds only those). English
# has two forms where a count shows; a translation picks its own with %n (Qt's numerus forms).


def state_words(summary: TraySummary) -> str:
    """The tooltip: the state in one line, then what stands out."""
    n = summary.needs_you if summary.state is OverallState.NEEDS_YOU else summary.pending
    if summary.state is OverallState.NEEDS_YOU:
        first = (
            QCoreApplication.translate("Tray", "1 sale needs your fix.", "", n)
            if n == 1
            else QCoreApplication.translate("Tray", "%n sales need your fix.", "", n)
        )
    elif summary.state is OverallState.WAITING:
        first = (
            QCoreApplication.translate("Tray", "1 sale is waiting to reach KRA; it goes by itself.", "", n)
            if n == 1
            else QCoreApplication.translate(
                "Tray", "%n sales are waiting to reach KRA; they go by themselves.", "", n
            )
        )
    else:
        first = QCoreApplication.translate("Tray", "All sales have reached KRA.")
    lines = [QCoreApplication.translate("Tray", "eTIMS Desktop"), first]
    if summary.offline_devices:
        lines.append(
            QCoreApplication.translate("Tray", "No connection: {devices}.").replace(
                "{devices}", ", ".join(summary.offline_devices)
            )
        )
    return "\n".join(lines)


def alert_words(alert: Alert) -> tuple[str, str]:
    """(title, text) of one notification."""
    since = alert.since.astimezone().strftime("%H:%M") if alert.since else ""
    if alert.kind is AlertKind.OFFLINE_TOO_LONG:
        return (
            QCoreApplication.translate("Tray", "A device has no connection"),
            QCoreApplication.translate(
                "Tray",
                "{device} has had no connection to KRA since {time}. Sales wait safely here; "
                "check the internet connection (or the VSCU computer).",
            )
            .replace("{device}", alert.device_name)
            .replace("{time}", since),
        )
    if alert.kind is AlertKind.VSCU_NEAR_LIMIT:
        return (
            QCoreApplication.translate("Tray", "A VSCU is close to its offline limit"),
            QCoreApplication.translate(
                "Tray",
                "{device} has not reached KRA since {time}. A VSCU stops signing sales after about "
                "a day without KRA: about {hours} hours are left. Connect it to the internet now.",
            )
            .replace("{device}", alert.device_name)
            .replace("{time}", since)
            .replace("{hours}", f"{alert.hours_left:.0f}"),
        )
    text = (
        QCoreApplication.translate(
            "Tray",
            "1 sale on {device} was refused or needs checking. Open the app and look at that device.",
            "",
            alert.count,
        )
        if alert.count == 1
        else QCoreApplication.translate(
            "Tray",
            "%n sales on {device} were refused or need checking. Open the app and look at that device.",
            "",
            alert.count,
        )
    )
    return QCoreApplication.translate("Tray", "Sales need your fix"), text.replace(
        "{device}", alert.device_name
    )


def state_icon(state: OverallState) -> QIcon:
    """The app icon with a small state badge in its corner."""
    size = 64
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    app_icon().paint(painter, QRect(0, 0, size, size))
    badge = size // 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawEllipse(QRect(QPoint(size - badge - 2, size - badge - 2), QPoint(size - 1, size - 1)))
    icon(STATE_BADGES[state]).paint(painter, QRect(size - badge, size - badge, badge - 2, badge - 2))
    painter.end()
    return QIcon(pixmap)


class ShopTray(QObject):
    """Give it the rows after each board refresh (`show_rows`); it updates the icon and notifies."""

    open_requested = Signal()
    sync_requested = Signal()
    quit_requested = Signal()
    notified = Signal(str, str)  # title, text: every notification, shown or not (no tray offscreen)

    def __init__(
        self,
        settings: DesktopSettings,
        parent: QObject | None = None,
        clock: Callable[[], datetime] = utcnow,
        available: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.policy = TrayPolicy(settings)
        self.clock = clock
        self.available = tray_available() if available is None else available
        self.summary: TraySummary | None = None
        self._rows: list[DeviceRowLike] = []
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("&Open eTIMS Desktop"), self)
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.open_action.triggered.connect(self.open_requested)
        self.sync_action.triggered.connect(self.sync_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.sync_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.open_requested)  # a click on a notification opens the window
        self.show_rows([])
        if self.available:
            self.icon.show()

    def apply_settings(self, settings: DesktopSettings) -> None:
        self.settings = settings
        self.policy.settings = settings

    def show_rows(self, rows: Sequence[DeviceRowLike]) -> None:
        """A board refresh: the icon and tooltip follow it; new alerts become notifications."""
        self._rows = list(rows)
        self.summary = summarise(self._rows)
        self.icon.setIcon(state_icon(self.summary.state))
        self.icon.setToolTip(state_words(self.summary))
        self._notify(self.policy.update(self._rows, self.clock()))

    def tick(self) -> None:
        """Time passes without a refresh: "offline for longer than ..." can become true meanwhile."""
        self._notify(self.policy.update(self._rows, self.clock()))

    def _notify(self, alerts: list[Alert]) -> None:
        if not alerts:
            return
        # One balloon: the system shows only the latest, so several alerts share it.
        words = [alert_words(alert) for alert in alerts]
        title = words[0][0] if len(words) == 1 else self.tr("eTIMS Desktop needs your attention")
        text = "\n".join(text for _title, text in words)
        warning = any(a.kind is not AlertKind.OFFLINE_TOO_LONG for a in alerts)
        kind = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
        self.notified.emit(title, text)
        if self.available and self.icon.isVisible():
            self.icon.showMessage(title, text, kind, 15_000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def hide(self) -> None:
        self.icon.hide()


class WindowTray(ShopTray):
    """The tray of the main window: fed by its board refresh, Open / Sync now / Quit act on it, and the
    window's close button hides it here (a setting) while syncing goes on."""

    def __init__(self, window: Any, settings_path: Path, available: bool | None = None) -> None:
        self.settings_path = settings_path  # settings.json: its "desktop" section
        super().__init__(DesktopSettings.load(self.settings_path), window, available=available)
        self.window = window
        self.quitting = False
        self._told_hidden = False
        window.refresher.refreshed.connect(lambda: self.show_rows(window.model.rows()))
        window._tick.timeout.connect(self.tick)  # the window's clock tick: no second polling loop
        self.open_requested.connect(self.open_window)
        self.sync_requested.connect(window.sync_all)
        self.quit_requested.connect(self.quit)
        window.closed.connect(self.hide)

    def reload_settings(self) -> None:
        self.apply_settings(DesktopSettings.load(self.settings_path))

    def hides_on_close(self) -> bool:
        """The window's close button hides it instead of quitting (not when Quit was chosen)."""
        return not self.quitting and self.settings.closes_to_tray(self.available) and self.icon.isVisible()

    def window_hidden(self) -> None:
        if self._told_hidden:
            return
        self._told_hidden = True  # once a run: after that the owner knows
        title = self.tr("eTIMS Desktop is still running")
        text = self.tr(
            "Sales keep going to KRA in the background. Click this icon to open the window; "
            "choose Quit in its menu to stop the app."
        )
        self.notified.emit(title, text)
        if self.icon.isVisible():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)

    def open_window(self) -> None:
        window = self.window
        window.show()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()

    def quit(self) -> None:
        """Quit for real, through the window's normal shutdown (closeEvent -> closed)."""
        self.quitting = True
        self.window.close()
