"""`etims-desktop selftest`: prove an installed or frozen build really works on this machine.

It reports what the build is made of (version, Python, Qt and its platform plugin, the keyring
backend, frozen or not), creates and migrates a database, opens the main window once and saves a
screenshot of it. The packaging smoke tests run it against the frozen binary; a shop owner's
support call can run it too. Exit code 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from etims_desktop import __version__
from etims_desktop.paths import DataPaths, resolve_data_paths


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `selftest` command to the CLI."""
    parser = commands.add_parser(
        "selftest", help="check that this installation works (database, keyring, window)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # keeps a global --data-dir given before the command
        help="use DIR as the data dir (default: a temporary one, deleted afterwards)",
    )
    parser.add_argument("--no-window", action="store_true", help="skip opening the window")
    parser.add_argument(
        "--keyring-write",
        action="store_true",
        help="also save, read back and delete a throwaway entry in the OS keyring (may ask to unlock it)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run every check and print the report; 0 when all passed."""
    data_dir = getattr(args, "data_dir", None)
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:  # without a display Qt aborts the process; a self test must still report
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="etims-selftest-") as scratch:
        paths = resolve_data_paths(data_dir or Path(scratch) / "data")
        report = run_checks(paths, Path(scratch), window=not args.no_window, keyring_write=args.keyring_write)
    if args.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        print(format_report(report))
    return 0 if report["ok"] else 1


def run_checks(paths: DataPaths, scratch: Path, *, window: bool = True, keyring_write: bool = False) -> dict:
    """Every check, each one isolated: one failure is reported and the others still run."""
    report: dict = {
        "version": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "data_dir": str(paths.root),
        "errors": {},
    }
    checks: list[tuple[str, Callable[[], object]]] = [
        ("timezone", check_timezone),
        ("sqlite", lambda: sqlite3.sqlite_version),
        ("keyring", check_keyring),
        ("key_store", check_key_store),
        (
            "keyring_write",
            (lambda: within(KEYRING_SECONDS, check_keyring_write)) if keyring_write else lambda: "skipped",
        ),
        ("database", lambda: check_database(paths)),
        ("shop_database", lambda: check_shop_database(paths)),
        ("resources", check_resources),
        ("network", check_network),
        ("escpos", check_escpos),
        ("window", (lambda: check_window(paths, scratch / "window.png")) if window else (lambda: "skipped")),
        ("qt", check_qt),  # after the window, so it names the platform plugin that really drew it
    ]
    for name, check in checks:
        try:
            report[name] = check()
        except Exception as exc:  # noqa: BLE001 - a self test reports every failure and goes on
            report[name] = None
            report["errors"][name] = "".join(traceback.format_exception_only(exc)).strip()
    report["ok"] = not report["errors"]
    return report


KEYRING_SECONDS = 15.0  # as the app's own keyring timeout (sync/settings.py)


def within(seconds: float, check: Callable[[], object]) -> object:
    """Run `check` on a daemon thread: a keyring that never answers fails the check, and cannot keep the
    process from exiting."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = check()
        except Exception as exc:  # noqa: BLE001 - handed back to the caller
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="selftest-keyring", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError(f"the keyring did not answer within {seconds:g} seconds (is it locked?)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def check_timezone() -> str:
    """KRA wire times are Africa/Nairobi: the zone database must be in the build (tzdata on Windows)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    offset = datetime(2025, 1, 1, 12, tzinfo=ZoneInfo("Africa/Nairobi")).utcoffset()
    if offset is None or offset.total_seconds() != 3 * 3600:
        raise RuntimeError(f"Africa/Nairobi resolved to offset {offset}, expected +03:00")
    return "Africa/Nairobi +03:00"


def check_keyring() -> dict:
    """The backend keyring chose, the ones it could use, and why the others are unusable.

    A frozen build that lost a backend's entry point or native module shows up here (the backend
    moves from "viable" to "unusable"), before a shop owner meets it as a missing keyring.
    """
    import keyring
    import keyring.backend

    def label(cls) -> str:
        return f"{cls.__module__}.{cls.__qualname__}"

    chosen = keyring.get_keyring()
    viable = sorted(keyring.backend.get_all_keyring(), key=lambda k: -k.priority)
    unusable = {}
    for cls in sorted(keyring.backend.KeyringBackend._classes, key=label):
        try:
            cls.priority  # noqa: B018 - keyring's own viability test: priority raises when unusable
        except Exception as exc:  # noqa: BLE001
            unusable[label(cls)] = f"{type(exc).__name__}: {exc}"
    return {
        "backend": label(type(chosen)),
        "name": getattr(chosen, "name", type(chosen).__name__),
        "priority": chosen.priority,
        "viable": [f"{label(type(k))} ({k.priority:g})" for k in viable],
        "unusable": unusable,
    }


def check_key_store() -> dict:
    """The keyring the app itself will keep CMC keys in (an OS keyring only, never a plain file)."""
    from etims_desktop.storage.secrets import KeyStore

    store = KeyStore()
    return {"name": store.backend_name, "available": store.available}


def check_keyring_write() -> str:
    """Save, read back and delete a throwaway secret in the app's keyring: proves it really works."""
    import secrets

    from etims_desktop.storage.secrets import KeyStore

    store = KeyStore()
    if not store.available:
        return "skipped: no OS keyring"
    service, user, value = "etims-desktop/selftest", "selftest", secrets.token_urlsafe(16)
    store.backend.set_password(service, user, value)
    try:
        if store.backend.get_password(service, user) != value:
            raise RuntimeError(f"{store.backend_name} returned a different value than was saved")
    finally:
        store.backend.delete_password(service, user)
    if store.backend.get_password(service, user) is not None:
        raise RuntimeError(f"{store.backend_name} kept the entry after deleting it")
    return f"saved, read back and deleted in {store.backend_name}"


def check_database(paths: DataPaths) -> dict:
    """Open (create, migrate) the database through the real store - which runs PRAGMA quick_check on
    it first - then read its schema revision."""
    from etims_desktop.storage.store import Store

    started = time.perf_counter()
    store = Store.open(paths.database, backup_dir=paths.backups)
    store.close()
    elapsed_ms = round((time.perf_counter() - started) * 1000)
    if store.damage:  # quick_check at open: a damaged file must not pass as healthy
        from etims_desktop.storage.backups import latest_good_backup
        from etims_desktop.sync.backups import BackupService, BackupSettings

        latest = latest_good_backup(BackupService(paths, BackupSettings.load(paths.settings)).folders)
        restore = f'etims-desktop restore "{latest.path}"' if latest else "no good backup was found"
        raise RuntimeError(
            f"the database {paths.database} is damaged ({'; '.join(store.damage[:3])}); "
            f"nothing is sent until it is restored: {restore}"
        )
    with sqlite3.connect(paths.database) as db:
        tables = [
            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        revision = None
        if "alembic_version" in tables:
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
    if not tables:
        raise RuntimeError("the store opened but created no tables")
    return {
        "path": str(paths.database),
        "revision": revision[0] if revision else None,
        "tables": len(tables),
        "open_ms": elapsed_ms,
        "integrity": "ok",
        "integrity_ms": round(store.integrity_ms, 1),
    }


def check_shop_database(paths: DataPaths) -> dict | str:
    """The shop's own database, when the checks above ran on a scratch one: PRAGMA quick_check, read-only
    (a support call runs `selftest` without --data-dir; a damaged shop database must not pass)."""
    import platformdirs

    from etims_desktop.paths import APP_NAME
    from etims_desktop.storage.backups import check_file

    root = os.environ.get("ETIMS_DESKTOP_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    database = DataPaths(Path(root).expanduser().resolve()).database
    if database == paths.database:
        return "checked above"
    if not database.exists():
        return "none yet"
    started = time.perf_counter()
    problems = check_file(database)
    if problems:
        raise RuntimeError(
            f"the database {database} is damaged ({'; '.join(problems[:3])}); run any etims-desktop command "
            "to see the newest good backup and how to restore it"
        )
    return {"path": str(database), "integrity": "ok", "ms": round((time.perf_counter() - started) * 1000)}


def resource_dir() -> Path:
    """etims_desktop/resources inside the package: a checkout, a wheel, or _internal/ in a frozen build."""
    from etims_desktop.resources import resource_path

    return resource_path()


def check_resources() -> dict:
    """The app icon is bundled and QtSvg can draw it (both SVG plugins and the library made it in)."""
    from PySide6.QtSvg import QSvgRenderer

    icon = resource_dir() / "icons" / "etims-desktop.svg"
    if not icon.is_file():
        raise FileNotFoundError(f"app icon missing: {icon}")
    renderer = QSvgRenderer(str(icon))
    if not renderer.isValid():
        raise RuntimeError(f"QtSvg cannot read {icon}")
    return {"icon": str(icon), "svg_size": renderer.defaultSize().toTuple()}


def check_escpos() -> dict:
    """ESC/POS receipt printers: python-escpos and its printer database are in the build and make a job."""
    from etims_desktop.printing.escpos_receipt import test_page_bytes

    data = test_page_bytes("self test", width=48)
    if b"\x1d(k" not in data or b"\x1dV" not in data:
        raise RuntimeError("the ESC/POS test page has no QR code or no cut")
    return {"bytes": len(data)}


def check_network() -> dict:
    """One eTIMS-shaped POST over loopback through the app's shared HTTP client: the wire stack
    (httpx, the aiohttp transport and its C parser, the TLS context) is in the build and works."""
    import asyncio

    import aiohttp

    from etims_desktop.kra.client import make_http_client

    answer = b'{"resultCd":"000","resultMsg":"It is succeeded","resultDt":"20240415153039","data":null}'

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lengths = [line for line in head.lower().split(b"\r\n") if line.startswith(b"content-length:")]
        await reader.readexactly(int(lengths[0].split(b":")[1]) if lengths else 0)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(answer), answer))
        await writer.drain()
        writer.close()

    async def round_trip() -> dict:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/selectNoticeList"
        started = time.perf_counter()
        try:
            async with make_http_client() as http:
                response = await http.post(url, json={"lastReqDt": "20240415000000"})
        finally:
            server.close()
        if response.status_code != 200 or response.json().get("resultCd") != "000":
            raise RuntimeError(f"loopback answer not read back: HTTP {response.status_code}")
        return {
            "ms": round((time.perf_counter() - started) * 1000),
            "transport": type(http._transport).__name__,
        }

    result = asyncio.run(round_trip())
    parser = aiohttp.http_parser.HttpResponseParser.__module__
    return {**result, "aiohttp": aiohttp.__version__, "c_parser": parser.endswith("_http_parser")}


def check_window(paths: DataPaths, png: Path) -> dict:
    """Open the main window through the app's own start-up, screenshot it, close it."""
    from PySide6.QtGui import QImage

    from etims_desktop.ui.app import run_app

    started = time.perf_counter()
    code = run_app(paths, screenshot=str(png))
    elapsed_ms = round((time.perf_counter() - started) * 1000)
    if code != 0:
        raise RuntimeError(f"the window exited with code {code}")
    image = QImage(str(png))
    if image.isNull() or is_blank(image):
        raise RuntimeError(f"the window screenshot is missing or blank ({png})")
    return {"screenshot_bytes": png.stat().st_size, "size": [image.width(), image.height()], "ms": elapsed_ms}


def is_blank(image) -> bool:
    """True when a grid of samples over the image finds a single colour: nothing was drawn."""
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)
    }
    return len(colours) < 2


def check_qt() -> dict:
    """Qt and PySide6 versions, the platform plugin in use, and that printing support is present."""
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # kept alive while it is asked
    QPrinter()  # the receipt printing module loads and constructs
    return {
        "qt": qVersion(),
        "pyside6": PySide6.__version__,
        "platform_plugin": QGuiApplication.platformName(),
    }


def _network_line(network) -> str | None:
    if not isinstance(network, dict):
        return network
    parser = "C parser" if network["c_parser"] else "pure-Python parser (slower)"
    return f"a loopback eTIMS call in {network['ms']} ms (aiohttp {network['aiohttp']}, {parser})"


def _shop_line(shop) -> str | None:
    return f"{shop['path']}: sound ({shop['ms']} ms)" if isinstance(shop, dict) else shop


def format_report(report: dict) -> str:
    """The report as short lines for a person."""
    qt, keyring_info, store = report.get("qt") or {}, report.get("keyring") or {}, report.get("key_store")
    database, window = report.get("database"), report.get("window")
    if isinstance(store, dict):
        store = store["name"] + (
            "" if store["available"] else " - the app offers a session-only key or a key file"
        )
    if isinstance(database, dict):
        database = f"migrated to revision {database['revision']} ({database['tables']} tables) in {database['open_ms']} ms"
    if isinstance(window, dict):
        width, height = window["size"]
        window = f"opened, screenshot {width}x{height} px ({window['screenshot_bytes']} bytes) in {window['ms']} ms"
    lines = [
        f"etims-desktop {report['version']} ({'frozen build' if report['frozen'] else 'from source'})",
        f"Python {report['python']} on {report['platform']}",
        f"Qt {qt.get('qt')} (PySide6 {qt.get('pyside6')}), platform plugin {qt.get('platform_plugin')}",
        f"Keyring for CMC keys: {store} (keyring library default: {keyring_info.get('name')})",
        f"Keyring write test: {report.get('keyring_write')}",
        f"Database: {database}",
        f"Shop database: {_shop_line(report.get('shop_database'))}",
        f"Window: {window}",
        f"Network: {_network_line(report.get('network'))}",
        f"Time zone: {report.get('timezone')}; SQLite {report.get('sqlite')}",
    ]
    lines += [f"FAILED {name}: {error}" for name, error in report["errors"].items()]
    lines.append("All checks passed." if report["ok"] else "Some checks failed.")
    return "\n".join(lines)
