"""Accept a customs import line as one of our items, or as a new item made from it (its KRA
classification and shelf price are asked: customs does not give them). The answer goes to KRA at the
next sync and the quantity comes into stock (app/imports.py). Non-modal; emits `answered(Answered)`."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.app.imports import NewItem
from etims_desktop.domain.item import Item
from etims_desktop.storage.records import ImportLineRecord
from etims_desktop.ui.purchase_accept_dialog import best_match, item_combo
from etims_desktop.ui.purchase_words import quantity_text
from etims_desktop.ui.tasks import plain_error, spawn

if TYPE_CHECKING:
    from etims_desktop.app.imports import ImportService


def _price(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and value > 0 else None


class ImportAcceptDialog(QDialog):
    answered = Signal(object)  # Answered

    def __init__(
        self,
        imports: ImportService,
        line: ImportLineRecord,
        items: list[Item],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.imports = imports
        self.line = line
        self.setWindowTitle(self.tr("Accept import: %1").replace("%1", line.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        active = [item for item in items if item.active]
        what = QLabel(
            self.tr('Customs declared %1 of "%2" for you.')
            .replace("%1", quantity_text(line.quantity))
            .replace("%2", line.name)
        )
        what.setWordWrap(True)
        self.item_combo = item_combo(
            active, self.tr("Create a new item from it"), best_match(line.name, active)
        )
        self.item_combo.currentIndexChanged.connect(lambda _index: self._show_new_fields())
        self.class_edit = QLineEdit()
        self.class_edit.setPlaceholderText(self.tr("KRA classification code, e.g. 15101505"))
        self.class_hint = QLabel(self.tr("Find the code in the Items tab (New item, Classification)."))
        self.class_hint.setWordWrap(True)
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(self.tr("shelf price including VAT, e.g. 250.00"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Your item"), self.item_combo)
        self.form.addRow(self.tr("&Classification"), self.class_edit)
        self.form.addRow("", self.class_hint)
        self.form.addRow(self.tr("&Price incl. VAT"), self.price_edit)
        after = QLabel(
            self.tr("After you accept: the quantity is added to your stock and KRA is told at the next sync.")
        )
        after.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = QPushButton(self.tr("&Accept import"))
        self.buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(self.form)
        layout.addWidget(after)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._show_new_fields()
        self.resize(600, 300)

    def _show_new_fields(self) -> None:
        new = not self.item_combo.currentData()
        for field in (self.class_edit, self.price_edit):
            self.form.setRowVisible(field, new)
        self.class_hint.setVisible(new)

    def save(self) -> None:
        code = str(self.item_combo.currentData() or "")
        new_item = None
        if not code:
            class_code = self.class_edit.text().strip()
            price = _price(self.price_edit.text())
            if not class_code.isdigit() or not 4 <= len(class_code) <= 10:
                self.message.setText(self.tr("Write the item's KRA classification code (digits only)."))
                return
            if price is None:
                self.message.setText(
                    self.tr("Enter the price you will sell it for, including VAT, e.g. 250.00.")
                )
                return
            new_item = NewItem(item_class_code=class_code, price=price)
        self.accept_button.setEnabled(False)
        self.message.setText("")
        spawn(self._save(code or None, new_item), self._failed)

    async def _save(self, code: str | None, new_item: NewItem | None) -> None:
        answered = await self.imports.accept(self.line.id, item_code=code, new_item=new_item)
        self.answered.emit(answered)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.accept_button.setEnabled(True)
        self.message.setText(plain_error(exc))
