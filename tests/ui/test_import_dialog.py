"""Importing a POS export from the window: preview and per-row errors first, nothing queued until clean."""

from __future__ import annotations

from decimal import Decimal

from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.records import ItemDraft
from etims_desktop.ui.sales.import_dialog import ImportDialog
from tests.ui.helpers import connect_device, run


def setup_shop(qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "IMP-1"))
    item = run(qloop, services.store.add_item(ItemDraft("Soap", "53131608", TaxType.B, Decimal("58.00"))))
    return device, item


def open_dialog(qtbot, services, device_id) -> ImportDialog:
    dialog = ImportDialog(services.importer, device_id=device_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.device_combo.count() == 1, timeout=5000)
    return dialog


def test_bad_rows_are_listed_and_nothing_is_imported(qtbot, qloop, services, oscu_sim, tmp_path):
    device, item = setup_shop(qloop, services, oscu_sim)
    path = tmp_path / "pos.csv"
    path.write_text(
        "invoice_no,date,item_code,qty,unit_price\n"
        f"POS-1,2026-03-14 10:00,{item.code},2,\n"
        "POS-2,2026-03-14 10:05,NOPE-1,1,\n"
        f"POS-3,yesterday,{item.code},1,\n"
        f"POS-4,2026-03-14 10:09,{item.code},0,\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, services, device.id)
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.load_file(str(path))
    errors = {
        dialog.errors_table.item(r, 0).text(): dialog.errors_table.item(r, 1).text()
        for r in range(dialog.errors_table.rowCount())
    }
    assert set(errors) == {"3", "4", "5"}
    assert "not in the item master" in errors["3"]
    assert "Nothing will be imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.import_now()  # refused while the file has errors
    assert run(qloop, services.store.list_outbox()) == []


def test_clean_file_previews_totals_then_imports_once(qtbot, qloop, services, oscu_sim, tmp_path):
    device, item = setup_shop(qloop, services, oscu_sim)
    path = tmp_path / "pos.json"
    path.write_text(
        '[{"invoice_no": "POS-10", "date": "2026-03-14T10:00", "lines": '
        f'[{{"item_code": "{item.code}", "qty": 3}}, {{"item_code": "{item.code}", "qty": 1, "discount": 10}}]}},'
        f' {{"invoice_no": "POS-11", "date": "2026-03-14T11:00", "buyer_pin": "P000111222Z", "lines": '
        f'[{{"item_code": "{item.code}", "qty": 2, "unit_price": "55.50"}}]}}]',
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, services, device.id)
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.load_file(str(path))
    assert dialog.errors_table.rowCount() == 0 and dialog.sales_table.rowCount() == 2
    assert [dialog.sales_table.item(r, 4).text() for r in range(2)] == ["226.20", "111.00"]
    assert "2 sale(s), 3 line(s), total KSh 337.20" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=5000) as imported:
        dialog.import_now()
    assert imported.args[0] == 2
    numbers = sorted(e.sale.trader_invoice_no for e in run(qloop, services.store.list_outbox(device.id)))
    assert numbers == ["POS-10", "POS-11"]
    with qtbot.waitSignal(dialog.imported, timeout=5000) as again:
        dialog.import_now()
    assert again.args[0] == 0 and "2 were imported before" in dialog.summary.text()
    assert len(run(qloop, services.store.list_outbox(device.id))) == 2
