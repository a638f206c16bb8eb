"""The CLI's report commands: `report day`, `export`, `reconcile` (issue 17). Registered by cli.py with
`cli_reports.register(commands, _run)`; each runs the app/ use case the window's dialogs use."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etims_desktop.app.day_report import DayReport, today
from etims_desktop.domain.receipt import money
from etims_desktop.domain.sale import TaxType

if TYPE_CHECKING:
    from etims_desktop.app.accountant_export import Export
    from etims_desktop.bootstrap import Services

EXIT_OK, EXIT_WAITING, EXIT_NEEDS_FIX, EXIT_ERROR = 0, 1, 2, 3
Command = Callable[["Services", argparse.Namespace], Awaitable[int]]
Runner = Callable[[Command], Callable[[argparse.Namespace], int]]


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it like 2026-11-20") from None


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], run: Runner) -> None:
    """Add `report day` (and the export and reconcile commands) to the CLI; `run` is cli._run."""
    report = commands.add_parser("report", help="reports: the end-of-day (Z) report")
    report_cmds = report.add_subparsers(metavar="REPORT", required=True)
    day_cmd = report_cmds.add_parser(
        "day",
        help="end-of-day (Z) report: sales, credit notes, tax per type, what still waits",
        description="Figures come from what KRA signed. The day is closed only when nothing of it still "
        "waits for KRA. Exit code 0: closed; 1: something of that day still waits.",
    )
    day_cmd.add_argument("--date", type=day, help="the day, YYYY-MM-DD (default: today, Kenya time)")
    day_cmd.add_argument("--device", type=int, help="one device (default: every device)")
    day_cmd.add_argument("--pdf", type=Path, metavar="FILE", help="also write the report as a PDF")
    day_cmd.add_argument("--layout", choices=["a4", "80mm"], default="a4", help="the PDF's paper")
    day_cmd.add_argument("--json", action="store_true")
    day_cmd.set_defaults(handler=run(cmd_report_day))

    export = commands.add_parser(
        "export",
        help="export signed sales, credit notes and purchases for your accountant (CSV or XLSX)",
        description="One row per invoice and one row per line, with KRA's receipt number and signature and "
        "the tax per type A-E, as KRA signed them. Credit notes have negative amounts. Purchases you accepted "
        "or declared, as KRA recorded them; one not at KRA yet is listed with its status, in no total. "
        "--csv FILE writes FILE-sales-invoices.csv, FILE-sales-lines.csv, FILE-purchases-invoices.csv and "
        "FILE-purchases-lines.csv; --xlsx FILE one workbook with a sheet for each.",
    )
    export.add_argument("--from", dest="first", type=day, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last", type=day, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--device", type=int, help="one device (default: every device)")
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--csv", type=Path, metavar="FILE")
    where.add_argument("--xlsx", type=Path, metavar="FILE")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=run(cmd_export))

    reconcile = commands.add_parser(
        "reconcile",
        help="check every signed sale of a date range against KRA's record",
        description="Each signed sale and credit note is looked up at KRA (at most "
        "reconcile.lookups_per_second a second, settings.json) and compared: missing at KRA, other totals, "
        "another receipt number or signature. Stop it with Ctrl+C: the next run of the same range continues "
        "where it stopped. Exit code 0: all agree; 1: not finished (run it again); 2: mismatches found.",
    )
    reconcile.add_argument("--from", dest="first", type=day, required=True, metavar="YYYY-MM-DD")
    reconcile.add_argument("--to", dest="last", type=day, required=True, metavar="YYYY-MM-DD")
    reconcile.add_argument("--device", type=int, help="one device (default: every device)")
    reconcile.add_argument("--json", action="store_true")
    reconcile.set_defaults(handler=run(cmd_reconcile))


def _qt_app() -> object:
    """Qt for drawing a PDF from a command: no window, no display needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def day_report_text(report: DayReport) -> str:
    from etims_desktop.ui.reports.day_report_render import numbers, status_sentence

    lines = [
        f"End of day report {report.day.isoformat()} - {report.device_name} (SCU id {report.scu_id or '-'})"
        + (" - PRACTICE" if report.practice else ""),
        status_sentence(report),
    ]
    for title, totals in (
        ("Sales signed by KRA", report.sales),
        ("Credit notes signed by KRA (subtracted)", report.credit_notes),
        ("Net: sales less credit notes", report.net),
    ):
        lines.append(f"{title}: {totals.count}, total {money(totals.total)}, tax {money(totals.total_tax)}")
        for t in TaxType:
            taxable, tax = totals.taxable_by_type[t], totals.tax_by_type[t]
            if taxable or tax:
                lines.append(f"  {t.value}: taxable {money(taxable)}, tax {money(tax)}")
    lines.append(f"KRA invoice numbers: {numbers(report.first_invoice_no, report.last_invoice_no)}")
    lines.append(f"KRA receipt numbers: {numbers(report.first_receipt_no, report.last_receipt_no)}")
    for p in report.payments:
        lines.append(f"  {p.name}: {p.sales} sale(s), {p.credit_notes} credit note(s), net {money(p.net)}")
    if report.cancelled:
        lines.append(f"Cancelled here (never signed, in no total): {report.cancelled}")
    for w in report.waiting:
        kind = " (credit note)" if w.credit_note else ""
        lines.append(f"  waits: {w.sold_at:%H:%M} {w.trader_invoice_no}{kind} {money(w.total)} - {w.why}")
    return "\n".join(lines)


async def cmd_report_day(services: Services, args: argparse.Namespace) -> int:
    reports = await services.day_reports.reports(args.date or today(), args.device)
    written = None
    if args.pdf:
        from etims_desktop.ui.reports.day_report_render import ReportLayout, save_report_pdf

        _qt_app()  # the fonts need a Qt application
        pages = save_report_pdf(reports, ReportLayout(args.layout), args.pdf)
        written = f"Wrote {args.pdf} ({pages} page(s))."
    if args.json:
        data: Any = {"reports": [r.as_dict() for r in reports], "pdf": str(args.pdf) if args.pdf else None}
        print(json.dumps(data, indent=2))
    else:
        print("\n\n".join(day_report_text(r) for r in reports) or "No devices.")
        if written:
            print(written)
    return EXIT_OK if all(r.closed for r in reports) else EXIT_WAITING


async def cmd_export(services: Services, args: argparse.Namespace) -> int:
    import asyncio

    from etims_desktop.app.accountant_export import write_csv, write_xlsx

    export = await services.accountant_export.collect(args.first, args.last, args.device)
    if args.csv:
        paths = await asyncio.to_thread(write_csv, export, args.csv)
    else:
        paths = await asyncio.to_thread(write_xlsx, export, args.xlsx)
    if args.json:
        data = {
            "documents": export.invoice_count,
            "sales": export.sales_count,
            "purchases": export.purchase_count,
            "purchases_waiting": export.purchases_waiting,
            "files": [str(p) for p in paths],
        }
        print(json.dumps(data, indent=2))
    else:
        print(export_text(export, paths))
    return EXIT_OK


def export_text(export: Export, paths: list[Path]) -> str:
    """What `export` wrote, in the chosen language."""
    from PySide6.QtCore import QCoreApplication

    text = (
        QCoreApplication.translate(
            "Cli",
            "Exported %1 sale(s) and credit note(s) signed by KRA and %2 purchase(s) KRA recorded, "
            "from %3 to %4: %5",
        )
        .replace("%1", str(export.sales_count))
        .replace("%2", str(export.purchase_count))
        .replace("%3", export.first_day.isoformat())
        .replace("%4", export.last_day.isoformat())
        .replace("%5", ", ".join(str(p) for p in paths))
    )
    if export.purchases_waiting:
        text += "\n" + QCoreApplication.translate(
            "Cli",
            "%1 purchase(s) not at KRA yet are listed with their status, in no total: sync, then export "
            "again.",
        ).replace("%1", str(export.purchases_waiting))
    return text


async def cmd_reconcile(services: Services, args: argparse.Namespace) -> int:
    result = await services.reconcile.run(args.first, args.last, args.device)
    if args.json:
        print(json.dumps(result.as_dict(), indent=2))
    else:
        lines = [
            f"Checked {result.checked} of {result.total} signed document(s) from {args.first} to {args.last} "
            f"with KRA" + (f" ({result.continued_from} by an earlier run)." if result.continued_from else ".")
        ]
        if not result.total:
            lines.append("There is no signed sale in these days: nothing to check.")
        elif not result.findings and result.complete:
            lines.append("KRA's record agrees with this PC for every one of them.")
        for f in result.findings:
            where = f" [{f.invoice_no}, eTIMS number {f.invc_no}]" if f.invoice_no else ""
            lines.append(f"- {f.device}{where}: {f.plain} What to do: {f.next_step}")
        lines.extend(f"Not finished: {why}" for why in result.stopped)
        print("\n".join(lines))
    if result.mismatches:
        return EXIT_NEEDS_FIX
    return EXIT_OK if result.complete else EXIT_WAITING
