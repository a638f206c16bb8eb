"""The Reports menu's dialogs on real services, the real simulator and a real database: the end of day
report shows what KRA signed and whether the day is closed, and saves a PDF."""

from __future__ import annotations

from tests.ui.helpers import connect_device, queue_sales, run


def test_day_report_dialog_from_the_menu(qtbot, qloop, window, services, oscu_sim, tmp_path):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "ZREP-1"))
    run(qloop, queue_sales(services, device.id, 2))
    run(qloop, services.sync.sync())
    oscu_sim.go_offline()
    run(qloop, queue_sales(services, device.id, 1, prefix="W"))
    run(qloop, services.sync.sync())

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
