"""Settings a shop owner may change: how often to check KRA, VSCU batches, the default environment."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from etims_desktop.sync.settings import SyncSettings
from etims_desktop.ui.printer_settings import ReceiptPrintingSettings
from etims_desktop.ui.tasks import plain_error
from etims_desktop.ui.widgets import Banner

log = logging.getLogger("etims_desktop.ui")


def apply_settings(services, settings: SyncSettings) -> None:
    """Hand the new settings to the running services."""
    services.settings = settings
    services.sync.apply_settings(settings)


class SettingsDialog(QDialog):
    """Opened with open()/show(); Save writes settings.json and applies at once."""

    saved = Signal(object)  # SyncSettings

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Settings"))
        current: SyncSettings = services.settings

        checks = QGroupBox(self.tr("OSCU devices (real-time)"))
        checks_form = QFormLayout(checks)
        self.live_check = QSpinBox()
        self.live_check.setRange(10, 3600)
        self.live_check.setSuffix(self.tr(" seconds"))
        self.live_check.setValue(int(current.live_check_seconds))
        self.live_check.setToolTip(
            self.tr("How often the app asks KRA whether each OSCU device can reach it.")
        )
        checks_form.addRow(self.tr("Check the connection every"), self.live_check)

        batches = QGroupBox(self.tr("VSCU devices (in batches)"))
        batches_form = QFormLayout(batches)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 1000)
        self.batch_size.setSuffix(self.tr(" sales"))
        self.batch_size.setValue(current.vscu_batch_size)
        self.upload_minutes = QDoubleSpinBox()
        self.upload_minutes.setDecimals(0)
        self.upload_minutes.setRange(1, 1440)
        self.upload_minutes.setSuffix(self.tr(" minutes"))
        self.upload_minutes.setValue(current.vscu_upload_minutes)
        batches_form.addRow(self.tr("Upload as soon as this many wait"), self.batch_size)
        batches_form.addRow(self.tr("…and at least every"), self.upload_minutes)

        new_devices = QGroupBox(self.tr("New OSCU devices"))
        new_form = QFormLayout(new_devices)
        self.environment = QComboBox()
        self.environment.addItem(self.tr("Sandbox (KRA's test system)"), "sandbox")
        self.environment.addItem(self.tr("Production (real sales)"), "production")
        self.environment.setCurrentIndex(max(0, self.environment.findData(current.default_environment)))
        new_form.addRow(self.tr("Start with"), self.environment)
        self.receipts = ReceiptPrintingSettings(services.paths.settings)  # printer, test print, receipt rules

        note = QLabel(
            self.tr("Changes apply at once and are kept in %1.").replace("%1", str(services.paths.settings))
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        self.message = Banner()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(checks)
        layout.addWidget(batches)
        layout.addWidget(new_devices)
        layout.addWidget(self.receipts)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def chosen(self) -> SyncSettings:
        return dataclasses.replace(
            self.services.settings,
            live_check_seconds=float(self.live_check.value()),
            vscu_batch_size=int(self.batch_size.value()),
            vscu_upload_minutes=float(self.upload_minutes.value()),
            default_environment=str(self.environment.currentData()),
        )

    def save(self) -> None:
        settings = self.chosen()
        try:
            settings.save(self.services.paths.settings)  # a few hundred bytes: fine on the GUI thread
            self.receipts.save()
        except OSError as exc:
            log.exception("could not save settings")
            self.message.show_message(
                "error", self.tr("Could not save the settings: %1").replace("%1", plain_error(exc))
            )
            return
        apply_settings(self.services, settings)
        self.saved.emit(settings)
        self.accept()
