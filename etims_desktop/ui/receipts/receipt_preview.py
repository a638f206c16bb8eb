"""See a sale's receipt on screen, then print it or save it as PDF, in A4 or 80 mm thermal layout."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.domain.receipt import ReceiptView
from etims_desktop.printing.print_job import print_receipt as print_on_receipt_printer
from etims_desktop.printing.printers import PrinterProblem
from etims_desktop.printing.settings import load_printer, load_rules
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.common.widgets import fit_to_screen
from etims_desktop.ui.receipts.receipt_print import print_receipt, save_pdf
from etims_desktop.ui.receipts.receipt_render import ReceiptLayout, ReceiptRenderer

if TYPE_CHECKING:
    from etims_desktop.app.receipts import Receipts


log = logging.getLogger("etims_desktop.ui")

PREVIEW_WIDTH_PX = 680  # a page as wide as the window shows it


class ReceiptPreview(QDialog):
    """Non-modal receipt window. `printed(sale_id)` after a print or a PDF was written."""

    loaded = Signal()
    printed = Signal(int)
    receipt_printer_finished = Signal(bool)  # ok; False: state_label says why (the sale is not affected)

    def __init__(
        self,
        receipts: Receipts,
        sale_id: int,
        parent: QWidget | None = None,
        layout: ReceiptLayout = ReceiptLayout.A4,
    ):
        super().__init__(parent)
        self.receipts = receipts
        self.sale_id = sale_id
        self.view: ReceiptView | None = None  # as it prints now: original or COPY (receipt rules applied)
        self._as_recorded: ReceiptView | None = None
        self.page_count = 0
        self.rules = load_rules(receipts.settings_file)
        self.printer = load_printer(receipts.settings_file)
        self.setWindowTitle(self.tr("Receipt"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.layout_combo = QComboBox()
        for choice in ReceiptLayout:
            self.layout_combo.addItem(choice.label, choice)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(layout))
        self.layout_combo.currentIndexChanged.connect(lambda _i: self._render())
        self.page_label = QLabel()  # every page, one under the other
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.page_label)
        scroll.setWidgetResizable(True)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print..."))
        self.print_button.clicked.connect(self.print_)
        self.pdf_button = QPushButton(self.tr("Save as P&DF..."))
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.thermal_button = QPushButton(self.tr("Receipt p&rinter"))
        self.thermal_button.setToolTip(
            self.tr("Print on the ESC/POS receipt printer set up in Settings (%1).").replace(
                "%1", tr_core(self.printer.describe())
            )
        )
        self.thermal_button.clicked.connect(self.print_on_receipt_printer)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for button in (self.print_button, self.pdf_button, self.thermal_button):
            button.setEnabled(False)
        self.thermal_button.setVisible(self.printer.configured)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("&Layout")))
        bar.itemAt(0).widget().setBuddy(self.layout_combo)
        bar.addWidget(self.layout_combo)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.thermal_button)
        bar.addWidget(close)
        layout_box = QVBoxLayout(self)
        layout_box.addWidget(self.state_label)
        layout_box.addWidget(scroll, 1)
        layout_box.addLayout(bar)
        fit_to_screen(self, 760, 900)  # a whole A4 page where the screen allows
        spawn(self.reload(), self._failed)

    def receipt_layout(self) -> ReceiptLayout:
        return ReceiptLayout(self.layout_combo.currentData())

    async def reload(self) -> None:
        self._as_recorded = await self.receipts.view(self.sale_id)
        self.view = self.rules.apply(
            self._as_recorded, copy=self._as_recorded.copy
        )  # copy: from the database
        view = self.view
        if view.pending:
            self.state_label.setText(
                self.tr(
                    "Not yet signed by KRA (%1): this receipt prints with a PENDING mark and no QR code. "
                    "The Sales tab lists it for reprinting once KRA signs it."
                ).replace("%1", view.state_label)
            )
        else:
            words = [self.tr("Signed by KRA.")]
            if view.copy:
                words.append(self.tr("Its original was printed before: this one is a COPY."))
            else:
                words.append(self.tr("The first print is the original; later ones say COPY."))
            if view.rebuilt:
                words.append(
                    self.tr(
                        "Reprint rebuilt from stored data: this sale was signed before the app kept the "
                        "document KRA signed."
                    )
                )
            self.state_label.setText(" ".join(words))
        for button in (self.print_button, self.pdf_button, self.thermal_button):
            button.setEnabled(True)
        self._render()
        self.loaded.emit()

    def _render(self) -> None:
        if self.view is None:
            return
        renderer = ReceiptRenderer(self.view, self.receipt_layout())
        dpi = min(110, round(PREVIEW_WIDTH_PX * 25.4 / renderer.spec.width_mm))
        pages = renderer.images(dpi)
        gap = 12
        sheet = QPixmap(max(p.width() for p in pages) + 2, sum(p.height() + gap for p in pages))
        sheet.fill(QColor("#9e9e9e"))
        painter = QPainter(sheet)
        y = 0
        for page in pages:
            painter.drawImage(1, y, page)
            y += page.height() + gap
        painter.end()
        self.page_label.setPixmap(sheet)
        self.page_count = len(pages)

    def _was_printed(self) -> None:
        assert self.view is not None and self._as_recorded is not None
        printed = self.view
        if self.view.signed and not self.view.copy and not self.view.cancelled:
            # The first print of a signed receipt is the original (kept in the database); every later one
            # is a COPY, from this window too.
            self.view = self.rules.apply(self._as_recorded, copy=True)
            self._render()
        spawn(self.receipts.record_print(printed), self._failed)
        self.printed.emit(self.sale_id)

    def print_on_receipt_printer(self):
        """Send the receipt to the ESC/POS printer off the GUI thread; a failure is explained, the sale
        is untouched, and the receipt can be printed again (here or from the Sales list)."""
        if self.view is None:
            return None
        view = self.view
        self.thermal_button.setEnabled(False)
        self.state_label.setText(
            self.tr("Printing on the %1...").replace("%1", tr_core(self.printer.describe()))
        )

        async def run() -> None:
            try:
                await print_on_receipt_printer(self.printer, view)
            except Exception as exc:  # PrinterProblem carries plain words; anything else is logged too
                if not isinstance(exc, PrinterProblem):
                    log.exception("receipt printer job failed")
                self.thermal_button.setEnabled(True)
                self.state_label.setText(
                    self.tr(
                        "Not printed: %1 The sale is safe; print it again when the printer is ready."
                    ).replace("%1", plain_error(exc))
                )
                self.receipt_printer_finished.emit(False)
                return
            self.thermal_button.setEnabled(True)
            self._was_printed()
            self.state_label.setText(
                self.tr("Printed on the %1.").replace("%1", tr_core(self.printer.describe()))
            )
            self.receipt_printer_finished.emit(True)

        return spawn(run())

    def print_(self):
        """Open the system print dialog (non-modal)."""
        if self.view is None:
            return None
        return print_receipt(self.view, self.receipt_layout(), self, on_printed=self._was_printed)

    def choose_pdf(self) -> QFileDialog:
        name = f"receipt-{self.view.trader_invoice_no if self.view else self.sale_id}.pdf".replace("/", "-")
        dialog = QFileDialog(self, self.tr("Save receipt as PDF"), str(Path.home() / name), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.save_pdf_to)
        dialog.open()
        return dialog

    def save_pdf_to(self, path: str) -> int:
        """Write the PDF; returns its page count (0 if it could not be written - the reason is shown)."""
        if self.view is None or not path:
            return 0
        try:
            pages = save_pdf(self.view, self.receipt_layout(), path)
        except OSError as exc:
            self.state_label.setText(self.tr("Could not save the PDF: %1").replace("%1", str(exc)))
            return 0
        self._was_printed()
        self.state_label.setText(self.tr("Saved %1.").replace("%1", path))
        return pages

    def _failed(self, exc: BaseException) -> None:
        self.state_label.setText(plain_error(exc))
