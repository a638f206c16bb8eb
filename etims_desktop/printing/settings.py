"""The receipt printer and the receipt rules, kept in settings.json ('printer' and 'receipt' sections)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etims_desktop.domain.receipt_rules import ReceiptRules
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.storage.settings_file import load_section, save_section

CONNECTIONS = ("none", "network", "usb", "serial")
PAPER_COLUMNS = {58: 32, 80: 48}  # characters per line in the printer's font A (384 / 576 dots wide)


@dataclass(frozen=True)
class PrinterSettings:
    """How to reach the shop's ESC/POS receipt printer. connection 'none': print through the system
    printer dialog or to PDF only."""

    connection: str = "none"
    host: str = ""  # network: the printer's IP address or name
    port: int = 9100  # network: raw printing port
    usb_vendor: str = ""  # usb: vendor id in hex, e.g. '04b8' (Epson)
    usb_product: str = ""  # usb: product id in hex, e.g. '0202'
    serial_port: str = ""  # serial: '/dev/ttyUSB0', 'COM3'
    baudrate: int = 9600
    paper_mm: int = 80  # 58 or 80
    columns: int = 0  # characters per line; 0: the usual for the paper width (32 / 48)
    timeout_seconds: float = 5.0
    cut: bool = True

    @property
    def configured(self) -> bool:
        return self.connection in CONNECTIONS[1:]

    @property
    def line_width(self) -> int:
        return self.columns if self.columns > 0 else PAPER_COLUMNS.get(self.paper_mm, 48)

    def describe(self) -> str:
        """'network printer 192.168.1.50:9100' - for messages."""
        if self.connection == "network":
            return Said(
                QT_TRANSLATE_NOOP("Core", "network printer {address}"), address=f"{self.host}:{self.port}"
            )
        if self.connection == "usb":
            return Said(
                QT_TRANSLATE_NOOP("Core", "USB printer {address}"),
                address=f"{self.usb_vendor or '?'}:{self.usb_product or '?'}",
            )
        if self.connection == "serial":
            return Said(QT_TRANSLATE_NOOP("Core", "serial printer on {port}"), port=self.serial_port or "?")
        return QT_TRANSLATE_NOOP("Core", "no receipt printer")


def load_printer(path: Path) -> PrinterSettings:
    settings = load_section(path, "printer", PrinterSettings)
    return settings if settings.connection in CONNECTIONS else PrinterSettings()


def save_printer(path: Path, settings: PrinterSettings) -> None:
    """Keeps the other sections (sync, backups, ...); storage/settings_file.py writes atomically."""
    save_section(path, "printer", settings)


def load_rules(path: Path) -> ReceiptRules:
    return load_section(path, "receipt", ReceiptRules).normalised()


def save_rules(path: Path, rules: ReceiptRules) -> None:
    save_section(path, "receipt", rules.normalised())
