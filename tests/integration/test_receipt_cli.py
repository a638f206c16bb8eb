"""`etims-desktop receipt SALE` end to end: a signed sale printed on the receipt printer (a fake ESC/POS
printer on a real TCP port) as the original, then as a COPY; a missing printer fails plainly (exit 3)."""

from __future__ import annotations

import json
import socket

from escpos_fake import FakePrinter, decode
from test_cli import PIN, add_till, cli

from etims_desktop.domain.device import Environment
from etims_desktop.kra.environments import receipt_check_url


def signed_sale(tmp_path, kra) -> None:
    kra.approve(PIN, "00", "RCPT-CLI", "OSCU")
    assert add_till(tmp_path, kra, "Till 1", "RCPT-CLI").returncode == 0
    assert cli(tmp_path, "item", "add", "--name", "Sugar 1kg", "--class-code", "50161800", "--tax", "B",
               "--price", "180").returncode == 0  # fmt: skip
    code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]
    sales = tmp_path / "sales.csv"
    sales.write_text(
        f"invoice_no,date,item_code,qty,unit_price,buyer_pin\nS1,2026-11-20T10:00,{code},2,,A012345678Z\n"
    )
    assert cli(tmp_path, "import", str(sales), "--device", "1").returncode == 0
    assert cli(tmp_path, "sync").returncode == 0


def use_printer(tmp_path, port: int) -> None:
    settings = tmp_path / "data" / "settings.json"
    raw = json.loads(settings.read_text()) if settings.exists() else {}
    raw["printer"] = {"connection": "network", "host": "127.0.0.1", "port": port, "paper_mm": 58}
    settings.write_text(json.dumps(raw))


def test_receipt_command_prints_the_original_then_a_copy(tmp_path, kra):
    signed_sale(tmp_path, kra)
    signature = kra.signed_sales(PIN, "00")[0].receipt.signature
    with socket.create_server(("127.0.0.1", 0)) as reserved:
        closed = reserved.getsockname()[1]
    use_printer(tmp_path, closed)
    missing = cli(tmp_path, "receipt", "1")
    assert (
        missing.returncode == 3
        and f"127.0.0.1:{closed}" in missing.stderr
        and "Traceback" not in missing.stderr
    )

    with FakePrinter() as printer:
        use_printer(tmp_path, printer.port)
        first = cli(tmp_path, "receipt", "1")
        assert first.returncode == 0, first.stderr
        assert "original receipt" in first.stdout  # the failed attempt did not use up the original
        job = decode(printer.wait_jobs(1)[0])
    assert job.qr_codes == [receipt_check_url(Environment.CUSTOM, PIN, "00", signature)]
    assert "TAX INVOICE" in job.text and "A012345678Z" in job.text and not job.inverted
    assert max(len(line) for line in job.lines) <= 32  # 58 mm

    out = tmp_path / "copy.bin"
    again = cli(tmp_path, "receipt", "1", "--escpos-file", str(out))
    assert again.returncode == 0 and "COPY" in again.stdout
    copy = decode(out.read_bytes())
    assert [line.strip() for line in copy.inverted] == ["COPY", "COPY"] and copy.cuts == 1
