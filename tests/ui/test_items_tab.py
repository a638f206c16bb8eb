"""The item master: add with a searched KRA classification and a generated code, then register with KRA."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.records import ItemClassRecord
from etims_desktop.ui.items.items_tab import ItemDialog, ItemsTab
from tests.ui.helpers import PIN, connect_device, run


def open_tab(qtbot, services) -> ItemsTab:
    tab = ItemsTab(services.items, services.sync, services.stock)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.refreshed, timeout=5000):
        tab.show()
    return tab


def cell(tab: ItemsTab, row: int, column: int) -> str:
    return tab.model.data(tab.model.index(row, column))


def test_add_item_then_register_it_with_kra(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "ITEM-1"))
    run(
        qloop,
        services.store.save_item_classes(
            device.id,
            [ItemClassRecord("50161800", "Sugar and sugar products"), ItemClassRecord("50181900", "Bread")],
            datetime.now(UTC),
        ),
    )
    tab = open_tab(qtbot, services)
    dialog = tab.add_item()
    assert isinstance(dialog, ItemDialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    assert dialog.pkg_combo.currentData() == "NT" and dialog.qty_combo.currentData() == "U"  # defaults
    dialog.name_edit.setText("Sugar 2 kg")
    qtbot.keyClicks(dialog.class_edit, "sugar")  # search as you type
    qtbot.waitUntil(lambda: dialog._class_model.rowCount() == 1, timeout=5000)
    dialog._class_chosen(dialog._class_model.stringList()[0])
    assert dialog.class_code() == "50161800"
    dialog.qty_combo.setCurrentIndex(dialog.qty_combo.findData("KG"))
    dialog.price_edit.setText("310.50")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    item = saved.args[0]
    assert item.code.startswith("KE2NTKG") and len(item.code) <= 20
    assert (item.tax_type, item.price, item.item_class_code) == (TaxType.B, Decimal("310.50"), "50161800")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert cell(tab, 0, 0) == item.code and cell(tab, 0, 5) == "not registered"
    assert tab.model.headerData(5, Qt.Orientation.Horizontal) == "KRA: Till 1"

    with qtbot.waitSignal(tab.registration_finished, timeout=10000) as finished:
        tab.register_all()
    assert "1 item(s) registered" in finished.args[0]
    qtbot.waitUntil(lambda: cell(tab, 0, 5).startswith("registered"), timeout=5000)
    assert [i["itemCd"] for i in oscu_sim.items(PIN)] == [item.code]


def test_item_dialog_refuses_incomplete_items(qtbot, qloop, services):
    tab = open_tab(qtbot, services)
    dialog = tab.add_item()
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    dialog.save()
    assert "name" in dialog.error_label.text()
    dialog.name_edit.setText("Tea")
    dialog.save()
    assert "classification" in dialog.error_label.text()
    dialog.class_edit.setText("50201706")
    dialog.save()
    assert "price" in dialog.error_label.text()
    assert run(qloop, services.store.list_items()) == []


def test_register_selected_without_devices_says_what_to_do(qtbot, qloop, services):
    from etims_desktop.storage.records import ItemDraft

    run(qloop, services.store.add_item(ItemDraft("Tea", "50201706", TaxType.B, Decimal("80"))))
    tab = open_tab(qtbot, services)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.registration_finished, timeout=5000) as finished:
        tab.register_selected()
    assert "Add a device first" in finished.args[0]
