"""Accept a customs import line as one of our items, or as a new item made from it (its KRA
classification and shelf price are asked: customs does not give them). The answer goes to KRA at the
next sync and the quantity comes into stock (app/imports.py). Non-modal; emits `answered(Answered)`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
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
from etims_desktop.ui.common.reload import CoalescedReload
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.items.items_tab import SEARCH_DELAY_MS, parse_price
from etims_desktop.ui.purchases.purchase_accept_dialog import best_match, item_combo
from etims_desktop.ui.purchases.purchase_words import quantity_text

if TYPE_CHECKING:
    from etims_desktop.app.imports import ImportService


class ImportAcceptDialog(QDialog):
    answered = Signal(object)  # Answered

    def __init__(
        self,
        imports: ImportService,
        line: ImportLineRecord,
        items: list[Item],
        classify: Callable[[str], Awaitable[dict[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        """`classify`: KRA's item classes whose name holds a text (app/items.py classifications)."""
        super().__init__(parent)
        self.imports = imports
        self.classify = classify
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
        self.class_edit.setPlaceholderText(self.tr("type to search KRA's classification, e.g. 'oil'"))
        self.class_hint = QLabel()
        self.class_hint.setWordWrap(True)
        self._class_model = QStringListModel(self)
        self._class_codes: dict[str, str] = {}
        completer = QCompleter(self._class_model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._class_chosen)
        self.class_edit.setCompleter(completer)
        # one search at a time, for the text as it is now (a result for older text is dropped)
        self._class_search = CoalescedReload(
            self._read_classes, self._show_classes, self._failed, SEARCH_DELAY_MS, self, key=self._class_text
        )
        self.class_edit.textEdited.connect(lambda _text: self._class_search.schedule())
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

    def _class_text(self) -> str:
        return self.class_edit.text().strip()

    async def _read_classes(self) -> dict[str, str] | None:
        text = self._class_text()
        if len(text) < 2 or text.isdigit():
            return None  # a code typed in full needs no search
        return await self.classify(text)

    def _show_classes(self, found: dict[str, str] | None) -> None:
        if found is None:
            return
        self._class_codes = {f"{code} - {name}": code for code, name in sorted(found.items())}
        self._class_model.setStringList(list(self._class_codes))
        if found:
            self.class_hint.setText("")
            self.class_edit.completer().complete()
        else:
            self.class_hint.setText(self.tr("No classification matches. Sync a device to get KRA's list."))

    def _class_chosen(self, text: str) -> None:
        code = self._class_codes.get(text)
        if code:
            self.class_edit.setText(code)
            self.class_hint.setText(text)
            self.message.setText("")  # the earlier complaint is answered

    def class_code(self) -> str:
        text = self.class_edit.text().strip()
        return self._class_codes.get(text, text.split(" ")[0] if text else "")

    def save(self) -> None:
        code = str(self.item_combo.currentData() or "")
        new_item = None
        if not code:
            class_code = self.class_code()
            price = parse_price(self.price_edit.text())
            if not class_code.isdigit() or not 4 <= len(class_code) <= 10:
                self.message.setText(
                    self.tr("Pick the item's KRA classification from the list (type part of its name).")
                )
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
