"""Import sales from a POS export (CSV or JSON): every bad row named, nothing half-imported, no duplicates.

CSV: one row per sale line; rows with the same `invoice_no` form one sale. Columns (header row required):

    invoice_no    the shop's own invoice number (required; the duplicate guard)
    date          2026-11-24, 2026-11-24T14:05 or day first 24/11/2026 14:05 (Nairobi time unless an
                  offset is given) (required)
    item_code     a code from the item master (required)
    qty           quantity, more than zero (required)
    unit_price    VAT-inclusive unit price; empty = the item's price
    discount      discount percent, 0-100 (optional)
    buyer_pin     buyer's KRA PIN (optional)     buyer_name   (optional)
    payment_type  01 cash ... 06 mobile money (optional, default 01)

JSON: a list of {"invoice_no", "date", "buyer_pin", "buyer_name", "payment_type",
"lines": [{"item_code", "qty", "unit_price", "discount"}]}.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol, TextIO
from zoneinfo import ZoneInfo

from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError, PlainError
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.domain.tax import SaleAmounts, price_for_queue
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.domain.validation import validate_sale

NAIROBI = ZoneInfo("Africa/Nairobi")
MAX_ROWS = 100_000
# Memory stays bounded whatever the file: a CSV is read line by line, never whole (a 300 MB field once
# took 1.8 GB), and no file over MAX_IMPORT_BYTES is opened. 100,000 rows of a POS export are ~12 MB.
MAX_IMPORT_BYTES = 32 * 1024 * 1024
MAX_LINE_CHARS = 64 * 1024  # no sale row comes near this; the csv module caps a field at 128 KB too
REQUIRED_COLUMNS = ("invoice_no", "date", "item_code", "qty")


@dataclass(frozen=True)
class RowError:
    line: int  # line in the file (CSV: 1 = header) or position in the JSON list (1-based)
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportPreview:
    sales: list[Sale] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.sales)


@dataclass(frozen=True)
class ImportResult:
    created: int
    already_imported: int


class ImportRejected(PlainError):
    def __init__(self, errors: list[RowError]):
        shown = "\n".join(str(e) for e in errors[:50])
        more = f"\n... and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"Nothing was imported. Fix these rows and import the file again:\n{shown}{more}")
        self.errors = errors


DAY_FIRST_FORMATS = ("%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")
DATE_HELP = QT_TRANSLATE_NOOP(
    "Core", "write it as 2026-11-24 or 24/11/2026 (day first), with a time if you like: 24/11/2026 14:05"
)


_NOT_A_DATE = QT_TRANSLATE_NOOP("Core", "date {text} is not a date I can read: {help}")
_NOT_A_NUMBER = QT_TRANSLATE_NOOP("Core", "{what} '{text}' is not a number.")
_NOT_NORMAL = QT_TRANSLATE_NOOP("Core", "{what} must be a normal number.")
_UNKNOWN_ITEM = QT_TRANSLATE_NOOP("Core", "item code '{code}' is not in the item master: add the item first.")
_MISSING_COLUMNS = QT_TRANSLATE_NOOP("Core", "the header row lacks the column(s): {columns}")
_BAD_INVOICE_NO = QT_TRANSLATE_NOOP("Core", "invoice_no is empty or longer than 50 characters")
_NOT_JSON = QT_TRANSLATE_NOOP("Core", "this is not valid JSON ({error})")
_TWICE = QT_TRANSLATE_NOOP("Core", "invoice_no {invoice} appears twice in the file")
_INVOICE_PROBLEM = QT_TRANSLATE_NOOP("Core", "invoice {invoice}: {reason}")
_CANNOT_READ = QT_TRANSLATE_NOOP("Core", "the file cannot be read ({error})")
# the values of {what}
_QUANTITY, _UNIT_PRICE, _DISCOUNT = (
    QT_TRANSLATE_NOOP("Core", "Quantity"),
    QT_TRANSLATE_NOOP("Core", "Unit price"),
    QT_TRANSLATE_NOOP("Core", "Discount"),
)


def parse_date(text: str) -> datetime:
    """ISO (2026-11-24, 2026-11-24T14:05) or day first as Kenyans write it (24/11/2026, 24-11-2026,
    24.11.2026, with an optional time); Nairobi time unless an offset is given."""
    text = text.strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = _day_first(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=NAIROBI)
    return value


def _day_first(text: str) -> datetime:
    unified = text.replace("-", "/").replace(".", "/")
    for pattern in DAY_FIRST_FORMATS:
        try:
            return datetime.strptime(unified, pattern)
        except ValueError:
            continue
    raise DomainValidationError(Said(_NOT_A_DATE, text=repr(text), help=DATE_HELP), "date")


def _decimal(text: object, what: str) -> Decimal:
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        raise DomainValidationError(Said(_NOT_A_NUMBER, what=what, text=str(text)[:20])) from None
    if not value.is_finite():
        raise DomainValidationError(Said(_NOT_NORMAL, what=what))
    return value


def _line(raw: Mapping[str, Any], items: Mapping[str, Item]) -> SaleLine:
    code = str(raw.get("item_code") or "").strip()
    item = items.get(code)
    if item is None:
        raise DomainValidationError(Said(_UNKNOWN_ITEM, code=code[:30]))
    price_text = str(raw.get("unit_price") or "").strip()
    return SaleLine(
        item_code=item.code,
        item_class_code=item.item_class_code,
        name=item.name,
        qty=_decimal(raw.get("qty"), _QUANTITY),
        unit_price=_decimal(price_text, _UNIT_PRICE) if price_text else item.price,
        tax_type=item.tax_type,
        pkg_unit_code=item.pkg_unit_code,
        qty_unit_code=item.qty_unit_code,
        discount_rate=_decimal(raw.get("discount") or "0", _DISCOUNT),
        barcode=item.barcode,
    )


def _sale(invoice_no: str, head: Mapping[str, Any], lines: list[SaleLine]) -> Sale:
    return Sale(
        trader_invoice_no=invoice_no,
        lines=tuple(lines),
        sold_at=parse_date(str(head.get("date") or "")),
        buyer_pin=(str(head.get("buyer_pin") or "").strip().upper() or None),
        buyer_name=(str(head.get("buyer_name") or "").strip() or None),
        payment_type=(str(head.get("payment_type") or "").strip() or "01"),
    )


def _bounded_lines(file: TextIO) -> Iterator[str]:
    """The file's lines, each read with a length limit: one endless line never fills the memory."""
    while line := file.readline(MAX_LINE_CHARS + 1):
        if len(line) > MAX_LINE_CHARS:
            raise csv.Error(f"a line is longer than {MAX_LINE_CHARS} characters, far more than any sale row")
        yield line


def parse_csv(source: str | TextIO, items: Mapping[str, Item]) -> ImportPreview:
    """`source`: the text, or a file opened with newline="" (csv needs raw line ends: a lone \r is one)."""
    preview = ImportPreview()
    file = io.StringIO(source, newline="") if isinstance(source, str) else source
    reader = csv.DictReader(_bounded_lines(file))
    try:
        columns = [c.strip() for c in (reader.fieldnames or [])]
    except csv.Error as exc:
        preview.errors.append(RowError(1, f"the header row cannot be read ({exc})"))
        return preview
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        preview.errors.append(RowError(1, Said(_MISSING_COLUMNS, columns=", ".join(missing))))
        return preview
    groups: dict[str, tuple[int, dict[str, Any], list[SaleLine]]] = {}
    for count, (number, row) in enumerate(_rows(reader, preview), start=1):
        if count > MAX_ROWS:
            preview.errors.append(RowError(number, f"the file has more than {MAX_ROWS} rows; split it"))
            break
        row = {(k or "").strip(): (v or "") for k, v in row.items() if not isinstance(v, list)}
        invoice_no = row.get("invoice_no", "").strip()
        if not any(v.strip() for v in row.values()):
            continue  # blank line
        if not invoice_no or len(invoice_no) > 50:
            preview.errors.append(RowError(number, _BAD_INVOICE_NO))
            continue
        try:
            line = _line(row, items)
            if invoice_no not in groups:
                parse_date(row.get("date", ""))
                groups[invoice_no] = (number, row, [])
            groups[invoice_no][2].append(line)
        except (DomainValidationError, ValueError) as exc:
            preview.errors.append(RowError(number, _reason(exc)))
    _finish(preview, groups, items)
    return preview


def _rows(reader: csv.DictReader[str], preview: ImportPreview) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, counting the header as 1, row) pairs - the number a spreadsheet shows. A row the csv
    module cannot read (e.g. a field over its size limit) ends the file with a named error."""
    number = 1
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            preview.errors.append(
                RowError(number, f"this row cannot be read ({exc}); nothing after it was read")
            )
            return
        yield number, row


def parse_json(text: str, items: Mapping[str, Item]) -> ImportPreview:
    preview = ImportPreview()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        preview.errors.append(RowError(exc.lineno, Said(_NOT_JSON, error=exc.msg)))
        return preview
    except RecursionError:  # lists in lists thousands deep: not a sales file, and not worth a crash
        preview.errors.append(RowError(1, "the JSON is nested far too deeply to be a list of sales"))
        return preview
    if not isinstance(data, list):
        preview.errors.append(RowError(1, QT_TRANSLATE_NOOP("Core", "the file must hold a list of sales")))
        return preview
    groups: dict[str, tuple[int, dict[str, Any], list[SaleLine]]] = {}
    for number, raw in enumerate(data[: MAX_ROWS + 1], start=1):
        try:
            if not isinstance(raw, dict) or not isinstance(raw.get("lines"), list) or not raw["lines"]:
                raise DomainValidationError(
                    QT_TRANSLATE_NOOP("Core", "each sale needs an object with a non-empty 'lines' list")
                )
            invoice_no = str(raw.get("invoice_no") or "").strip()
            if not invoice_no or len(invoice_no) > 50:
                raise DomainValidationError(_BAD_INVOICE_NO)
            if invoice_no in groups:
                raise DomainValidationError(Said(_TWICE, invoice=invoice_no))
            if not all(isinstance(line, dict) for line in raw["lines"]):
                raise DomainValidationError(QT_TRANSLATE_NOOP("Core", "every line must be an object"))
            parse_date(str(raw.get("date") or ""))
            groups[invoice_no] = (number, raw, [_line(line, items) for line in raw["lines"]])
        except (DomainValidationError, ValueError, TypeError) as exc:
            preview.errors.append(RowError(number, _reason(exc)))
    _finish(preview, groups, items)
    return preview


def _finish(
    preview: ImportPreview, groups: Mapping[str, tuple[int, dict[str, Any], list[SaleLine]]], items: Mapping[str, Item]) -> None:
    for invoice_no, (number, head, lines) in groups.items():
        try:
            sale = _sale(invoice_no, head, lines)
            validate_sale(sale, known_items=items)
            preview.sales.append(sale)
        except (DomainValidationError, ValueError) as exc:
            preview.errors.append(
                RowError(number, Said(_INVOICE_PROBLEM, invoice=invoice_no, reason=_reason(exc)))
            )
    preview.errors.sort(key=lambda e: e.line)


def _reason(exc: Exception) -> str:
    if isinstance(exc, DomainValidationError):
        return str(exc)
    return f"could not read a value ({str(exc)[:80]})"


def parse_file(path: Path, items: Mapping[str, Item]) -> ImportPreview:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            return ImportPreview(
                errors=[
                    RowError(
                        1,
                        f"the file is {size / 2**20:.0f} MB, more than the {MAX_IMPORT_BYTES // 2**20} MB an "
                        f"import takes: split it into smaller files (at most {MAX_ROWS} rows each)",
                    )
                ]
            )
        with path.open(encoding="utf-8-sig", newline="") as file:
            if path.suffix.lower() == ".json":
                return parse_json(file.read(), items)  # at most MAX_IMPORT_BYTES
            return parse_csv(file, items)
    except UnicodeDecodeError:
        return ImportPreview(
            errors=[
                RowError(1, QT_TRANSLATE_NOOP("Core", "the file is not UTF-8 text; save it as CSV UTF-8"))
            ]
        )
    except OSError as exc:
        return ImportPreview(errors=[RowError(1, Said(_CANNOT_READ, error=exc.strerror or exc))])


class ImportStore(Protocol):
    async def get_device(self, device_id: int) -> Device: ...
    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...
    async def list_items(self) -> list[Item]: ...
    async def tax_rates(self, device_id: int) -> dict[TaxType, Decimal]: ...
    async def enqueue_sales(
        self, device_id: int, items: list[tuple[Sale, Decimal, Decimal]]
    ) -> list[tuple[int, bool]]: ...


class Pricing(Protocol):
    """app/sales.py SaleService: the price a sale would be queued at."""

    async def price(self, device_id: int, sale: Sale) -> SaleAmounts: ...


class SaleImporter:
    def __init__(self, store: ImportStore, pricing: Pricing, notify: Callable[[int], None]) -> None:
        self.store = store
        self.pricing = pricing
        self.notify = notify  # the sync engine: this device has new sales

    async def devices(self) -> list[Device]:
        """The devices a file may be imported to."""
        return await self.store.list_devices()

    async def totals(self, device_id: int, sales: Iterable[Sale]) -> list[Decimal]:
        """Each sale's total as it would be queued on `device_id` (its KRA tax rates)."""
        return [(await self.pricing.price(device_id, sale)).total for sale in sales]

    async def preview(self, path: Path) -> ImportPreview:
        items = {item.code: item for item in await self.store.list_items()}
        return parse_file(path, items)

    async def import_file(self, device_id: int, path: Path) -> ImportResult:
        """All or nothing: any bad row and nothing is written."""
        (await self.store.get_device(device_id)).require_in_use()
        preview = await self.preview(path)
        if preview.errors:
            raise ImportRejected(preview.errors)
        if not preview.sales:
            raise ImportRejected([RowError(1, QT_TRANSLATE_NOOP("Core", "the file holds no sales"))])
        rates = await self.store.tax_rates(device_id)
        batch = []
        for sale in preview.sales:
            queued, amounts = price_for_queue(sale, rates)  # the rates are kept with each sale
            batch.append((queued, amounts.total, amounts.total_tax))
        results = await self.store.enqueue_sales(device_id, batch)
        created = sum(1 for _sid, was_created in results if was_created)
        self.notify(device_id)
        return ImportResult(created, len(results) - created)
