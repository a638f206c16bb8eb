"""The composition root: builds every service once, for the window, the CLI and the tests."""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass
from typing import Any

import httpx

from etims_desktop.app.accountant_export import AccountantExport
from etims_desktop.app.board import BoardQuery
from etims_desktop.app.credit_notes import CreditNotes
from etims_desktop.app.day_report import DayReports
from etims_desktop.app.device_outbox import DeviceOutbox
from etims_desktop.app.devices import DeviceService
from etims_desktop.app.documents import DocumentActions
from etims_desktop.app.importer import SaleImporter
from etims_desktop.app.imports import ImportService
from etims_desktop.app.items import ItemCatalogue
from etims_desktop.app.keys import KeyStorage
from etims_desktop.app.outbox_actions import OutboxActions
from etims_desktop.app.purchases import PurchaseService
from etims_desktop.app.receipts import Receipts
from etims_desktop.app.reconcile import Reconciler, ReconcileSettings
from etims_desktop.app.reconcile_progress import ProgressFile
from etims_desktop.app.restore import BackupAndRestore
from etims_desktop.app.sales import SaleService
from etims_desktop.app.sales_query import SalesList
from etims_desktop.app.settings import SettingsEditor, WindowStateFile
from etims_desktop.app.stock import StockService
from etims_desktop.app.today import TodayQuery
from etims_desktop.domain.redaction import install_redaction
from etims_desktop.paths import DataPaths
from etims_desktop.storage.secrets import KeyStore, UnavailableKeyStore, open_key_store
from etims_desktop.storage.store import Store
from etims_desktop.sync.backups import BackupService, BackupSettings
from etims_desktop.sync.connections import Connections
from etims_desktop.sync.items import ItemRegistrar
from etims_desktop.sync.scheduler import SyncScheduler
from etims_desktop.sync.service import SyncService
from etims_desktop.sync.settings import SyncSettings


@dataclass
class Services:
    paths: DataPaths
    store: Store
    connections: Connections
    sync: SyncService
    devices: DeviceService
    sales: SaleService
    importer: SaleImporter
    scheduler: SyncScheduler
    backups: BackupService
    board: BoardQuery  # app/: the use cases the window and the CLI share
    today: TodayQuery  # app/today.py: the Today tab's figures
    outbox: OutboxActions
    stock: StockService  # app/stock.py: stock on hand, adjustments
    documents: DocumentActions  # app/documents.py: refused purchase, import and stock documents
    purchases: PurchaseService  # app/purchases.py: suppliers' invoices, manual purchases
    imports: ImportService  # app/imports.py: customs import lines
    day_reports: DayReports
    accountant_export: AccountantExport
    reconcile: Reconciler
    keys: KeyStorage
    credit_notes: CreditNotes
    device_outbox: DeviceOutbox
    items: ItemCatalogue
    receipts: Receipts
    sales_list: SalesList
    restore: BackupAndRestore
    preferences: SettingsEditor
    window_state: WindowStateFile  # the window's layout in settings.json
    practice: Any = None  # practice.PracticeKra while practice mode runs

    @property
    def settings(self) -> SyncSettings:
        """The sync settings in use (the engine holds them; Settings saves through `preferences`)."""
        return self.sync.settings

    @property
    def key_store(self) -> KeyStore | UnavailableKeyStore:
        """Where the CMC keys are: the connections' key store (the one place it can change)."""
        return self.connections.key_store

    async def aclose(self) -> None:
        await self.scheduler.stop()
        await self.backups.stop()
        if self.practice is not None:
            self.practice.close()
            self.practice = None
        await self.sales.aclose()
        await self.connections.aclose()
        await self.store.aclose()


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log file. A write that fails later (disk full) is dropped quietly: logging's default prints
    a traceback to the shop owner's terminal for every record."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging(paths: DataPaths, level: int = logging.INFO) -> str | None:
    """A rotating log file in the data dir; every handler passes through the secret redaction filter.

    Returns a plain sentence when the log file cannot be opened: the app then runs without one (a log
    is not worth refusing to sync or to open the window for)."""
    root = logging.getLogger()
    log_file = paths.logs / "etims-desktop.log"
    for old in [h for h in root.handlers if getattr(h, "_etims", False)]:
        if getattr(old, "baseFilename", None) == str(log_file):
            return None
        root.removeHandler(old)  # another data dir (tests, --data-dir switch): log there instead
        old.close()
    install_redaction()
    try:
        handler = LogFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        quiet = (
            logging.NullHandler()
        )  # else logging's last resort prints records, tracebacks and all, to stderr
        quiet._etims = True  # type: ignore[attr-defined]
        root.addHandler(quiet)
        return (
            f"The log file {log_file} cannot be written ({exc.strerror or exc}), so this run keeps no log. "
            "Check that the data folder is writable and its disk is not full."
        )
    handler._etims = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    install_redaction()  # again: it guards every handler, the new one too
    return None


def build_services(
    paths: DataPaths,
    *,
    key_store: KeyStore | UnavailableKeyStore | None = None,
    http: httpx.AsyncClient | None = None,
    settings: SyncSettings | None = None,
    allow_session_keys: bool = True,
) -> Services:
    store = Store.open(paths.database, backup_dir=paths.backups)
    key_store = key_store or open_key_store(paths.root, allow_session_fallback=allow_session_keys)
    settings = settings or SyncSettings.load(paths.settings)
    connections = Connections(
        key_store,
        http=http,
        deadline=settings.request_deadline_seconds,
        keyring_timeout_seconds=settings.keyring_timeout_seconds,
        gateway_production_url=settings.gateway_production_url,
    )
    sync = SyncService(store, connections, settings)
    sales = SaleService(store, sync)
    backups = BackupService(paths, BackupSettings.load(paths.settings), store)
    receipts = Receipts(store, paths.root, paths.settings)
    scheduler = SyncScheduler(store, sync)
    return Services(
        paths=paths,
        store=store,
        connections=connections,
        sync=sync,
        devices=DeviceService(store, connections, sync.checker, sync.notify),
        sales=sales,
        importer=SaleImporter(store, sales, sync.notify),
        scheduler=scheduler,
        backups=backups,
        board=BoardQuery(store),
        today=TodayQuery(store),
        outbox=OutboxActions(store, sync.notify),
        stock=StockService(store, sync.notify),
        documents=DocumentActions(store, sync.notify),
        purchases=PurchaseService(store, connections, sync.notify),
        imports=ImportService(store, connections, sync.notify),
        day_reports=DayReports(store),
        accountant_export=AccountantExport(store),
        reconcile=Reconciler(
            store, connections, ProgressFile(paths.root), ReconcileSettings.load(paths.settings)
        ),
        keys=KeyStorage(connections, store, paths.root),
        credit_notes=CreditNotes(store, sales),
        device_outbox=DeviceOutbox(store, sync.reference, sync.notify),
        items=ItemCatalogue(store, ItemRegistrar(store, connections, notify=sync.notify)),
        receipts=receipts,
        sales_list=SalesList(store, receipts.pending_prints),
        restore=BackupAndRestore(backups, store, sync, scheduler, paths.backups),
        preferences=SettingsEditor(paths.settings, sync, backups, paths.backups),
        window_state=WindowStateFile(paths.settings, paths.root),
    )
