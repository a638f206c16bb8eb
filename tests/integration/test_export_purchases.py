"""The accountant's export of purchases, end to end: suppliers' invoices from the simulator over real HTTP,
accepted, rejected or declared by hand, confirmed through the document queue; only what KRA recorded is
counted, what still waits is listed with its status outside the totals; CSV and XLSX made safe."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from keyrings.alt.file import PlaintextKeyring
from sync_shop import PIN, open_shop

from etims_desktop.app.accountant_export import csv_bytes, write_xlsx
from etims_desktop.storage.secrets import KeyStore


@pytest.fixture
def key_store(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return KeyStore(backend=PlaintextKeyring())


def rows(table):
    return [dict(zip(table.headers, row, strict=True)) for row in table.rows]


def test_purchases_recorded_by_kra_are_exported_and_waiting_ones_are_listed_apart(
    tmp_path, kra, run, key_store
):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.add_supplier_invoice(
                PIN,
                [("Sugar 1kg", "10", "150.00", "B"), ("Rice 5kg", "4", "800", "A")],
                supplier_name='=HYPERLINK("http://x")',
                sold_on="20261201",
            )
            kra.add_supplier_invoice(PIN, supplier_name="Not Ours Ltd", supplier_pin="P000000002S")
            kra.add_supplier_invoice(PIN, supplier_name="Late Supplier", supplier_pin="P000000003S")
            kra.add_supplier_invoice(PIN, supplier_name="November Supplier", sold_on="20261130")
            purchases = shop.services.purchases
            await purchases.fetch(device.id)
            listed = {p.supplier_name: p for p in await purchases.list(device.id)}
            await purchases.accept(listed['=HYPERLINK("http://x")'].id)
            await purchases.reject(listed["Not Ours Ltd"].id)  # not a purchase: not exported
            await purchases.accept(listed["November Supplier"].id)  # outside the range
            await purchases.record_manual(
                device.id,
                "Mama Mboga market stall",
                [(shop.items[1].code, Decimal("3"), Decimal("200"))],
                purchased_on=datetime(2026, 12, 2, 9, tzinfo=UTC),
            )
            await shop.services.sync.sync()
            kra.go_offline()
            await purchases.accept(listed["Late Supplier"].id)  # waits for KRA
            await shop.services.sync.sync()
            return await shop.services.accountant_export.collect(date(2026, 12, 1), date(2026, 12, 3))
        finally:
            await shop.services.aclose()

    export = run(scenario())
    invoices, lines = (
        next(t for t in export.tables if t.name == "purchases-invoices"),
        next(t for t in export.tables if t.name == "purchases-lines"),
    )
    found = rows(invoices)
    assert [r["Supplier name"] for r in found] == [
        '=HYPERLINK("http://x")',
        "Mama Mboga market stall",
        "Late Supplier",
    ]
    supplier, manual, late = found
    recorded = {p["spplrNm"]: p for p in kra.purchases(PIN, "00")}
    assert supplier["Purchase invoice no"] == recorded[supplier["Supplier name"]]["invcNo"]
    assert supplier["Supplier PIN"] == "P000000001S" and supplier["Kind"] == "Supplier's eTIMS invoice"
    assert supplier["Purchased on"] == date(2026, 12, 1) and supplier["Status"] == "Recorded by KRA"
    assert supplier["Total"] == Decimal("4700.00") and supplier["Taxable A"] == Decimal("3200.00")
    assert supplier["Tax B"] == Decimal("206.90") and supplier["Taxable B"] == Decimal("1293.10")
    assert supplier["Total tax"] == Decimal("206.90") and supplier["Not at KRA yet: total"] is None
    assert manual["Kind"] == "Declared by hand (supplier without eTIMS)" and manual["Total"] == Decimal(
        "600.00"
    )
    assert manual["Purchase invoice no"] == recorded["Mama Mboga market stall"]["invcNo"]
    assert late["Status"] == "Not at KRA yet (waiting to be sent): in no total" and late["Total"] is None
    assert late["Not at KRA yet: total"] == Decimal("15800.00") and late["Tax B"] is None
    assert (export.purchase_count, export.purchases_waiting) == (2, 1)

    line_rows = rows(lines)
    assert [(r["Supplier name"], r["Line"]) for r in line_rows] == [
        (supplier["Supplier name"], 1),
        (supplier["Supplier name"], 2),
        ("Mama Mboga market stall", 1),
    ]  # the waiting purchase's lines come once KRA has it
    assert line_rows[0]["Supplier's item"] == "Sugar 1kg" and line_rows[0]["Quantity"] == Decimal("10")
    assert sum(r["Total"] for r in line_rows) == supplier["Total"] + manual["Total"]

    text = csv_bytes(invoices).decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[1][3] == '\'=HYPERLINK("http://x")'  # made safe: no spreadsheet runs it
    assert not any(cell.startswith(("=", "+", "@")) for row in parsed for cell in row)

    from openpyxl import load_workbook

    (path,) = write_xlsx(export, tmp_path / "books.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["sales-invoices", "sales-lines", "purchases-invoices", "purchases-lines"]
    sheet = book["purchases-invoices"]
    assert sheet["D2"].value == '\'=HYPERLINK("http://x")' and sheet["D2"].data_type == "s"
    total = invoices.headers.index("Total") + 1
    assert sheet.cell(2, total).value == 4700 and sheet.cell(2, total).number_format == "#,##0.00"
    assert sheet.cell(4, total).value is None  # the waiting one adds nothing to the column
