"""Send ESC/POS bytes to the receipt printer over the network (raw port 9100), USB or a serial port, and
say plainly what is wrong when it cannot print: missing, out of paper, offline (cover open), failed.

Blocking I/O: call `send` from a worker thread (print_job.print_bytes does), never on the GUI thread.
"""

from __future__ import annotations

import logging
import socket
from enum import StrEnum

from etims_desktop.domain.errors import PlainError
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.printing.library import escpos
from etims_desktop.printing.settings import PrinterSettings

log = logging.getLogger("etims_desktop.printing")

STATUS_TIMEOUT_SECONDS = 1.5  # a printer that answers status queries answers at once
DLE_EOT_PRINTER = b"\x10\x04\x01"  # real-time status: bit 3 set = offline
DLE_EOT_PAPER = b"\x10\x04\x04"  # roll paper sensor: bits 5-6 set = paper end, bits 2-3 = near end
OFFLINE_BIT = 0x08
PAPER_END_BITS = 0x60


class Problem(StrEnum):
    NOT_SET_UP = "not_set_up"
    MISSING = "missing"
    NO_PAPER = "no_paper"
    OFFLINE = "offline"
    FAILED = "failed"


_NOT_HEX = QT_TRANSLATE_NOOP("Core", "The USB {what} id '{text}' is not a hex number (e.g. 04b8).")
_CANNOT_REACH = QT_TRANSLATE_NOOP("Core", "Cannot reach the {printer}. {hint}")
_NO_PAPER = QT_TRANSLATE_NOOP("Core", "The {printer} is out of paper. Load a new roll, then print again.")
_OFFLINE = QT_TRANSLATE_NOOP(
    "Core", "The {printer} is offline: close its cover, check the paper, then print again."
)
_STOPPED = QT_TRANSLATE_NOOP(
    "Core", "The {printer} stopped answering while printing. Check it, then print again from the Sales list."
)


class PrinterProblem(PlainError):
    """A print did not happen, with a sentence a shop owner can act on. The sale is not affected."""

    def __init__(self, problem: Problem, message: str):
        super().__init__(message)
        self.problem = problem
        self.message = message


def _hex_id(text: str, what: str) -> int:
    try:
        return int(text.strip().lower().removeprefix("0x"), 16)
    except ValueError:
        raise PrinterProblem(Problem.NOT_SET_UP, Said(_NOT_HEX, what=what, text=text)) from None


def _connect(settings: PrinterSettings):
    """An open python-escpos printer, or PrinterProblem(MISSING) saying where we looked."""
    lib = escpos()
    where = settings.describe()
    if settings.connection == "network":
        if not settings.host.strip():
            raise PrinterProblem(
                Problem.NOT_SET_UP,
                QT_TRANSLATE_NOOP("Core", "Enter the printer's network address in Settings."),
            )
        printer = lib.Network(settings.host.strip(), int(settings.port), timeout=settings.timeout_seconds)
    elif settings.connection == "usb":
        printer = lib.Usb(
            _hex_id(settings.usb_vendor, "vendor"),
            _hex_id(settings.usb_product, "product"),
            timeout=int(settings.timeout_seconds * 1000),
        )
    elif settings.connection == "serial":
        if not settings.serial_port.strip():
            raise PrinterProblem(
                Problem.NOT_SET_UP, QT_TRANSLATE_NOOP("Core", "Enter the printer's serial port in Settings.")
            )
        printer = lib.Serial(
            settings.serial_port.strip(), baudrate=int(settings.baudrate), timeout=settings.timeout_seconds
        )
    else:
        raise PrinterProblem(
            Problem.NOT_SET_UP,
            QT_TRANSLATE_NOOP("Core", "No receipt printer is set up (Settings, Receipt printer)."),
        )
    try:
        printer.open()
    except Exception as exc:  # python-escpos wraps socket/USB/serial errors; pyusb may lack libusb
        log.info("receipt printer not reachable: %s", exc)
        hint = {
            "network": QT_TRANSLATE_NOOP(
                "Core", "Check that it is switched on, has paper and is on the same network, and its address."
            ),
            "usb": QT_TRANSLATE_NOOP(
                "Core",
                "Check the cable and that it is switched on. On Linux the user needs access to the USB "
                "device; on Windows the printer needs a WinUSB/libusb driver for raw USB printing.",
            ),
            "serial": QT_TRANSLATE_NOOP("Core", "Check the cable, the port name and that it is switched on."),
        }[settings.connection]
        raise PrinterProblem(Problem.MISSING, Said(_CANNOT_REACH, printer=where, hint=hint)) from exc
    return printer


def _status(printer, query: bytes) -> int | None:
    """One real-time status byte, or None when the printer does not answer (many do not: then print)."""
    device = printer.device
    restore = None
    if isinstance(device, socket.socket):
        restore = device.gettimeout()
        device.settimeout(STATUS_TIMEOUT_SECONDS)
    try:
        printer._raw(query)
        answer = printer._read()
    except Exception:  # timeout, or a connection that cannot read (e.g. some USB adapters)
        return None
    finally:
        if restore is not None:
            device.settimeout(restore)
    return answer[0] if answer else None


def check_ready(printer, where: str) -> None:
    """Refuse to print on a printer that says it is offline or out of paper (the receipt would be lost)."""
    paper = _status(printer, DLE_EOT_PAPER)
    if paper is None:
        return  # it does not answer status queries: print, and let the printer cope
    if paper & PAPER_END_BITS == PAPER_END_BITS:
        raise PrinterProblem(Problem.NO_PAPER, Said(_NO_PAPER, printer=where))
    state = _status(printer, DLE_EOT_PRINTER)
    if state is not None and state & OFFLINE_BIT:
        raise PrinterProblem(Problem.OFFLINE, Said(_OFFLINE, printer=where))


def send(settings: PrinterSettings, data: bytes) -> None:
    """Print `data` (an ESC/POS job) on the configured printer, or raise PrinterProblem."""
    printer = _connect(settings)
    where = settings.describe()
    try:
        check_ready(printer, where)
        printer._raw(data)
    except PrinterProblem:
        raise
    except Exception as exc:
        log.info("receipt printer failed: %s", exc)
        raise PrinterProblem(
            Problem.FAILED,
            Said(_STOPPED, printer=where),
        ) from exc
    finally:
        try:
            printer.close()
        except Exception:  # closing a broken connection must not hide the real problem
            log.debug("closing the receipt printer failed", exc_info=True)
