"""The shop's name, address and phone for the top of every receipt, asked where a real device is set up.

The details live in the database (Store.business_details; Settings > Receipt header edits the same
row): reading and saving run on the store's thread, never on the GUI thread."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from etims_desktop.domain.receipt import BusinessDetails
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.common.tasks import spawn


class BusinessStore(Protocol):
    """Where the receipt header is kept (the store)."""

    async def business_details(self) -> BusinessDetails: ...
    async def save_business_details(self, details: BusinessDetails) -> BusinessDetails: ...


class BusinessDetailsBox(QGroupBox):
    """Filled from the saved details; `save()` keeps what was typed (the receipt footer is left as it is)."""

    FIELDS = (
        ("name", QT_TRANSLATE_NOOP("BusinessDetailsBox", "Business name")),
        ("address", QT_TRANSLATE_NOOP("BusinessDetailsBox", "Address")),
        ("phone", QT_TRANSLATE_NOOP("BusinessDetailsBox", "Phone")),
    )

    def __init__(self, store: BusinessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your shop on receipts"))
        self.store = store
        self.details: BusinessDetails | None = None  # None until read from the database
        form = QFormLayout(self)
        note = QLabel(
            self.tr("Printed at the top of every receipt. Change it later in Settings > Receipt header.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        form.addRow(note)
        self.edits: dict[str, QLineEdit] = {}
        for field, label in self.FIELDS:
            edit = QLineEdit()
            self.edits[field] = edit
            form.addRow(self.tr(label), edit)
        self.edits["name"].setPlaceholderText(self.tr("e.g. Mama Mboga Traders Ltd"))
        spawn(self._load())

    async def _load(self) -> None:
        self.details = await self.store.business_details()
        for field, edit in self.edits.items():
            if not edit.text():  # never overwrite what the owner already typed
                edit.setText(getattr(self.details, field))

    def save(self) -> bool:
        """Keep the details when they changed; True when something is being written."""
        current = self.details or BusinessDetails()
        typed = {field: edit.text().strip() for field, edit in self.edits.items()}
        if all(getattr(current, field) == value for field, value in typed.items()):
            return False
        self.details = replace(current, **typed)
        spawn(self.store.save_business_details(self.details))
        return True
