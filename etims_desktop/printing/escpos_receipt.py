"""A ReceiptView as an ESC/POS byte stream for a 58 or 80 mm thermal roll: fixed-width text, the QR
code printed by the printer itself (GS ( k), then feed and cut. Bytes only - no I/O here.

The layout follows KRA's TIS receipt: seller, KRA PIN, title, buyer PIN, lines with the tax letter after
each total, totals, all five tax rows, SCU information, QR. A COPY prints as a reversed banner at the
top and the bottom (a thermal printer has no grey watermark).
"""

from __future__ import annotations

import textwrap
from datetime import datetime

from etims_desktop.domain.receipt import ReceiptView, money, quantity
from etims_desktop.domain.receipt_labels import labels_for, party_lines
from etims_desktop.printing.library import escpos

QR_ECLEVEL_M = 1  # python-escpos's constant: error correction M, as the on-screen QR


def _fit(label: str, value: str, width: int) -> list[str]:
    """'Label           value' on one line, or the value right-aligned on the next when too long."""
    if len(label) + 1 + len(value) <= width:
        return [label + " " * (width - len(label) - len(value)) + value]
    lines = textwrap.wrap(label, width) or [""]
    for chunk in textwrap.wrap(value, width) or [""]:
        lines.append(chunk.rjust(width))
    return lines


def _columns(cells: list[tuple[str, int, str]], width: int) -> str:
    """Fixed columns: (text, share of the width in characters, '<' or '>'); the last takes the rest."""
    out = []
    used = 0
    for i, (text, size, align) in enumerate(cells):
        size = width - used if i == len(cells) - 1 else size
        text = text[:size]
        out.append(text.rjust(size) if align == ">" else text.ljust(size))
        used += size
    return "".join(out)


class _Slip:
    """Writes lines onto a python-escpos Dummy printer and keeps the style state simple."""

    def __init__(self, width: int):
        self.width = width
        self.p = escpos().Dummy()
        self.p.hw("INIT")

    def line(self, text: str = "", *, align: str = "left", bold: bool = False, big: bool = False) -> None:
        self.p.set(align=align, bold=bold, double_height=big, double_width=False, normal_textsize=not big)
        for chunk in textwrap.wrap(text, self.width) or [""]:
            self.p.textln(chunk)
        if bold or big:
            self.p.set(bold=False, normal_textsize=True)

    def raw_lines(self, lines: list[str], *, bold: bool = False, big: bool = False) -> None:
        # double height only: the characters keep their width, so the columns still fit
        self.p.set(align="left", bold=bold, double_height=big, normal_textsize=not big)
        for text in lines:
            self.p.textln(text)
        if bold or big:
            self.p.set(bold=False, normal_textsize=True)

    def pair(self, label: str, value: str, *, bold: bool = False, big: bool = False) -> None:
        self.raw_lines(_fit(label, value, self.width), bold=bold, big=big)

    def rule(self) -> None:
        self.raw_lines(["-" * self.width])

    def banner(self, text: str) -> None:
        """White on black, double size, centred: a COPY/PENDING/PRACTICE mark nobody misses."""
        self.p.set(align="center", bold=True, invert=True, double_height=True, double_width=True)
        for chunk in textwrap.wrap(text, max(8, self.width // 2 - 2)):
            self.p.textln(f" {chunk} ")
        self.p.set(align="left", bold=False, invert=False, normal_textsize=True)

    def qr(self, text: str, module: int) -> None:
        self.p.set(align="center")
        self.p.qr(text, ec=QR_ECLEVEL_M, size=module, native=True)
        self.p.textln()
        self.p.set(align="left")

    def finish(self, cut: bool) -> bytes:
        if cut:
            self.p.cut()  # feeds past the cutter first
        else:
            self.p.print_and_feed(6)
        return self.p.output


def _when(value: datetime) -> tuple[str, str]:
    return value.strftime("%d/%m/%Y"), value.strftime("%H:%M:%S")


def receipt_bytes(view: ReceiptView, *, width: int = 48, cut: bool = True) -> bytes:
    """The whole receipt as ESC/POS bytes for a printer with `width` characters per line (32 on 58 mm,
    48 on 80 mm)."""
    t = labels_for(view.language)
    slip = _Slip(width)
    business = view.business

    if view.copy:
        slip.banner(t["copy"])
    slip.line(view.seller_name, align="center", bold=True, big=True)
    for extra in (business.address, business.phone, business.email):
        if extra:
            slip.line(extra, align="center")
    slip.line(f"{t['kra_pin']}: {view.pin}", align="center", bold=True)
    slip.line(f"{t['branch']}: {view.branch_id}", align="center")
    slip.rule()
    slip.line(t["credit_note"] if view.title == "CREDIT NOTE" else t["tax_invoice"], align="center", big=True)
    for mark in view.marks:
        if mark != "COPY":  # the COPY banner is already at the top
            slip.banner(mark)
    slip.pair(t["invoice_no"], view.trader_invoice_no)
    date, time = _when(view.sold_at)
    slip.pair(t["date"], f"{date} {time[:5]}")
    for label, value, bold in party_lines(view, t):
        slip.pair(label, value, bold=bold)
    slip.rule()

    amount_width = 12
    for line in view.lines:
        slip.line(line.name)
        gross = money(line.total + line.discount_amount)
        slip.raw_lines(
            [
                _columns(
                    [
                        (f"  {quantity(line.qty)} x {money(line.unit_price)}", width - amount_width - 2, "<"),
                        (gross, amount_width, ">"),
                        (f" {line.tax_type.value}", 2, "<"),
                    ],
                    width,
                )
            ]
        )
        if line.discount_rate:
            slip.raw_lines(
                [
                    _columns(
                        [
                            (
                                f"  {t['line_discount']} {quantity(line.discount_rate)}%",
                                width - amount_width - 2,
                                "<",
                            ),
                            (f"-{money(line.discount_amount)}", amount_width, ">"),
                            ("", 2, "<"),
                        ],
                        width,
                    )
                ]
            )
    slip.rule()
    if view.total_discount:
        slip.pair(t["total_before_discount"], money(view.total_before_discount))
        slip.pair(t["discount"], f"-{money(view.total_discount)}")
    slip.pair(t["subtotal"], money(view.total_taxable))
    slip.pair(t["vat"], money(view.total_tax))
    slip.pair(t["total"], money(view.total), bold=True, big=True)
    slip.pair(view.payment_type, money(view.total))
    slip.pair(t["items_number"], str(view.item_count))
    slip.rule()

    rate_w = 11 if width >= 40 else 10
    money_w = (width - rate_w) // 2
    slip.raw_lines(
        [
            _columns(
                [
                    (t["rate"], rate_w, "<"),
                    (t["taxable_short"], money_w, ">"),
                    (t["vat"], money_w, ">"),
                ],
                width,
            )
        ],
        bold=True,
    )
    slip.raw_lines(
        [
            _columns(
                [
                    (row.label, rate_w, "<"),
                    (money(row.taxable), money_w, ">"),
                    (money(row.tax), money_w, ">"),
                ],
                width,
            )
            for row in view.tax_summary
        ]
    )
    slip.rule()

    slip.line(t["scu_information"], align="center", bold=True)
    scu = view.scu
    if scu is None:
        slip.line(t["not_signed"], align="center")
    else:
        if scu.signed_at is not None:
            date, time = _when(scu.signed_at)
            slip.pair(t["date"], date)
            slip.pair(t["time"], time)
        slip.pair(t["scu_id"], scu.scu_id)
        slip.pair(t["cu_invoice_no"], scu.cu_invoice_no, bold=True)
        if scu.receipt_no is not None:
            counter = (
                f"{scu.receipt_no}/{scu.total_receipt_no}" if scu.total_receipt_no else str(scu.receipt_no)
            )
            slip.pair(t["receipt_no"], f"{counter} {view.receipt_label}")
        if scu.mrc_no:
            slip.pair(t["mrc_no"], scu.mrc_no)
        if scu.complete:
            slip.line(f"{t['internal_data']}:")
            slip.line(scu.internal_data, align="center")
            slip.line(f"{t['receipt_signature']}:")
            slip.line(scu.signature, align="center")
    for note in view.notes:
        slip.line(note, align="center")
    slip.rule()
    if view.qr_text:
        slip.qr(view.qr_text, module=6 if width >= 40 else 5)
        slip.line(t["scan"], align="center")
    if business.footer:
        slip.line(business.footer, align="center")
    if view.copy:
        slip.line(t["copy_note"], align="center")
        slip.banner(t["copy"])
    return slip.finish(cut)


TEST_QR_TEXT = "https://etims.kra.go.ke/"


def test_page_bytes(description: str, *, width: int = 48, cut: bool = True) -> bytes:
    """Settings' test print: proves the connection, the paper width (a ruler of `width` characters), the
    printer's own QR code and the cutter - with no sale involved."""
    slip = _Slip(width)
    slip.line("etims-desktop", align="center", bold=True, big=True)
    slip.line("TEST PRINT", align="center", bold=True)
    slip.line(description, align="center")
    slip.rule()
    ruler = "".join(str(i % 10) for i in range(1, width + 1))
    slip.raw_lines([ruler])
    slip.line(f"{width} characters per line: the ruler above must fit on one line.")
    slip.rule()
    slip.line("If the QR code below scans, receipts will carry KRA's QR code.", align="center")
    slip.qr(TEST_QR_TEXT, module=6 if width >= 40 else 5)
    return slip.finish(cut)
