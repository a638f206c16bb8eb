"""The new-sale and credit-note dialogs over real services, the simulator and a temp data dir."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.receipt import money
from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.records import ItemDraft
from etims_desktop.sync.payloads import sale_request
from etims_desktop.ui.sales.credit_note_dialog import CreditNoteDialog
from etims_desktop.ui.sales.sale_dialog import SaleDialog
from tests.ui.helpers import PIN, connect_device, run


def add_items(qloop, services):
    async def go():
        sugar = await services.store.add_item(
            ItemDraft(
                name="Sugar 1 kg",
                item_class_code="5020230500",
                tax_type=TaxType.B,
                price=Decimal("152.99"),
                barcode="6001234567890",
            )
        )
        diesel = await services.store.add_item(
            ItemDraft(
                name="Diesel 1 l", item_class_code="15101505", tax_type=TaxType.E, price=Decimal("171.47")
            )
        )
        bread = await services.store.add_item(
            ItemDraft(
                name="Bread white", item_class_code="50181900", tax_type=TaxType.A, price=Decimal("65.00")
            )
        )
        return sugar, diesel, bread

    return run(qloop, go())


def open_sale_dialog(qtbot, services, device_id=None) -> SaleDialog:
    dialog = SaleDialog(services.sales, device_id=device_id, stock=services.stock)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=5000):
        dialog.show()
    return dialog


def type_line(qtbot, dialog: SaleDialog, text: str, qty: str = "1", discount: str = "0") -> None:
    dialog.search_edit.setText(text)
    dialog.qty_edit.setText(qty)
    dialog.discount_edit.setText(discount)
    qtbot.keyClick(dialog.discount_edit, Qt.Key.Key_Return)


def test_totals_shown_are_the_payload_kra_signs(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "SALE-1"))
    sugar, diesel, bread = add_items(qloop, services)
    dialog = open_sale_dialog(qtbot, services, device.id)

    type_line(qtbot, dialog, "sugar", qty="3", discount="7.5")
    type_line(qtbot, dialog, diesel.code, qty="12.35")
    dialog.barcode_edit.setText("6001234567890")
    qtbot.keyClick(dialog.barcode_edit, Qt.Key.Key_Return)  # a second sugar line: no discount
    type_line(qtbot, dialog, "bread", qty="2")
    assert [line.item.code for line in dialog.lines] == [sugar.code, diesel.code, sugar.code, bread.code]
    qtbot.waitUntil(lambda: dialog.amounts is not None and len(dialog.amounts.lines) == 4, timeout=5000)

    # What the dialog shows is what the payload builder makes of the same sale.
    amounts = run(qloop, services.sales.price(device.id, dialog.current_sale()))
    wire = sale_request(device, dialog.current_sale(), amounts, 1, None, datetime.now(UTC)).wire()
    shown = {key: dialog.totals.text_of(key) for key in dialog.totals.labels}
    for tax_type in ("A", "B", "E"):
        assert shown[f"taxable_{tax_type}"] == money(Decimal(str(wire[f"taxblAmt{tax_type}"])))
        assert shown[f"tax_{tax_type}"] == money(Decimal(str(wire[f"taxAmt{tax_type}"])))
    assert shown["total_tax"] == money(Decimal(str(wire["totTaxAmt"])))
    assert dialog.totals.total_label.text() == f"TOTAL KSh {money(Decimal(str(wire['totAmt'])))}"
    shown_total = dialog.totals.total_label.text()

    # Ctrl+Enter saves; the device is online, so KRA (the simulator) signs it at once.
    with qtbot.waitSignal(dialog.sale_recorded, timeout=5000) as recorded:
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(oscu_sim.signed_sales(PIN, "00")) == 1, timeout=10000)
    document = oscu_sim.signed_sales(PIN, "00")[0].document
    assert shown_total == f"TOTAL KSh {money(Decimal(str(document['totAmt'])))}"
    for tax_type in ("A", "B", "E"):
        assert shown[f"tax_{tax_type}"] == money(Decimal(str(document[f"taxAmt{tax_type}"])))
    # The customer pays the shelf prices: 3 x 152.99 less 7.5 %, 12.35 x 171.47, 152.99, 2 x 65.
    expected = (
        (Decimal("458.97") * Decimal("0.925")).quantize(Decimal("0.01"))
        + Decimal("2117.65")
        + Decimal("152.99")
        + Decimal("130.00")
    )
    assert Decimal(str(document["totAmt"])) == expected
    # Ready for the next customer.
    assert dialog.lines == [] and recorded.args[0] == dialog.last_sale_id


def test_buyer_pin_is_checked_as_you_type(qtbot, qloop, services):
    dialog = open_sale_dialog(qtbot, services)
    qtbot.keyClicks(dialog.pin_edit, "P05")
    assert "11 characters" in dialog.pin_hint.text()
    dialog.pin_edit.setText("P0512345678")
    assert "letter A or P" in dialog.pin_hint.text()
    dialog.pin_edit.setText("p051234567x")
    assert dialog.pin_hint.text() == "PIN looks right."
    assert dialog.current_sale().buyer_pin == "P051234567X"


def test_unknown_item_and_empty_sale_are_explained(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "SALE-2"))
    add_items(qloop, services)
    dialog = open_sale_dialog(qtbot, services, device.id)
    type_line(qtbot, dialog, "caviar")
    assert "No single item matches 'caviar'" in dialog.message.text() and dialog.lines == []
    dialog.save()
    assert "at least one item" in dialog.message.text()
    assert run(qloop, services.store.list_outbox()) == []


def sign_sale(qtbot, qloop, services, oscu_sim, serial="CN-1"):
    """A signed sale of 5 sugar + 2 bread to a buyer with a PIN."""
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", serial))
    sugar, _diesel, bread = add_items(qloop, services)
    dialog = open_sale_dialog(qtbot, services, device.id)
    dialog.pin_edit.setText("P000111222Z")
    type_line(qtbot, dialog, "sugar", qty="5")
    type_line(qtbot, dialog, "bread", qty="2")
    with qtbot.waitSignal(dialog.sale_recorded, timeout=5000) as recorded:
        dialog.save()
    sale_id = recorded.args[0]
    run(qloop, services.sales.wait_idle())  # the immediate send to KRA
    assert run(qloop, services.store.get_entry(sale_id)).state is OutboxState.SIGNED
    dialog.close()
    return device, sale_id


def open_credit_note(qtbot, services, sale_id) -> CreditNoteDialog:
    dialog = CreditNoteDialog(services.credit_notes, sale_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=5000):
        dialog.show()
    return dialog


def test_credit_note_capped_then_blocked_when_nothing_is_left(qtbot, qloop, services, oscu_sim):
    _device, sale_id = sign_sale(qtbot, qloop, services, oscu_sim)
    dialog = open_credit_note(qtbot, services, sale_id)
    assert dialog.blocked_label.isHidden()
    assert [spin.maximum() for spin in dialog.spins] == [5.0, 2.0]
    dialog.spins[0].setValue(9)  # more than was sold: capped
    assert dialog.quantities() == {0: Decimal(5)}
    dialog.spins[0].setValue(3)
    assert "P000111222Z" in dialog.buyer_label.text()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("03"))
    qtbot.waitUntil(lambda: dialog.amounts is not None and dialog.save_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(dialog.credit_note_recorded, timeout=5000) as recorded:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    note = run(qloop, services.store.get_entry(recorded.args[0])).sale
    assert note.buyer_pin == "P000111222Z" and note.refund_reason_code == "03"
    assert [(line.name, line.qty) for line in note.lines] == [("Sugar 1 kg", Decimal(3))]

    second = open_credit_note(qtbot, services, sale_id)
    assert [spin.maximum() for spin in second.spins] == [2.0, 2.0]
    second.credit_everything()
    qtbot.waitUntil(lambda: second.save_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(second.credit_note_recorded, timeout=5000):
        second.save()

    third = open_credit_note(qtbot, services, sale_id)
    assert not third.blocked_label.isHidden() and "nothing is left" in third.blocked_label.text()
    assert not third.save_button.isEnabled() and not any(spin.isEnabled() for spin in third.spins)
    qtbot.waitUntil(lambda: len(oscu_sim.signed_sales(PIN, "00")) == 3, timeout=10000)


def test_credit_note_blocked_until_the_sale_is_signed(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "CN-2"))
    add_items(qloop, services)
    oscu_sim.go_offline()
    dialog = open_sale_dialog(qtbot, services, device.id)
    type_line(qtbot, dialog, "sugar", qty="1")
    with qtbot.waitSignal(dialog.sale_recorded, timeout=5000) as recorded:
        dialog.save()
    run(qloop, services.sales.wait_idle())
    note = open_credit_note(qtbot, services, recorded.args[0])
    assert not note.blocked_label.isHidden()
    assert "only accepts a credit note for a sale it has signed" in note.blocked_label.text()
    assert not note.save_button.isEnabled()
