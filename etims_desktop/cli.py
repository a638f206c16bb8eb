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
from typing import TYPE_CHECKING, Any

from etims_desktop import __version__
from etims_desktop.cli_words import (
    core,
    error_line,
    plain,
    said,
    say,
    start_language,
    status_text,
    sync_text,
    warning_line,
)
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.paths import resolve_data_paths

if TYPE_CHECKING:
    from etims_desktop.bootstrap import Services


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
    add.add_argument(
        "--connection",
        choices=["classic", "gateway"],
        default="classic",
        help="OSCU: KRA's classic eTIMS API (default) or KRA's API gateway on developer.go.ke "
        "(needs --consumer-key and --apigee-app-id; with --url, the gateway's .../etims-oscu/api/v1 address)",
    )
    _gateway_arguments(add, required=False)
    add.add_argument("--init", action="store_true", help="initialise with KRA right away")
    add.set_defaults(handler=_run(cmd_device_add))
    gateway = device_cmds.add_parser(
        "gateway", help="enter or replace a gateway device's developer.go.ke credentials (tested first)"
    )
    gateway.add_argument("device_id", type=int)
    _gateway_arguments(gateway, required=True)
    gateway.set_defaults(handler=_run(cmd_device_gateway))
    lst = device_cmds.add_parser("list", help="list devices")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--all", action="store_true", help="also retired devices (removed, records kept)")
    lst.set_defaults(handler=_run(cmd_device_list))
    init = device_cmds.add_parser("init", help="initialise a device with KRA (gets its CMC key)")
    init.add_argument("device_id", type=int)
    init.set_defaults(handler=_run(cmd_device_init))
    key = device_cmds.add_parser("key", help="enter the CMC key of a device initialised elsewhere")
    key.add_argument("device_id", type=int)
    key.add_argument("--scu-id", required=True)
    key.add_argument("--mrc-no")
    key.add_argument("--key-stdin", action="store_true", help="read the key from standard input")
    key.add_argument(
        "--unverified",
        action="store_true",
        help="save the key even if KRA cannot be reached to check it (only for a device that has no key yet)",
    )
    key.set_defaults(handler=_run(cmd_device_key))
    rm = device_cmds.add_parser(
        "remove",
        help="retire a device that signed sales (its records are kept); delete one that signed none",
    )
    rm.add_argument("device_id", type=int)
    rm.add_argument(
        "--yes", action="store_true", help="delete without asking (only a device with no signed sale)"
    )
    rm.set_defaults(handler=_run(cmd_device_remove))

    item = commands.add_parser("item", help="manage the item master")
    item_cmds = item.add_subparsers(metavar="ACTION", required=True)
    iadd = item_cmds.add_parser("add", help="add an item (its KRA item code is generated)")
    iadd.add_argument("--name", required=True)
    iadd.add_argument("--class-code", required=True, help="KRA item classification code, e.g. 5020230500")
    iadd.add_argument("--tax", choices=list("ABCDE"), default="B", type=str.upper)
    iadd.add_argument("--price", required=True, type=_decimal, help="VAT-inclusive unit price, more than 0")
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

    receipt = commands.add_parser(
        "receipt",
        help="print a sale's receipt: on the receipt printer set up in Settings, or as a PDF",
        description="A signed sale prints as KRA signed it. The first print of a signed receipt is the "
        "original; every later one - paper, PDF or receipt printer - is marked COPY.",
    )
    receipt.add_argument("sale_id", type=int, help="the sale's number (the Sales tab's first column)")
    where = receipt.add_mutually_exclusive_group()
    where.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF instead of printing")
    where.add_argument(
        "--escpos-file", type=Path, metavar="FILE", help="write the ESC/POS bytes to FILE (e.g. /dev/usb/lp0)"
    )
    receipt.add_argument(
        "--layout", choices=["a4", "thermal80", "thermal58"], default="a4", help="the PDF's page (with --pdf)"
    )
    receipt.set_defaults(handler=_run(cmd_receipt))

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

    backup = commands.add_parser("backup", help="make a checked copy of the database now")
    backup.add_argument("--to", metavar="DIR", type=Path, help="put it in DIR (default: the backup folder)")
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(handler=cmd_backup)
    restore_cmd = commands.add_parser(
        "restore", help="put a backup back in place of the database (close the window first)"
    )
    restore_cmd.add_argument("file", type=Path)
    restore_cmd.add_argument(
        "--force", action="store_true", help="restore even a backup older than what KRA already signed"
    )
    restore_cmd.set_defaults(handler=cmd_restore)

    sync = commands.add_parser("sync", help="sync all devices (or one) and report what really happened")
    sync.add_argument("--device", type=int, action="append", help="only this device (repeatable)")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=_run(cmd_sync))

    golive = commands.add_parser(
        "golive",
        help="run KRA's certification flow against the sandbox or a simulator and write the evidence",
        description="Initialise (or verify), code lists, item classes, branches, notices, taxpayer lookup, "
        "an item, a sale and a credit note, an invoice lookup: pass/fail per step, with every request and "
        "reply (secrets masked). Never against a production device.",
    )
    golive.add_argument("--device", type=int, required=True)
    golive.add_argument("--json", action="store_true", help="print the whole evidence report as JSON")
    golive.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="write the JSON report here (default: DATA_DIR/golive/...)",
    )
    golive.add_argument("--pdf", type=Path, metavar="FILE", help="also write the report as a PDF")
    golive.set_defaults(handler=_run(cmd_golive, recorded=True))

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

    from etims_desktop import cli_reports, selftest
    from etims_desktop.kra.simulator import cli as simulator_cli

    simulator_cli.register(commands)
    selftest.register(commands)
    from etims_desktop import stock_cli

    stock_cli.register(commands, _run)  # stock, documents (and purchases, imports): stock_cli.py
    cli_reports.register(commands, _run)  # report day, export, reconcile
    return parser


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount; write it like 250.00") from None


def _gateway_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--consumer-key", required=required, help="gateway: your developer.go.ke app's consumer key"
    )
    parser.add_argument("--apigee-app-id", required=required, help="gateway: your developer.go.ke app's id")
    parser.add_argument(
        "--secrets-stdin",
        action="store_true",
        help="gateway: read the consumer secret (line 1) and KRA's integration token (line 2) from stdin "
        "instead of asking for them",
    )


def _gateway_credentials(args):
    """The gateway credentials from the arguments; the secret and integration token from stdin or a prompt."""
    from etims_desktop.domain.gateway_credentials import GatewayCredentials

    if args.secrets_stdin:
        secret = sys.stdin.readline().strip()
        token = sys.stdin.readline().strip()
    else:
        secret = getpass.getpass("Consumer secret (not shown): ")
        token = getpass.getpass("KRA integration token (not shown; Enter if you have none yet): ")
    return GatewayCredentials(args.consumer_key, secret, args.apigee_app_id, token or None)


def _run(command, *, recorded: bool = False):
    """Wrap an async command: build the services for --data-dir, run, close, map errors to exit 3.

    `recorded`: the services' HTTP client keeps every exchange (args.recorder), for evidence reports."""

    def handler(args: argparse.Namespace) -> int:
        from etims_desktop.bootstrap import build_services, setup_logging

        async def main(paths) -> int:
            from etims_desktop.storage.secrets import (
                KeyStore,
                KeyStoreError,
                UnavailableKeyStore,
                open_key_store,
            )

            # --key-password-stdin: the user chose a password-protected key file (no OS keyring).
            password = sys.stdin.readline().rstrip("\n") if args.key_password_stdin else None
            key_store: KeyStore | UnavailableKeyStore
            try:
                key_store = open_key_store(paths.root, allow_session_fallback=False, password=password)
            except KeyStoreError as exc:  # commands that need no key still run; the others say why
                key_store = UnavailableKeyStore(exc)
            http = None
            if recorded:
                from etims_desktop.kra.client import DEFAULT_LIMITS, make_http_client, tls_context
                from etims_desktop.kra.recording import RecordingTransport
                from etims_desktop.kra.transport import AiohttpTransport

                args.recorder = RecordingTransport(
                    AiohttpTransport(verify=tls_context(), limits=DEFAULT_LIMITS)
                )
                http = make_http_client(transport=args.recorder)
            args.paths = paths
            services = build_services(paths, key_store=key_store, http=http, allow_session_keys=False)
            try:
                if services.store.damage:  # nothing runs on a damaged database; say what to do
                    print(await damage_message(services), file=sys.stderr)
                    return EXIT_ERROR
                return await command(services, args)
            finally:
                await services.aclose()

        try:
            paths = resolve_data_paths(args.data_dir)
            problem = setup_logging(paths)
            if problem:  # no log file is no reason to refuse the command
                print(warning_line(problem), file=sys.stderr)
            return asyncio.run(main(paths))
        except Exception as exc:  # noqa: BLE001 - a plain message, never a traceback, for the shop owner
            from etims_desktop.cli_words import plain
            from etims_desktop.storage.secrets import KeyringUnavailable

            text = plain(exc)
            if isinstance(exc, KeyringUnavailable) and not args.key_password_stdin:
                hint = QT_TRANSLATE_NOOP(
                    "Cli",
                    "On the command line: put --key-password-stdin before the command and give the key file's "
                    "password as the first line of stdin, e.g. %1",
                )
                text += " " + said(
                    hint, 'echo "$PASSWORD" | etims-desktop --key-password-stdin device init 1'
                )
            print(error_line(text), file=sys.stderr)
            return EXIT_ERROR

    return handler


def _print(args, data, text: str) -> None:
    print(json.dumps(data, indent=2, default=str) if getattr(args, "json", False) else text)


async def cmd_device_add(services: Services, args) -> int:
    from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment

    environment = args.environment or ("custom" if args.url else services.settings.default_environment)
    if args.connection == "gateway":
        style = EndpointStyle.GATEWAY
    else:
        style = EndpointStyle.NESTED if args.nested_paths else EndpointStyle.FLAT
    device = Device(
        id=None,
        name=args.name,
        type=DeviceType(args.type),
        pin=args.pin,
        branch_id=args.branch,
        serial=args.serial,
        environment=Environment(environment),
        base_url=args.url,
        endpoint_style=style,
    )
    credentials = None
    if device.via_gateway:
        if not (args.consumer_key and args.apigee_app_id):
            needs = QT_TRANSLATE_NOOP("Cli", "--connection gateway needs --consumer-key and --apigee-app-id.")
            print(error_line(said(needs)), file=sys.stderr)
            return EXIT_ERROR
        credentials = _gateway_credentials(args)
        seconds = await services.devices.test_connection(device, credentials)  # nothing is saved if it fails
        print(said(QT_TRANSLATE_NOOP("Cli", "KRA's API gateway accepted the consumer key and secret (%1 ms)."),
                   f"{seconds * 1000:.0f}"))  # fmt: skip
    device = await services.devices.add_device(device)
    if credentials is not None:
        await services.devices.set_gateway_credentials(device.saved_id, credentials, test=False)
    added = QT_TRANSLATE_NOOP("Cli", "Added device %1: %2 (%3, %4).")
    print(said(added, device.id, device.name, device.type.value, say(device.type.sync_method)))
    if args.init:
        device = await services.devices.initialise(device.saved_id)
        initialised = QT_TRANSLATE_NOOP("Cli", "Initialised with KRA: SCU id %1. %2")
        print(said(initialised, device.scu_id, _key_kept(services)))
    else:
        print(said(QT_TRANSLATE_NOOP("Cli", "Next: 'etims-desktop device init %1' or 'etims-desktop device key %1'."),
                   device.id))  # fmt: skip
    return EXIT_OK


def _key_kept(services: Services) -> str:
    """Where the key really went: the OS keyring or the password-locked key file."""
    from etims_desktop.storage.secrets import where_keys_are

    return said(
        QT_TRANSLATE_NOOP("Cli", "The CMC key is kept in %1."), core(where_keys_are(services.key_store))
    )


async def _board(services: Services, include_retired: bool = False) -> list[dict]:
    rows = []
    for entry in await services.board.entries(include_retired):
        device, status, counts = entry.device, entry.status, entry.counts
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
                "connection": "gateway" if device.via_gateway else "classic",
                "practice": device.practice,
                "retired": device.retired,
                "initialised": device.initialised,
                "scu_id": device.scu_id,
                "status": status.kind.value,
                "status_text": status.plain or status.kind.label,
                "rtt_ms": status.rtt_ms,
                "checked_at": status.checked_at.isoformat() if status.checked_at else None,
                "pending": entry.pending,
                "oldest_pending_at": entry.oldest_pending_at.isoformat() if entry.oldest_pending_at else None,
                "counts": {state.value: n for state, n in counts.items()},
                "pending_by_kind": entry.pending_by_kind,  # sales, purchases, imports, stock
                "needs_fix_by_kind": entry.needs_fix_by_kind,
            }
        )
    return rows


async def cmd_device_list(services: Services, args) -> int:
    rows = await _board(services, include_retired=args.all)
    text = "\n".join(
        f"{r['id']:>3}  {r['name']:<20} {r['type']}  {r['pin']}/{r['branch']}/{r['serial']}  "
        + (say("initialised %1").replace("%1", r["scu_id"]) if r["initialised"] else say("not initialised"))
        + ("  " + say("(retired: records kept, sends nothing)") if r["retired"] else "")
        for r in rows
    ) or say("No devices yet. Add one with 'etims-desktop device add'.")
    _print(args, rows, text)
    return EXIT_OK


async def cmd_device_init(services: Services, args) -> int:
    device = await services.devices.initialise(args.device_id)
    initialised = QT_TRANSLATE_NOOP("Cli", "Initialised %1 with KRA: SCU id %2. %3")
    print(said(initialised, device.name, device.scu_id, _key_kept(services)))
    return EXIT_OK


async def cmd_device_key(services: Services, args) -> int:
    from etims_desktop.app.devices import KeyNotVerified

    prompt = said(QT_TRANSLATE_NOOP("Cli", "CMC key (not shown): "))
    key = sys.stdin.readline().strip() if args.key_stdin else getpass.getpass(prompt)
    try:
        device = await services.devices.enter_existing_key(
            args.device_id, key, args.scu_id, args.mrc_no, unverified=args.unverified
        )
    except KeyNotVerified as exc:
        if not exc.had_key and not exc.refused:  # KRA unreachable and no old key: nothing to lose
            exc.next_step = f"{exc.next_step or ''} {UNVERIFIED_HINT}".strip()
        raise
    status = await services.store.get_status(device.saved_id)
    if status.kind.value == "online":
        saved = QT_TRANSLATE_NOOP("Cli", "Key checked with KRA and saved for %1. %2 KRA status: %3.")
    else:
        saved = QT_TRANSLATE_NOOP("Cli", "Key saved WITHOUT a check for %1. %2 KRA status: %3.")
    status_text = core(status.plain or status.kind.label).rstrip(".")
    print(said(saved, device.name, _key_kept(services), status_text))
    return EXIT_OK


PASS, FAIL = QT_TRANSLATE_NOOP("Cli", "PASS"), QT_TRANSLATE_NOOP("Cli", "FAIL")  # the Go-Live check's steps
# added to a core sentence's next step, so it is a core sentence too (cli_words.plain translates it)
UNVERIFIED_HINT = QT_TRANSLATE_NOOP(
    "Core", "If you are sure of the key, save it unchecked with --unverified."
)


async def cmd_device_gateway(services: Services, args) -> int:
    device = await services.devices.set_gateway_credentials(args.device_id, _gateway_credentials(args))
    print(
        said(
            QT_TRANSLATE_NOOP("Cli", "Gateway credentials tested and saved in the keyring for %1."),
            device.name,
        )
    )
    return EXIT_OK


async def cmd_golive(services: Services, args) -> int:
    from datetime import UTC, datetime

    from etims_desktop.app.golive import GoLiveCheck

    report = await GoLiveCheck(services, args.recorder).run(args.device)
    path = (
        args.report
        or args.paths.root / "golive" / f"golive-device{args.device}-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report.to_json(), encoding="utf-8")
    if args.pdf:
        from etims_desktop.golive_pdf import write_pdf

        write_pdf(report, args.pdf)
    if args.json:
        print(report.to_json())
    else:
        for step in report.steps:
            mark = said(PASS if step.passed else FAIL)
            print(f"{mark}  {core(step.name)}: {core(step.detail)}")
        if report.passed:
            verdict = QT_TRANSLATE_NOOP("Cli", "Go-Live check all steps passed. Evidence: %1")
        else:
            verdict = QT_TRANSLATE_NOOP("Cli", "Go-Live check some steps failed. Evidence: %1")
        evidence = said(QT_TRANSLATE_NOOP("Cli", "%1 and %2"), path, args.pdf) if args.pdf else path
        print(said(verdict, evidence))
    return EXIT_OK if report.passed else EXIT_NEEDS_FIX


async def cmd_device_remove(services: Services, args) -> int:
    removal = await services.devices.removal(args.device_id)  # refused while sales are not signed yet
    if not removal.retires and not args.yes:
        print(core(removal.explain()))
        if not sys.stdin.isatty():
            again = QT_TRANSLATE_NOOP(
                "Cli", "nothing was deleted. Run the command again with --yes to delete it."
            )
            print(error_line(said(again)), file=sys.stderr)
            return EXIT_ERROR
        answer = input(said(QT_TRANSLATE_NOOP("Cli", "Delete it? Type 'yes' to delete: ")))
        if answer.strip().lower() != "yes":
            print(said(QT_TRANSLATE_NOOP("Cli", "Nothing was deleted.")))
            return EXIT_ERROR
    removal = await services.devices.remove_device(args.device_id, confirmed=True)
    if removal.retires:
        print(
            said(QT_TRANSLATE_NOOP("Cli", "Retired device %1. %2"), args.device_id, core(removal.explain()))
        )
    else:
        print(said(QT_TRANSLATE_NOOP("Cli", "Deleted device %1 (%2)."), args.device_id, removal.device.name))
    return EXIT_OK


async def cmd_item_add(services: Services, args) -> int:
    from etims_desktop.domain.item import Item, validate_price
    from etims_desktop.domain.sale import TaxType

    validate_price(args.price)
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


async def cmd_item_list(services: Services, args) -> int:
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
    _print(args, rows, text or say("No items yet. Add one with 'etims-desktop item add'."))
    return EXIT_OK


async def cmd_import(services: Services, args) -> int:
    from etims_desktop.app.importer import ImportRejected

    try:
        result = await services.importer.import_file(args.device, args.file)
    except ImportRejected as exc:  # exit 3 like every failed command: the reasons go to stderr
        data = {"imported": 0, "errors": [{"line": e.line, "reason": e.reason} for e in exc.errors]}
        if args.json:
            _print(args, data, "")
        else:
            print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    data = {"imported": result.created, "already_imported": result.already_imported}
    queued = say("Queued %1 sale(s); %2 were already imported.")
    _print(args, data, queued.replace("%1", str(result.created)).replace("%2", str(result.already_imported)))
    return EXIT_OK


def _password(args, confirm: bool) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass(said(QT_TRANSLATE_NOOP("Cli", "Backup password: ")))
    if confirm and getpass.getpass(said(QT_TRANSLATE_NOOP("Cli", "Same password again: "))) != password:
        raise ValueError(said(QT_TRANSLATE_NOOP("Cli", "The two passwords differ; nothing was written.")))
    return password


async def cmd_keys_export(services: Services, args) -> int:
    password = _password(args, confirm=True)
    devices = [d for d in await services.store.list_devices(include_retired=True) if not d.practice]
    written = await services.connections.keyring_call(
        services.key_store.export_keys, devices, args.file, password
    )
    wrote = QT_TRANSLATE_NOOP("Cli", "Wrote %1 to %2, encrypted with your password. Keep both safe.")
    print(said(wrote, _key_count(written), args.file))
    return EXIT_OK


def _key_count(entries: list[tuple[str, str]]) -> str:
    """ "2 CMC key(s)", plus the gateway credentials that travel with them (entries .../gateway/<field>)."""
    gateway = {user.split("/gateway/")[0] for user, _ in entries if "/gateway/" in user}
    keys = sum(1 for user, _ in entries if "/gateway/" not in user)
    if gateway:
        both = QT_TRANSLATE_NOOP("Cli", "%1 CMC key(s) and the KRA gateway credentials of %2 device(s)")
        return said(both, keys, len(gateway))
    return said(QT_TRANSLATE_NOOP("Cli", "%1 CMC key(s)"), keys)


async def cmd_keys_import(services: Services, args) -> int:
    password = _password(args, confirm=False)
    imported = await services.connections.keyring_call(services.key_store.import_keys, args.file, password)
    print(
        said(
            QT_TRANSLATE_NOOP("Cli", "Imported %1 into %2."),
            _key_count(imported),
            services.key_store.backend_name,
        )
    )
    return EXIT_OK


async def damage_message(services: Services) -> str:
    """What is wrong and what to do, naming the newest backup that passes its own check."""
    found = "; ".join(services.store.damage[:3])
    damaged = QT_TRANSLATE_NOOP(
        "Cli",
        "The database %1 is damaged (SQLite's check found: %2). Nothing will be sent to KRA until it is "
        "restored from a backup.",
    )
    text = said(damaged, services.paths.database, found)
    latest = await services.backups.latest_good()
    if latest is None:
        none = QT_TRANSLATE_NOOP("Cli", "No good backup was found in %1.")
        return f"{text} {said(none, ', '.join(map(str, services.backups.folders)))}"
    newest = QT_TRANSLATE_NOOP("Cli", "The newest good backup is %1 (made %2). Restore it with: %3")
    made = f"{latest.made_at.astimezone():%Y-%m-%d %H:%M}"
    command = f'etims-desktop restore "{latest.path}"'
    return f"{text} {said(newest, latest.path, made, command)}"


def cmd_backup(args) -> int:
    """A checked copy of the database; no keyring, no network. Exit 0, or 3 with the reason."""
    from etims_desktop.bootstrap import setup_logging
    from etims_desktop.storage.backups import BackupFailed
    from etims_desktop.sync.backups import BackupService, BackupSettings

    paths = resolve_data_paths(args.data_dir)
    setup_logging(paths)
    if not paths.database.exists():
        nothing = QT_TRANSLATE_NOOP("Cli", "there is no database in %1 yet; nothing to back up.")
        print(error_line(said(nothing, paths.root)), file=sys.stderr)
        return EXIT_ERROR
    service = BackupService(paths, BackupSettings.load(paths.settings))
    try:
        outcome = asyncio.run(service.backup_now(args.to))
    except BackupFailed as exc:
        print(error_line(plain(exc)), file=sys.stderr)
        return EXIT_ERROR
    backup = outcome.result.backup
    data = {
        "path": str(backup.path),
        "bytes": backup.size,
        "seconds": round(outcome.result.seconds, 3),
        "check": "ok",
        "removed": [str(p) for p in outcome.result.removed],
        "note": outcome.note,
    }
    _print(args, data, core(outcome.summary()))
    return EXIT_OK


def cmd_restore(args) -> int:
    """Check a backup and put it in place of the database (keeping a copy of the current one)."""
    from etims_desktop.bootstrap import setup_logging
    from etims_desktop.storage.restore import RestoreRefused, discard, finish_restore, prepare_restore

    paths = resolve_data_paths(args.data_dir)
    setup_logging(paths)
    try:
        prepared = prepare_restore(args.file, paths.database)
    except RestoreRefused as exc:
        print(error_line(plain(exc)), file=sys.stderr)
        return EXIT_ERROR
    if prepared.older_than_signed and not args.force:
        discard(prepared)
        anyway = QT_TRANSLATE_NOOP("Cli", "Nothing was changed. To restore it anyway: %1")
        print(prepared.warning(core), said(anyway, f'etims-desktop restore "{args.file}" --force'), sep="\n",
              file=sys.stderr)  # fmt: skip
        return EXIT_ERROR
    from etims_desktop.sync.device_lock import DeviceBusy, DeviceLocks

    try:  # no other program may be syncing while the database is replaced under it
        with DeviceLocks.beside(paths.database).hold_every_device():
            kept = finish_restore(prepared, paths.database, paths.backups, accept_older=args.force)
    except (OSError, RestoreRefused, DeviceBusy) as exc:
        discard(prepared)
        not_done = QT_TRANSLATE_NOOP("Cli", "the restore did not happen: %1")
        print(error_line(said(not_done, plain(exc))), file=sys.stderr)
        return EXIT_ERROR
    if prepared.older_than_signed:
        print(prepared.warning(core))
    print(said(QT_TRANSLATE_NOOP("Cli", "Restored the database from %1."), args.file))
    if kept is not None:
        print(said(QT_TRANSLATE_NOOP("Cli", "The database as it was is kept in %1."), kept))
    print(
        said(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Before sending again, each device asks KRA which eTIMS numbers it "
                "already has, so none is used twice.",
            )
        )
    )
    print(said(QT_TRANSLATE_NOOP("Cli", "CMC keys are not in backups: on a new computer, bring them with "
                                        "'etims-desktop keys import FILE'.")))  # fmt: skip
    return EXIT_OK


async def cmd_sync(services: Services, args) -> int:
    for device_id in args.device or []:
        (await services.store.get_device(device_id)).require_in_use()
    report = await services.sync.sync(args.device)
    _print(args, report.to_json(), sync_text(report))
    for device in report.keyring_failed:  # exit code 3: the reason goes to stderr too
        print(
            f"error: {device.device_name}: {device.status.plain} {device.status.next_step}", file=sys.stderr
        )
    return report.exit_code


async def cmd_status(services: Services, args) -> int:
    rows = await _board(services)
    _print(args, rows, status_text(rows, _local))
    # The same rule as `sync`: 2 a sale needs your fix or check, 1 sales wait or a device cannot reach KRA now.
    if any(r["counts"].get("needs_fix") or r["counts"].get("needs_check") for r in rows):
        return EXIT_NEEDS_FIX
    if any(sum(r["needs_fix_by_kind"].values()) for r in rows):  # a purchase, import or stock document
        return EXIT_NEEDS_FIX
    unreachable = any(r["status"] not in ("online", "unknown") for r in rows)
    waiting = any(sum(r["pending_by_kind"].values()) for r in rows)  # sales and documents
    return EXIT_WAITING if unreachable or waiting else EXIT_OK


def _local(iso: str) -> str:
    """A stored UTC time as this computer's local time, to the minute: '2026-12-03 09:14'."""
    from datetime import datetime

    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


async def cmd_history(services: Services, args) -> int:
    runs = await services.store.list_sync_runs(args.device, args.limit)
    data: list[dict[str, Any]] = [
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
        + "; ".join(
            f"{v.get('device_name')}: {core(v.get('summary'))}" for v in (d["devices"] or {}).values()
        )
        for d in data
    )
    _print(args, data, text or say("No sync has run yet."))
    return EXIT_OK


async def cmd_checked(services: Services, args) -> int:
    if args.kra_has_it:
        await services.store.confirm_recorded(args.sale)
        print(
            say("Sale %1 is marked signed: KRA has it. Its receipt details are to be completed.").replace(
                "%1", str(args.sale)
            )
        )
        return EXIT_OK
    await services.store.send_again_same_number(args.sale)
    entry = await services.store.get_entry(args.sale)
    services.sync.notify(entry.device_id)
    print(
        say("Sale %1 goes to KRA again with its own eTIMS number %2 at the next sync.")
        .replace("%1", str(args.sale))
        .replace("%2", str(entry.invc_no))
    )
    return EXIT_OK


async def cmd_receipt(services: Services, args) -> int:
    """Headless prints and reprints (a retired device's sales too): the same view, rules and renderers as
    the window. The database remembers the original: every later print is a COPY."""
    from etims_desktop.app.receipts import receipt_view
    from etims_desktop.printing.settings import load_printer, load_rules

    recorded = await receipt_view(services.store, args.sale_id)
    view = load_rules(services.paths.settings).apply(recorded, copy=recorded.copy)
    if args.pdf:
        pages = _write_pdf(view, args.layout, args.pdf)  # Qt on this (the main) thread: a command, no window
        done = said(QT_TRANSLATE_NOOP("Cli", "Wrote %1 (%2 page(s))"), args.pdf, pages)
    else:
        from etims_desktop.printing.escpos_receipt import receipt_bytes
        from etims_desktop.printing.print_job import print_receipt
        from etims_desktop.printing.printers import PrinterProblem

        printer = load_printer(services.paths.settings)
        try:
            if args.escpos_file:
                data = await asyncio.to_thread(receipt_bytes, view, width=printer.line_width, cut=printer.cut)
                await asyncio.to_thread(Path(args.escpos_file).write_bytes, data)
                done = said(QT_TRANSLATE_NOOP("Cli", "Wrote the ESC/POS receipt to %1"), args.escpos_file)
            else:
                await print_receipt(printer, view)
                done = said(QT_TRANSLATE_NOOP("Cli", "Printed on %1"), core(printer.describe()))
        except (PrinterProblem, OSError) as exc:
            again = QT_TRANSLATE_NOOP(
                "Cli", "not printed: %1 The sale is not affected; print it again later."
            )
            print(error_line(said(again, plain(exc))), file=sys.stderr)
            return EXIT_ERROR
    await services.receipts.record_print(view)
    if view.pending:
        printed = QT_TRANSLATE_NOOP("Cli", "%1: the PENDING receipt of sale %2 (%3)")
    elif view.copy:
        printed = QT_TRANSLATE_NOOP("Cli", "%1: a COPY of sale %2 (%3)")
    else:
        printed = QT_TRANSLATE_NOOP("Cli", "%1: the original receipt of sale %2 (%3)")
    marks = "; ".join(core(mark) for mark in view.marks + tuple(view.notes))
    print(said(printed, done, args.sale_id, view.trader_invoice_no) + (f" - {marks}." if marks else "."))
    return EXIT_OK


def _write_pdf(view, layout: str, path: Path) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a command: no window, no display needed
    from PySide6.QtGui import QGuiApplication

    from etims_desktop.ui.receipts.receipt_print import save_pdf
    from etims_desktop.ui.receipts.receipt_render import ReceiptLayout

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    return save_pdf(view, ReceiptLayout(layout), path)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.handler is not None:
        start_language(args.data_dir, draws=bool(getattr(args, "pdf", None)))
        return int(args.handler(args) or 0)
    try:
        paths = resolve_data_paths(args.data_dir)
    except OSError as exc:
        from etims_desktop.sync.plain import plain_text

        print(f"error: {plain_text(exc)}", file=sys.stderr)
        return EXIT_ERROR
    from etims_desktop.ui.app import run_app

    return run_app(paths, practice=args.practice, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
