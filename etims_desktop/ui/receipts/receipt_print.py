"""Put a receipt on paper or into a PDF: QPdfWriter for files, QPrinter through a non-modal print dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from etims_desktop.domain.receipt import ReceiptView
from etims_desktop.ui.receipts.receipt_render import PageSink, ReceiptLayout, ReceiptRenderer

PDF_DPI = 300


class _PagedDeviceSink(PageSink):
    """QPdfWriter and QPrinter both turn pages with newPage()."""

    def __init__(self, device: QPdfWriter | QPrinter) -> None:
        self.device = device

    def begin(self) -> QPainter:
        painter = QPainter()
        if not painter.begin(self.device):
            raise OSError(
                QCoreApplication.translate("ReceiptPrint", "The printer or PDF file could not be opened.")
            )
        return painter

    def next_page(self, painter: QPainter) -> QPainter:
        self.device.newPage()
        return painter


class _ReceiptPrintDialog(QPrintDialog):
    """Qt only borrows the printer: the dialog keeps the Python object alive as long as itself."""

    def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self.kept_printer = printer


def save_pdf(view: ReceiptView, layout: ReceiptLayout, path: str | Path) -> int:
    """Write the receipt as a PDF file; returns the page count. Raises OSError if the file cannot be written."""
    renderer = ReceiptRenderer(view, layout)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"{view.title} {view.trader_invoice_no}")
    writer.setCreator("etims-desktop")
    writer.setPageLayout(renderer.page_layout())
    pages = renderer.paint(_PagedDeviceSink(writer), writer)
    del writer  # the file is complete once the writer is gone
    return pages


def print_to(printer: QPrinter, view: ReceiptView, layout: ReceiptLayout) -> int:
    """Paint the receipt on an already configured printer."""
    renderer = ReceiptRenderer(view, layout)
    printer.setPageLayout(renderer.page_layout())
    printer.setFullPage(True)
    return renderer.paint(_PagedDeviceSink(printer), printer)


def print_receipt(
    view: ReceiptView,
    layout: ReceiptLayout,
    parent: QWidget | None = None,
    on_printed: Callable[[], None] | None = None,
    on_failed: Callable[[OSError], None] | None = None,
) -> QPrintDialog:
    """Open the system print dialog without blocking (open(), never exec()); print when accepted.
    A printer that cannot start the job goes to `on_failed` (nothing counts as printed)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"{view.title} {view.trader_invoice_no}")
    printer.setPageLayout(ReceiptRenderer(view, layout).page_layout())
    dialog = _ReceiptPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReceiptPrint", "Print receipt"))

    def accepted() -> None:
        try:
            print_to(printer, view, layout)
        except OSError as exc:
            if on_failed is None:
                raise
            on_failed(exc)
            return
        if on_printed is not None:
            on_printed()

    dialog.accepted.connect(accepted)
    dialog.finished.connect(dialog.deleteLater)
    QDialog.open(dialog)  # QDialog's open(): the stubs list only QPrintDialog's open(receiver, member)
    return dialog
