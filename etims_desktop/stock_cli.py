"""`etims-desktop stock list|adjust` and `etims-desktop documents list|resend|cancel`: stock on hand and
the document queue (purchases, imports, stock) from the command line, over the same use cases as the
window (app/stock.py, app/documents.py). cli.py registers these commands; the code lives here."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.stock import ADJUSTMENTS, StockReason

if TYPE_CHECKING:
    from etims_desktop.bootstrap import Services

EXIT_OK, EXIT_WAITING, EXIT_NEEDS_FIX = 0, 1, 2
Runner = Callable[..., Callable[[argparse.Namespace], int]]


def register(commands: Any, run: Runner) -> None:
    """Add the commands to cli.py's subparsers; `run` is cli._run (services, errors, exit codes)."""
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
        f"{r['code']:<20} {r['name']:<30} {r['quantity']:>10}" + ("  (below zero: record what you received)"
        if Decimal(r["quantity"]) < 0 else "")
        for r in rows
    )  # fmt: skip
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
