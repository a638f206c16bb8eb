"""Receipts on paper: the PDF renders (pages, text), the QR code decodes to KRA's check URL, PENDING shows."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import segno

from etims_desktop.domain.device import Environment
from etims_desktop.domain.receipt import (
    COPY_MARK,
    PENDING_MARK,
    REBUILT_NOTE,
    BusinessDetails,
    ReceiptLine,
    ReceiptView,
    ScuBlock,
    TaxSummaryRow,
    hyphenate,
)
from etims_desktop.domain.sale import TaxType
from etims_desktop.kra.environments import receipt_check_url
from etims_desktop.ui.receipts.receipt_print import save_pdf
from etims_desktop.ui.receipts.receipt_render import ReceiptLayout, ReceiptRenderer, qr_image, qr_matrix

NAIROBI = ZoneInfo("Africa/Nairobi")
PIN = "P051234567X"
SIGNATURE = "QUII27MATATSHFRB"
QR_URL = receipt_check_url(Environment.SANDBOX, PIN, "00", SIGNATURE)


def a_view(*, signed: bool = True, lines: int = 3) -> ReceiptView:
    rows = tuple(
        ReceiptLine(
            seq=n + 1,
            name=f"Maize flour 2 kg no. {n + 1}",
            item_code=f"KE2NTU{n + 1:07d}",
            tax_type=TaxType.B,
            qty=Decimal(2),
            unit_price=Decimal("116.00"),
            discount_rate=Decimal(0),
            discount_amount=Decimal(0),
            total=Decimal("232.00"),
        )
        for n in range(lines)
    )
    total = Decimal("232.00") * lines
    taxable = (total / Decimal("1.16")).quantize(Decimal("0.01"))
    scu = ScuBlock(
        scu_id="KRACU0100000123",
        cu_invoice_no="KRACU0100000123/45",
        invoice_no=45,
        receipt_no=45,
        total_receipt_no=45,
        internal_data=hyphenate("GRKJVWYCFBPTYQ225X2UEYONVE"),
        signature=hyphenate(SIGNATURE),
        signed_at=datetime(2026, 3, 14, 15, 30, 39, tzinfo=NAIROBI),
    )
    return ReceiptView(
        sale_id=7,
        title="TAX INVOICE",
        receipt_label="NS",
        business=BusinessDetails(name="Mama Mboga Supplies", address="Moi Avenue, Nairobi"),
        pin=PIN,
        branch_id="00",
        device_name="Till 1",
        trader_invoice_no="INV-0045",
        sold_at=datetime(2026, 3, 14, 15, 30, tzinfo=NAIROBI),
        lines=rows,
        tax_summary=(TaxSummaryRow(TaxType.B, "B-16%", Decimal(16), taxable, total - taxable),),
        total_taxable=taxable,
        total_tax=total - taxable,
        total=total,
        payment_type="CASH",
        state_label="signed" if signed else "queued",
        scu=scu if signed else None,
        qr_text=QR_URL if signed else None,
        signed=signed,
    )


def pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def decode_qr(pdf_path, tmp_path) -> list[str]:
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("pdftoppm (poppler-utils) or zbarimg (zbar-tools) is not installed")
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf_path), str(prefix)], check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
        found += [line for line in out.stdout.splitlines() if line]
    return found


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_signed_receipt_pdf_has_text_and_a_qr_that_decodes_to_the_check_url(qapp, tmp_path, layout):
    path = tmp_path / f"receipt-{layout.value}.pdf"
    pages = save_pdf(a_view(), layout, path)
    assert pages == 1 and path.stat().st_size > 1000
    text = pdf_text(path)
    for expected in (
        "Mama Mboga Supplies",
        f"KRA PIN: {PIN}",
        "TAX INVOICE",
        "KRACU0100000123/45",
        "QUII-27MA-TATS-HFRB",
        "GRKJ-VWYC-FBPT-YQ22-5X2U-EYON-VE",
        "SCU INFORMATION",
        "696.00",
    ):
        assert expected in text, expected
    assert "PENDING" not in text and "COPY" not in text  # the original
    assert ("Unit price" in text) == (layout is ReceiptLayout.A4)  # A4: a table; thermal: compact lines
    assert decode_qr(path, tmp_path) == [QR_URL]


def test_layout_given_as_plain_text_is_understood(qapp):
    # Combo boxes hand their data back as str: "a4" must still mean the A4 table layout.
    assert ReceiptRenderer(a_view(), "a4").layout is ReceiptLayout.A4
    assert ReceiptRenderer(a_view(), "thermal80").page_size_mm().width() == 80


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_pending_receipt_is_marked_and_has_no_qr(qapp, tmp_path, layout):
    path = tmp_path / "pending.pdf"
    save_pdf(a_view(signed=False), layout, path)
    text = " ".join(pdf_text(path).split())
    assert PENDING_MARK in text
    assert decode_qr(path, tmp_path) == []


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_a_reprint_says_copy_and_a_rebuilt_one_says_so(qapp, tmp_path, layout):
    path = tmp_path / "copy.pdf"
    save_pdf(replace(a_view(), copy=True, rebuilt=True, notes=(REBUILT_NOTE,)), layout, path)
    text = " ".join(pdf_text(path).split())
    assert COPY_MARK in text and "Reprint rebuilt from stored data" in text
    assert decode_qr(path, tmp_path) == [QR_URL]  # still checkable with KRA


def test_long_a4_receipt_breaks_pages_and_thermal_grows(qapp, tmp_path):
    path = tmp_path / "long.pdf"
    assert save_pdf(a_view(lines=70), ReceiptLayout.A4, path) >= 2
    assert "KE2NTU0000070" in pdf_text(path)  # the last line made it onto a later page
    short = ReceiptRenderer(a_view(lines=2), ReceiptLayout.THERMAL_80MM).page_size_mm()
    long = ReceiptRenderer(a_view(lines=30), ReceiptLayout.THERMAL_80MM).page_size_mm()
    assert short.width() == long.width() == 80
    assert long.height() > short.height() + 100


def test_qr_image_matches_segno_matrix_for_the_url(qapp):
    matrix = qr_matrix(QR_URL)
    assert matrix == [[bool(v) for v in row] for row in segno.make(QR_URL, error="m").matrix]
    scale, border = 3, 4
    image = qr_image(QR_URL, scale=scale, border=border)
    assert image.width() == (len(matrix) + 2 * border) * scale
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            pixel = image.pixelColor((c + border) * scale + 1, (r + border) * scale + 1)
            assert (pixel.lightness() < 128) == dark


def test_preview_images_render_every_page(qapp):
    images = ReceiptRenderer(a_view(lines=70), ReceiptLayout.A4).images(dpi=50)
    assert len(images) >= 2
    assert all(not image.isNull() and image.width() == round(210 * 50 / 25.4) for image in images)


def test_printer_path_prints_every_page(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from etims_desktop.ui.receipts.receipt_print import print_to

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a real QPrinter, paper replaced by a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_to(printer, a_view(lines=70), ReceiptLayout.A4) >= 2
    del printer
    text = pdf_text(tmp_path / "printed.pdf")
    assert "KE2NTU0000070" in text and "SCU INFORMATION" in text


# ---- KRA's receipt rules (issue 19): the sample has all five tax rows, a buyer PIN and two tax types.


def sample(**kw):
    from receipt_samples import sample_view

    return sample_view(**kw)


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_kra_receipt_content_in_every_layout(qapp, tmp_path, layout):
    from receipt_samples import BUYER_PIN, QR_URL

    path = tmp_path / f"kra-{layout.value}.pdf"
    assert save_pdf(sample(), layout, path) == 1
    text = pdf_text(path)
    for expected in ("TAX INVOICE", "Mama Mboga Supplies", f"KRA PIN: {PIN}", BUYER_PIN, "CU INVOICE NO."):
        assert expected in text, expected
    for label in ("A-EX", "B-16%", "C-0%", "D-Non-VAT", "E-8%"):  # all five rows, zero ones too
        assert re.search(rf"^\s*{re.escape(label)}\s+[\d.,]+\s+[\d.,]+", text, re.M), label
    assert re.search(r"^\s*E-8%\s+0\.00\s+0\.00\s+0\.00", text, re.M)
    assert re.search(r"232\.00\s+B\b", text) and re.search(r"(90|100)\.00\s+A\b", text)  # letter after total
    assert "15:30:39" in text  # KRA's time, to the second
    assert "COPY" not in text
    assert decode_qr(path, tmp_path) == [QR_URL]


def copy_pixels(image) -> int:
    """Pixels of the watermark's light grey (#d4d4d4), sampled on a grid."""
    return sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).name() == "#d4d4d4"
    )


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_reprint_is_marked_copy_with_a_watermark(qapp, tmp_path, layout):
    from etims_desktop.domain.receipt_rules import ReceiptRules

    copy = ReceiptRules().apply(sample(), copy=True)
    path = tmp_path / "copy.pdf"
    save_pdf(copy, layout, path)
    text = " ".join(pdf_text(path).split())
    assert "COPY" in text and "The original was issued earlier." in text and "43/43 CS" in text
    assert text.count("COPY") == 1  # the banner; the watermark is drawn as shapes, not text
    watermarked = copy_pixels(ReceiptRenderer(copy, layout).images(60)[0])
    plain = copy_pixels(ReceiptRenderer(sample(), layout).images(60)[0])  # anti-aliased text: a few
    assert watermarked > 50 and plain * 20 < watermarked


def test_copy_watermark_on_every_a4_page(qapp):
    from etims_desktop.domain.receipt_rules import ReceiptRules

    pages = ReceiptRenderer(ReceiptRules().apply(sample(lines=70), copy=True), ReceiptLayout.A4).images(50)
    assert len(pages) >= 2 and all(copy_pixels(page) > 50 for page in pages)


def test_credit_note_and_kiswahili_labels(qapp, tmp_path):
    from etims_desktop.domain.receipt_rules import ReceiptRules

    path = tmp_path / "cn-sw.pdf"
    save_pdf(ReceiptRules(language="sw").apply(sample(credit_note=True)), ReceiptLayout.THERMAL_58MM, path)
    text = " ".join(pdf_text(path).split())
    assert "CREDIT NOTE" in text and "TAX INVOICE" not in text
    assert "ORIGINAL CU INVOICE NO." in text and "KRACU0100000123/45" in text
    for swahili in ("JUMLA", "IDADI YA BIDHAA", "Tarehe", "Malipo"):
        assert swahili in text, swahili
    for fixed in ("KRA PIN", "SCU INFORMATION", "Internal Data", "Receipt Signature", "44/44 NC"):
        assert fixed in text, fixed
    assert ReceiptRenderer(sample(), ReceiptLayout.THERMAL_58MM).page_size_mm().width() == 58
