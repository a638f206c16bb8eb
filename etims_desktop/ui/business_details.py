"""The shop's name, address and phone for the top of every receipt, asked where a real device is set up."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit

from etims_desktop.sync.receipts import load_business, save_business


class BusinessDetailsBox(QGroupBox):
    """Filled from the saved details; `save()` keeps what was typed (the receipt footer is left as it is)."""

    FIELDS = (("name", "Business name"), ("address", "Address"), ("phone", "Phone"))

    def __init__(self, settings_path, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Your shop on receipts"))
        self.settings_path = settings_path
        self.details = load_business(settings_path)
        form = QFormLayout(self)
        note = QLabel(
            self.tr("Printed at the top of every receipt. Change it later in Sales > Receipt header.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        form.addRow(note)
        self.edits: dict[str, QLineEdit] = {}
        for field, label in self.FIELDS:
            edit = QLineEdit(getattr(self.details, field))
            self.edits[field] = edit
            form.addRow(self.tr(label), edit)
        self.edits["name"].setPlaceholderText(self.tr("e.g. Mama Mboga Traders Ltd"))

    def save(self) -> bool:
        """Write the details when they changed; True when something was written."""
        typed = {field: edit.text().strip() for field, edit in self.edits.items()}
        if all(getattr(self.details, field) == value for field, value in typed.items()):
            return False
        self.details = replace(self.details, **typed)
        save_business(self.settings_path, self.details)
        return True
