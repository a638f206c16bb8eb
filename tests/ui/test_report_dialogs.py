"""The Reports menu's dialogs on real services, the real simulator and a real database: the end of day
report shows what KRA signed and whether the day is closed, and saves a PDF."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.ui.helpers import connect_device, queue_sales, run

NAIROBI = ZoneInfo("Africa/Nairobi")


def test_day_report_dialog_from_the_menu(qtbot, qloop, window, services, oscu_sim, tmp_path):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "ZREP-1"))
    run(qloop, queue_sales(services, device.id, 2))
    run(qloop, services.sync.sync())
    oscu_sim.go_offline()
    run(qloop, queue_sales(services, device.id, 1, prefix="W"))
    run(qloop, services.sync.sync())

    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Reports") == titles.index("&Help") - 1  # Reports, then Help
    window.reports_menu.day_report_action.trigger()
    dialog = window.reports_menu.last_dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    report = dialog.report
    assert report.sales.count == 2 and len(report.waiting) == 1 and not report.closed
    assert "Day NOT closed: 1 sale(s)" in dialog.status.text()
    assert dialog.pages.pixmap() is not None and not dialog.pages.pixmap().isNull()
    assert dialog.pdf_button.isEnabled()
    path = tmp_path / "z.pdf"
    dialog.save_pdf(str(path))
    assert path.read_bytes().startswith(b"%PDF") and str(path) in dialog.saved.text()
    dialog.layout_combo.setCurrentIndex(1)  # 80 mm roll: one long page
    assert dialog.pages.pixmap().height() > dialog.pages.pixmap().width()
    dialog.resize(1366, 768)
    dialog.grab().save("/tmp/rep/day-report.png")


def test_day_report_dialog_shows_the_whole_device_name_on_a_small_screen(
    qtbot, qloop, window, services, oscu_sim
):
    """1366x768 at 200 % leaves 683x384 logical pixels: the device has a row of its own, wide enough for
    its whole name; a longer one is elided and its tooltip has it whole."""
    name = "Mama Mboga main counter till"
    run(qloop, connect_device(services, oscu_sim, name, "ZREP-2"))
    window.reports_menu.day_report_action.trigger()
    dialog = window.reports_menu.last_dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    dialog.resize(683, 384)
    qtbot.waitUntil(lambda: dialog.width() <= 683)
    combo = dialog.device_combo
    assert combo.currentText() == f"{name} (OSCU)" and combo.toolTip() == combo.currentText()
    arrow = 40  # the drop-down button and the frame
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + arrow
    assert dialog.pdf_button.geometry().right() <= dialog.width()
    combo.setItemText(0, name * 4)  # too long for any row: elided, the tooltip has it all
    combo.setCurrentIndex(0)
    dialog._show_device_name(0)
    assert combo.toolTip() == name * 4 and dialog.width() <= 683


def test_export_dialog_writes_a_workbook(qtbot, qloop, window, services, oscu_sim, tmp_path):
    from openpyxl import load_workbook

    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "EXP-1"))
    run(qloop, queue_sales(services, device.id, 3))
    today = datetime.now(NAIROBI).strftime("%Y%m%d")
    oscu_sim.add_supplier_invoice(device.pin, [("Sugar 1kg", "10", "150.00", "B")], sold_on=today)
    oscu_sim.add_supplier_invoice(
        device.pin, supplier_name="Late Supplier", supplier_pin="P000000003S", sold_on=today
    )
    run(qloop, services.purchases.fetch(device.id))
    bought = {p.supplier_name: p.id for p in run(qloop, services.purchases.list(device.id))}
    run(qloop, services.purchases.accept(bought["Wholesale Supplies Ltd"]))
    run(qloop, services.sync.sync())
    oscu_sim.go_offline()
    run(qloop, services.purchases.accept(bought["Late Supplier"]))

    window.reports_menu.export_action.trigger()
    dialog = window.reports_menu.last_dialog
    qtbot.waitUntil(lambda: dialog.device_combo.count() == 2, timeout=5000)
    dialog.device_combo.setCurrentIndex(1)
    path = tmp_path / "books.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_to(path)
    text = dialog.outcome.text()
    assert "Exported 3 sale(s) and credit note(s) signed by KRA and 1 purchase(s) KRA recorded" in text
    assert "1 purchase(s) not at KRA yet are listed with their status, in no total" in text
    book = load_workbook(path)
    assert book["sales-invoices"].max_row == 4 and book["purchases-invoices"].max_row == 3
    assert book["purchases-invoices"]["D3"].value == "Late Supplier"

    (tmp_path / "a-file").write_text("not a folder")
    bad = tmp_path / "a-file" / "books.xlsx"
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(1))
    dialog.export_to(bad)
    qtbot.waitUntil(lambda: "Nothing was exported" in dialog.outcome.text(), timeout=5000)
    assert "before it starts" in dialog.outcome.text() and dialog.export_button.isEnabled()
    dialog.from_edit.setDate(dialog.to_edit.date())
    dialog.export_to(bad)
    qtbot.waitUntil(lambda: "could not be written" in dialog.outcome.text(), timeout=5000)
    dialog.grab().save("/tmp/rep/export.png")


def test_reconcile_dialog_progress_cancel_and_continue(qtbot, qloop, window, services, oscu_sim):
    from etims_desktop.app.reconcile import ReconcileSettings

    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "REC-1"))
    run(qloop, queue_sales(services, device.id, 4))
    run(qloop, services.sync.sync())
    oscu_sim.lose_sale("P051234567X", "00", 4)

    services.reconcile.settings = ReconcileSettings(lookups_per_second=5)  # slow enough to cancel mid-way
    window.reports_menu.reconcile_action.trigger()
    dialog = window.reports_menu.last_dialog
    qtbot.waitUntil(lambda: dialog.device_combo.count() == 2, timeout=5000)
    assert dialog.progress.text().startswith("Not checked yet")  # no made-up count before a check
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=5000)
    assert dialog.progress.text().endswith(" of 4 checked")
    assert dialog.cancel_button.isEnabled() and not dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.stopped, timeout=5000):
        dialog.cancel_button.click()
    assert "Stopped" in dialog.summary.text() and dialog.start_button.isEnabled()

    services.reconcile.settings = ReconcileSettings(lookups_per_second=1000)
    with qtbot.waitSignal(dialog.finished_check, timeout=10000) as done:
        dialog.start_button.click()
    result = done.args[0]
    assert result.complete and result.continued_from >= 1 and result.checked == 4
    assert dialog.progress.value() == 4 and dialog.progress.maximum() == 4
    assert dialog.table.rowCount() == 1 and "KRA has no record" in dialog.table.item(0, 2).text()
    assert "1 problem(s) found" in dialog.summary.text()
    dialog.resize(1366, 768)
    dialog.grab().save("/tmp/rep/reconcile.png")


def test_report_pdf_pages_a4_one_per_device_80mm_one_roll(qapp, tmp_path):
    from datetime import UTC, date, datetime

    from etims_desktop.app.day_report import build_day_report
    from etims_desktop.domain.device import Device, DeviceType, Environment
    from etims_desktop.ui.reports.day_report_render import ReportLayout, save_report_pdf

    reports = [
        build_day_report(
            date(2026, 3, 14),
            Device(n, f"Till {n}", DeviceType.OSCU, "P051234567X", "00", f"S{n}", Environment.SANDBOX, None),
            [],
            datetime(2026, 3, 14, 20, tzinfo=UTC),
        )
        for n in (1, 2)
    ]
    assert save_report_pdf(reports, ReportLayout.A4, tmp_path / "a4.pdf") == 2
    assert save_report_pdf(reports, ReportLayout.ROLL_80MM, tmp_path / "roll.pdf") == 1
    assert (tmp_path / "a4.pdf").read_bytes().startswith(b"%PDF")
