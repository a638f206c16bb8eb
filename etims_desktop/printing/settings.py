"""The receipt printer and the receipt rules, kept in settings.json ('printer' and 'receipt' sections)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from etims_desktop.domain.receipt_rules import ReceiptRules

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
            return f"network printer {self.host}:{self.port}"
        if self.connection == "usb":
            return f"USB printer {self.usb_vendor or '?'}:{self.usb_product or '?'}"
        if self.connection == "serial":
            return f"serial printer on {self.serial_port or '?'}"
        return "no receipt printer"


def _read(path: Path) -> dict:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _write_section(path: Path, section: str, values: dict) -> None:
    """Keep the other sections (sync, business, ...); write atomically."""
    path = Path(path)
    raw = _read(path)
    raw[section] = values
    tmp = path.with_name(path.name + f".{section}.tmp")
    tmp.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    tmp.replace(path)


def _known(cls, values) -> dict:
    names = {f.name: f.type for f in fields(cls)}
    return {k: v for k, v in (values or {}).items() if k in names} if isinstance(values, dict) else {}


def load_printer(path: Path) -> PrinterSettings:
    try:
        settings = PrinterSettings(**_known(PrinterSettings, _read(path).get("printer")))
    except TypeError:
        return PrinterSettings()
    return settings if settings.connection in CONNECTIONS else PrinterSettings()


def save_printer(path: Path, settings: PrinterSettings) -> None:
    _write_section(path, "printer", asdict(settings))


def load_rules(path: Path) -> ReceiptRules:
    try:
        return ReceiptRules(**_known(ReceiptRules, _read(path).get("receipt"))).normalised()
    except TypeError:
        return ReceiptRules()


def save_rules(path: Path, rules: ReceiptRules) -> None:
    _write_section(path, "receipt", asdict(rules.normalised()))
