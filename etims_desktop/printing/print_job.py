"""Print on the receipt printer without blocking the caller's event loop: the socket/USB/serial work runs
in a worker thread, one job at a time (a receipt printer takes one connection at a time)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

from etims_desktop.domain.receipt import ReceiptView
from etims_desktop.printing.escpos_receipt import receipt_bytes, test_page_bytes
from etims_desktop.printing.printers import send
from etims_desktop.printing.settings import PrinterSettings

_one_job_at_a_time = threading.Lock()


def _send_one(settings: PrinterSettings, build: Callable[[], bytes]) -> None:
    data = build()  # in the worker too: the first build loads python-escpos's printer database
    with _one_job_at_a_time:
        send(settings, data)


async def print_bytes(settings: PrinterSettings, build: Callable[[], bytes]) -> None:
    """Raises printers.PrinterProblem with a plain message when it could not print."""
    await asyncio.to_thread(_send_one, settings, build)


async def print_receipt(settings: PrinterSettings, view: ReceiptView) -> None:
    await print_bytes(settings, lambda: receipt_bytes(view, width=settings.line_width, cut=settings.cut))


async def print_test_page(settings: PrinterSettings) -> None:
    await print_bytes(
        settings, lambda: test_page_bytes(settings.describe(), width=settings.line_width, cut=settings.cut)
    )
