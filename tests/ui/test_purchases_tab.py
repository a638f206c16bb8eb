"""The Purchases tab: suppliers' invoices got from KRA (the simulator over real HTTP), accepted with their
lines mapped to items or rejected, purchases without eTIMS, customs import lines, and a confirmation KRA
refused sent again - each answer reaching the simulator at the next sync."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.simulator.faults import FaultKind
from etims_desktop.storage.records import ItemClassRecord
from etims_desktop.ui.purchases.purchases_tab import PurchasesTab, PurchasesTabUseCases
from tests.ui.helpers import PIN, connect_device, run
from tests.ui.test_kiswahili import english_left, swahili  # noqa: F401 - the fixture


def open_tab(qtbot, services) -> PurchasesTab:
    use_cases = PurchasesTabUseCases(
        services.purchases, services.imports, services.documents, services.items, services.sync
    )
    tab = PurchasesTab(use_cases)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    with qtbot.waitSignal(tab.refreshed, timeout=5000):
        tab.show()
    return tab


def cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def fetch(qtbot, tab: PurchasesTab, invoices: int) -> None:
    with qtbot.waitSignal(tab.fetched, timeout=10000):
        tab.fetch_button.click()
    qtbot.waitUntil(lambda: tab.invoice_table.rowCount() == invoices, timeout=5000)


def sync(qloop, services):
    return run(qloop, services.sync.sync()).devices[0]


def test_fetch_shows_invoices_then_accept_maps_lines_and_kra_gets_the_confirmation(
    qtbot, qloop, services, oscu_sim
):
    run(qloop, connect_device(services, oscu_sim, "Till 1", "PUR-1"))
    sugar = run(
        qloop, services.store.add_item(Item("", "Sugar 1kg", "50161800", TaxType.B, Decimal("180.00")))
    )
    oscu_sim.add_supplier_invoice(
        PIN, [("SUGAR 1 KG", "10", "150.00", "B"), ("Rice 5kg", "4", "800", "A")], invoice_no=501
    )
    tab = open_tab(qtbot, services)
    assert tab.invoice_table.rowCount() == 0 and not tab.accept_button.isEnabled()
    fetch(qtbot, tab, 1)
    assert "1 new invoice" in tab.status.text()
    row = [cell(tab.invoice_table, 0, c) for c in range(5)]
    assert row == ["Wholesale Supplies Ltd", "501", "01 Dec 2026", "4,700.00", "New - accept or reject it"]
    tab.invoice_table.selectRow(0)
    details = tab.details.text()
    assert (
        "A - Exempt" in details
        and "3,200.00" in details
        and "B - VAT 16%" in details
        and "1,500.00" in details
    )
    tab.grab().save("/tmp/purchases_fetched.png")

    dialog = tab.accept_selected()
    assert dialog is not None
    # best match by name: "SUGAR 1 KG" is our Sugar 1kg; Rice is new
    assert dialog.combos[1].currentData() == sugar.code
    assert (
        dialog.combos[2].currentData() == ""
        and dialog.combos[2].currentText() == "Create a new item: Rice 5kg"
    )
    dialog.grab().save("/tmp/purchase_accept.png")
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: "accepted" in tab.status.text(), timeout=5000)
    assert "goes to KRA at the next sync" in tab.status.text()
    assert "New items added to your item list: Rice 5kg." in tab.status.text()
    qtbot.waitUntil(lambda: cell(tab.invoice_table, 0, 4).startswith("Accepted, waiting"), timeout=5000)

    sync(qloop, services)
    (confirmation,) = oscu_sim.purchases(PIN, "00")
    assert confirmation["spplrInvcNo"] == 501 and confirmation["pchsSttsCd"] == "02"
    assert confirmation["itemList"][0]["itemCd"] == sugar.code
    qtbot.waitUntil(lambda: cell(tab.invoice_table, 0, 4) == "Accepted, KRA has it", timeout=5000)
    assert "Accepted, KRA has it" in tab.details.text()  # still selected through the reloads
    balances = {b.name: b.quantity for b in run(qloop, services.stock.balances(1))}
    assert balances == {"Sugar 1kg": Decimal("10"), "Rice 5kg": Decimal("4")}


def test_reject_asks_first_and_kra_is_told(qtbot, qloop, services, oscu_sim):
    run(qloop, connect_device(services, oscu_sim, "Till 1", "PUR-2"))
    oscu_sim.add_supplier_invoice(PIN, invoice_no=77)
    tab = open_tab(qtbot, services)
    fetch(qtbot, tab, 1)
    tab.invoice_table.selectRow(0)
    box = tab.reject_selected()
    assert "Nothing comes into your stock" in box.text()
    box.no_button.click()  # kept: nothing happens
    assert cell(tab.invoice_table, 0, 4) == "New - accept or reject it"
    box = tab.reject_selected()
    box.yes_button.click()
    qtbot.waitUntil(lambda: "rejected" in tab.status.text(), timeout=5000)
    qtbot.waitUntil(lambda: cell(tab.invoice_table, 0, 4).startswith("Rejected, waiting"), timeout=5000)
    assert not tab.accept_button.isEnabled()
    sync(qloop, services)
    (confirmation,) = oscu_sim.purchases(PIN, "00")
    assert confirmation["pchsSttsCd"] == "04"
    assert oscu_sim.stock_movements(PIN, "00") == []


def test_manual_purchase_explains_mistakes_then_is_declared(qtbot, qloop, services, oscu_sim):
    run(qloop, connect_device(services, oscu_sim, "Till 1", "PUR-3"))
    tomato = run(
        qloop, services.store.add_item(Item("", "Tomatoes", "50161800", TaxType.A, Decimal("20.00")))
    )
    tab = open_tab(qtbot, services)
    dialog = tab.record_manual()
    dialog.save()
    assert "supplier's name" in dialog.message.text()
    dialog.supplier_edit.setText("Mama Mboga")
    combo, qty, price = dialog.rows[0]
    combo.setCurrentIndex(combo.findData(tomato.code))
    qty.setText("ten")
    dialog.save()
    assert dialog.message.text() == "Line 1: write how many you bought as a number above 0, e.g. 10."
    qty.setText("30")
    price.setText("15")
    dialog.grab().save("/tmp/manual_purchase.png")
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        dialog.save()
    assert "Purchase from Mama Mboga recorded" in tab.status.text()
    qtbot.waitUntil(lambda: tab.invoice_table.rowCount() == 1, timeout=5000)
    assert cell(tab.invoice_table, 0, 0) == "Mama Mboga"
    assert cell(tab.invoice_table, 0, 4).startswith("Recorded by you, waiting")
    sync(qloop, services)
    (confirmation,) = oscu_sim.purchases(PIN, "00")
    assert confirmation["regTyCd"] == "M" and confirmation["spplrNm"] == "Mama Mboga"
    assert confirmation["totAmt"] == 450


def test_import_lines_accepted_as_a_new_item_or_rejected(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "PUR-4"))
    oil_class = ItemClassRecord("15101505", "Lubricating oils")
    run(qloop, services.store.save_item_classes(device.id, [oil_class], datetime.now(UTC)))
    oscu_sim.add_import_line(PIN, "00", task_code="T-9", item_seq=1, name="Motor oil 5l", qty="20")
    oscu_sim.add_import_line(PIN, "00", task_code="T-9", item_seq=2, name="Spare tyres", qty="4")
    tab = open_tab(qtbot, services)
    fetch(qtbot, tab, 0)
    qtbot.waitUntil(lambda: tab.import_table.rowCount() == 2, timeout=5000)
    tab.sections.setCurrentIndex(1)
    rows = {cell(tab.import_table, r, 1): r for r in range(2)}
    tab.import_table.selectRow(rows["Motor oil 5l"])
    dialog = tab.accept_import()
    assert dialog.item_combo.currentData() == ""  # nothing like it yet: a new item
    dialog.save()
    assert "KRA classification" in dialog.message.text()
    qtbot.keyClicks(dialog.class_edit, "oils")  # search as you type
    qtbot.waitUntil(lambda: dialog._class_model.rowCount() == 1, timeout=5000)
    dialog._class_chosen(dialog._class_model.stringList()[0])
    assert dialog.class_code() == "15101505"
    dialog.grab().save("/tmp/import_accept.png")
    dialog.price_edit.setText("1450")
    with qtbot.waitSignal(dialog.answered, timeout=5000):
        dialog.save()
    assert "Motor oil 5l accepted" in tab.status.text()
    tab.grab().save("/tmp/purchases_imports.png")
    tab.import_table.selectRow(rows["Spare tyres"])
    box = tab.reject_import()
    box.yes_button.click()
    qtbot.waitUntil(lambda: "Spare tyres rejected" in tab.status.text(), timeout=5000)
    sync(qloop, services)
    answers = oscu_sim.import_answers(PIN, "00")
    assert {key: answer["imptItemSttsCd"] for key, answer in answers.items()} == {
        ("T-9", 1): "3",
        ("T-9", 2): "4",
    }
    items = {item.name for item in run(qloop, services.store.list_items())}
    assert "Motor oil 5l" in items
    qtbot.waitUntil(
        lambda: cell(tab.import_table, rows["Motor oil 5l"], 4) == "Accepted, KRA has it", timeout=5000
    )


def test_a_refused_confirmation_shows_kras_reason_and_is_sent_again(qtbot, qloop, services, oscu_sim):
    run(qloop, connect_device(services, oscu_sim, "Till 1", "PUR-5"))
    oscu_sim.add_supplier_invoice(PIN, invoice_no=9)
    tab = open_tab(qtbot, services)
    fetch(qtbot, tab, 1)
    tab.invoice_table.selectRow(0)
    box = tab.reject_selected()
    box.yes_button.click()
    qtbot.waitUntil(lambda: "rejected" in tab.status.text(), timeout=5000)
    oscu_sim.faults.once("insertTrnsPurchase", FaultKind.RESULT_CODE, code="910")
    sync(qloop, services)
    qtbot.waitUntil(
        lambda: cell(tab.invoice_table, 0, 4) == "Rejected, KRA refused it - needs your fix", timeout=5000
    )
    tab.invoice_table.selectRow(0)
    assert tab.resend_button.isEnabled() and tab.cancel_button.isEnabled()
    assert "KRA refused it - needs your fix: " in tab.details.text()
    tab.grab().save("/tmp/purchases_refused.png")
    tab.resend_button.click()
    qtbot.waitUntil(lambda: "again at the next sync" in tab.status.text(), timeout=5000)
    sync(qloop, services)
    qtbot.waitUntil(lambda: cell(tab.invoice_table, 0, 4) == "Rejected, KRA has it", timeout=5000)
    assert [p["pchsSttsCd"] for p in oscu_sim.purchases(PIN, "00")] == ["04"]


@pytest.mark.usefixtures("swahili")
def test_the_tab_and_its_dialogs_in_kiswahili(qtbot, qloop, services, oscu_sim):
    """Filled with an invoice and an import line, the tab and the four dialogs it opens: no English."""
    run(qloop, connect_device(services, oscu_sim, "Kaunta 1", "PUR-SW"))
    run(qloop, services.store.add_item(Item("", "Sukari 1kg", "50161800", TaxType.B, Decimal("180.00"))))
    oscu_sim.add_supplier_invoice(PIN, [("Sukari 1kg", "10", "150.00", "B")], supplier_name="Duka Kuu Ltd")
    oscu_sim.add_import_line(PIN, "00", name="Sukari", qty="20")
    tab = open_tab(qtbot, services)
    fetch(qtbot, tab, 1)
    qtbot.waitUntil(lambda: tab.import_table.rowCount() == 1, timeout=5000)
    tab.invoice_table.selectRow(0)
    tab.import_table.selectRow(0)
    assert tab.fetch_button.text() == "&Pata kutoka KRA"
    assert cell(tab.invoice_table, 0, 4) == "Mpya - ikubali au uikatae"
    problems = english_left(tab)
    for dialog in (tab.accept_selected(), tab.record_manual(), tab.accept_import(), tab.reject_selected()):
        qtbot.waitUntil(dialog.isVisible)
        problems += english_left(dialog)
        dialog.close()
    assert not problems, "\n".join(problems)


def test_a_refused_import_answer_can_be_cancelled(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "PUR-6"))
    item = run(qloop, services.store.add_item(Item("", "Motor oil", "15101505", TaxType.B, Decimal("1450"))))
    oscu_sim.add_import_line(PIN, "00", task_code="T-5", name="Motor oil 5l")
    tab = open_tab(qtbot, services)
    fetch(qtbot, tab, 0)
    qtbot.waitUntil(lambda: tab.import_table.rowCount() == 1, timeout=5000)
    run(qloop, services.imports.accept(tab.view.imports[0].id, item_code=item.code))
    oscu_sim.faults.once("updateImportItem", FaultKind.RESULT_CODE, code="910")
    sync(qloop, services)
    qtbot.waitUntil(
        lambda: cell(tab.import_table, 0, 4) == "Accepted, KRA refused it - needs your fix", timeout=5000
    )
    tab.import_table.selectRow(0)
    assert tab.import_cancel_button.isEnabled() and not tab.import_accept_button.isEnabled()
    box = tab.ask_cancel(tab._selected_import_document())
    assert "KRA never gets it" in box.text()
    box.yes_button.click()
    qtbot.waitUntil(lambda: "will not be sent" in tab.status.text(), timeout=5000)
    qtbot.waitUntil(
        lambda: cell(tab.import_table, 0, 4) == "Accepted, cancelled - not sent to KRA", timeout=5000
    )
    assert not tab.import_cancel_button.isEnabled()
    (answer,) = run(qloop, services.documents.list(device.id, [DocumentKind.IMPORT]))
    assert answer.state is DocumentState.CANCELLED
