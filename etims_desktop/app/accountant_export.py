"""The accountant's export: the signed documents of a date range as CSV files or one XLSX workbook,
one table per level (one row per invoice, one row per line), figures as KRA signed them.

Each kind of document is a `Section` that gives its tables: sales and credit notes, then purchases.
Only what KRA recorded is counted; a purchase whose confirmation has not reached KRA yet is listed
with its status and its total in a column of its own, outside the totals. Every text cell is made safe for spreadsheets: one that
starts with = + - @ (or a tab / carriage return) gets a leading ' so no program runs it as a formula;
numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from etims_desktop.app.day_report import day_bounds, payment_name
from etims_desktop.app.signed_figures import NAIROBI, PeriodSalesStore, SaleFigures, cents, sale_figures
from etims_desktop.domain.device import Device
from etims_desktop.domain.documents import DocumentState
from etims_desktop.domain.errors import PlainError
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.sale import TaxType
from etims_desktop.storage.files import write_atomically
from etims_desktop.storage.records import ConfirmedPurchase

Cell = str | int | Decimal | datetime | date | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
DAY_FORMAT = "yyyy-mm-dd"


class ExportStore(PeriodSalesStore, Protocol):
    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...
    async def accepted_purchases_between(
        self, start: datetime, end: datetime, device_id: int | None = None
    ) -> list[ConfirmedPurchase]: ...


class ExportError(PlainError):
    pass


def safe_text(value: str) -> str:
    """A text cell no spreadsheet runs as a formula: '=1+2' -> "'=1+2"."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@dataclass(frozen=True)
class Table:
    """One level of one section: a CSV file, an XLSX sheet."""

    name: str  # file suffix and sheet name: "sales-invoices"
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    waiting: int = 0  # rows listed for information only: not at KRA yet, in no total

    @property
    def counted(self) -> int:
        return len(self.rows) - self.waiting


class Section(Protocol):
    """A kind of document in the export (sales and credit notes; purchases)."""

    def tables(self) -> list[Table]: ...


TAX_TYPES = tuple(TaxType)
INVOICE_HEADERS = (
    "Kind",
    "Device",
    "SCU id",
    "KRA invoice no",
    "CU invoice no",
    "KRA receipt no",
    "Internal data",
    "Receipt signature",
    "Invoice no",
    "Original KRA invoice no",
    "Sold at",
    "Signed at",
    "Customer PIN",
    "Customer name",
    "Payment type",
    *(f"Taxable {t.value}" for t in TAX_TYPES),
    *(f"Tax {t.value}" for t in TAX_TYPES),
    "Total taxable",
    "Total tax",
    "Total",
)
LINE_HEADERS = (
    "Kind",
    "Device",
    "KRA invoice no",
    "Invoice no",
    "Sold at",
    "Line",
    "Item code",
    "Item class",
    "Item",
    "Quantity",
    "Unit price",
    "Discount %",
    "Discount",
    "Tax type",
    "Tax rate %",
    "Taxable",
    "Tax",
    "Total",
)


def _local(moment: datetime | None) -> datetime | None:
    """Kenya time without a zone (spreadsheets have none)."""
    return moment.astimezone(NAIROBI).replace(tzinfo=None, microsecond=0) if moment else None


@dataclass(frozen=True)
class SalesSection:
    """Signed sales and credit notes. A credit note's amounts and quantities are negative, so every
    column adds up to what was really sold."""

    figures: tuple[SaleFigures, ...]
    devices: dict[int, Device]

    def tables(self) -> list[Table]:
        invoices: list[tuple[Cell, ...]] = []
        lines: list[tuple[Cell, ...]] = []
        for f in self.figures:
            entry = f.item.entry
            receipt = entry.receipt
            device = self.devices.get(entry.device_id)
            credit = f.sale.is_credit_note
            sign = Decimal(-1) if credit else Decimal(1)
            kind = "Credit note" if credit else "Sale"
            scu_id = (receipt.scu_id if receipt else None) or (device.scu_id if device else None) or ""
            invc_no = receipt.invc_no if receipt else entry.invc_no
            device_name = device.name if device else str(entry.device_id)
            sold_at = _local(f.sale.sold_at)
            total_taxable = f.amounts.total_taxable if f.amounts else None
            invoices.append(
                (
                    kind,
                    device_name,
                    scu_id,
                    invc_no,
                    f"{scu_id}/{invc_no}" if invc_no is not None else None,
                    receipt.receipt_no if receipt else None,
                    receipt.internal_data if receipt else None,
                    receipt.signature if receipt else None,
                    f.sale.trader_invoice_no,
                    entry.original_invc_no if credit else None,
                    sold_at,
                    _local(receipt.signed_at) if receipt else None,
                    f.sale.buyer_pin,
                    f.sale.buyer_name,
                    payment_name(f.sale.payment_type),
                    *(sign * f.taxable(t) if f.amounts else None for t in TAX_TYPES),
                    *(sign * f.tax(t) if f.amounts else None for t in TAX_TYPES),
                    sign * cents(total_taxable) if total_taxable is not None else None,
                    sign * f.total_tax,
                    sign * f.total,
                )
            )
            if f.amounts is None:  # signed before documents were kept: the stored lines, no amounts
                for seq, line in enumerate(f.sale.lines, start=1):
                    lines.append(
                        (kind, device_name, invc_no, f.sale.trader_invoice_no, sold_at, seq, line.item_code,
                         line.item_class_code, line.name, sign * line.qty, line.unit_price, line.discount_rate,
                         None, line.tax_type.value, None, None, None, None)
                    )  # fmt: skip
                continue
            for la in f.amounts.lines:
                lines.append(
                    (kind, device_name, invc_no, f.sale.trader_invoice_no, sold_at, la.seq, la.line.item_code,
                     la.line.item_class_code, la.line.name, sign * la.qty, la.unit_price, la.discount_rate,
                     sign * la.discount_amount, la.line.tax_type.value, la.tax_rate, sign * la.taxable_amount,
                     sign * la.tax_amount, sign * la.total_amount)
                )  # fmt: skip
        return [
            Table("sales-invoices", INVOICE_HEADERS, tuple(invoices)),
            Table("sales-lines", LINE_HEADERS, tuple(lines)),
        ]


PURCHASE_HEADERS = (
    "Device",
    "Kind",
    "Supplier PIN",
    "Supplier name",
    "Supplier invoice no",
    "Purchase invoice no",
    "Purchased on",
    "Sent to KRA at",
    "Payment type",
    *(f"Taxable {t.value}" for t in TAX_TYPES),
    *(f"Tax {t.value}" for t in TAX_TYPES),
    "Total taxable",
    "Total tax",
    "Total",
    "Status",
    "Not at KRA yet: total",
)
PURCHASE_LINE_HEADERS = (
    "Device",
    "Supplier name",
    "Supplier invoice no",
    "Purchase invoice no",
    "Purchased on",
    "Line",
    "Item code",
    "Item class",
    "Item",
    "Supplier's item",
    "Quantity",
    "Unit price",
    "Tax type",
    "Taxable",
    "Tax",
    "Total",
)
RECORDED = "Recorded by KRA"
NOT_RECORDED = "Not at KRA yet (waiting to be sent): in no total"
NOT_RECORDED_FIX = "Not at KRA yet (KRA refused it: needs your fix): in no total"
PURCHASE_KINDS = {"kra": "Supplier's eTIMS invoice", "manual": "Declared by hand (supplier without eTIMS)"}


def _amount(value: object) -> Decimal:
    """A figure of the confirmation as sent (a JSON number) as money."""
    return cents(Decimal(str(value or 0)))


@dataclass(frozen=True)
class PurchasesSection:
    """Purchases accepted or declared by hand, with the figures KRA recorded (the confirmation as sent:
    our purchase invoice number, the tax per type). One whose confirmation has not reached KRA yet is
    listed with its status, its figures left empty so no total counts it; its amount is in a column of
    its own. Its lines come once KRA has it."""

    purchases: tuple[ConfirmedPurchase, ...]
    devices: dict[int, Device]

    def tables(self) -> list[Table]:
        invoices: list[tuple[Cell, ...]] = []
        waiting: list[tuple[Cell, ...]] = []
        lines: list[tuple[Cell, ...]] = []
        for found in self.purchases:
            p, confirmation = found.purchase, found.confirmation
            if confirmation.state is DocumentState.CANCELLED:
                continue  # given up before KRA had it: not a purchase KRA knows
            device = self.devices.get(p.device_id)
            device_name = device.name if device else str(p.device_id)
            purchased_on = p.purchased_on.astimezone(NAIROBI).date()  # the supplier's sale day
            head = (device_name, PURCHASE_KINDS.get(p.source, p.source), p.supplier_pin, p.supplier_name,
                    p.supplier_invoice_no)  # fmt: skip
            body = confirmation.body
            if confirmation.state is not DocumentState.SENT:
                status = NOT_RECORDED_FIX if confirmation.state is DocumentState.NEEDS_FIX else NOT_RECORDED
                empty = (None,) * (len(PURCHASE_HEADERS) - len(head) - 4)
                waiting.append((*head, confirmation.number, purchased_on, *empty, status, cents(p.total)))
                continue
            invoices.append(
                (
                    *head,
                    confirmation.number,
                    purchased_on,
                    _local(confirmation.sent_at),
                    payment_name(str(body.get("pmtTyCd") or "")),
                    *(_amount(body.get(f"taxblAmt{t.value}")) for t in TAX_TYPES),
                    *(_amount(body.get(f"taxAmt{t.value}")) for t in TAX_TYPES),
                    _amount(body.get("totTaxblAmt")),
                    _amount(body.get("totTaxAmt")),
                    _amount(body.get("totAmt")),
                    RECORDED,
                    None,
                )
            )
            for n, line in enumerate(body.get("itemList") or [], start=1):
                lines.append(
                    (device_name, p.supplier_name, p.supplier_invoice_no, confirmation.number, purchased_on,
                     int(line.get("itemSeq") or n), line.get("itemCd"), line.get("itemClsCd"), line.get("itemNm"),
                     line.get("spplrItemNm"), Decimal(str(line.get("qty") or 0)), _amount(line.get("prc")),
                     line.get("taxTyCd"), _amount(line.get("taxblAmt")), _amount(line.get("taxAmt")),
                     _amount(line.get("totAmt")))
                )  # fmt: skip
        return [
            Table("purchases-invoices", PURCHASE_HEADERS, tuple(invoices + waiting), waiting=len(waiting)),
            Table("purchases-lines", PURCHASE_LINE_HEADERS, tuple(lines)),
        ]


@dataclass(frozen=True)
class Export:
    first_day: date
    last_day: date
    device_id: int | None
    tables: tuple[Table, ...]  # every section's, in order

    @classmethod
    def of(
        cls, first_day: date, last_day: date, device_id: int | None, sections: Sequence[Section]
    ) -> Export:
        return cls(first_day, last_day, device_id, tuple(t for s in sections for t in s.tables()))

    @property
    def invoice_count(self) -> int:
        """Documents KRA recorded: sales, credit notes and purchases."""
        return self.sales_count + self.purchase_count

    @property
    def sales_count(self) -> int:
        return self._invoices("sales").counted

    @property
    def purchase_count(self) -> int:
        return self._invoices("purchases").counted

    @property
    def purchases_waiting(self) -> int:
        """Purchases listed but not at KRA yet (in no total)."""
        return self._invoices("purchases").waiting

    def _invoices(self, section: str) -> Table:
        return next((t for t in self.tables if t.name == f"{section}-invoices"), Table("", (), ()))


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte order mark (Excel then reads accents right); text cells made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, Decimal | int):
        return str(cell)  # a number: "-180.00" is a credit note's amount, not a formula
    return safe_text(cell)


def csv_paths(path: Path, tables: Sequence[Table]) -> list[Path]:
    """books.csv -> books-sales-invoices.csv, books-sales-lines.csv (one file per table)."""
    return [path.with_name(f"{path.stem}-{table.name}.csv") for table in tables]


def write_csv(export: Export, path: Path) -> list[Path]:
    tables = export.tables
    paths = csv_paths(path, tables)
    for table, target in zip(tables, paths, strict=True):
        _write(target, csv_bytes(table))
    return paths


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # a new workbook comes with one empty sheet
    for table in tables:
        sheet = book.create_sheet(table.name[:31])  # Excel's limit on sheet names
        sheet.append([safe_text(h) for h in table.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([safe_text(c) if isinstance(c, str) else c for c in row])
        for column in sheet.iter_cols(min_row=2):
            for cell in column:
                if isinstance(cell.value, Decimal):
                    cell.number_format = MONEY_FORMAT
                elif isinstance(cell.value, datetime):
                    cell.number_format = DATE_FORMAT
                elif isinstance(cell.value, date):
                    cell.number_format = DAY_FORMAT
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text, even "'=..." or a long number
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table.headers, start=1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, len(header) + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsx(export: Export, path: Path) -> list[Path]:
    _write(path, xlsx_bytes(export.tables))
    return [path]


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise ExportError(
            f"The file {path} could not be written ({exc.strerror or exc}).",
            "Choose another folder (one you can write to, on a disk with free space) and export again.",
        ) from exc


class AccountantExport:
    """Collects a date range's signed sales and credit notes and its purchases (the window and the CLI
    share it)."""

    def __init__(self, store: ExportStore) -> None:
        self.store = store

    async def collect(self, first_day: date, last_day: date, device_id: int | None = None) -> Export:
        if last_day < first_day:
            raise ExportError(
                f"The range ends ({last_day:%d/%m/%Y}) before it starts ({first_day:%d/%m/%Y}).",
                "Choose a 'to' day on or after the 'from' day.",
            )
        start, _ = day_bounds(first_day)
        _, end = day_bounds(last_day)
        items = await self.store.sales_between(start, end, device_id, frozenset({OutboxState.SIGNED}))
        devices = {d.id: d for d in await self.store.list_devices(include_retired=True) if d.id is not None}
        sales = SalesSection(tuple(sale_figures(item) for item in items), devices)
        bought = await self.store.accepted_purchases_between(start, end, device_id)
        return Export.of(first_day, last_day, device_id, [sales, PurchasesSection(tuple(bought), devices)])
