"""The accountant's export from a real store after real signing: credit notes negative and tied to their
original, only signed documents, every text cell safe for spreadsheets."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from etims_desktop.app.accountant_export import AccountantExport, Table, csv_bytes, safe_text, xlsx_bytes
from etims_desktop.app.credit_notes import credit_note_options, make_credit_note
from etims_desktop.app.sales import SaleService
from etims_desktop.domain.sale import TaxType


class _Quiet:
    def notify(self, device_id: int) -> None:
        pass


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+2", "'=1+2"),
        ("+254700", "'+254700"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Sugar = sweet", "Sugar = sweet"),
        ("", ""),
    ],
)
def test_safe_text(text, safe):
    assert safe_text(text) == safe


def test_numbers_stay_numbers_and_text_stays_text():
    from openpyxl import load_workbook

    table = Table("t", ("Name", "Amount"), (("=cmd|' /C calc'!A0", Decimal("-180.00")),))
    rows = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8-sig"))))
    assert rows[1] == ["'=cmd|' /C calc'!A0", "-180.00"]
    sheet = load_workbook(io.BytesIO(xlsx_bytes([table])))["t"]
    assert sheet["A2"].value == "'=cmd|' /C calc'!A0" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -180 and sheet["B2"].data_type == "n"


def test_export_of_sales_and_credit_notes(shop_factory):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item("Sugar 1kg", "180.00", TaxType.B)
            first = await shop.record("S-1", [(sugar, 2, 0)], buyer_pin="P000111222Z")
            await shop.record("S-2", [(sugar, 1, 0)])
            await shop.send()
            options = await credit_note_options(shop.store, first)
            note = make_credit_note(
                options, {0: Decimal(1)}, "03", "CN-1", datetime(2026, 3, 14, 11, tzinfo=UTC)
            )
            await SaleService(shop.store, _Quiet()).record(shop.device.id, note, send_now=False)
            await shop.send()
            shop.sim.go_offline()
            await shop.record("S-3", [(sugar, 1, 0)])  # not signed: not exported
            await shop.send()
            return await AccountantExport(shop.store).collect(date(2026, 3, 14), date(2026, 3, 14))

    export = asyncio.run(main())
    invoices, lines, purchases, _ = export.tables
    assert purchases.rows == () and export.invoice_count == 3
    rows = [dict(zip(invoices.headers, row, strict=True)) for row in invoices.rows]
    assert [r["Invoice no"] for r in rows] == ["S-1", "S-2", "CN-1"]
    sale, _, credit = rows
    assert sale["Total"] == Decimal("360.00") and sale["Tax B"] == Decimal("49.66")
    assert sale["Customer PIN"] == "P000111222Z" and sale["Payment type"] == "CASH"
    assert credit["Kind"] == "Credit note" and credit["Total"] == Decimal("-180.00")
    assert credit["Original KRA invoice no"] == sale["KRA invoice no"]
    assert credit["Tax B"] == Decimal("-24.83") and credit["Customer PIN"] == "P000111222Z"
    assert sum(r["Total"] for r in rows) == Decimal("360.00")
    credit_lines = [
        dict(zip(lines.headers, row, strict=True)) for row in lines.rows if row[0] == "Credit note"
    ]
    assert credit_lines[0]["Quantity"] == Decimal("-1") and credit_lines[0]["Total"] == Decimal("-180.00")
