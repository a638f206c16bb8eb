"""Draw a ReceiptView with QPainter: an A4 invoice or an 80 mm thermal slip, on any paint device.

Geometry is in millimetres converted with the device's DPI; fonts are in points, so the same code
draws a PDF page (QPdfWriter), a printer page (QPrinter) and a preview image (QImage) alike.
The QR code is drawn module by module from segno's matrix: crisp at any resolution.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
)

from etims_desktop.domain.receipt import COPY_MARK, ReceiptView, money, quantity
from etims_desktop.domain.receipt_labels import labels_for, party_lines

MM_PER_INCH = 25.4
MEASURE_DPI = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("Receipt", text)


class ReceiptLayout(StrEnum):
    A4 = "a4"
    THERMAL_80MM = "thermal80"
    THERMAL_58MM = "thermal58"

    @property
    def label(self) -> str:
        return {
            ReceiptLayout.A4: tr("A4 page"),
            ReceiptLayout.THERMAL_80MM: tr("80 mm thermal roll"),
            ReceiptLayout.THERMAL_58MM: tr("58 mm thermal roll"),
        }[self]


@dataclass(frozen=True)
class PaperSpec:
    width_mm: float
    height_mm: float | None  # None: as long as the receipt (a roll)
    margin_mm: float
    base_pt: float  # body font size
    qr_mm: float


PAPER = {
    ReceiptLayout.A4: PaperSpec(210.0, 297.0, 15.0, 9.5, 34.0),
    ReceiptLayout.THERMAL_80MM: PaperSpec(80.0, None, 4.0, 7.5, 32.0),
    ReceiptLayout.THERMAL_58MM: PaperSpec(58.0, None, 2.5, 6.5, 30.0),
}


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules (without quiet zone) for `text`, dark = True. Error correction M."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix]


def qr_image(text: str, scale: int = 4, border: int = 4) -> QImage:
    """A QImage of the QR code (for previews and tests)."""
    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=scale, border=border)
    image = QImage()
    image.loadFromData(buf.getvalue(), "PNG")
    return image


class PageSink:
    """Where pages go. Subclasses start the first page and move to the next one."""

    def begin(self) -> QPainter:
        raise NotImplementedError

    def next_page(self, painter: QPainter) -> QPainter:
        raise NotImplementedError

    def end(self, painter: QPainter) -> None:
        painter.end()


class ImageSink(PageSink):
    """Pages drawn on white images of `width` x `height` pixels at `dpi` (on-screen previews)."""

    def __init__(self, width: int, height: int, dpi: int) -> None:
        self.width, self.height, self.dpi = width, height, dpi
        self.pages: list[QImage] = []

    def _new_page(self) -> QPainter:
        image = QImage(self.width, self.height, QImage.Format.Format_RGB32)
        dots = round(self.dpi / 0.0254)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        image.fill(QColor("white"))
        self.pages.append(image)
        return QPainter(image)

    def begin(self) -> QPainter:
        return self._new_page()

    def next_page(self, painter: QPainter) -> QPainter:
        painter.end()
        return self._new_page()


class _WatermarkSink(PageSink):
    """Wraps a sink: every new page starts with the watermark, so the content is drawn over it."""

    def __init__(self, inner: PageSink, text: str):
        self.inner = inner
        self.text = text

    def begin(self) -> QPainter:
        painter = self.inner.begin()
        paint_watermark(painter, self.text)
        return painter

    def next_page(self, painter: QPainter) -> QPainter:
        painter = self.inner.next_page(painter)
        paint_watermark(painter, self.text)
        return painter

    def end(self, painter: QPainter) -> None:
        self.inner.end(painter)


class _Flow:
    """A top-to-bottom cursor: each primitive measures itself, breaks the page if needed, then draws."""

    def __init__(
        self, spec: PaperSpec, device: QPaintDevice, painter: QPainter | None, sink: PageSink | None
    ):
        self.spec = spec
        self.device = device
        self.painter = painter  # None: measure only
        self.sink = sink
        self.dpi = device.logicalDpiY()
        self.left = self.mm(spec.margin_mm)
        self.width = self.mm(spec.width_mm - 2 * spec.margin_mm)
        self.top = self.mm(spec.margin_mm)
        self.bottom = self.mm(spec.height_mm - spec.margin_mm) if spec.height_mm else float("inf")
        self.y = self.top
        self.pages = 1

    def mm(self, value: float) -> float:
        return value * self.dpi / MM_PER_INCH

    def font(self, scale: float = 1.0, bold: bool = False, mono: bool = False) -> QFont:
        font = QFont("DejaVu Sans Mono" if mono else "DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.Monospace if mono else QFont.StyleHint.SansSerif)
        font.setPointSizeF(self.spec.base_pt * scale)
        font.setBold(bold)
        return font

    def _room(self, height: float) -> None:
        if self.y + height <= self.bottom or self.y == self.top:
            return
        if self.painter is not None and self.sink is not None:
            self.painter = self.sink.next_page(self.painter)
        self.pages += 1
        self.y = self.top

    def _text_height(self, text: str, font: QFont, width: float) -> float:
        metrics = QFontMetricsF(font, self.device)
        rect = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text or " ")
        return rect.height()

    def text(
        self,
        text: str,
        *,
        scale: float = 1.0,
        bold: bool = False,
        mono: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        font = self.font(scale, bold, mono)
        height = self._text_height(text, font, self.width)
        self._room(height)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.drawText(
                QRectF(self.left, self.y, self.width, height), int(align | Qt.TextFlag.TextWordWrap), text
            )
        self.y += height

    def row(
        self, cells: Sequence[tuple[str, float, Qt.AlignmentFlag]], *, scale: float = 1.0, bold: bool = False
    ) -> None:
        """One line of columns: (text, share of the width, alignment). Cells wrap; the row is as tall as its tallest."""
        font = self.font(scale, bold)
        gap = self.mm(1.0)
        widths = [self.width * share for _text, share, _align in cells]
        height = max(
            self._text_height(text, font, w - gap) for (text, _s, _a), w in zip(cells, widths, strict=True)
        )
        self._room(height)
        if self.painter is not None:
            self.painter.setFont(font)
            x = self.left
            for (text, _share, align), w in zip(cells, widths, strict=True):
                rect = QRectF(x, self.y, w - gap, height)
                self.painter.drawText(
                    rect, int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text
                )
                x += w
        self.y += height

    def pair(self, label: str, value: str, *, scale: float = 1.0, bold: bool = False) -> None:
        """Label left, value right on one line; the value on its own line when both do not fit (58 mm)."""
        metrics = QFontMetricsF(self.font(scale, bold), self.device)
        gap = self.mm(2.0)
        value_width = metrics.horizontalAdvance(value) + gap
        if metrics.horizontalAdvance(label) + value_width + gap > self.width:
            self.text(label, scale=scale, bold=bold)
            self.text(value, scale=scale, bold=bold, align=Qt.AlignmentFlag.AlignRight)
            return
        share = max(0.45, value_width / self.width)
        self.row(
            [(label, 1 - share, Qt.AlignmentFlag.AlignLeft), (value, share, Qt.AlignmentFlag.AlignRight)],
            scale=scale,
            bold=bold,
        )

    def space(self, mm: float) -> None:
        self.y += self.mm(mm)

    def rule(self, dashed: bool = False) -> None:
        self._room(self.mm(2))
        self.y += self.mm(1)
        if self.painter is not None:
            pen = QPen(QColor("black"), max(1.0, self.mm(0.2)))
            pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            self.painter.setPen(pen)
            self.painter.drawLine(int(self.left), int(self.y), int(self.left + self.width), int(self.y))
            self.painter.setPen(QPen(QColor("black")))
        self.y += self.mm(1)

    def mark(self, text: str) -> None:
        """A boxed banner (PENDING, PRACTICE): impossible to miss, survives black-and-white printing."""
        font = self.font(1.35, bold=True)
        pad = self.mm(1.5)
        height = self._text_height(text, font, self.width - 2 * pad) + 2 * pad
        self._room(height)
        if self.painter is not None:
            rect = QRectF(self.left, self.y, self.width, height)
            self.painter.setPen(QPen(QColor("black"), self.mm(0.6)))
            self.painter.fillRect(rect, QColor("#e6e6e6"))
            self.painter.drawRect(rect)
            self.painter.setFont(font)
            self.painter.drawText(
                rect.adjusted(pad, pad, -pad, -pad),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                text,
            )
            self.painter.setPen(QPen(QColor("black")))
        self.y += height + self.mm(1)

    def qr(self, text: str, size_mm: float, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter) -> None:
        size = self.mm(size_mm)
        self._room(size)
        if self.painter is not None:
            if align == Qt.AlignmentFlag.AlignRight:
                x = self.left + self.width - size
            else:
                x = self.left + (self.width - size) / 2
            paint_qr(self.painter, text, QRectF(x, self.y, size, size))
        self.y += size


def paint_qr(painter: QPainter, text: str, rect: QRectF) -> None:
    """Draw the QR code (with its 4-module quiet zone) filling `rect`, one dark run at a time."""
    matrix = qr_matrix(text)
    border = 4
    count = len(matrix) + 2 * border
    module = min(rect.width(), rect.height()) / count
    painter.fillRect(rect, QColor("white"))
    black = QColor("black")
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            painter.fillRect(
                QRectF(
                    rect.x() + (border + start) * module,
                    rect.y() + (border + r) * module,
                    (c - start) * module + 0.5,  # a hair of overlap: no white seams between runs
                    module + 0.5,
                ),
                black,
            )


def paint_watermark(painter: QPainter, text: str) -> None:
    """A large light-grey word across the page, under the content (drawn first): the COPY of a reprint.
    Drawn as outlines, not text, so it stays out of the PDF's text. A roll gets one every 12 cm."""
    device = painter.device()
    width, height = device.width(), device.height()
    step = 120 / MM_PER_INCH * device.logicalDpiY()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(max(12, int(width / (len(text) * 1.05))))
    path = QPainterPath()
    path.addText(0, 0, font, text)
    box = path.boundingRect()
    path.translate(-box.center())
    roll = height > 2 * width
    centres = [step / 2 + i * step for i in range(max(1, int(height // step)))] if roll else [height / 2]
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for y in centres:
        painter.save()
        painter.translate(width / 2, y)
        painter.rotate(-30)
        painter.fillPath(path, QColor("#d4d4d4"))
        painter.restore()
    painter.restore()


def _receipt_flow(flow: _Flow, view: ReceiptView, layout: ReceiptLayout) -> None:
    left, right, center = (
        Qt.AlignmentFlag.AlignLeft,
        Qt.AlignmentFlag.AlignRight,
        Qt.AlignmentFlag.AlignHCenter,
    )
    t = labels_for(view.language)
    a4 = layout is ReceiptLayout.A4
    business = view.business
    head_align = left if a4 else center

    flow.text(view.seller_name, scale=1.8 if a4 else 1.35, bold=True, align=head_align)
    for extra in (business.address, business.phone, business.email):
        if extra:
            flow.text(extra, align=head_align)
    flow.text(f"{t['kra_pin']}: {view.pin}   {t['branch']}: {view.branch_id}", bold=True, align=head_align)
    flow.rule()
    title = t["credit_note"] if view.title == "CREDIT NOTE" else t["tax_invoice"]
    flow.text(title, scale=1.5 if a4 else 1.25, bold=True, align=center)
    for mark in view.marks:
        flow.mark(mark)
    flow.pair(t["invoice_no"], view.trader_invoice_no)
    flow.pair(t["date"], view.sold_at.strftime("%d/%m/%Y %H:%M"))
    if view.scu is not None:
        flow.pair(t["cu_invoice_no"], view.scu.cu_invoice_no, bold=True)
    for label, value, bold in party_lines(view, t):
        flow.pair(label, value, bold=bold)
    flow.rule()

    if a4:
        # KRA: the tax letter follows each line total.
        columns = [
            (0.05, left),
            (0.43, left),
            (0.09, right),
            (0.14, right),
            (0.09, right),
            (0.15, right),
            (0.05, center),
        ]
        heads = ["#", t["item"], t["qty"], t["unit_price"], t["discount_short"], t["amount"], t["tax"]]
        flow.row([(h, s, a) for h, (s, a) in zip(heads, columns, strict=True)], bold=True)
        flow.rule(dashed=True)
        for line in view.lines:
            disc = f"{quantity(line.discount_rate)}%" if line.discount_rate else ""
            values = [
                str(line.seq),
                f"{line.name}\n{line.item_code}",
                quantity(line.qty),
                money(line.unit_price),
                disc,
                money(line.total),
                line.tax_type.value,
            ]
            flow.row([(v, s, a) for v, (s, a) in zip(values, columns, strict=True)])
    else:
        for line in view.lines:
            flow.text(line.name)
            flow.row(
                [
                    (f"{quantity(line.qty)} x {money(line.unit_price)}", 0.62, left),
                    (f"{money(line.total + line.discount_amount)} {line.tax_type.value}", 0.38, right),
                ]
            )
            if line.discount_rate:
                flow.row(
                    [
                        (f"  {t['line_discount']} {quantity(line.discount_rate)}%", 0.62, left),
                        (f"-{money(line.discount_amount)}  ", 0.38, right),
                    ]
                )
    flow.rule()
    if view.total_discount:
        flow.pair(t["total_before_discount"], money(view.total_before_discount))
        flow.pair(t["discount"], f"-{money(view.total_discount)}")
    flow.pair(t["subtotal"], money(view.total_taxable))
    flow.pair(t["vat"], money(view.total_tax))
    flow.pair(t["total"], money(view.total), scale=1.3, bold=True)
    flow.pair(f"{t['payment']}: {view.payment_type}", money(view.total))
    flow.pair(t["items_number"], str(view.item_count))
    flow.rule()

    # All five tax types, zero rows included.
    tax_cols = [(0.28, left), (0.26, right), (0.22, right), (0.24, right)]
    heads = [t["rate"], t["taxable_short"] if not a4 else t["taxable"], t["vat"], t["total"]]
    flow.row([(h, s, a) for h, (s, a) in zip(heads, tax_cols, strict=True)], bold=True)
    for row in view.tax_summary:
        values = [row.label, money(row.taxable), money(row.tax), money(row.total)]
        flow.row([(v, s, a) for v, (s, a) in zip(values, tax_cols, strict=True)])
    totals = [t["total"], money(view.total_taxable), money(view.total_tax), money(view.total)]
    flow.row([(v, s, a) for v, (s, a) in zip(totals, tax_cols, strict=True)], bold=True)
    flow.rule()

    flow.text(t["scu_information"], bold=True, align=center)
    scu = view.scu
    if scu is None:
        flow.text(t["not_signed"], align=center)
    else:
        if scu.signed_at is not None:
            flow.pair(t["date"], scu.signed_at.strftime("%d/%m/%Y"))
            flow.pair(t["time"], scu.signed_at.strftime("%H:%M:%S"))
        flow.pair(t["scu_id"], scu.scu_id)
        flow.pair(t["cu_invoice_no"], scu.cu_invoice_no, bold=True)
        if scu.receipt_no is not None:
            counter = (
                f"{scu.receipt_no}/{scu.total_receipt_no}" if scu.total_receipt_no else str(scu.receipt_no)
            )
            flow.pair(t["receipt_no"], f"{counter} {view.receipt_label}")
        if scu.mrc_no:
            flow.pair(t["mrc_no"], scu.mrc_no)
        if scu.complete:
            flow.text(f"{t['internal_data']}:")
            flow.text(scu.internal_data, mono=True, align=center)
            flow.text(f"{t['receipt_signature']}:")
            flow.text(scu.signature, mono=True, align=center)
    for note in view.notes:
        flow.text(note, scale=0.9, align=center)
    if view.qr_text:
        flow.space(2)
        flow.qr(view.qr_text, flow.spec.qr_mm)
        flow.text(t["scan"], scale=0.85, align=center)
    flow.space(2)
    if business.footer:
        flow.text(business.footer, align=center)
    if view.copy:
        flow.text(t["copy_note"], scale=0.9, bold=True, align=center)
    flow.text(f"{view.state_label} - {t['device']} {view.device_name}", scale=0.8, align=center)


def _measure_device(dpi: int = MEASURE_DPI) -> QImage:
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    return image


class ReceiptRenderer:
    """Lays a receipt out for one paper layout and paints it onto pages."""

    def __init__(self, view: ReceiptView, layout: ReceiptLayout | str = ReceiptLayout.A4):
        self.view = view
        self.layout = ReceiptLayout(layout)  # a combo box's data comes back as a plain str
        self.spec = PAPER[self.layout]

    def measure(self) -> tuple[float, int]:
        """(content height in mm on the last page, page count) without painting."""
        device = _measure_device()
        flow = _Flow(self.spec, device, None, None)
        _receipt_flow(flow, self.view, self.layout)
        height_mm = (flow.y - flow.top) * MM_PER_INCH / flow.dpi
        return height_mm, flow.pages

    def page_size_mm(self) -> QSizeF:
        """A4, or 80 mm wide and exactly as long as the receipt for a roll."""
        if self.spec.height_mm is not None:
            return QSizeF(self.spec.width_mm, self.spec.height_mm)
        height, _pages = self.measure()
        return QSizeF(self.spec.width_mm, height + 2 * self.spec.margin_mm + 4)

    def page_layout(self) -> QPageLayout:
        size = QPageSize(
            self.page_size_mm(), QPageSize.Unit.Millimeter, "receipt", QPageSize.SizeMatchPolicy.ExactMatch
        )
        if self.layout is ReceiptLayout.A4:
            size = QPageSize(QPageSize.PageSizeId.A4)
        return QPageLayout(
            size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
        )

    def paint(self, sink: PageSink, device_for_metrics: QPaintDevice) -> int:
        """Paint every page into `sink`; returns the page count. A copy gets its watermark on every page."""
        if self.view.copy:
            sink = _WatermarkSink(sink, COPY_MARK)
        painter = sink.begin()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        flow = _Flow(self.spec, device_for_metrics, painter, sink)
        _receipt_flow(flow, self.view, self.layout)
        last = flow.painter
        assert last is not None, "a painting flow keeps a painter from its first page to its last"
        sink.end(last)
        return flow.pages

    def images(self, dpi: int = 110) -> list[QImage]:
        """Every page as an image (the on-screen preview)."""
        size = self.page_size_mm()
        width = round(size.width() * dpi / MM_PER_INCH)
        height = round(size.height() * dpi / MM_PER_INCH)
        sink = ImageSink(width, height, dpi)
        first_metrics = _measure_device(dpi)
        self.paint(sink, first_metrics)
        return sink.pages
