"""Accept a supplier's invoice: each of its lines becomes one of our items (the best match by name is
chosen, or a new item is made from the line), then the confirmation is queued for KRA and the goods come
into stock (app/purchases.py). Non-modal; emits `accepted_purchase(Decided)`."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.domain.item import Item
from etims_desktop.domain.receipt import money
from etims_desktop.storage.records import PurchaseRecord, SupplierLine
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.purchases.purchase_words import quantity_text

if TYPE_CHECKING:
    from etims_desktop.app.purchases import Decided, PurchaseService

NEW_ITEM = ""  # the combo's data for "create a new item from this line"


def best_match(name: str, items: list[Item]) -> Item | None:
    """The item whose name is the same (ignoring case), else the closest name, else none."""
    by_name = {item.name.casefold(): item for item in items}
    if name.casefold() in by_name:
        return by_name[name.casefold()]
    close = difflib.get_close_matches(name.casefold(), list(by_name), n=1, cutoff=0.6)
    return by_name[close[0]] if close else None


def item_combo(items: list[Item], new_text: str, preselect: Item | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem(new_text, NEW_ITEM)
    for item in items:
        combo.addItem(f"{item.name} ({item.code})", item.code)
    if preselect is not None:
        combo.setCurrentIndex(max(0, combo.findData(preselect.code)))
    return combo


class PurchaseAcceptDialog(QDialog):
    accepted_purchase = Signal(object)  # Decided

    def __init__(
        self,
        purchases: PurchaseService,
        purchase: PurchaseRecord,
        items: list[Item],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.purchases = purchases
        self.purchase = purchase
        self.setWindowTitle(self.tr("Accept invoice from %1").replace("%1", purchase.supplier_name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        active = [item for item in items if item.active]
        intro = QLabel(
            self.tr(
                "For each line of the supplier's invoice, choose the item of your item list it is. "
                'The best match by name is already chosen; pick "Create a new item" if you do not sell it yet.'
            )
        )
        intro.setWordWrap(True)
        scroll = self._build_line_choices(purchase, active)
        after = QLabel(
            self.tr(
                "After you accept: the goods are added to your stock, and the confirmation is sent to KRA "
                "at the next sync."
            )
        )
        after.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = QPushButton(self.tr("&Accept invoice"))
        self.buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(after)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(820, 420)

    def _build_line_choices(self, purchase: PurchaseRecord, active: list[Item]) -> QScrollArea:
        """The supplier's lines, each with the owner's item it is (best match by name chosen)."""
        grid = QGridLayout()
        for column, title in enumerate(
            (self.tr("Supplier's line"), self.tr("Quantity"), self.tr("Price (KSh)"), self.tr("Your item"))
        ):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        self.combos: dict[int, QComboBox] = {}
        for row, line in enumerate(purchase.lines, start=1):
            grid.addWidget(QLabel(line.name), row, 0)
            grid.addWidget(QLabel(quantity_text(line.qty)), row, 1)
            grid.addWidget(QLabel(money(line.unit_price)), row, 2)
            combo = item_combo(
                active,
                self.tr("Create a new item: %1").replace("%1", line.name),
                best_match(line.name, active),
            )
            self.combos[line.seq] = combo
            grid.addWidget(combo, row, 3)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(len(purchase.lines) + 1, 1)  # lines at the top, not spread out
        lines = QWidget()
        lines.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(lines)
        return scroll

    def mapping(self) -> dict[int, str]:
        """Line number -> our item code; lines left on "new item" are created from the supplier's line."""
        return {seq: str(combo.currentData()) for seq, combo in self.combos.items() if combo.currentData()}

    def new_lines(self) -> list[SupplierLine]:
        return [line for line in self.purchase.lines if not self.combos[line.seq].currentData()]

    def save(self) -> None:
        self.accept_button.setEnabled(False)
        self.message.setText(self.tr("Saving..."))
        spawn(self._save(), self._failed)

    async def _save(self) -> None:
        decided = await self.purchases.accept(self.purchase.id, self.mapping())
        self.accepted_purchase.emit(decided)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.accept_button.setEnabled(True)
        self.message.setText(plain_error(exc))


def accepted_text(decided: Decided) -> str:
    """What the owner reads after accepting: what happens next, and the items that were made."""
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "PurchaseAcceptDialog",
        "Invoice %1 from %2 accepted. The goods are in your stock; the confirmation goes to KRA at the next sync.",
    )
    text = text.replace("%1", str(decided.purchase.supplier_invoice_no or "")).replace(
        "%2", decided.purchase.supplier_name
    )
    if decided.created_items:
        made = QCoreApplication.translate("PurchaseAcceptDialog", "New items added to your item list: %1.")
        text += " " + made.replace("%1", ", ".join(item.name for item in decided.created_items))
    return text
