"""The shop's receipt header (business name, address, ...), kept in the database. Receipts of sales
signed from now on print it; a signed sale keeps the header it was signed with."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from etims_desktop.domain.receipt import BusinessDetails
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.widgets import Banner
from etims_desktop.ui.devices.business_details import BusinessStore

FIELDS = (
    ("name", QT_TRANSLATE_NOOP("BusinessDialog", "Business name")),
    ("address", QT_TRANSLATE_NOOP("BusinessDialog", "Address")),
    ("phone", QT_TRANSLATE_NOOP("BusinessDialog", "Phone")),
    ("email", QT_TRANSLATE_NOOP("BusinessDialog", "E-mail")),
    ("footer", QT_TRANSLATE_NOOP("BusinessDialog", "Message at the bottom")),
)


class BusinessDialog(QDialog):
    """Non-modal; `loaded` once the current header is shown, `saved(BusinessDetails)` after Save."""

    loaded = Signal()
    saved = Signal(object)

    def __init__(self, store: BusinessStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Receipt header"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for field, label in FIELDS:
            edit = QLineEdit()
            edit.setEnabled(False)  # until the current values are read
            self.edits[field] = edit
            form.addRow(self.tr(label), edit)
        note = QLabel(
            self.tr(
                "The KRA PIN and branch come from the device that signs the sale. Receipts already "
                "signed keep the header they were signed with."
            )
        )
        note.setWordWrap(True)
        form.addRow("", note)
        self.message = Banner()
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        spawn(self._load(), self._failed)

    async def _load(self) -> None:
        current = await self.store.business_details()
        for field, edit in self.edits.items():
            edit.setText(getattr(current, field))
            edit.setEnabled(True)
        self.loaded.emit()

    def chosen(self) -> BusinessDetails:
        return BusinessDetails(**{field: edit.text().strip() for field, edit in self.edits.items()})

    def save(self) -> None:
        self.buttons.setEnabled(False)
        spawn(self._save(self.chosen()), self._failed)

    async def _save(self, details: BusinessDetails) -> None:
        saved = await self.store.save_business_details(details)
        self.saved.emit(saved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.show_message("error", plain_error(exc))
