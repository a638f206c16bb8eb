"""Settings a shop owner may change: how often to check KRA, VSCU batches, the default environment, backups."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.autostart import AutostartFailed
from etims_desktop.sync.backups import BackupSettings
from etims_desktop.sync.settings import SyncSettings
from etims_desktop.ui.common.desktop_settings_group import DesktopSettingsGroup
from etims_desktop.ui.common.language_choice import LanguageChoice
from etims_desktop.ui.common.tasks import plain_error
from etims_desktop.ui.common.widgets import Banner, fit_to_screen, screen_room, scrollable
from etims_desktop.ui.devices.business_dialog import BusinessDialog
from etims_desktop.ui.receipts.printer_settings import ReceiptPrintingSettings

if TYPE_CHECKING:
    from etims_desktop.app.settings import SettingsEditor
    from etims_desktop.ui.devices.business_details import BusinessStore


log = logging.getLogger("etims_desktop.ui")


class SettingsDialog(QDialog):
    """Opened with open()/show(); Save writes settings.json and applies at once."""

    saved = Signal(object)  # SyncSettings

    def __init__(self, settings: SettingsEditor, business: BusinessStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.business = business
        self.setWindowTitle(self.tr("Settings"))
        current: SyncSettings = settings.sync

        checks, batches, new_devices = self._build_sync_groups(current)
        self.receipts = ReceiptPrintingSettings(settings.file)  # printer, test print, receipt rules
        receipts = self._build_receipts_group()
        backups = self._build_backups(settings)
        self.language = LanguageChoice(settings.file)
        self.desktop = DesktopSettingsGroup(settings.file)  # tray, alerts, start with the computer

        note = QLabel(
            self.tr("Save applies the changes at once and keeps them in %1.").replace(
                "%1", str(settings.file)
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        self.message = Banner()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        # The groups scroll on a small screen (or at 200 %); the message and Save/Cancel stay in view.
        content = QWidget()
        groups = QVBoxLayout(content)
        groups.setContentsMargins(0, 0, 0, 0)
        groups_in_order = (self.language, checks, batches, new_devices, receipts, self.receipts, backups)
        for group in (*groups_in_order, self.desktop, note):
            groups.addWidget(group)
        groups.addStretch(1)
        layout = QVBoxLayout(self)
        area = scrollable(content)
        # As wide as its groups want where the screen allows; on a narrower one it scrolls sideways too,
        # so nothing is ever out of reach.
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.setMinimumWidth(min(content.sizeHint().width() + 40, screen_room(self).width() - 48))
        layout.addWidget(area, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, content.sizeHint().width() + 90, content.sizeHint().height() + 120)

    def _build_sync_groups(self, current: SyncSettings) -> tuple[QGroupBox, QGroupBox, QGroupBox]:
        """How often OSCU devices are checked, when VSCU batches go, which KRA a new device starts with."""
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
        return checks, batches, new_devices

    def _build_receipts_group(self) -> QGroupBox:
        """The receipt header (the business's own details), edited in a window of its own."""
        receipts = QGroupBox(self.tr("Receipts"))
        receipts_row = QHBoxLayout(receipts)
        receipts_text = QLabel(self.tr("Your business name, address and the message printed on receipts."))
        receipts_text.setWordWrap(True)
        self.business_button = QPushButton(self.tr("Receipt &header…"))
        self.business_button.clicked.connect(self.edit_business)
        receipts_row.addWidget(receipts_text, 1)
        receipts_row.addWidget(self.business_button)
        return receipts

    def edit_business(self) -> BusinessDialog:
        """The receipt header lives in the database (not settings.json); its own dialog saves it."""
        self.business_dialog = BusinessDialog(self.business, self)
        self.business_dialog.show()
        return self.business_dialog

    def _build_backups(self, settings: SettingsEditor) -> QGroupBox:
        current: BackupSettings = settings.backup
        group = QGroupBox(self.tr("Backups of your data"))
        form = QFormLayout(group)
        self.backup_daily = QCheckBox(self.tr("Make a checked copy every day"))
        self.backup_daily.setChecked(current.daily)
        self.backup_folder = QLineEdit(current.folder or "")
        self.backup_folder.setPlaceholderText(str(settings.default_backup_folder))
        self.backup_folder.setMinimumWidth(280)
        self.backup_folder.setToolTip(
            self.tr(
                "A USB stick or another disk keeps your data safe if this computer fails. Empty: %1"
            ).replace("%1", str(settings.default_backup_folder))
        )
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(choose)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 365)
        self.backup_keep.setSuffix(self.tr(" days"))
        self.backup_keep.setValue(current.keep_days)
        form.addRow(self.backup_daily)
        form.addRow(self.tr("Keep them in"), folder_row)
        form.addRow(self.tr("Delete copies older than"), self.backup_keep)
        keys = QLabel(
            self.tr(
                "CMC keys are never in these copies: they stay in the keyring. To move them to a new "
                "computer use 'etims-desktop keys export' and 'keys import'."
            )
        )
        keys.setWordWrap(True)
        keys.setStyleSheet("color:#616161;")
        form.addRow(keys)
        return group

    def choose_backup_folder(self) -> QFileDialog:
        dialog = QFileDialog(
            self, self.tr("Where to keep backups"), self.backup_folder.text() or str(Path.home())
        )
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.backup_folder.setText)
        dialog.open()
        return dialog

    def chosen_backups(self) -> BackupSettings:
        folder = self.backup_folder.text().strip()
        return BackupSettings(
            folder=folder or None,
            keep_days=int(self.backup_keep.value()),
            daily=self.backup_daily.isChecked(),
        )

    def chosen(self) -> SyncSettings:
        return dataclasses.replace(
            self.settings.sync,
            live_check_seconds=float(self.live_check.value()),
            vscu_batch_size=int(self.batch_size.value()),
            vscu_upload_minutes=float(self.upload_minutes.value()),
            default_environment=str(self.environment.currentData()),
        )

    def save(self) -> None:
        settings = self.chosen()
        backups = self.chosen_backups()
        if backups.folder and not Path(backups.folder).expanduser().is_dir():
            self.message.show_message(
                "error",
                self.tr("The backup folder %1 does not exist (is the USB stick plugged in?).").replace(
                    "%1", backups.folder
                ),
            )
            return
        try:
            self.receipts.save()
            self.language.save()
            self.desktop.save()
            self.settings.save(settings, backups)  # a few hundred bytes: fine on the GUI thread
        except AutostartFailed as exc:
            self.message.show_message("error", plain_error(exc))
            return
        except OSError as exc:
            log.exception("could not save settings")
            self.message.show_message(
                "error", self.tr("Could not save the settings: %1").replace("%1", plain_error(exc))
            )
            return
        self.saved.emit(settings)
        self.accept()
