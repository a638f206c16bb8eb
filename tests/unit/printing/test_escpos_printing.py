"""Receipts on an ESC/POS printer: the bytes go over a real TCP connection to a fake printer (a socket
server in the test), are decoded back, and must show KRA's receipt: title, PINs, the tax letter after each
line, all five tax rows, the SCU block, the QR code (printed by the printer) with KRA's check URL, the cut.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket

import pytest
from escpos_fake import OFFLINE, PAPER_OUT, FakePrinter, decode
from receipt_samples import BUYER_PIN, PIN, QR_URL, SCU_ID, sample_view

from etims_desktop.domain.receipt_rules import ReceiptRules, tis_qr_text
from etims_desktop.printing.escpos_receipt import TEST_QR_TEXT, receipt_bytes
from etims_desktop.printing.print_job import print_receipt, print_test_page
from etims_desktop.printing.printers import PrinterProblem, Problem
from etims_desktop.printing.settings import (
    PrinterSettings,
    load_printer,
    load_rules,
    save_printer,
    save_rules,
)


def network(printer: FakePrinter, paper_mm: int = 80) -> PrinterSettings:
    return PrinterSettings(connection="network", host="127.0.0.1", port=printer.port, paper_mm=paper_mm)


def print_over_tcp(view, paper_mm: int = 80, **fake):
    with FakePrinter(**fake) as printer:
        asyncio.run(print_receipt(network(printer, paper_mm), view))
        jobs = printer.wait_jobs(1)
    assert len(jobs) == 1
    return decode(jobs[0])


@pytest.mark.parametrize("paper_mm, width", [(80, 48), (58, 32)])
def test_signed_receipt_reaches_the_printer_with_kra_content_qr_and_cut(paper_mm, width):
    out = print_over_tcp(sample_view(), paper_mm)
    text = out.text
    assert out.initialised and out.cuts == 1
    assert out.status_queries == [4, 1]  # paper, then online - asked before printing
    assert all(len(line) <= width for line in out.lines), max(out.lines, key=len)
    for expected in (
        "Mama Mboga Supplies",
        f"KRA PIN: {PIN}",
        "TAX INVOICE",
        BUYER_PIN,
        "SCU INFORMATION",
        f"{SCU_ID}/45",
        "GRKJ-VWYC-FBPT-YQ22-5X2U-EYON-VE",
        "QUII-27MA-TATS-HFRB",
        "14/03/2026",
        "15:30:39",  # the time KRA gave, to the second
        "43/43 NS",
    ):
        assert expected in text, expected
    # The tax letter after each line total.
    assert any(line.rstrip().endswith("232.00 B") for line in out.lines)
    assert any(line.rstrip().endswith("100.00 A") for line in out.lines)
    # All five tax rows, zero ones too.
    for label in ("A-EX", "B-16%", "C-0%", "D-Non-VAT", "E-8%"):
        assert any(line.startswith(label) for line in out.lines), label
    assert any(line.startswith("E-8%") and line.split()[-2:] == ["0.00", "0.00"] for line in out.lines)
    # The QR is printed natively (GS ( k), and carries KRA's check URL exactly.
    assert out.qr_codes == [QR_URL]
    assert out.qr_module_sizes == [6 if paper_mm == 80 else 5]
    assert "COPY" not in text and not out.inverted


def test_reprint_is_a_copy_with_banners_and_copy_label():
    view = ReceiptRules().apply(sample_view(), copy=True)
    out = print_over_tcp(view)
    assert [line.strip() for line in out.inverted] == ["COPY", "COPY"]  # top and bottom
    assert "43/43 CS" in out.text and "NS" not in out.text.split()
    assert out.qr_codes == [QR_URL]  # a copy still verifies


def test_credit_note_wording_and_original_number():
    out = print_over_tcp(sample_view(credit_note=True))
    assert "CREDIT NOTE" in out.text and "TAX INVOICE" not in out.text
    assert "ORIGINAL CU INVOICE NO." in out.text and f"{SCU_ID}/45" in out.text
    assert "44/44 NC" in out.text


def test_pending_receipt_prints_the_mark_and_no_qr():
    out = print_over_tcp(sample_view(signed=False))
    assert out.qr_codes == []
    assert any("PENDING" in line for line in out.inverted)
    assert "Not yet signed by KRA" in " ".join(out.text.split())


def test_kiswahili_labels_keep_kras_terms():
    view = ReceiptRules(language="sw").apply(sample_view())
    out = print_over_tcp(view)
    for swahili in ("JUMLA", "IDADI YA BIDHAA", "Tarehe", "Nambari ya ankara"):
        assert swahili in out.text, swahili
    for fixed in ("TAX INVOICE", "KRA PIN", "SCU INFORMATION", "CU INVOICE NO.", "Receipt Signature"):
        assert fixed in out.text, fixed
    assert "ITEMS NUMBER" not in out.text


def test_tis_qr_and_receipt_counter_rules():
    view = ReceiptRules(cu_number="receipt", qr_payload="tis").apply(sample_view())
    out = print_over_tcp(view)
    assert out.qr_codes == [f"14032026#153039#{SCU_ID}#43#GRKJVWYCFBPTYQ225X2UEYONVE#QUII27MATATSHFRB"]
    assert out.qr_codes[0] == tis_qr_text(view)
    assert f"{SCU_ID}/43" in out.text and f"{SCU_ID}/45" not in out.text


def test_out_of_paper_prints_nothing_and_says_so():
    with FakePrinter(paper=PAPER_OUT) as printer:
        with pytest.raises(PrinterProblem) as caught:
            asyncio.run(print_receipt(network(printer), sample_view()))
        job = decode(printer.wait_jobs(1)[0])
    assert caught.value.problem is Problem.NO_PAPER
    assert "out of paper" in caught.value.message
    assert job.lines == [] and job.cuts == 0  # only the status query went out: no half receipt


def test_offline_printer_is_refused_plainly():
    with FakePrinter(online=OFFLINE) as printer:
        with pytest.raises(PrinterProblem) as caught:
            asyncio.run(print_receipt(network(printer), sample_view()))
        printer.wait_jobs(1)
    assert caught.value.problem is Problem.OFFLINE and "offline" in caught.value.message


def test_printer_that_never_answers_status_still_prints():
    out = print_over_tcp(sample_view(), answers_status=False)
    assert out.qr_codes == [QR_URL] and out.cuts == 1


def test_missing_printer_names_the_address():
    with socket.create_server(("127.0.0.1", 0)) as reserved:
        port = reserved.getsockname()[1]
    settings = PrinterSettings(connection="network", host="127.0.0.1", port=port, timeout_seconds=2)
    with pytest.raises(PrinterProblem) as caught:
        asyncio.run(print_receipt(settings, sample_view()))
    assert caught.value.problem is Problem.MISSING
    assert f"127.0.0.1:{port}" in caught.value.message


def test_missing_usb_and_serial_printers_are_plain_problems():
    for settings in (
        PrinterSettings(connection="serial", serial_port="/dev/does-not-exist-0"),
        PrinterSettings(connection="usb", usb_vendor="dead", usb_product="beef"),
    ):
        with pytest.raises(PrinterProblem) as caught:
            asyncio.run(print_receipt(settings, sample_view()))
        assert caught.value.problem is Problem.MISSING, settings
    with pytest.raises(PrinterProblem) as caught:
        asyncio.run(print_receipt(PrinterSettings(connection="usb", usb_vendor="xyz"), sample_view()))
    assert caught.value.problem is Problem.NOT_SET_UP


def test_test_page_over_tcp():
    with FakePrinter() as printer:
        asyncio.run(print_test_page(network(printer, 58)))
        out = decode(printer.wait_jobs(1)[0])
    assert "TEST PRINT" in out.text and "12345678901234567890123456789012" in out.lines
    assert out.qr_codes == [TEST_QR_TEXT] and out.cuts == 1


def test_no_cut_setting_feeds_instead():
    out = decode(receipt_bytes(sample_view(), width=48, cut=False))
    assert out.cuts == 0 and out.qr_codes == [QR_URL]


def test_settings_round_trip_and_keep_other_sections(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"sync": {"vscu_batch_size": 7}, "business": {"name": "Duka"}}', encoding="utf-8")
    printer = PrinterSettings(connection="serial", serial_port="COM3", baudrate=19200, paper_mm=58)
    save_printer(path, printer)
    save_rules(path, ReceiptRules(cu_number="receipt", language="sw"))
    assert load_printer(path) == printer and printer.line_width == 32
    assert load_rules(path) == ReceiptRules(cu_number="receipt", language="sw")
    text = path.read_text(encoding="utf-8")
    assert '"vscu_batch_size": 7' in text and '"Duka"' in text
    path.write_text('{"printer": {"connection": "fax"}, "receipt": {"qr_payload": "?"}}', encoding="utf-8")
    assert load_printer(path) == PrinterSettings() and load_rules(path) == ReceiptRules()


def test_pending_receipt_is_never_a_copy():
    view = ReceiptRules().apply(sample_view(signed=False), copy=True)
    assert not view.copy and view.receipt_label == "NS"
    kept = ReceiptRules(copy_label="keep").apply(sample_view(), copy=True)
    assert kept.copy and kept.receipt_label == "NS" and kept.marks == ("COPY",)
    assert dataclasses.replace(kept, copy=False).marks == ()
