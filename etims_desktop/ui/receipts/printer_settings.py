"""Settings, Receipts: the ESC/POS receipt printer (network, USB or serial; 58 or 80 mm) with a test print,
and the receipt rules public sources read differently (docs/PRINTING.md). Self-contained: the Settings
dialog adds it and calls save()."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from etims_desktop.domain.receipt_labels import LANGUAGES
from etims_desktop.domain.receipt_rules import ReceiptRules
from etims_desktop.printing.print_job import print_test_page
from etims_desktop.printing.printers import PrinterProblem
from etims_desktop.printing.settings import (
    PrinterSettings,
    load_printer,
    load_rules,
    save_printer,
    save_rules,
)
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.common.widgets import Banner

log = logging.getLogger("etims_desktop.ui")


class ReceiptPrintingSettings(QWidget):
    """`test_finished(ok)` after a test print (ok False: the banner says why)."""

    test_finished = Signal(bool)

    def __init__(self, settings_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings_path = settings_path
        printer = load_printer(settings_path)
        rules = load_rules(settings_path)

        box = self._build_printer_box(printer)
        rules_box = self._build_rules_box(rules)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 3)
        layout.addWidget(rules_box, 2)

        self.connection.currentIndexChanged.connect(self._connection_changed)
        self.connection.setCurrentIndex(max(0, self.connection.findData(printer.connection)))
        self._connection_changed()

    def _build_printer_box(self, printer: PrinterSettings) -> QGroupBox:
        """How the receipt printer is reached (the fields for that kind only), its paper, a test page."""
        box = QGroupBox(self.tr("Receipt printer (ESC/POS thermal)"))
        form = QFormLayout(box)
        self.connection = QComboBox()
        for label, value in (
            (self.tr("None - system printer or PDF only"), "none"),
            (self.tr("Network (port 9100)"), "network"),
            (self.tr("USB"), "usb"),
            (self.tr("Serial port"), "serial"),
        ):
            self.connection.addItem(label, value)
        form.addRow(self.tr("Connection"), self.connection)

        self.host = QLineEdit(printer.host)
        self.host.setPlaceholderText("192.168.1.50")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(printer.port)
        self.usb_vendor = QLineEdit(printer.usb_vendor)
        self.usb_vendor.setPlaceholderText(self.tr("vendor id, e.g. 04b8"))
        self.usb_product = QLineEdit(printer.usb_product)
        self.usb_product.setPlaceholderText(self.tr("product id, e.g. 0202"))
        self.serial_port = QLineEdit(printer.serial_port)
        self.serial_port.setPlaceholderText("/dev/ttyUSB0, COM3")
        self.baudrate = QComboBox()
        for rate in (9600, 19200, 38400, 57600, 115200):
            self.baudrate.addItem(str(rate), rate)
        self.baudrate.setCurrentIndex(max(0, self.baudrate.findData(printer.baudrate)))

        self.where = QStackedWidget()  # one page of fields per connection kind
        self.where.addWidget(QWidget())
        self.where.addWidget(_row(self.host, self.port))
        self.where.addWidget(_row(self.usb_vendor, self.usb_product))
        self.where.addWidget(_row(self.serial_port, self.baudrate))
        form.addRow(self.tr("Address"), self.where)

        self.paper = QComboBox()
        self.paper.addItem(self.tr("80 mm (48 characters)"), 80)
        self.paper.addItem(self.tr("58 mm (32 characters)"), 58)
        self.paper.setCurrentIndex(max(0, self.paper.findData(printer.paper_mm)))
        self.cut = QCheckBox(self.tr("Cut the paper after each receipt"))
        self.cut.setChecked(printer.cut)
        form.addRow(self.tr("Paper"), _row(self.paper, self.cut))
        self.test_button = QPushButton(self.tr("Print a &test page"))
        self.test_button.clicked.connect(self.print_test)
        self.message = Banner()
        form.addRow("", self.test_button)
        form.addRow(self.message)
        return box

    def _build_rules_box(self, rules: ReceiptRules) -> QGroupBox:
        """The receipt's language and how it shows the CU number, the QR code and reprints."""
        rules_box = QGroupBox(self.tr("Receipt rules"))
        rules_form = QFormLayout(rules_box)
        self.language = _combo([(name, code) for code, name in LANGUAGES.items()], rules.language)
        self.language.setToolTip(self.tr("KRA's terms (TAX INVOICE, KRA PIN, SCU ...) stay in English."))
        self.cu_number = _combo(
            [
                (self.tr("SCU id / eTIMS invoice no. (recommended)"), "invoice"),
                (self.tr("SCU id / KRA receipt no."), "receipt"),
            ],
            rules.cu_number,
        )
        self.qr_payload = _combo(
            [
                (self.tr("KRA's receipt check page (recommended)"), "url"),
                (self.tr("TIS device form (date#time#SCU#...)"), "tis"),
            ],
            rules.qr_payload,
        )
        self.copy_label = _combo(
            [
                (self.tr("COPY watermark and CS/CC label (recommended)"), "copy"),
                (self.tr("COPY watermark, keep NS/NC"), "keep"),
            ],
            rules.copy_label,
        )
        rules_form.addRow(self.tr("Language"), self.language)
        rules_form.addRow(self.tr("CU invoice no."), self.cu_number)
        rules_form.addRow(self.tr("QR code"), self.qr_payload)
        rules_form.addRow(self.tr("Reprints"), self.copy_label)
        return rules_box

    def _connection_changed(self, _index: int | None = None) -> None:
        self.where.setCurrentIndex(self.connection.currentIndex())
        self.test_button.setEnabled(self.connection.currentData() != "none")

    def chosen_printer(self) -> PrinterSettings:
        saved = load_printer(self.settings_path)  # keeps fields with no control (columns, timeout)
        return PrinterSettings(
            connection=str(self.connection.currentData()),
            host=self.host.text().strip(),
            port=int(self.port.value()),
            usb_vendor=self.usb_vendor.text().strip(),
            usb_product=self.usb_product.text().strip(),
            serial_port=self.serial_port.text().strip(),
            baudrate=int(self.baudrate.currentData()),
            paper_mm=int(self.paper.currentData()),
            columns=saved.columns,
            timeout_seconds=saved.timeout_seconds,
            cut=self.cut.isChecked(),
        )

    def chosen_rules(self) -> ReceiptRules:
        return ReceiptRules(
            cu_number=str(self.cu_number.currentData()),
            qr_payload=str(self.qr_payload.currentData()),
            copy_label=str(self.copy_label.currentData()),
            language=str(self.language.currentData()),
        )

    def save(self) -> None:
        """Write both sections of settings.json (raises OSError; the dialog shows it)."""
        save_printer(self.settings_path, self.chosen_printer())
        save_rules(self.settings_path, self.chosen_rules())

    def print_test(self) -> asyncio.Task[Any]:
        """Send a test page with the settings as they are in the form (saved or not), off the GUI thread."""
        settings = self.chosen_printer()
        self.test_button.setEnabled(False)
        self.message.show_message(
            "info", self.tr("Printing a test page on the %1...").replace("%1", tr_core(settings.describe()))
        )

        async def run() -> None:
            try:
                await print_test_page(settings)
            except Exception as exc:  # PrinterProblem carries the plain reason; anything else is logged too
                log.info("test print failed: %s", exc, exc_info=not isinstance(exc, PrinterProblem))
                self._finished(False, plain_error(exc))
                return
            self._finished(
                True,
                self.tr(
                    "Test page sent to the %1. It should show a full-width ruler, a QR code and be cut."
                ).replace("%1", tr_core(settings.describe())),
            )

        return spawn(run())

    def _finished(self, ok: bool, text: str) -> None:
        self.test_button.setEnabled(True)
        self.message.show_message("ok" if ok else "error", text)
        self.test_finished.emit(ok)


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder


def _combo(choices: list[tuple[str, str]], current: str) -> QComboBox:
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo
