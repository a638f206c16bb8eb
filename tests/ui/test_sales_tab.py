"""The sales list: KRA numbers and states, filters, Ctrl+N, receipts to PDF, and reprints after signing."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

from PySide6.QtCore import QDate, Qt

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.sync.report import DeviceSyncReport
from etims_desktop.ui.main_window import sales_tab_use_cases
from etims_desktop.ui.receipts.receipt_preview import ReceiptPreview
from etims_desktop.ui.receipts.receipt_render import ReceiptLayout
from etims_desktop.ui.sales.sale_dialog import SaleDialog
from etims_desktop.ui.sales.sales_tab import SalesTab
from tests.ui.helpers import PIN, connect_device, queue_sales, run


def open_tab(qtbot, services) -> SalesTab:
    tab = SalesTab(sales_tab_use_cases(services))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.refreshed, timeout=5000):
        tab.show()
    return tab


def refreshed(qtbot, tab: SalesTab, action) -> None:
    with qtbot.waitSignal(tab.refreshed, timeout=5000):
        action()


def column(tab: SalesTab, number: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


def test_list_filters_numbers_and_new_sale_shortcut(qtbot, qloop, services, oscu_sim):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "TAB-1"))
    run(qloop, queue_sales(services, device.id, 3, prefix="A"))
    report = DeviceSyncReport(device.id, device.name, "OSCU")
    run(qloop, services.sync.drain.drain(device, report, limit=2))
    tab = open_tab(qtbot, services)

    assert column(tab, 2) == ["A1-3", "A1-2", "A1-1"]  # newest first
    assert column(tab, 7) == ["queued", "signed", "signed"]
    signed = oscu_sim.signed_sales(PIN, "00")
    assert column(tab, 3)[1:] == [
        f"{device.scu_id}/{signed[1].invc_no}",
        f"{device.scu_id}/{signed[0].invc_no}",
    ]
    assert column(tab, 4)[1:] == [str(signed[1].receipt.receipt_no), str(signed[0].receipt.receipt_no)]
    assert column(tab, 3)[0] == ""

    refreshed(qtbot, tab, lambda: tab.state_filter.setCurrentIndex(1))  # pending
    assert column(tab, 2) == ["A1-3"]
    refreshed(qtbot, tab, lambda: tab.state_filter.setCurrentIndex(0))
    refreshed(qtbot, tab, lambda: tab.search.setText("a1-2"))
    assert column(tab, 2) == ["A1-2"]
    refreshed(qtbot, tab, lambda: tab.search.setText(""))
    refreshed(qtbot, tab, lambda: tab.min_total.setText("1000"))
    assert column(tab, 2) == []
    assert tab.status.text() == "No sales match."
    refreshed(qtbot, tab, lambda: tab.min_total.setText(""))
    later = QDate.currentDate().addDays(2)
    tab.from_date.setDate(later)
    refreshed(qtbot, tab, lambda: tab.from_check.setChecked(True))
    assert tab.current_filter().date_from == date(later.year(), later.month(), later.day())
    assert column(tab, 2) == []
    refreshed(qtbot, tab, lambda: tab.from_date.setDate(QDate.currentDate().addDays(-1)))
    assert column(tab, 2) == ["A1-3", "A1-2", "A1-1"]

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [w for w in tab.windows if isinstance(w, SaleDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    qtbot.waitUntil(lambda: dialogs[0].device_combo.count() == 1, timeout=5000)


def test_receipt_printed_while_pending_is_listed_for_reprint_once_signed(
    qtbot, qloop, services, oscu_sim, tmp_path
):
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "TAB-2"))
    [sale_id] = run(qloop, queue_sales(services, device.id, 1, prefix="P"))
    tab = open_tab(qtbot, services)
    tab.table.selectRow(0)
    tab.receipt_layout.setCurrentIndex(tab.receipt_layout.findData(ReceiptLayout.THERMAL_80MM))
    preview = tab.show_receipt()
    assert isinstance(preview, ReceiptPreview)
    qtbot.waitUntil(lambda: preview.view is not None, timeout=5000)
    assert preview.view.pending and "PENDING" in preview.state_label.text()
    pdf = tmp_path / "pending.pdf"
    assert preview.save_pdf_to(str(pdf)) == 1
    if shutil.which("pdftotext"):
        assert (
            "PENDING" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        )
    preview.close()
    assert tab.reprint_banner.isHidden()

    report = DeviceSyncReport(device.id, device.name, "OSCU")
    run(qloop, services.sync.drain.drain(device, report))
    services.sync.notify(device.id)
    assert report.signed == 1
    qtbot.waitUntil(lambda: not tab.reprint_banner.isHidden(), timeout=5000)
    assert "1 receipt" in tab.reprint_banner.text()
    assert column(tab, 7) == ["signed - reprint the receipt"]
    refreshed(qtbot, tab, tab.reprint_banner.click)
    assert tab.reprint_check.isChecked() and [r.sale_id for r in tab.model.rows] == [sale_id]

    tab.table.selectRow(0)
    again = tab.show_receipt()
    qtbot.waitUntil(lambda: again.view is not None, timeout=5000)
    assert again.view.signed and again.view.qr_text
    assert not again.view.copy and "is a COPY" not in again.state_label.text()  # the original
    assert again.save_pdf_to(str(tmp_path / "signed.pdf")) == 1
    qtbot.waitUntil(lambda: tab.model.rows == [], timeout=5000)
    assert tab.reprint_banner.isHidden()
    qtbot.waitUntil(lambda: run(qloop, services.store.original_printed(sale_id)), timeout=5000)
    copy = tab.show_receipt() if tab.model.rows else None
    if copy is None:  # the reprint filter is on and now empty: open the receipt directly
        copy = ReceiptPreview(services.receipts, sale_id)
    qtbot.waitUntil(lambda: copy.view is not None, timeout=5000)
    assert copy.view.copy and "this one is a COPY" in copy.state_label.text()
    copy.close()
    assert run(qloop, services.store.get_entry(sale_id)).state is OutboxState.SIGNED
