"""Printing from the window: a signed sale to the receipt printer (a fake ESC/POS printer on a real TCP
port), the original once and COPY after; a missing printer explained without touching the sale; the
Settings test print."""

from __future__ import annotations

import socket

from escpos_fake import FakePrinter, decode

from etims_desktop.domain.device import Environment
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.kra.environments import receipt_check_url
from etims_desktop.printing.settings import PrinterSettings, load_printer, save_printer
from etims_desktop.sync.report import DeviceSyncReport
from etims_desktop.ui.common.settings_dialog import SettingsDialog
from etims_desktop.ui.main_window import sales_tab_use_cases
from etims_desktop.ui.receipts.printer_settings import ReceiptPrintingSettings
from etims_desktop.ui.receipts.receipt_preview import ReceiptPreview
from etims_desktop.ui.sales.sales_tab import SalesTab
from tests.ui.helpers import PIN, connect_device, queue_sales, run


def signed_sale(qloop, services, oscu_sim, serial: str) -> int:
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", serial))
    [sale_id] = run(qloop, queue_sales(services, device.id, 1, prefix="R"))
    report = DeviceSyncReport(device.id, device.name, "OSCU")
    run(qloop, services.sync.drain.drain(device, report))
    assert report.signed == 1
    return sale_id


def open_tab(qtbot, services) -> SalesTab:
    tab = SalesTab(sales_tab_use_cases(services))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.refreshed, timeout=5000):
        tab.show()
    tab.table.selectRow(0)
    return tab


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as reserved:
        return reserved.getsockname()[1]


def test_original_once_then_copies_on_the_receipt_printer(qtbot, qloop, services, oscu_sim):
    sale_id = signed_sale(qloop, services, oscu_sim, "PRN-1")
    signature = oscu_sim.signed_sales(PIN, "00")[0].receipt.signature
    with FakePrinter() as printer:
        save_printer(
            services.paths.settings,
            PrinterSettings(connection="network", host="127.0.0.1", port=printer.port),
        )
        tab = open_tab(qtbot, services)
        preview = tab.print_on_receipt_printer()  # from the sales list, as a shop reprints
        assert isinstance(preview, ReceiptPreview)
        with qtbot.waitSignal(preview.receipt_printer_finished, timeout=10000) as first:
            pass
        assert first.args == [True]
        assert preview.view.copy and "COPY" in preview.view.marks  # the next one is a copy
        with qtbot.waitSignal(preview.receipt_printer_finished, timeout=10000) as second:
            preview.print_on_receipt_printer()
        assert second.args == [True]
        original, copy = (decode(job) for job in printer.wait_jobs(2))
    url = receipt_check_url(Environment.CUSTOM, PIN, "00", signature)
    assert original.qr_codes == copy.qr_codes == [url]
    assert "TAX INVOICE" in original.text and not original.inverted and " NS" in original.text
    assert [line.strip() for line in copy.inverted] == ["COPY", "COPY"] and " CS" in copy.text
    assert original.cuts == copy.cuts == 1
    # A window opened later knows the original is out.
    again = ReceiptPreview(services.receipts, sale_id)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.view is not None, timeout=5000)
    assert again.view.copy and "COPY" in again.state_label.text()


def test_missing_printer_is_explained_and_the_sale_is_untouched(qtbot, qloop, services, oscu_sim):
    sale_id = signed_sale(qloop, services, oscu_sim, "PRN-2")
    port = closed_port()
    save_printer(services.paths.settings, PrinterSettings(connection="network", host="127.0.0.1", port=port))
    preview = ReceiptPreview(services.receipts, sale_id)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.view is not None, timeout=5000)
    assert preview.thermal_button.isVisible() or not preview.isVisible()
    with qtbot.waitSignal(preview.receipt_printer_finished, timeout=10000) as done:
        preview.print_on_receipt_printer()
    assert done.args == [False]
    text = preview.state_label.text()
    assert f"127.0.0.1:{port}" in text and "The sale is safe" in text
    assert not preview.view.copy  # nothing was printed: the next print is still the original
    assert preview.thermal_button.isEnabled()
    assert run(qloop, services.store.get_entry(sale_id)).state is OutboxState.SIGNED


def test_settings_test_print_and_save(qtbot, qloop, services):
    dialog = SettingsDialog(services.preferences, services.store)
    qtbot.addWidget(dialog)
    box = dialog.receipts
    assert isinstance(box, ReceiptPrintingSettings) and not box.test_button.isEnabled()  # no printer yet
    box.connection.setCurrentIndex(box.connection.findData("network"))
    box.host.setText("127.0.0.1")
    box.port.setValue(closed_port())
    with qtbot.waitSignal(box.test_finished, timeout=10000) as failed:
        box.test_button.click()
    assert failed.args == [False] and "Cannot reach" in box.message.text()

    with FakePrinter() as printer:
        box.port.setValue(printer.port)
        box.paper.setCurrentIndex(box.paper.findData(58))
        with qtbot.waitSignal(box.test_finished, timeout=10000) as ok:
            box.test_button.click()
        assert ok.args == [True]
        page = decode(printer.wait_jobs(1)[0])
    assert "TEST PRINT" in page.text and page.qr_codes and page.cuts == 1
    assert max(len(line) for line in page.lines) == 32  # the 58 mm ruler

    box.language.setCurrentIndex(box.language.findData("sw"))
    dialog.save()
    saved = load_printer(services.paths.settings)
    assert (saved.connection, saved.host, saved.port, saved.paper_mm) == (
        "network",
        "127.0.0.1",
        printer.port,
        58,
    )
    assert '"language": "sw"' in services.paths.settings.read_text(encoding="utf-8")


def test_system_print_dialog_opens_without_blocking_and_prints_when_accepted(
    qtbot, qloop, services, oscu_sim, tmp_path
):
    sale_id = signed_sale(qloop, services, oscu_sim, "PRN-3")
    preview = ReceiptPreview(services.receipts, sale_id)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.view is not None, timeout=5000)
    dialog = preview.print_()
    assert dialog is not None and dialog.isVisible() and not preview.view.copy  # nothing printed yet
    printer = dialog.printer()
    assert printer.docName().endswith(preview.view.trader_invoice_no)
    printer.setOutputFormat(printer.OutputFormat.PdfFormat)  # the "printer" is a file here
    printer.setOutputFileName(str(tmp_path))  # a folder: the job cannot start
    dialog.accepted.emit(printer)  # what OK does, without the dialog's own widgets overwriting the file
    assert "Not printed" in preview.state_label.text() and not preview.view.copy  # still the original
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    with qtbot.waitSignal(preview.printed, timeout=5000) as printed:
        dialog.accepted.emit(printer)
    assert printed.args == [sale_id]
    assert target.read_bytes().startswith(b"%PDF") and preview.view.copy  # the original is out
    dialog.reject()
