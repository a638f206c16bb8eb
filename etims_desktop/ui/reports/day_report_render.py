"""Draw end-of-day reports (app/day_report.py) on A4 or an 80 mm roll, with the receipts' page flow
(ui/receipts/receipt_render.py): one PDF writer, one painter, the same fonts and paper specs."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter

from etims_desktop.app.day_report import DayReport, Totals
from etims_desktop.domain.receipt import money
from etims_desktop.domain.sale import TaxType
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.receipts.receipt_render import (
    MM_PER_INCH,
    PAPER,
    ImageSink,
    PageSink,
    ReceiptLayout,
    _Flow,
    _measure_device,
)

PDF_DPI = 300
LEFT, RIGHT, CENTER = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignHCenter


def tr(text: str) -> str:
    return QCoreApplication.translate("DayReport", text)


class ReportLayout(StrEnum):
    A4 = "a4"
    ROLL_80MM = "80mm"

    @property
    def paper(self) -> ReceiptLayout:
        return ReceiptLayout.A4 if self is ReportLayout.A4 else ReceiptLayout.THERMAL_80MM

    @property
    def label(self) -> str:
        return self.paper.label


def numbers(first: int | None, last: int | None) -> str:
    if first is None or last is None:
        return tr("none")
    return str(first) if first == last else tr("{first} to {last}").format(first=first, last=last)


def status_sentence(report: DayReport) -> str:
    """Closed, or what still waits: how many, since when, why."""
    if report.closed:
        return tr("Day closed: every sale of this day is signed by KRA.")
    oldest = report.oldest_waiting
    assert oldest is not None
    reasons = "; ".join(
        tr("{reason}: {count}").format(count=count, reason=tr_core(reason))
        for reason, count in report.waiting_reasons()
    )
    return tr(
        "Day NOT closed: {count} sale(s) of this day still wait for KRA (the oldest sold at {time}): "
        "{reasons}. Press Sync and fix what the device's outbox asks for, then make this report again."
    ).format(count=len(report.waiting), time=oldest.sold_at.strftime("%H:%M"), reasons=reasons)


def _totals(flow: _Flow, title: str, totals: Totals, a4: bool, counted: bool = True) -> None:
    """A kind of document per tax type; an empty kind is one line."""
    heading = tr("{title}: {count}").format(title=title, count=totals.count) if counted else title
    flow.text(heading, bold=True, scale=1.1 if a4 else 1.0)
    if counted and not totals.count:
        flow.space(2)
        return
    cols = [(0.28, LEFT), (0.26, RIGHT), (0.22, RIGHT), (0.24, RIGHT)]
    heads = [tr("Tax type"), tr("Taxable"), tr("Tax"), tr("Total")]
    flow.row([(h, s, a) for h, (s, a) in zip(heads, cols, strict=True)], bold=True, scale=0.95)
    for t in TaxType:
        taxable, tax = totals.taxable_by_type[t], totals.tax_by_type[t]
        values = [t.value, money(taxable), money(tax), money(taxable + tax)]
        flow.row([(v, s, a) for v, (s, a) in zip(values, cols, strict=True)], scale=0.95)
    flow.pair(tr("Total tax"), money(totals.total_tax))
    flow.pair(tr("Total"), money(totals.total), bold=True)
    if totals.without_split:
        flow.text(
            tr(
                "{count} of them were signed before the app kept KRA's documents: they are in the total, "
                "not in the rows per tax type."
            ).format(count=totals.without_split),
            scale=0.85,
        )
    flow.space(2)


def report_flow(flow: _Flow, report: DayReport, layout: ReportLayout) -> None:
    a4 = layout is ReportLayout.A4
    head = LEFT if a4 else CENTER
    flow.text(tr("END OF DAY REPORT (Z REPORT)"), scale=1.6 if a4 else 1.2, bold=True, align=head)
    flow.text(report.day.strftime("%d/%m/%Y"), scale=1.3 if a4 else 1.1, bold=True, align=head)
    flow.text(
        tr("Device: {name} (SCU id {scu})").format(name=report.device_name, scu=report.scu_id or "-"),
        align=head,
    )
    flow.text(
        tr("Made at {time}").format(time=report.made_at.strftime("%d/%m/%Y %H:%M")), scale=0.85, align=head
    )
    flow.space(1.5)
    if report.practice:
        flow.mark(tr("PRACTICE - not a tax record"))
    flow.space(1)
    if report.closed:
        flow.text(status_sentence(report), bold=True)
    else:
        flow.mark(tr("NOT CLOSED: {count} sale(s) still wait for KRA").format(count=len(report.waiting)))
        flow.text(status_sentence(report))
    flow.rule()
    _totals(flow, tr("Sales signed by KRA"), report.sales, a4)
    _totals(flow, tr("Credit notes signed by KRA (subtracted)"), report.credit_notes, a4)
    _totals(flow, tr("Net: sales less credit notes"), report.net, a4, counted=False)
    flow.rule()
    flow.pair(tr("KRA invoice numbers"), numbers(report.first_invoice_no, report.last_invoice_no))
    flow.pair(tr("KRA receipt numbers"), numbers(report.first_receipt_no, report.last_receipt_no))
    flow.pair(tr("Signed by KRA"), str(report.signed))
    flow.pair(tr("Cancelled here (never signed, in no total)"), str(report.cancelled))
    flow.rule()
    flow.text(tr("Payment types"), bold=True)
    if not report.payments:
        flow.text(tr("No signed sales this day."), scale=0.95)
    cols = [(0.4, LEFT), (0.3, RIGHT), (0.3, RIGHT)]
    if report.payments:
        heads = [tr("Payment"), tr("Sales / credit notes"), tr("Net")]
        flow.row([(h, s, a) for h, (s, a) in zip(heads, cols, strict=True)], bold=True, scale=0.95)
    for p in report.payments:
        values = [p.name, f"{p.sales} / {p.credit_notes}", money(p.net)]
        flow.row([(v, s, a) for v, (s, a) in zip(values, cols, strict=True)], scale=0.95)
    if report.waiting:
        flow.rule()
        flow.text(
            tr("Still waiting for KRA: {count} (total {total}, not in the figures above)").format(
                count=len(report.waiting), total=money(report.waiting_total)
            ),
            bold=True,
        )
        wcols = (
            [(0.12, LEFT), (0.3, LEFT), (0.16, RIGHT), (0.42, LEFT)] if a4 else [(0.5, LEFT), (0.5, RIGHT)]
        )
        for w in report.waiting:
            number = w.trader_invoice_no + (tr(" (credit note)") if w.credit_note else "")
            if a4:
                values = [w.sold_at.strftime("%H:%M"), number, money(w.total), f"    {tr_core(w.why)}"]
            else:
                values = [f"{w.sold_at.strftime('%H:%M')} {number}", money(w.total)]
            flow.row([(v, s, a) for v, (s, a) in zip(values, wcols, strict=True)], scale=0.9)
            if not a4:
                flow.text(f"  {tr_core(w.why)}", scale=0.85)


def _page_layout(layout: ReportLayout, reports: Sequence[DayReport]) -> QPageLayout:
    spec = PAPER[layout.paper]
    if layout is ReportLayout.A4:
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        flow = _Flow(spec, _measure_device(), None, None)
        for report in reports:
            report_flow(flow, report, layout)
            flow.space(8)
        height = (flow.y - flow.top) * MM_PER_INCH / flow.dpi + 2 * spec.margin_mm + 4
        size = QPageSize(
            QSizeF(spec.width_mm, height),
            QPageSize.Unit.Millimeter,
            "roll",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def _paint(sink: PageSink, device: QPaintDevice, reports: Sequence[DayReport], layout: ReportLayout) -> int:
    painter = sink.begin()
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    flow = _Flow(PAPER[layout.paper], device, painter, sink)
    for index, report in enumerate(reports):
        if index and layout is ReportLayout.A4:
            flow.painter = sink.next_page(painter)  # each device on its own page
            flow.pages += 1
            flow.y = flow.top
        elif index:
            flow.space(8)
            flow.rule(dashed=True)
        report_flow(flow, report, layout)
    sink.end(flow.painter)  # type: ignore[arg-type]  # the flow always holds a painter while painting
    return flow.pages


class _WriterSink(PageSink):
    def __init__(self, writer: QPdfWriter) -> None:
        self.writer = writer

    def begin(self) -> QPainter:
        painter = QPainter()
        if not painter.begin(self.writer):
            raise OSError(tr("could not start drawing on the PDF file"))
        return painter

    def next_page(self, painter: QPainter) -> QPainter:
        self.writer.newPage()
        return painter


def save_report_pdf(reports: Sequence[DayReport], layout: ReportLayout, path: str | Path) -> int:
    """Write the reports as one PDF; returns the page count. Raises OSError if it cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(tr("End of day report"))
    writer.setCreator("etims-desktop")
    writer.setPageLayout(_page_layout(layout, reports))
    pages = _paint(_WriterSink(writer), writer, reports, layout)
    del writer  # the file is complete once the writer is gone
    if not Path(path).is_file():
        raise OSError(tr("the PDF file {path} could not be written").format(path=path))
    return pages


def report_images(reports: Sequence[DayReport], layout: ReportLayout, dpi: int = 96) -> list[QImage]:
    """Every page as an image: the dialog's preview."""
    page = _page_layout(layout, reports).fullRect(QPageLayout.Unit.Millimeter)
    width, height = round(page.width() * dpi / MM_PER_INCH), round(page.height() * dpi / MM_PER_INCH)
    sink = ImageSink(width, height, dpi)
    _paint(sink, _measure_device(dpi), reports, layout)
    return sink.pages
