"""`etims-desktop report day`, `export` and `reconcile` end to end: real processes, a real database, the
real simulator over HTTP."""

from __future__ import annotations

import json

from test_cli import PIN, add_till, cli


def shop_with_sales(tmp_path, kra, serial: str = "REPORT-1") -> str:
    """Till 1 with two signed sales on 2026-11-20 and one on 2026-11-21; returns the item code."""
    kra.approve(PIN, "00", serial, "OSCU")
    assert add_till(tmp_path, kra, "Till 1", serial).returncode == 0
    assert cli(tmp_path, "item", "add", "--name", "=HYPERLINK(\"x\")", "--class-code", "50161800", "--tax",
               "B", "--price", "180").returncode == 0  # fmt: skip
    code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]
    sales = tmp_path / "sales.csv"
    sales.write_text(
        "invoice_no,date,item_code,qty,unit_price,buyer_pin\n"
        f"S1,2026-11-20T10:00,{code},2,,A012345678Z\n"
        f"S2,2026-11-20T18:30,{code},1,,\n"
        f"S3,2026-11-21T09:00,{code},1,,\n"
    )
    assert cli(tmp_path, "import", str(sales), "--device", "1").returncode == 0
    assert cli(tmp_path, "sync").returncode == 0
    return code


def test_report_day_closed_then_waiting_with_pdf(tmp_path, kra):
    code = shop_with_sales(tmp_path, kra)
    closed = cli(tmp_path, "report", "day", "--date", "2026-11-20", "--device", "1", "--json")
    assert closed.returncode == 0, closed.stderr
    data = json.loads(closed.stdout)["reports"][0]
    assert data["closed"] is True and data["sales"]["count"] == 2
    assert (
        data["sales"]["total"] == "540.00" and data["sales"]["tax_by_type"]["B"] == "74.49"
    )  # 49.66 + 24.83, per line
    assert data["kra_invoice_numbers"] == [1, 2]
    assert data["payments"][0]["name"] == "CASH" and data["payments"][0]["net"] == "540.00"

    kra.go_offline()
    late = tmp_path / "late.csv"
    late.write_text(f"invoice_no,date,item_code,qty,unit_price\nS4,2026-11-20T20:00,{code},1,\n")
    assert cli(tmp_path, "import", str(late), "--device", "1").returncode == 0
    cli(tmp_path, "sync")
    pdf = tmp_path / "z.pdf"
    waiting = cli(tmp_path, "report", "day", "--date", "2026-11-20", "--pdf", str(pdf), "--layout", "80mm")
    assert waiting.returncode == 1, waiting.stderr
    assert "Day NOT closed: 1 sale(s)" in waiting.stdout and "S4" in waiting.stdout
    assert "Sales signed by KRA: 2, total 540.00" in waiting.stdout
    assert pdf.read_bytes().startswith(b"%PDF") and f"Wrote {pdf}" in waiting.stdout

    bad = cli(tmp_path, "report", "day", "--date", "20/11/2026")
    assert bad.returncode == 2 and "write it like 2026-11-20" in bad.stderr


def test_export_csv_and_xlsx_signed_documents_with_formulas_neutralised(tmp_path, kra):
    from openpyxl import load_workbook

    shop_with_sales(tmp_path, kra, "EXPORT-1")
    books = tmp_path / "books.csv"
    done = cli(tmp_path, "export", "--from", "2026-11-20", "--to", "2026-11-20", "--csv", str(books))
    assert done.returncode == 0, done.stderr
    assert "Exported 2 sale(s) and credit note(s) signed by KRA and 0 purchase(s)" in done.stdout
    invoices = (tmp_path / "books-sales-invoices.csv").read_text(encoding="utf-8-sig").splitlines()
    lines = (tmp_path / "books-sales-lines.csv").read_text(encoding="utf-8-sig").splitlines()
    assert invoices[0].startswith("Kind,Device,SCU id,KRA invoice no,CU invoice no,KRA receipt no")
    assert len(invoices) == 3 and len(lines) == 3
    assert "A012345678Z" in invoices[1] and ",360.00" in invoices[1] and ",49.66," in invoices[1]
    assert '\'=HYPERLINK(""x"")' in lines[1]  # the item's name, made safe
    assert not any(field.startswith("=") for row in lines for field in row.split(","))

    xlsx = tmp_path / "books.xlsx"
    done = cli(
        tmp_path, "export", "--from", "2026-11-20", "--to", "2026-11-21", "--xlsx", str(xlsx), "--json"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"] == 3
    book = load_workbook(xlsx)
    assert book.sheetnames == ["sales-invoices", "sales-lines", "purchases-invoices", "purchases-lines"]
    sheet = book["sales-invoices"]
    headers = [c.value for c in sheet[1]]
    first = dict(zip(headers, [c.value for c in sheet[2]], strict=True))
    assert first["Total"] == 360 and isinstance(first["Total"], float | int)  # a number, not text
    assert first["Tax B"] == 49.66 and first["Customer PIN"] == "A012345678Z"
    assert first["KRA invoice no"] == 1 and len(first["Receipt signature"]) == 16
    item = book["sales-lines"].cell(2, 9)
    assert item.value == '\'=HYPERLINK("x")' and item.data_type == "s"

    backwards = cli(tmp_path, "export", "--from", "2026-11-21", "--to", "2026-11-20", "--csv", str(books))
    assert backwards.returncode == 3 and "before it starts" in backwards.stderr


def test_export_has_the_purchases_kra_recorded_and_says_what_waits(tmp_path, kra):
    kra.approve(PIN, "00", "BUY-1", "OSCU")
    assert add_till(tmp_path, kra, "Till 1", "BUY-1").returncode == 0
    kra.add_supplier_invoice(PIN, [("Sugar 1kg", "10", "150.00", "B")], sold_on="20261201")
    kra.add_supplier_invoice(PIN, supplier_name="Late Supplier", supplier_pin="P000000003S")
    listed = json.loads(cli(tmp_path, "purchases", "list", "--device", "1", "--json").stdout)
    ids = {p["supplier"]: p["id"] for p in listed}
    assert cli(tmp_path, "purchases", "accept", str(ids["Wholesale Supplies Ltd"])).returncode == 0
    assert cli(tmp_path, "sync").returncode == 0
    kra.go_offline()
    assert cli(tmp_path, "purchases", "accept", str(ids["Late Supplier"])).returncode == 0

    books = tmp_path / "books.csv"
    done = cli(tmp_path, "export", "--from", "2026-12-01", "--to", "2026-12-31", "--csv", str(books))
    assert done.returncode == 0, done.stderr
    assert "signed by KRA and 1 purchase(s) KRA recorded, from 2026-12-01 to 2026-12-31" in done.stdout
    assert "1 purchase(s) not at KRA yet are listed with their status, in no total" in done.stdout
    purchases = (tmp_path / "books-purchases-invoices.csv").read_text(encoding="utf-8-sig").splitlines()
    assert purchases[0].startswith(
        "Device,Kind,Supplier PIN,Supplier name,Supplier invoice no,Purchase invoice no"
    )
    assert len(purchases) == 3 and ",Recorded by KRA," in purchases[1] and ",1500.00," in purchases[1]
    assert "Late Supplier" in purchases[2] and purchases[2].endswith(",15800.00")
    lines = (tmp_path / "books-purchases-lines.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and "Sugar 1kg" in lines[1]

    as_json = cli(tmp_path, "export", "--from", "2026-12-01", "--to", "2026-12-31", "--xlsx",
                  str(tmp_path / "b.xlsx"), "--json")  # fmt: skip
    assert json.loads(as_json.stdout) | {"files": []} == {
        "documents": 1,
        "sales": 0,
        "purchases": 1,
        "purchases_waiting": 1,
        "files": [],
    }


def test_reconcile_lists_mismatches_and_a_host_without_the_lookup(tmp_path, kra):
    from etims_desktop.kra.simulator import Simulator, SimulatorConfig

    shop_with_sales(tmp_path, kra, "RECON-1")
    agree = cli(tmp_path, "reconcile", "--from", "2026-11-20", "--to", "2026-11-21")
    assert agree.returncode == 0, agree.stderr
    assert "Checked 3 of 3" in agree.stdout and "agrees with this PC" in agree.stdout

    kra.lose_sale(PIN, "00", 1)
    kra.alter_sale(PIN, "00", 3, {"totTaxAmt": 1.0})
    found = cli(tmp_path, "reconcile", "--from", "2026-11-20", "--to", "2026-11-21", "--json")
    assert found.returncode == 2, found.stderr
    data = json.loads(found.stdout)
    assert data["complete"] and [f["kind"] for f in data["findings"]] == [
        "missing_at_kra",
        "different_totals",
    ]
    assert [f["invoice_no"] for f in data["findings"]] == ["S1", "S3"]

    with Simulator(SimulatorConfig(mode="oscu", invoice_lookup=False)) as bare:
        other = tmp_path / "other"
        other.mkdir()
        shop_with_sales(other, bare, "RECON-2")
        result = cli(other, "reconcile", "--from", "2026-11-20", "--to", "2026-11-20")
    assert result.returncode == 2, result.stderr
    assert "does not offer the invoice lookup" in result.stdout and "KRA's eTIMS portal" in result.stdout
