"""`etims-desktop`: no command opens the window; commands run the same services headless.

Exit codes (sync, status, import): 0 everything signed or up to date, 1 something still waits,
2 something needs your fix, 3 the command itself failed (bad input, keyring, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from decimal import Decimal
from pathlib import Path

from etims_desktop import __version__
from etims_desktop.paths import resolve_data_paths

EXIT_OK, EXIT_WAITING, EXIT_NEEDS_FIX, EXIT_ERROR = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="etims-desktop",
        description="Report every sale to KRA through eTIMS, honestly. Without a command, opens the window.",
        epilog="Exit codes: 0 all signed or up to date, 1 something still waits, 2 something needs your fix, "
        "3 the command failed.",
    )
    parser.add_argument("--version", action="version", version=f"etims-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the database, logs and settings in DIR instead of the usual per-user location",
    )
    parser.add_argument("--practice", action="store_true", help="open the window in practice mode")
    parser.add_argument(
        "--key-password-stdin",
        action="store_true",
        help="read the password of the key file (used when there is no OS keyring) from the first line of stdin",
    )
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    parser.set_defaults(handler=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    device = commands.add_parser("device", help="add, list, initialise or remove eTIMS devices")
    device_cmds = device.add_subparsers(metavar="ACTION", required=True)
    add = device_cmds.add_parser("add", help="add a device (then run 'device init' or 'device key')")
    add.add_argument("--name", required=True)
    add.add_argument("--type", choices=["OSCU", "VSCU"], required=True, type=str.upper)
    add.add_argument("--pin", required=True, help="the taxpayer's KRA PIN, e.g. P051234567X")
    add.add_argument("--branch", default="00", help="branch id KRA gave this device (default 00)")
    add.add_argument("--serial", required=True, help="the device serial number approved by KRA")
    add.add_argument("--environment", choices=["sandbox", "production", "custom"], default=None)
    add.add_argument("--url", help="VSCU service or simulator address, e.g. http://localhost:8088")
    add.add_argument("--nested-paths", action="store_true", help="VSCU jar path style (/trnsSales/saveSales)")
    add.add_argument("--init", action="store_true", help="initialise with KRA right away")
    add.set_defaults(handler=_run(cmd_device_add))
    lst = device_cmds.add_parser("list", help="list devices")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_run(cmd_device_list))
    init = device_cmds.add_parser("init", help="initialise a device with KRA (gets its CMC key)")
    init.add_argument("device_id", type=int)
    init.set_defaults(handler=_run(cmd_device_init))
    key = device_cmds.add_parser("key", help="enter the CMC key of a device initialised elsewhere")
    key.add_argument("device_id", type=int)
    key.add_argument("--scu-id", required=True)
    key.add_argument("--mrc-no")
    key.add_argument("--key-stdin", action="store_true", help="read the key from standard input")
    key.set_defaults(handler=_run(cmd_device_key))
    rm = device_cmds.add_parser("remove", help="remove a device that has no pending sales")
    rm.add_argument("device_id", type=int)
    rm.set_defaults(handler=_run(cmd_device_remove))

    item = commands.add_parser("item", help="manage the item master")
    item_cmds = item.add_subparsers(metavar="ACTION", required=True)
    iadd = item_cmds.add_parser("add", help="add an item (its KRA item code is generated)")
    iadd.add_argument("--name", required=True)
    iadd.add_argument("--class-code", required=True, help="KRA item classification code, e.g. 5020230500")
    iadd.add_argument("--tax", choices=list("ABCDE"), default="B", type=str.upper)
    iadd.add_argument("--price", required=True, type=Decimal, help="VAT-inclusive unit price")
    iadd.add_argument(
        "--type", default="2", choices=["1", "2", "3"], help="1 raw material, 2 product, 3 service"
    )
    iadd.add_argument("--pkg-unit", default="NT")
    iadd.add_argument("--qty-unit", default="U")
    iadd.add_argument("--barcode")
    iadd.set_defaults(handler=_run(cmd_item_add))
    ilist = item_cmds.add_parser("list", help="list items")
    ilist.add_argument("--json", action="store_true")
    ilist.set_defaults(handler=_run(cmd_item_list))

    imp = commands.add_parser("import", help="import sales from a CSV or JSON file (see the README)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--device", type=int, required=True)
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_run(cmd_import))

    keys = commands.add_parser(
        "keys", help="back up or restore the CMC keys of all devices (password-protected)"
    )
    keys_cmds = keys.add_subparsers(metavar="ACTION", required=True)
    export = keys_cmds.add_parser(
        "export", help="write every device's CMC key into one encrypted backup file"
    )
    export.add_argument("file", type=Path)
    export.add_argument("--password-stdin", action="store_true", help="read the backup password from stdin")
    export.set_defaults(handler=_run(cmd_keys_export))
    restore = keys_cmds.add_parser(
        "import", help="put the keys of a backup file into this computer's keyring"
    )
    restore.add_argument("file", type=Path)
    restore.add_argument("--password-stdin", action="store_true", help="read the backup password from stdin")
    restore.set_defaults(handler=_run(cmd_keys_import))

    sync = commands.add_parser("sync", help="sync all devices (or one) and report what really happened")
    sync.add_argument("--device", type=int, action="append", help="only this device (repeatable)")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=_run(cmd_sync))

    status = commands.add_parser("status", help="every device's status and pending sales")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_run(cmd_status))

    history = commands.add_parser("history", help="past sync runs")
    history.add_argument("--device", type=int)
    history.add_argument("--limit", type=int, default=20)
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=_run(cmd_history))

    checked = commands.add_parser(
        "checked",
        help="after looking a sale up on KRA's portal: tell the app whether KRA has it",
        description="A sale that 'needs your check' may or may not be at KRA. Look its eTIMS number up on "
        "KRA's eTIMS portal, then say what you saw. Its number is never given to another sale.",
    )
    checked.add_argument("sale", type=int, help="the sale's number (see 'status' or the device's outbox)")
    seen = checked.add_mutually_exclusive_group(required=True)
    seen.add_argument("--kra-has-it", action="store_true", help="KRA shows it: mark it signed")
    seen.add_argument("--kra-lacks-it", action="store_true", help="KRA does not show it: send it again")
    checked.set_defaults(handler=_run(cmd_checked))

    receipt = commands.add_parser(
        "receipt",
        help="print a sale's receipt on the receipt printer set up in Settings (or write its ESC/POS bytes)",
        description="The first print of a signed receipt is the original; every later one is marked COPY.",
    )
    receipt.add_argument("sale", type=int, help="the sale's number")
    receipt.add_argument(
        "--escpos-file", metavar="FILE", help="write the ESC/POS bytes to FILE (e.g. /dev/usb/lp0)"
    )
    receipt.set_defaults(handler=_run(cmd_receipt))

    from etims_desktop import selftest
    from etims_desktop.kra.simulator import cli as simulator_cli

    simulator_cli.register(commands)
    selftest.register(commands)
    return parser


def _run(command):
    """Wrap an async command: build the services for --data-dir, run, close, map errors to exit 3."""

    def handler(args: argparse.Namespace) -> int:
        from etims_desktop.bootstrap import build_services, setup_logging

        paths = resolve_data_paths(args.data_dir)
        setup_logging(paths)

        async def main() -> int:
            from etims_desktop.storage.secrets import KeyStoreError, UnavailableKeyStore, open_key_store

            # --key-password-stdin: the user chose a password-protected key file (no OS keyring).
            password = sys.stdin.readline().rstrip("\n") if args.key_password_stdin else None
            try:
                key_store = open_key_store(paths.root, allow_session_fallback=False, password=password)
            except KeyStoreError as exc:  # commands that need no key still run; the others say why
                key_store = UnavailableKeyStore(exc)
            services = build_services(paths, key_store=key_store, allow_session_keys=False)
            try:
                return await command(services, args)
            finally:
                await services.aclose()

        try:
            return asyncio.run(main())
        except Exception as exc:  # noqa: BLE001 - a plain message, never a traceback, for the shop owner
            plain = getattr(exc, "plain", None)
            next_step = getattr(exc, "next_step", None)
            text = f"{plain} {next_step}" if plain else str(exc)
            print(f"error: {text}", file=sys.stderr)
            return EXIT_ERROR

    return handler


def _print(args, data, text: str) -> None:
    print(json.dumps(data, indent=2, default=str) if getattr(args, "json", False) else text)


async def cmd_device_add(services, args) -> int:
    from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment

    environment = args.environment or ("custom" if args.url else services.settings.default_environment)
    device = Device(
        id=None,
        name=args.name,
        type=DeviceType(args.type),
        pin=args.pin,
        branch_id=args.branch,
        serial=args.serial,
        environment=Environment(environment),
        base_url=args.url,
        endpoint_style=EndpointStyle.NESTED if args.nested_paths else EndpointStyle.FLAT,
    )
    device = await services.devices.add_device(device)
    print(f"Added device {device.id}: {device.name} ({device.type.value}, {device.type.sync_method}).")
    if args.init:
        device = await services.devices.initialise(device.id)
        print(f"Initialised with KRA: SCU id {device.scu_id}. The CMC key is in the keyring.")
    else:
        print(f"Next: 'etims-desktop device init {device.id}' or 'etims-desktop device key {device.id}'.")
    return EXIT_OK


async def _board(services) -> list[dict]:
    pending = await services.store.pending_summary()
    rows = []
    for device in await services.store.list_devices():
        status = await services.store.get_status(device.id)
        summary = pending.get(device.id)
        counts = await services.store.outbox_counts(device.id)
        rows.append(
            {
                "id": device.id,
                "name": device.name,
                "type": device.type.value,
                "sync_method": device.type.sync_method,
                "pin": device.pin,
                "branch": device.branch_id,
                "serial": device.serial,
                "environment": device.environment.value,
                "practice": device.practice,
                "initialised": device.initialised,
                "scu_id": device.scu_id,
                "status": status.kind.value,
                "status_text": status.plain or status.kind.label,
                "rtt_ms": status.rtt_ms,
                "checked_at": status.checked_at.isoformat() if status.checked_at else None,
                "pending": summary.pending if summary else 0,
                "oldest_pending_at": summary.oldest_pending_at.isoformat()
                if summary and summary.oldest_pending_at
                else None,
                "counts": {state.value: n for state, n in counts.items()},
            }
        )
    return rows


async def cmd_device_list(services, args) -> int:
    rows = await _board(services)
    text = (
        "\n".join(
            f"{r['id']:>3}  {r['name']:<20} {r['type']}  {r['pin']}/{r['branch']}/{r['serial']}  "
            f"{'initialised ' + r['scu_id'] if r['initialised'] else 'not initialised'}"
            for r in rows
        )
        or "No devices yet. Add one with 'etims-desktop device add'."
    )
    _print(args, rows, text)
    return EXIT_OK


async def cmd_device_init(services, args) -> int:
    device = await services.devices.initialise(args.device_id)
    print(f"Initialised {device.name} with KRA: SCU id {device.scu_id}. The CMC key is in the keyring.")
    return EXIT_OK


async def cmd_device_key(services, args) -> int:
    key = sys.stdin.readline().strip() if args.key_stdin else getpass.getpass("CMC key (not shown): ")
    device = await services.devices.enter_existing_key(args.device_id, key, args.scu_id, args.mrc_no)
    status = await services.store.get_status(device.id)
    print(f"Key saved in the keyring for {device.name}. KRA status: {status.plain or status.kind.label}.")
    return EXIT_OK


async def cmd_device_remove(services, args) -> int:
    await services.devices.remove_device(args.device_id)
    print(f"Removed device {args.device_id}.")
    return EXIT_OK


async def cmd_item_add(services, args) -> int:
    from etims_desktop.domain.item import Item
    from etims_desktop.domain.sale import TaxType

    draft = Item(
        code="",
        name=args.name,
        item_class_code=args.class_code,
        tax_type=TaxType(args.tax),
        price=args.price,
        item_type=args.type,
        pkg_unit_code=args.pkg_unit.upper(),
        qty_unit_code=args.qty_unit.upper(),
        barcode=args.barcode,
    )
    item = await services.store.add_item(draft)
    print(f"Added item {item.code}: {item.name}, {item.price} incl. VAT, tax type {item.tax_type.value}.")
    return EXIT_OK


async def cmd_item_list(services, args) -> int:
    items = await services.store.list_items()
    rows = [
        {
            "code": i.code,
            "name": i.name,
            "class_code": i.item_class_code,
            "tax_type": i.tax_type.value,
            "price": str(i.price),
            "pkg_unit": i.pkg_unit_code,
            "qty_unit": i.qty_unit_code,
            "active": i.active,
        }
        for i in items
    ]
    text = "\n".join(f"{r['code']:<20} {r['name']:<30} {r['tax_type']} {r['price']:>12}" for r in rows)
    _print(args, rows, text or "No items yet. Add one with 'etims-desktop item add'.")
    return EXIT_OK


async def cmd_import(services, args) -> int:
    from etims_desktop.sync.importer import ImportRejected

    try:
        result = await services.importer.import_file(args.device, args.file)
    except ImportRejected as exc:
        data = {"imported": 0, "errors": [{"line": e.line, "reason": e.reason} for e in exc.errors]}
        _print(args, data, str(exc))
        return EXIT_ERROR
    data = {"imported": result.created, "already_imported": result.already_imported}
    _print(args, data, f"Queued {result.created} sale(s); {result.already_imported} were already imported.")
    return EXIT_OK


def _password(args, confirm: bool) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("Backup password: ")
    if confirm and getpass.getpass("Same password again: ") != password:
        raise ValueError("The two passwords differ; nothing was written.")
    return password


async def cmd_keys_export(services, args) -> int:
    password = _password(args, confirm=True)
    devices = [d for d in await services.store.list_devices() if not d.practice]
    written = await asyncio.to_thread(services.key_store.export_keys, devices, args.file, password)
    print(f"Wrote {len(written)} CMC key(s) to {args.file}, encrypted with your password. Keep both safe.")
    return EXIT_OK


async def cmd_keys_import(services, args) -> int:
    password = _password(args, confirm=False)
    imported = await asyncio.to_thread(services.key_store.import_keys, args.file, password)
    print(f"Imported {len(imported)} CMC key(s) into {services.key_store.backend_name}.")
    return EXIT_OK


async def cmd_sync(services, args) -> int:
    report = await services.sync.sync(args.device)
    _print(args, report.to_json(), report.summary() or "No devices to sync.")
    return report.exit_code


async def cmd_status(services, args) -> int:
    rows = await _board(services)
    lines = []
    for r in rows:
        waits = f"{r['pending']} waiting" + (
            f" since {r['oldest_pending_at']}" if r["oldest_pending_at"] else ""
        )
        fixes = r["counts"].get("needs_fix", 0)
        checks = r["counts"].get("needs_check", 0)
        lines.append(
            f"{r['name']} ({r['type']}, {r['sync_method']}): {r['status_text']}; {waits}"
            + (f"; {fixes} need your fix" if fixes else "")
            + (f"; {checks} need your check on KRA's portal" if checks else "")
        )
    _print(args, rows, "\n".join(lines) or "No devices yet.")
    if any(r["counts"].get("needs_fix") or r["counts"].get("needs_check") for r in rows):
        return EXIT_NEEDS_FIX
    return EXIT_WAITING if any(r["pending"] for r in rows) else EXIT_OK


async def cmd_history(services, args) -> int:
    runs = await services.store.list_sync_runs(args.device, args.limit)
    data = [
        {
            "run_id": r.id,
            "scope": r.scope,
            "started_at": r.started_at.isoformat(),
            "finished_at": r.finished_at.isoformat() if r.finished_at else None,
            "devices": r.per_device,
        }
        for r in runs
    ]
    text = "\n".join(
        f"#{d['run_id']} {d['started_at']}: "
        + "; ".join(f"{v.get('device_name')}: {v.get('summary')}" for v in (d["devices"] or {}).values())
        for d in data
    )
    _print(args, data, text or "No sync has run yet.")
    return EXIT_OK


async def cmd_checked(services, args) -> int:
    if args.kra_has_it:
        await services.store.confirm_recorded(args.sale)
        print(f"Sale {args.sale} is marked signed: KRA has it. Its receipt details are to be completed.")
        return EXIT_OK
    await services.store.send_again_same_number(args.sale)
    entry = await services.store.get_entry(args.sale)
    services.sync.notify(entry.device_id)
    print(f"Sale {args.sale} goes to KRA again with its own eTIMS number {entry.invc_no} at the next sync.")
    return EXIT_WAITING


async def cmd_receipt(services, args) -> int:
    from etims_desktop.printing.escpos_receipt import receipt_bytes
    from etims_desktop.printing.print_job import print_receipt
    from etims_desktop.printing.printers import PrinterProblem
    from etims_desktop.printing.settings import load_printer, load_rules
    from etims_desktop.sync.print_log import OriginalPrints
    from etims_desktop.sync.receipts import PendingPrints, receipt_view

    originals = OriginalPrints(services.paths.root)
    printer = load_printer(services.paths.settings)
    view = load_rules(services.paths.settings).apply(
        await receipt_view(services, args.sale), copy=originals.issued(args.sale)
    )
    try:
        if args.escpos_file:
            data = await asyncio.to_thread(receipt_bytes, view, width=printer.line_width, cut=printer.cut)
            await asyncio.to_thread(Path(args.escpos_file).write_bytes, data)
        else:
            await print_receipt(printer, view)
    except (PrinterProblem, OSError) as exc:
        print(f"error: not printed: {exc}", file=sys.stderr)
        return EXIT_ERROR
    PendingPrints(services.paths.root).record_print(view)
    originals.record(view)
    kind = "PENDING receipt" if view.pending else ("COPY" if view.copy else "original receipt")
    print(f"Printed the {kind} of sale {args.sale} ({view.trader_invoice_no}).")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.handler is not None:
        return int(args.handler(args) or 0)
    paths = resolve_data_paths(args.data_dir)
    from etims_desktop.ui.app import run_app

    return run_app(paths, practice=args.practice, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
