"""`etims-desktop purchases list|accept|reject|add`, `imports list|accept|reject`, `stock list|adjust` and
`documents list|resend|cancel`: purchases, customs imports, stock on hand and the document queue from the
command line, over the same use cases as the window (app/purchases.py, app/imports.py, app/stock.py,
app/documents.py). cli.py registers these commands; the code lives here."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.stock import ADJUSTMENTS, StockReason

if TYPE_CHECKING:
    from etims_desktop.bootstrap import Services

EXIT_OK, EXIT_WAITING, EXIT_NEEDS_FIX = 0, 1, 2
Runner = Callable[..., Callable[[argparse.Namespace], int]]


def register(commands: Any, run: Runner) -> None:
    """Add the commands to cli.py's subparsers; `run` is cli._run (services, errors, exit codes)."""
    register_purchases_imports(commands, run)
    stock = commands.add_parser(
        "stock", help="stock on hand per device, and adjustments (opening stock, damage, counts)"
    )
    stock_cmds = stock.add_subparsers(metavar="ACTION", required=True)
    slist = stock_cmds.add_parser("list", help="every stocked item's quantity on hand on a device")
    slist.add_argument("--device", type=int, required=True)
    slist.add_argument("--json", action="store_true")
    slist.set_defaults(handler=run(cmd_stock_list))
    adjust = stock_cmds.add_parser(
        "adjust",
        help="record opening stock, goods received, damage or a stock count; it is reported to KRA at the next sync",
        description="QUANTITY is how many came in (opening, received), how many were damaged or thrown away "
        "(damage), or how many you counted on the shelf (count).",
    )
    adjust.add_argument("item", help="the item's code (see 'item list')")
    adjust.add_argument("quantity", type=_quantity)
    adjust.add_argument("--device", type=int, required=True)
    adjust.add_argument("--reason", required=True, choices=[r.value for r in ADJUSTMENTS])
    adjust.add_argument("--note", help="why, in your words (kept with the movement, sent as its remark)")
    adjust.add_argument("--json", action="store_true")
    adjust.set_defaults(handler=run(cmd_stock_adjust))

    documents = commands.add_parser(
        "documents", help="purchase confirmations, import answers and stock reports on their way to KRA"
    )
    doc_cmds = documents.add_subparsers(metavar="ACTION", required=True)
    dlist = doc_cmds.add_parser("list", help="the documents, newest first")
    dlist.add_argument("--device", type=int)
    dlist.add_argument("--state", choices=[s.value for s in DocumentState])
    dlist.add_argument("--limit", type=int, default=50)
    dlist.add_argument("--json", action="store_true")
    dlist.set_defaults(handler=run(cmd_documents_list))
    for name, helptext, command in (
        ("resend", "send a refused document again, once its cause is fixed", cmd_documents_resend),
        ("cancel", "give up a document KRA does not have (the ones after it then go)", cmd_documents_cancel),
    ):
        action = doc_cmds.add_parser(name, help=helptext)
        action.add_argument("document", type=int, help="the document's number (see 'documents list')")
        action.add_argument("--json", action="store_true")
        action.set_defaults(handler=run(command))


def register_purchases_imports(commands: Any, run: Runner) -> None:
    purchases = commands.add_parser(
        "purchases", help="suppliers' invoices to your PIN: confirm or reject them"
    )
    p_cmds = purchases.add_subparsers(metavar="ACTION", required=True)
    plist = p_cmds.add_parser("list", help="fetch new suppliers' invoices from KRA, then list them")
    plist.add_argument("--device", type=int, required=True)
    plist.add_argument("--no-fetch", action="store_true", help="list what is stored; do not ask KRA")
    plist.add_argument("--json", action="store_true")
    plist.set_defaults(handler=run(cmd_purchases_list))
    paccept = p_cmds.add_parser(
        "accept",
        help="confirm a supplier's invoice to KRA; its goods come into stock",
        description="Each line becomes an item of your item list: give --map LINE=ITEMCODE, or a line is "
        "matched to an item of the same name, or a new item is created from the supplier's line.",
    )
    paccept.add_argument("purchase", type=int)
    paccept.add_argument("--map", action="append", default=[], metavar="LINE=ITEMCODE")
    paccept.add_argument("--json", action="store_true")
    paccept.set_defaults(handler=run(cmd_purchases_accept))
    preject = p_cmds.add_parser("reject", help="tell KRA a supplier's invoice is not a purchase of yours")
    preject.add_argument("purchase", type=int)
    preject.add_argument("--json", action="store_true")
    preject.set_defaults(handler=run(cmd_purchases_reject))
    padd = p_cmds.add_parser("add", help="declare a purchase from a supplier without eTIMS")
    padd.add_argument("--device", type=int, required=True)
    padd.add_argument("--supplier", required=True, help="the supplier's name")
    padd.add_argument("--supplier-pin")
    padd.add_argument("--invoice-no", type=int, help="the supplier's invoice number, if any")
    padd.add_argument("--date", help="the purchase date, YYYY-MM-DD (default: today)")
    padd.add_argument("--line", action="append", required=True, metavar="ITEMCODE:QTY:PRICE")
    padd.add_argument("--json", action="store_true")
    padd.set_defaults(handler=run(cmd_purchases_add))

    imports = commands.add_parser(
        "imports", help="customs import lines addressed to you: accept or reject them"
    )
    i_cmds = imports.add_subparsers(metavar="ACTION", required=True)
    ilist = i_cmds.add_parser("list", help="fetch new import lines from KRA, then list them")
    ilist.add_argument("--device", type=int, required=True)
    ilist.add_argument("--no-fetch", action="store_true", help="list what is stored; do not ask KRA")
    ilist.add_argument("--json", action="store_true")
    ilist.set_defaults(handler=run(cmd_imports_list))
    iaccept = i_cmds.add_parser(
        "accept",
        help="accept an import line as an item of your item list; its quantity comes into stock",
        description="Give --item ITEMCODE, or create a new item with --class-code and --price.",
    )
    iaccept.add_argument("line", type=int)
    iaccept.add_argument("--item", help="the item code it is (see 'item list')")
    iaccept.add_argument("--class-code", help="new item: its KRA item classification code")
    iaccept.add_argument("--price", type=_quantity, help="new item: its shelf price, VAT-inclusive")
    iaccept.add_argument("--tax", default="B", choices=list("ABCDE"), type=str.upper)
    iaccept.add_argument("--name", help="new item: its name (default: the import line's)")
    iaccept.add_argument("--json", action="store_true")
    iaccept.set_defaults(handler=run(cmd_imports_accept))
    ireject = i_cmds.add_parser("reject", help="tell KRA an import line is not yours")
    ireject.add_argument("line", type=int)
    ireject.add_argument("--remark", help="why (sent to KRA, at most 400 characters)")
    ireject.add_argument("--json", action="store_true")
    ireject.set_defaults(handler=run(cmd_imports_reject))


def _quantity(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a quantity; write it like 12 or 2.5") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} is not a quantity; write it like 12 or 2.5")
    return value


def _print(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, indent=2, default=str) if getattr(args, "json", False) else text)


async def cmd_stock_list(services: Services, args: argparse.Namespace) -> int:
    await services.store.get_device(args.device)  # a plain "no such device" first
    balances = await services.stock.balances(args.device)
    rows = [
        {
            "code": b.item_code,
            "name": b.name,
            "quantity": str(b.quantity),
            "last_moved_at": b.last_moved_at.isoformat() if b.last_moved_at else None,
        }
        for b in balances
    ]
    text = "\n".join(
        f"{b.item_code:<20} {b.name:<30} {b.quantity:>10f}"
        + ("  (below zero: record what you received)" if b.quantity < 0 else "")
        for b in balances
    )
    _print(args, rows, text or "No stocked items yet. Add one with 'etims-desktop item add'.")
    return EXIT_OK


async def cmd_stock_adjust(services: Services, args: argparse.Namespace) -> int:
    await services.store.get_device(args.device)
    done = await services.stock.adjust(
        args.device, args.item, args.quantity, StockReason(args.reason), args.note
    )
    data = {
        "document": done.document_id,
        "item": done.item.code,
        "change": str(done.change),
        "balance": str(done.balance),
    }
    _print(
        args,
        data,
        f"Recorded: {done.item.name} {done.change:+f}, now {done.balance:f} in stock. "
        "It is reported to KRA at the next sync.",
    )
    return EXIT_OK


def _document_row(document: Any) -> dict[str, Any]:
    return {
        "id": document.id,
        "device": document.device_id,
        "kind": document.kind.value,
        "group": document.kind.group,
        "state": document.state.value,
        "number": document.number,
        "summary": document.summary,
        "error": document.last_error_message,
        "created_at": document.created_at.isoformat() if document.created_at else None,
        "sent_at": document.sent_at.isoformat() if document.sent_at else None,
    }


async def cmd_documents_list(services: Services, args: argparse.Namespace) -> int:
    states = [DocumentState(args.state)] if args.state else None
    documents = await services.documents.list(args.device, None, states, args.limit)
    rows = [_document_row(d) for d in documents]
    text = "\n".join(
        f"{r['id']:>6}  {DocumentKind(r['kind']).label():<22} {DocumentState(r['state']).label:<34} {r['summary']}"
        + (f"\n        {r['error']}" if r["error"] and r["state"] == "needs_fix" else "")
        for r in rows
    )
    _print(args, rows, text or "No purchase, import or stock documents yet.")
    if any(d.state is DocumentState.NEEDS_FIX for d in documents):
        return EXIT_NEEDS_FIX
    return EXIT_WAITING if any(d.state.pending for d in documents) else EXIT_OK


async def cmd_documents_resend(services: Services, args: argparse.Namespace) -> int:
    document = await services.documents.resend(args.document)
    _print(args, _document_row(document), f"Queued again: {document.summary}. It goes at the next sync.")
    return EXIT_OK


async def cmd_documents_cancel(services: Services, args: argparse.Namespace) -> int:
    document = await services.documents.cancel(args.document)
    _print(args, _document_row(document), f"Cancelled: {document.summary}.")
    return EXIT_OK


async def _fetch(fetch: Callable[[int], Any], device_id: int) -> str | None:
    """Fetch from KRA; offline or refused is said plainly and the stored list is still shown."""
    from etims_desktop.domain.errors import explain
    from etims_desktop.kra.errors import KraError

    try:
        new = await fetch(device_id)
    except KraError as exc:
        return f"Could not ask KRA for new ones: {explain(exc)} Showing what is stored."
    return f"{new} new from KRA." if new else "Nothing new from KRA."


def _purchase_row(p: Any) -> dict[str, Any]:
    return {
        "id": p.id,
        "device": p.device_id,
        "source": p.source,
        "supplier": p.supplier_name,
        "supplier_pin": p.supplier_pin,
        "supplier_invoice_no": p.supplier_invoice_no,
        "date": p.purchased_on.date().isoformat(),
        "total": str(p.total),
        "total_tax": str(p.total_tax),
        "totals_by_tax_type": {k: str(v) for k, v in p.totals_by_tax_type.items()},
        "state": p.state,
        "confirmation": p.document_state.value if p.document_state else None,
        "lines": [
            {"line": line.seq, "name": line.name, "qty": str(line.qty), "price": str(line.unit_price),
             "tax_type": line.tax_type, "total": str(line.total)}
            for line in p.lines
        ],
    }  # fmt: skip


async def cmd_purchases_list(services: Services, args: argparse.Namespace) -> int:
    await services.store.get_device(args.device)
    note = None if args.no_fetch else await _fetch(services.purchases.fetch, args.device)
    rows = [_purchase_row(p) for p in await services.purchases.list(args.device)]
    lines = [note] if note else []
    for r in rows:
        taxes = ", ".join(f"{t} {v}" for t, v in r["totals_by_tax_type"].items())
        sent = f", confirmation {DocumentState(r['confirmation']).label}" if r["confirmation"] else ""
        lines.append(
            f"{r['id']:>5}  {r['date']}  {r['supplier']:<28} invoice {r['supplier_invoice_no'] or '-':<8} "
            f"total {r['total']:>10} ({taxes})  {r['state']}{sent}"
        )
    _print(args, rows, "\n".join(lines) if rows else "\n".join([*lines, "No purchases yet."]))
    return EXIT_NEEDS_FIX if any(r["state"] == "new" for r in rows) else EXIT_OK


async def cmd_purchases_accept(services: Services, args: argparse.Namespace) -> int:
    mapping: dict[int, str] = {}
    for pair in args.map:
        line, _, code = pair.partition("=")
        if not line.strip().isdigit() or not code.strip():
            raise argparse.ArgumentTypeError(
                f"--map {pair!r}: write it as LINE=ITEMCODE, e.g. --map 1=KE2NTU0000001"
            )
        mapping[int(line)] = code.strip()
    done = await services.purchases.accept(args.purchase, mapping)
    created = ", ".join(f"{i.name} ({i.code})" for i in done.created_items)
    _print(
        args,
        {
            **_purchase_row(done.purchase),
            "document": done.document_id,
            "created_items": [i.code for i in done.created_items],
        },
        f"Accepted the invoice from {done.purchase.supplier_name}; KRA is told at the next sync."
        + (f" New items: {created}." if created else ""),
    )
    return EXIT_OK


async def cmd_purchases_reject(services: Services, args: argparse.Namespace) -> int:
    done = await services.purchases.reject(args.purchase)
    _print(
        args,
        {**_purchase_row(done.purchase), "document": done.document_id},
        f"Rejected the invoice from {done.purchase.supplier_name}; KRA is told at the next sync.",
    )
    return EXIT_OK


async def cmd_purchases_add(services: Services, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    items = []
    for text in args.line:
        parts = text.split(":")
        if len(parts) != 3:
            raise argparse.ArgumentTypeError(
                f"--line {text!r}: write it as ITEMCODE:QTY:PRICE, e.g. KE2NTU0000001:5:180"
            )
        items.append((parts[0], _quantity(parts[1]), _quantity(parts[2])))
    when = datetime.now(UTC)
    if args.date:
        try:
            when = datetime.strptime(args.date, "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
        except ValueError:
            raise DomainValidationError(f"--date {args.date!r}: write it as YYYY-MM-DD") from None
    done = await services.purchases.record_manual(
        args.device, args.supplier, items, purchased_on=when, supplier_pin=args.supplier_pin,
        supplier_invoice_no=args.invoice_no,
    )  # fmt: skip
    _print(
        args,
        {**_purchase_row(done.purchase), "document": done.document_id},
        f"Recorded the purchase from {done.purchase.supplier_name} (total {done.purchase.total}); "
        "KRA is told at the next sync.",
    )
    return EXIT_OK


def _import_row(line: Any) -> dict[str, Any]:
    return {
        "id": line.id,
        "device": line.device_id,
        "task_code": line.task_code,
        "item_seq": line.item_seq,
        "declaration_no": line.declaration_no,
        "declared_on": line.declared_on,
        "hs_code": line.hs_code,
        "name": line.name,
        "quantity": str(line.quantity),
        "supplier": line.supplier_name,
        "state": line.state,
        "item_code": line.item_code,
        "answer": line.document_state.value if line.document_state else None,
    }


async def cmd_imports_list(services: Services, args: argparse.Namespace) -> int:
    await services.store.get_device(args.device)
    note = None if args.no_fetch else await _fetch(services.imports.fetch, args.device)
    rows = [_import_row(line) for line in await services.imports.list(args.device)]
    lines = [note] if note else []
    lines += [
        f"{r['id']:>5}  {r['task_code']}/{r['item_seq']}  {r['name']:<28} qty {r['quantity']:>8}  {r['state']}"
        + (f" as {r['item_code']}" if r["item_code"] else "")
        for r in rows
    ]
    _print(args, rows, "\n".join(lines) if rows else "\n".join([*lines, "No import lines yet."]))
    return EXIT_NEEDS_FIX if any(r["state"] == "new" for r in rows) else EXIT_OK


async def cmd_imports_accept(services: Services, args: argparse.Namespace) -> int:
    from etims_desktop.app.imports import NewItem
    from etims_desktop.domain.sale import TaxType

    new_item = None
    if args.class_code or args.price is not None:
        if not (args.class_code and args.price is not None):
            raise DomainValidationError("A new item needs both --class-code and --price.")
        new_item = NewItem(args.class_code, args.price, TaxType(args.tax), args.name)
    done = await services.imports.accept(args.line, args.item, new_item)
    made = f" New item: {done.created_item.name} ({done.created_item.code})." if done.created_item else ""
    _print(
        args,
        {**_import_row(done.line), "document": done.document_id},
        f"Accepted import {done.line.task_code}/{done.line.item_seq} as {done.line.item_code}; KRA is told at "
        f"the next sync.{made}",
    )
    return EXIT_OK


async def cmd_imports_reject(services: Services, args: argparse.Namespace) -> int:
    done = await services.imports.reject(args.line, args.remark)
    _print(
        args,
        {**_import_row(done.line), "document": done.document_id},
        f"Rejected import {done.line.task_code}/{done.line.item_seq}; KRA is told at the next sync.",
    )
    return EXIT_OK
