"""Settings > "This computer": the tray, its alerts, and "Start with my computer"."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from etims_desktop.app.autostart import Autostart
from etims_desktop.app.desktop_settings import DesktopSettings
from etims_desktop.ui.board import tray
from etims_desktop.ui.common.autostart_qt import system_autostart


class DesktopSettingsGroup(QGroupBox):
    def __init__(
        self,
        settings_path: Path,
        autostart: Autostart | None = None,
        available: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("This computer"), parent)
        self.settings_path = settings_path
        self.autostart = autostart or system_autostart()
        self.available = tray.tray_available() if available is None else available
        current = DesktopSettings.load(settings_path)
        self.current = current
        form = QFormLayout(self)

        form.addRow(self._build_close_to_tray(current))

        self.offline_minutes = QSpinBox()
        self.offline_minutes.setRange(1, 24 * 60)
        self.offline_minutes.setSuffix(self.tr(" minutes"))
        self.offline_minutes.setValue(current.offline_alert_minutes)
        form.addRow(self.tr("Tell me when a device has had no connection for"), self.offline_minutes)

        self.vscu_warn = QDoubleSpinBox()
        self.vscu_warn.setDecimals(0)
        self.vscu_warn.setRange(1, 72)
        self.vscu_warn.setSuffix(self.tr(" hours"))
        self.vscu_warn.setValue(current.vscu_warn_hours_before)
        self.vscu_warn.setToolTip(
            self.tr("A VSCU stops signing sales after about a day without reaching KRA.")
        )
        form.addRow(self.tr("Warn me this long before a VSCU stops signing"), self.vscu_warn)

        self.start_with_computer = QCheckBox(self.tr("Start with my computer"))
        # The system's own list is the truth (the owner may have removed the entry by hand).
        self.start_with_computer.setChecked(self._autostart_on(current))
        form.addRow(self.start_with_computer)
        note = QLabel(
            self.tr("The app opens by itself when you log in, so no sale waits because it was not started.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        form.addRow(note)

    def _build_close_to_tray(self, current: DesktopSettings) -> QCheckBox:
        """Closing the window keeps syncing from the tray; greyed, with the reason, where there is no tray."""
        self.close_to_tray = QCheckBox(
            self.tr("Closing the window keeps the app running (its icon stays next to the clock)")
        )
        self.close_to_tray.setChecked(current.closes_to_tray(self.available))
        self.close_to_tray.setToolTip(
            self.tr(
                "Sales keep going to KRA while the window is closed. To stop the app, click its icon next "
                "to the clock and choose Quit."
            )
        )
        if not self.available:
            self.close_to_tray.setEnabled(False)
            self.close_to_tray.setToolTip(
                self.tr(
                    "This computer's desktop has no place for app icons next to the clock, so closing the "
                    "window stops the app."
                )
            )
        return self.close_to_tray

    def _autostart_on(self, current: DesktopSettings) -> bool:
        try:
            return self.autostart.enabled()
        except Exception:  # noqa: BLE001 - unreadable: show what the settings file says
            return current.start_with_computer

    def chosen(self) -> DesktopSettings:
        return dataclasses.replace(
            self.current,
            close_to_tray=self.close_to_tray.isChecked() if self.available else self.current.close_to_tray,
            offline_alert_minutes=int(self.offline_minutes.value()),
            vscu_warn_hours_before=float(self.vscu_warn.value()),
            start_with_computer=self.start_with_computer.isChecked(),
        )

    def save(self) -> None:
        """Writes settings.json, then the system's start-up list (AutostartFailed says why it could not)."""
        chosen = self.chosen()
        chosen.save(self.settings_path)
        self.current = chosen
        if chosen.start_with_computer != self._autostart_on(chosen):
            self.autostart.set_enabled(chosen.start_with_computer)
