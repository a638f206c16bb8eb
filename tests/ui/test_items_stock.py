"""The Items tab's stock column: what is on hand per device, services marked, below zero explained."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.stock import StockReason
from tests.ui.helpers import connect_device, run
from tests.ui.test_items_tab import cell, open_tab


def test_items_tab_shows_stock_on_hand_per_device(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "STOCK-1"))
    store = services.store
    sugar = run(qloop, store.add_item(Item("", "Sugar 1kg", "50161800", TaxType.B, Decimal("180.00"))))
    delivery = run(
        qloop, store.add_item(Item("", "Delivery", "50161800", TaxType.B, Decimal("100.00"), item_type="3"))
    )
    oil = run(qloop, store.add_item(Item("", "Cooking oil 1l", "50161800", TaxType.B, Decimal("320.00"))))
    run(qloop, services.stock.adjust(device.id, sugar.code, Decimal("12.5"), StockReason.OPENING))
    run(qloop, services.stock.adjust(device.id, oil.code, Decimal("4"), StockReason.OPENING))
    run(qloop, services.stock.adjust(device.id, oil.code, Decimal("0"), StockReason.COUNT))  # counted none
    tab = open_tab(qtbot, services)
    tab.resize(1366, 768)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=5000)
    assert tab.model.headerData(6, Qt.Orientation.Horizontal) == "In stock: Till 1"
    by_name = {cell(tab, r, 1): cell(tab, r, 6) for r in range(3)}
    assert by_name == {"Sugar 1kg": "12.5", "Delivery": "no stock (a service)", "Cooking oil 1l": "0"}
    assert delivery.item_type == "3"
    tab.grab().save("/tmp/items_stock.png")


def test_selling_below_zero_is_recorded_with_a_warning(qtbot, qloop, services, oscu_sim):
    from tests.ui.test_sales_dialog import add_items, open_sale_dialog, type_line

    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "STOCK-2"))
    sugar, _diesel, _bread = add_items(qloop, services)
    run(qloop, services.stock.adjust(device.id, sugar.code, Decimal("1"), StockReason.OPENING))
    dialog = open_sale_dialog(qtbot, services, device.id)
    type_line(qtbot, dialog, "sugar", qty="3")
    with qtbot.waitSignal(dialog.sale_recorded, timeout=5000):
        dialog.save()
    text = dialog.message.text()
    assert text.startswith("Saved ")  # recorded, never blocked
    assert "Stock: Sugar 1 kg: 1 in stock, this sale takes 3. The sale is recorded anyway" in text
    dialog.resize(1366, 768)
    dialog.grab().save("/tmp/sale_below_zero.png")


def test_adjust_stock_dialog_records_and_explains(qtbot, qloop, services, oscu_sim):
    run(qloop, connect_device(services, oscu_sim, "Till 1", "STOCK-3"))
    run(qloop, services.store.add_item(Item("", "Sugar 1kg", "50161800", TaxType.B, Decimal("180.00"))))
    tab = open_tab(qtbot, services)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert tab.adjust_stock() is None and "Select the item" in tab.status.text()
    tab.table.selectRow(0)
    dialog = tab.adjust_stock()
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    assert dialog.on_hand.text() == "0" and dialog.quantity_label.text() == "How many are on the shelf now"
    dialog.quantity_edit.setText("twelve")
    dialog.save()
    assert "as a number" in dialog.message.text()
    dialog.quantity_edit.setText("12")
    with qtbot.waitSignal(dialog.adjusted, timeout=5000):
        dialog.save()
    assert "now 12 in stock. It is reported to KRA at the next sync." in dialog.message.text()
    dialog.reason_combo.setCurrentIndex(2)  # damaged
    assert dialog.quantity_label.text() == "How many are gone"
    dialog.quantity_edit.setText("-1")
    dialog.save()
    qtbot.waitUntil(lambda: "above 0" in dialog.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: cell(tab, 0, 6) == "12", timeout=5000)
    dialog.grab().save("/tmp/stock_dialog.png")


def test_board_counts_stock_reports_waiting(qtbot, qloop, services, oscu_sim):
    from etims_desktop.ui.board.board_model import Column, DeviceBoardModel
    from etims_desktop.ui.board.board_refresh import load_board

    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "STOCK-4"))
    sugar = run(
        qloop, services.store.add_item(Item("", "Sugar 1kg", "50161800", TaxType.B, Decimal("180.00")))
    )
    run(qloop, services.stock.adjust(device.id, sugar.code, Decimal("3"), StockReason.OPENING))
    model = DeviceBoardModel()
    model.set_rows(run(qloop, load_board(services.board)))
    pending = model.index(0, Column.PENDING)
    assert "Stock reports still waiting: 2." in model.data(pending)
    assert "Stock reports still waiting: 2." in model.data(pending, Qt.ItemDataRole.ToolTipRole)
