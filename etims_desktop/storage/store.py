"""The async face of the database. Every method is one transaction, run in a single writer thread,
so nothing blocks the caller's (Qt / asyncio) thread and writes never interleave. Writes that queue
up meanwhile (several devices draining at once) are committed together (group commit, `_write`).

Usage:
    store = Store.open(paths.database, backup_dir=paths.backups)   # migrates, recovers
    sale_id, created = await store.enqueue_sale(device_id, sale, total, total_tax)
    ...
    await store.aclose()
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device
from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.item import Item
from etims_desktop.domain.outbox import OutboxEntry, OutboxState, SignedReceipt, WaitReason
from etims_desktop.domain.purchase import PurchaseHeader, PurchaseLine
from etims_desktop.domain.receipt import BusinessDetails, SignedDocument
from etims_desktop.domain.sale import Sale, TaxType
from etims_desktop.domain.status import DeviceStatus
from etims_desktop.domain.stock import MovedLine, StockReason
from etims_desktop.storage.backups import quick_check
from etims_desktop.storage.business import BusinessRepository
from etims_desktop.storage.database import BEGIN_OPTION, make_engine
from etims_desktop.storage.devices import DeviceRepository, last_error_of
from etims_desktop.storage.documents import DocumentRepository
from etims_desktop.storage.errors import StorageError, plain_storage_error
from etims_desktop.storage.imports import ImportRepository
from etims_desktop.storage.items import ItemRepository
from etims_desktop.storage.mapping import device_from_row, status_from_row
from etims_desktop.storage.migrate import migrate
from etims_desktop.storage.number_checks import NumberCheckRepository
from etims_desktop.storage.outbox import OutboxRepository
from etims_desktop.storage.pending_prints import PendingPrintRepository
from etims_desktop.storage.period_sales import period_sales
from etims_desktop.storage.plain_sql import driver_connection
from etims_desktop.storage.purchases import PurchaseRepository
from etims_desktop.storage.records import (
    CodeClassRecord,
    CodeRecord,
    ConfirmedPurchase,
    DeviceBoardRecord,
    DocumentChange,
    DrainStart,
    ImportLineRecord,
    ItemClassRecord,
    ItemDraft,
    NoticeRecord,
    PendingSummary,
    PeriodSale,
    PurchaseRecord,
    QueuedDocument,
    StateChange,
    StockBalance,
    SyncRunRecord,
)
from etims_desktop.storage.reference import ReferenceRepository
from etims_desktop.storage.signed_documents import SignedDocumentRepository
from etims_desktop.storage.stock import StockRepository
from etims_desktop.storage.sync_runs import SyncRunRepository
from etims_desktop.storage.today import ActivityRecord, read_activity

log = logging.getLogger("etims_desktop.storage")

T = TypeVar("T")
Clock = Callable[[], datetime]


class Transaction:
    """One unit of work: a connection in a transaction, and the repositories that share it."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.connection = connection
        self.now = now

    @cached_property
    def session(self) -> Session:
        """The ORM repositories' session, on this transaction's connection. Made only when one is used:
        the outbox works on the connection itself, so the drain's transactions skip the ORM entirely."""
        # rollback_only: the session never commits; _transaction flushes it, then commits the connection.
        return Session(bind=self.connection, expire_on_commit=False, join_transaction_mode="rollback_only")

    def flush(self) -> None:
        if "session" in self.__dict__:
            self.session.flush()

    def close(self) -> None:
        if "session" in self.__dict__:
            self.session.close()

    @cached_property
    def devices(self) -> DeviceRepository:
        return DeviceRepository(self.session, self.now)

    @cached_property
    def outbox(self) -> OutboxRepository:
        return OutboxRepository(self.connection, self.now)

    @cached_property
    def reference(self) -> ReferenceRepository:
        return ReferenceRepository(self.session, self.now)

    @cached_property
    def items(self) -> ItemRepository:
        return ItemRepository(self.session, self.now)

    @cached_property
    def runs(self) -> SyncRunRepository:
        return SyncRunRepository(self.session, self.now)

    @cached_property
    def documents(self) -> SignedDocumentRepository:
        return SignedDocumentRepository(self.connection, self.now)

    @cached_property
    def pending_prints(self) -> PendingPrintRepository:
        return PendingPrintRepository(self.connection, self.now)

    @cached_property
    def business(self) -> BusinessRepository:
        return BusinessRepository(self.connection, self.now)

    @cached_property
    def number_checks(self) -> NumberCheckRepository:
        return NumberCheckRepository(self.connection, self.now)

    @cached_property
    def queue(self) -> DocumentRepository:
        """The document queue (purchases, imports, stock): storage/documents.py."""
        return DocumentRepository(self.connection, self.now)

    @cached_property
    def stock(self) -> StockRepository:
        return StockRepository(self.connection, self.now)

    @cached_property
    def purchases(self) -> PurchaseRepository:
        return PurchaseRepository(self.connection, self.now)

    @cached_property
    def imports(self) -> ImportRepository:
        return ImportRepository(self.connection, self.now)


class _QueuedWrite:
    """One write waiting for the writer thread, and what came of it."""

    __slots__ = ("work", "result", "error")

    def __init__(self, work: Callable[[Transaction], object]) -> None:
        self.work = work
        self.result: object = None
        self.error: BaseException | None = None


class Store:
    """The offline store and outbox. Build it with Store.open(); close it with aclose() or close()."""

    def __init__(self, engine: Engine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.clock = clock
        self.backup_path: Path | None = None  # the backup made before a schema upgrade, if any
        self.recovered_at_open = 0  # sales found mid-send at start-up (now uncertain)
        self.damage: list[str] = []  # what PRAGMA quick_check found at start-up ([] = sound)
        self.integrity_ms = 0.0  # what that check cost
        self._writer = engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        self._reader = engine
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="etims-store")
        self._queued: list[_QueuedWrite] = []  # writes waiting for the writer thread
        self._queue_lock = threading.Lock()
        self._closed = False
        self._opened = False  # migrated and recovered: only then may closing touch the file

    @classmethod
    def open(cls, path: Path, backup_dir: Path | None = None, *, clock: Clock = utcnow) -> Store:
        """Open (or create) the database: migrate it (after a backup, when it is behind), then turn
        every sale left SENDING by a crash into UNCERTAIN. Synchronous: it is the start-up step."""
        try:
            store = cls(make_engine(Path(path)), clock)
        except OSError as exc:  # the file cannot even be created
            raise (plain_storage_error(exc, path) or exc) from None
        try:
            store._executor.submit(store._start, backup_dir).result()
        except BaseException as exc:
            store.close()
            plain = plain_storage_error(exc, path) if isinstance(exc, DBAPIError | OSError) else None
            if plain is not None:
                raise plain from None
            raise
        store._opened = True
        return store

    def _start(self, backup_dir: Path | None) -> None:
        self.damage = self._check_integrity()
        if self.damage:
            # Upgrading or repairing a damaged file could spread the damage: leave it exactly as it is.
            log.error("the database is damaged: %s", "; ".join(self.damage))
            return
        self.backup_path = migrate(self.engine, backup_dir)
        self.recovered_at_open = self._transaction(self._writer, lambda tx: tx.outbox.recover_interrupted())
        if self.recovered_at_open:
            log.warning(
                "%d sale(s) were mid-send when the app stopped; they will be checked with KRA",
                self.recovered_at_open,
            )

    def _check_integrity(self) -> list[str]:
        """PRAGMA quick_check of the whole file: damaged pages are found before anything is sent."""
        started = time.perf_counter()
        try:
            with self.engine.connect() as connection:
                problems = quick_check(driver_connection(connection))
        except DBAPIError as exc:  # not even a database any more ("file is not a database")
            problems = [str(exc.orig)]
        self.integrity_ms = (time.perf_counter() - started) * 1000
        return problems

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._executor.submit(self._dispose).result()
        self._executor.shutdown(wait=True)

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        await asyncio.get_running_loop().run_in_executor(self._executor, self._dispose)
        self._executor.shutdown(wait=True)

    def _dispose(self) -> None:
        if not self._opened:
            self.engine.dispose()
            return
        try:
            with self.engine.connect() as connection:
                # Fresh planner statistics, bounded so closing a big database stays quick.
                connection.exec_driver_sql("PRAGMA analysis_limit=1000")
                connection.exec_driver_sql("PRAGMA optimize")
        except Exception:  # noqa: BLE001 - closing must not fail on a housekeeping hint
            log.debug("PRAGMA optimize failed", exc_info=True)
        self.engine.dispose()

    # --- plumbing -------------------------------------------------------------------------------

    def _transaction(self, engine: Engine, work: Callable[[Transaction], T]) -> T:
        try:
            with engine.connect() as connection, connection.begin():
                return self._work(connection, work)
        except DBAPIError as exc:  # disk full, read-only, ...: a plain sentence instead of SQL
            plain = plain_storage_error(exc, engine.url.database)
            if plain is None:
                raise
            raise plain from None

    def _work(self, connection: Connection, work: Callable[[Transaction], T]) -> T:
        tx = Transaction(connection, self.clock())
        try:
            result = work(tx)
            tx.flush()  # ORM changes go in before the commit
            return result
        finally:
            tx.close()

    def _write_queued(self) -> None:
        """In the writer thread: every write queued now, in one transaction - one flush to the disk
        (synchronous=FULL) for all of them. Each runs in its own savepoint, so a failing write undoes
        only itself; none of their callers resumes before the COMMIT has returned."""
        with self._queue_lock:
            batch, self._queued = self._queued, []
        if not batch:
            return  # an earlier call took them
        if len(batch) == 1:
            item = batch[0]
            try:
                item.result = self._transaction(self._writer, item.work)
            except Exception as exc:  # noqa: BLE001 - handed to the caller
                item.error = exc
            return
        try:
            with self._writer.connect() as connection, connection.begin():
                for item in batch:
                    try:
                        with connection.begin_nested():
                            item.result = self._work(connection, item.work)
                    except Exception as exc:  # noqa: BLE001 - handed to its caller; the others go on
                        item.error = exc
        except Exception as exc:  # noqa: BLE001 - the commit failed: none of them was written
            for item in batch:
                item.result, item.error = None, item.error or exc

    async def _run(self, engine: Engine, work: Callable[[Transaction], T]) -> T:
        if self._closed:
            raise StorageError("The database is closed.")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._transaction, engine, work)

    async def _write(self, work: Callable[[Transaction], T]) -> T:
        if self._closed:
            raise StorageError("The database is closed.")
        item = _QueuedWrite(work)
        with self._queue_lock:
            self._queued.append(item)
        # Returns once a batch holding `item` has been committed (this call's, or an earlier one's).
        try:
            await asyncio.get_running_loop().run_in_executor(self._executor, self._write_queued)
        except asyncio.CancelledError:
            with self._queue_lock:
                if item in self._queued:  # not started: it never runs, as before group commit
                    self._queued.remove(item)
            raise
        if item.error is not None:
            raise item.error
        return item.result  # type: ignore[return-value]

    async def _read(self, work: Callable[[Transaction], T]) -> T:
        return await self._run(self._reader, work)

    # --- devices --------------------------------------------------------------------------------

    async def add_device(self, device: Device) -> Device:
        """Returns the device with its id. The same PIN/branch/serial/environment twice: DomainValidationError."""
        return await self._write(lambda tx: tx.devices.add(device))

    async def update_device(self, device: Device) -> Device:
        """Rename, or change base_url / endpoint style. Identity fields cannot change."""
        return await self._write(lambda tx: tx.devices.update(device))

    async def get_device(self, device_id: int) -> Device:
        return await self._read(lambda tx: tx.devices.get(device_id))

    async def list_devices(self, include_retired: bool = False) -> list[Device]:
        """Devices in use; with `include_retired` also those removed after signing sales."""
        return await self._read(lambda tx: tx.devices.list(include_retired))

    async def set_initialised(self, device_id: int, scu_id: str | None, mrc_no: str | None) -> Device:
        return await self._write(lambda tx: tx.devices.set_initialised(device_id, scu_id, mrc_no))

    async def removable_device(self, device_id: int) -> dict[OutboxState, int]:
        """Its outbox counts, when the device may be removed; else DomainValidationError with the reason."""
        return await self._read(lambda tx: tx.devices.removable(device_id))

    async def retire_device(self, device_id: int) -> Device:
        """Hide a device and stop it sending; its sales and receipts stay. Refused (DomainValidationError)
        while it has sales not signed yet (on their way, or waiting for a fix)."""
        return await self._write(lambda tx: tx.devices.retire(device_id))

    async def delete_device(self, device_id: int) -> None:
        """Delete a device with everything it holds. Refused when any of its sales is signed (tax records)
        or not signed yet; the database's triggers refuse it too."""
        await self._write(lambda tx: tx.devices.delete(device_id))

    async def save_status(self, device_id: int, status: DeviceStatus) -> None:
        await self._write(lambda tx: tx.devices.save_status(device_id, status))

    async def get_status(self, device_id: int) -> DeviceStatus:
        return await self._read(lambda tx: tx.devices.get_status(device_id))

    async def record_sync_success(self, device_id: int, at: datetime) -> None:
        await self._write(lambda tx: tx.devices.record_sync_success(device_id, at))

    async def last_sync_at(self, device_id: int) -> datetime | None:
        return await self._read(lambda tx: tx.devices.last_sync_at(device_id))

    async def finish_device_sync(
        self,
        device_id: int,
        status: DeviceStatus,
        succeeded_at: datetime | None,
        error: tuple[str | None, str | None, str | None],
    ) -> dict[OutboxState, int]:
        """The end of a device's sync in one transaction: its status, its last success (when
        `succeeded_at` is given), its last error (code, plain, next step; all None clears it).
        Returns its outbox counts by state, read in the same transaction."""

        def work(tx: Transaction) -> dict[OutboxState, int]:
            tx.devices.save_status(device_id, status)
            if succeeded_at is not None:
                tx.devices.record_sync_success(device_id, succeeded_at)
            tx.devices.record_error(device_id, *error)
            return tx.outbox.counts(device_id)

        return await self._write(work)

    async def record_device_error(
        self, device_id: int, code: str | None, plain: str | None, next_step: str | None
    ) -> None:
        """The device's last error in plain words and what to do; all None clears it."""
        await self._write(lambda tx: tx.devices.record_error(device_id, code, plain, next_step))

    async def last_device_error(self, device_id: int) -> tuple[str | None, str | None, str | None]:
        """(code, plain, next_step) of the device's last error."""
        return await self._read(lambda tx: tx.devices.last_error(device_id))

    async def set_paused_until(self, device_id: int, until: datetime | None) -> None:
        await self._write(lambda tx: tx.devices.set_paused_until(device_id, until))

    async def paused_until(self, device_id: int) -> datetime | None:
        return await self._read(lambda tx: tx.devices.paused_until(device_id))

    async def invoice_lookup_missing_on(self, device_id: int) -> str | None:
        """The host this device's invoice lookup was found missing on, if any."""
        return await self._read(lambda tx: tx.devices.invoice_lookup_missing_on(device_id))

    async def set_invoice_lookup_missing_on(self, device_id: int, host: str | None) -> None:
        await self._write(lambda tx: tx.devices.set_invoice_lookup_missing_on(device_id, host))

    async def last_invc_no(self, device_id: int) -> int:
        return await self._read(lambda tx: tx.devices.last_invc_no(device_id))

    async def request_number_checks(self, reason: str) -> int:
        """Every device checks its eTIMS numbers with KRA before it sends again (after a restore)."""
        return await self._write(lambda tx: tx.number_checks.request_all(reason))

    async def number_check_pending(self, device_id: int) -> bool:
        return await self._read(lambda tx: tx.number_checks.pending(device_id))

    async def has_unnumbered_sales(self, device_id: int) -> bool:
        return await self._read(lambda tx: tx.number_checks.has_unnumbered_sales(device_id))

    async def number_check_result(self, device_id: int) -> str | None:
        return await self._read(lambda tx: tx.number_checks.result(device_id))

    async def finish_number_check(
        self,
        device_id: int,
        kra_last: int,
        signed_at_kra: dict[str, SignedReceipt],
        describe: Callable[[int], str],
    ) -> int:
        """KRA holds this device's numbers up to `kra_last`; `signed_at_kra` maps the trader invoice numbers
        of those documents to their receipts. In one transaction: open sales of ours that KRA already
        signed are marked signed, the counter moves past `kra_last`, and describe(marked) is recorded as
        the check's result. Returns how many sales were marked signed."""

        def work(tx: Transaction) -> int:
            found = tx.number_checks.unnumbered_sales(device_id, set(signed_at_kra))
            for trader_no, sale_id in found.items():
                receipt = signed_at_kra[trader_no]
                tx.outbox.mark_signed_earlier(
                    sale_id,
                    receipt,
                    f"KRA had already signed this sale as eTIMS number {receipt.invc_no} "
                    "(found when checking with KRA which numbers it holds)",
                )
            tx.number_checks.finish(device_id, kra_last, describe(len(found)))
            return len(found)

        return await self._write(work)

    async def set_last_invc_no(self, device_id: int, last_invc_no: int) -> None:
        """Align the device's eTIMS counter with KRA's; refused while a numbered sale is unresolved."""
        await self._write(lambda tx: tx.devices.set_last_invc_no(device_id, last_invc_no))

    # --- sales and the outbox -------------------------------------------------------------------

    async def enqueue_sale(
        self, device_id: int, sale: Sale, total: Decimal, total_tax: Decimal
    ) -> tuple[int, bool]:
        """(sale_id, created). The same (device, trader_invoice_no) again -> (existing id, False)."""
        results = await self._write(lambda tx: tx.outbox.enqueue(device_id, [(sale, total, total_tax)]))
        return results[0]

    async def enqueue_sales(
        self, device_id: int, items: list[tuple[Sale, Decimal, Decimal]]
    ) -> list[tuple[int, bool]]:
        """Many sales in one transaction: all or nothing. Results in input order."""
        return await self._write(lambda tx: tx.outbox.enqueue(device_id, items))

    async def next_to_send(self, device_id: int, now: datetime) -> OutboxEntry | None:
        """The one entry to send now (uncertain first; nothing overtakes a numbered sale), or None."""
        return await self._write(lambda tx: tx.outbox.next_to_send(device_id, now))

    async def claim_next(self, device_id: int, now: datetime) -> OutboxEntry | None:
        """next_to_send and assign_number in one transaction: the entry to send, already numbered
        (write-ahead). An UNCERTAIN entry comes back as it is: it must be resolved with KRA first."""
        return await self._write(lambda tx: tx.outbox.claim_next(device_id, now))

    async def start_drain(self, device_id: int, now: datetime, *, claim: bool = True) -> DrainStart:
        """A drain's set-up in one transaction: the device's counts and tax rates, and (with `claim`)
        its first sale claimed as claim_next does. Twenty devices starting together share one writer."""

        def work(tx: Transaction) -> DrainStart:
            counts = tx.outbox.counts(device_id)
            rates = tx.reference.tax_rates(device_id)
            return DrainStart(counts, rates, tx.outbox.claim_next(device_id, now) if claim else None)

        return await self._write(work)

    async def sign_and_claim_next(
        self, entry_id: int, receipt: SignedReceipt, device_id: int, now: datetime
    ) -> OutboxEntry | None:
        """mark_signed, then claim_next, in one transaction: the drain's one store call per sale."""

        def work(tx: Transaction) -> OutboxEntry | None:
            tx.outbox.mark_signed(entry_id, receipt)
            return tx.outbox.claim_next(device_id, now)

        return await self._write(work)

    async def assign_number(self, entry_id: int) -> int:
        """Write-ahead: the entry's eTIMS number (new: last + 1), committed with state SENDING."""
        return await self._write(lambda tx: tx.outbox.assign_number(entry_id))

    async def mark_signed(self, entry_id: int, receipt: SignedReceipt) -> None:
        await self._write(lambda tx: tx.outbox.mark_signed(entry_id, receipt))

    async def mark_uncertain(self, entry_id: int, reason: str, code: str | None = None) -> None:
        await self._write(lambda tx: tx.outbox.mark_uncertain(entry_id, reason, code))

    async def note_outbox(self, entry_id: int, reason: str) -> None:
        """A line in the sale's history saying which way the engine goes, its state unchanged."""
        await self._write(lambda tx: tx.outbox.note(entry_id, reason))

    async def mark_needs_check(self, entry_id: int, code: str | None, message: str) -> None:
        await self._write(lambda tx: tx.outbox.mark_needs_check(entry_id, code, message))

    async def release_number(self, entry_id: int, reason: str) -> int:
        """KRA holds another document under this sale's number: the sale waits for a number after KRA's."""
        return await self._write(lambda tx: tx.outbox.release_number(entry_id, reason))

    async def kra_lacks_number(self, device_id: int, invc_no: int, reason: str) -> int | None:
        """KRA expects `invc_no` next: the sale needing a check under it goes again (its id, or None)."""
        return await self._write(lambda tx: tx.outbox.kra_lacks_number(device_id, invc_no, reason))

    async def confirm_recorded(self, sale_id: int) -> None:
        """The shop owner saw the sale on KRA's portal: it is signed (receipt details to be completed)."""
        await self._write(lambda tx: tx.outbox.confirm_recorded(sale_id))

    async def send_again_same_number(self, sale_id: int) -> None:
        """The shop owner saw KRA does not have the sale: send it again under its own number."""
        await self._write(lambda tx: tx.outbox.send_again_same_number(sale_id))

    async def mark_waiting(
        self,
        entry_id: int,
        reason: WaitReason,
        next_attempt_at: datetime | None,
        code: str | None = None,
        message: str | None = None,
    ) -> None:
        await self._write(lambda tx: tx.outbox.mark_waiting(entry_id, reason, next_attempt_at, code, message))

    async def mark_needs_fix(self, entry_id: int, code: str | None, message: str) -> None:
        await self._write(lambda tx: tx.outbox.mark_needs_fix(entry_id, code, message))

    async def cancel_sale(self, sale_id: int) -> None:
        await self._write(lambda tx: tx.outbox.cancel(sale_id))

    async def resend_sale(
        self,
        sale_id: int,
        corrected: Sale | None = None,
        total: Decimal | None = None,
        total_tax: Decimal | None = None,
    ) -> None:
        await self._write(lambda tx: tx.outbox.resend(sale_id, corrected, total, total_tax))

    async def get_entry(self, sale_id: int) -> OutboxEntry:
        return await self._read(lambda tx: tx.outbox.get_entry(sale_id))

    async def list_outbox(
        self,
        device_id: int | None = None,
        states: set[OutboxState] | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[OutboxEntry]:
        """Newest recorded first."""
        return await self._read(lambda tx: tx.outbox.list(device_id, states, limit, offset))

    async def history(self, sale_id: int) -> list[StateChange]:
        return await self._read(lambda tx: tx.outbox.history(sale_id))

    async def outbox_counts(self, device_id: int) -> dict[OutboxState, int]:
        return await self._read(lambda tx: tx.outbox.counts(device_id))

    async def board(self, include_retired: bool = False) -> list[DeviceBoardRecord]:
        """Every device's board record, read in one transaction (one consistent picture)."""

        def read(tx: Transaction) -> list[DeviceBoardRecord]:
            pending = tx.outbox.pending_summary()
            documents = tx.queue.counts()
            records = []
            # Everything from each row as it is read: a board load during a drain reads 20 rows once,
            # not 60 times (the session drops rows nobody holds; see DeviceRepository.rows).
            for row in tx.devices.rows(include_retired):
                records.append(
                    DeviceBoardRecord(
                        device=device_from_row(row),
                        status=status_from_row(row),
                        summary=pending.get(row.id),
                        last_success_at=row.last_sync_at,
                        last_error=last_error_of(row),
                        documents=documents.get(row.id, {}),
                    )
                )
            return records

        return await self._read(read)

    async def activity(
        self, bucket_edges: dict[str, Sequence[datetime]], queue_points: Sequence[datetime]
    ) -> ActivityRecord:
        """Sales per time bucket and each device's queue over time (the Today tab), in one read
        transaction (storage/today.py)."""
        return await self._read(lambda tx: read_activity(tx.connection, bucket_edges, queue_points))

    async def pending_summary(self) -> dict[int, PendingSummary]:
        """Every device: pending count, when its oldest pending sale was recorded, counts by state."""
        return await self._read(lambda tx: tx.outbox.pending_summary())

    async def signed_count_since(self, device_id: int, since: datetime) -> int:
        """Sales of the device that became signed at or after `since` (our clock), e.g. "signed today"."""
        return await self._read(lambda tx: tx.outbox.signed_count_since(device_id, since))

    async def credited_quantities(self, original_sale_id: int) -> dict[str, Decimal]:
        """Item code -> quantity already credited on a sale by its credit notes (cancelled ones excluded)."""
        return await self._read(lambda tx: tx.outbox.credited_quantities(original_sale_id))

    async def sales_between(
        self,
        start: datetime,
        end: datetime,
        device_id: int | None = None,
        states: frozenset[OutboxState] | None = None,
    ) -> list[PeriodSale]:
        """Sales and credit notes sold in [start, end), oldest first, with stored amounts and signed
        documents, read in one transaction (storage/period_sales.py)."""
        return await self._read(
            lambda tx: period_sales(tx.connection, tx.outbox, tx.documents, start, end, device_id, states)
        )

    async def signed_document(self, sale_id: int) -> SignedDocument | None:
        """What was kept when KRA signed the sale (None: not signed)."""
        return await self._read(lambda tx: tx.documents.get(sale_id))

    async def original_printed(self, sale_id: int) -> bool:
        """The signed receipt was printed before: print it again as a COPY."""
        return await self._read(lambda tx: tx.documents.original_printed(sale_id))

    async def record_receipt_print(self, sale_id: int, *, while_pending: bool = False) -> None:
        """A receipt went to paper or PDF; for a signed sale, the first one was the original.
        `while_pending`: it carried no signature yet, so it is due for a reprint once KRA signs the sale;
        a print that did not is no longer due."""

        def record(tx: Transaction) -> None:
            if while_pending:
                tx.pending_prints.add([sale_id])
            else:
                tx.pending_prints.forget([sale_id])
                tx.documents.record_print(sale_id)

        await self._write(record)

    async def printed_while_pending(self) -> dict[int, OutboxState]:
        """Sales whose receipt was printed before KRA signed them, and their state now."""
        return await self._read(lambda tx: tx.pending_prints.states())

    async def add_printed_while_pending(self, sale_ids: Iterable[int]) -> int:
        """Remember receipts printed while pending (an older version's file); unknown sales are skipped."""
        ids = list(sale_ids)
        return await self._write(lambda tx: tx.pending_prints.add(ids))

    async def forget_printed_while_pending(self, sale_ids: Iterable[int]) -> None:
        ids = list(sale_ids)
        await self._write(lambda tx: tx.pending_prints.forget(ids))

    # --- the receipt header ---------------------------------------------------------------------

    async def business_details(self) -> BusinessDetails:
        return await self._read(lambda tx: tx.business.get())

    async def save_business_details(self, details: BusinessDetails) -> BusinessDetails:
        """Printed on receipts of sales signed from now on; signed sales keep the header they had."""
        return await self._write(lambda tx: tx.business.save(details))

    # --- sync history ---------------------------------------------------------------------------

    async def start_sync_run(self, scope: str, started_at: datetime) -> int:
        return await self._write(lambda tx: tx.runs.start(scope, started_at))

    async def finish_sync_run(
        self, run_id: int, finished_at: datetime, per_device: dict[int, dict[str, Any]]
    ) -> None:
        await self._write(lambda tx: tx.runs.finish(run_id, finished_at, per_device))

    async def list_sync_runs(self, device_id: int | None = None, limit: int = 50) -> list[SyncRunRecord]:
        return await self._read(lambda tx: tx.runs.list(device_id, limit))

    # --- KRA reference data ---------------------------------------------------------------------

    async def get_fetch_mark(self, device_id: int, kind: str) -> datetime | None:
        return await self._read(lambda tx: tx.reference.get_fetch_mark(device_id, kind))

    async def fetch_marks(self, device_id: int) -> dict[str, datetime]:
        """Every fetch mark of the device (kind -> time): one read for a whole reference refresh."""
        return await self._read(lambda tx: tx.reference.fetch_marks(device_id))

    async def set_fetch_mark(self, device_id: int, kind: str, result_dt: datetime) -> None:
        await self._write(lambda tx: tx.reference.set_fetch_mark(device_id, kind, result_dt))

    async def save_code_classes(
        self, device_id: int, classes: list[CodeClassRecord], result_dt: datetime
    ) -> int:
        return await self._write(lambda tx: tx.reference.save_code_classes(device_id, classes, result_dt))

    async def tax_rates(self, device_id: int) -> dict[TaxType, Decimal]:
        """From the cached class 04, else A 0, B 16, C 0, D 0, E 8 (percent)."""
        return await self._read(lambda tx: tx.reference.tax_rates(device_id))

    async def codes(self, device_id: int, cls: str, include_unused: bool = False) -> list[CodeRecord]:
        return await self._read(lambda tx: tx.reference.codes(device_id, cls, include_unused))

    async def save_item_classes(
        self, device_id: int, classes: list[ItemClassRecord], result_dt: datetime
    ) -> int:
        return await self._write(lambda tx: tx.reference.save_item_classes(device_id, classes, result_dt))

    async def search_item_classes(self, device_id: int, text: str, limit: int = 50) -> list[ItemClassRecord]:
        return await self._read(lambda tx: tx.reference.search_item_classes(device_id, text, limit))

    async def save_notices(self, device_id: int, notices: list[NoticeRecord], result_dt: datetime) -> int:
        return await self._write(lambda tx: tx.reference.save_notices(device_id, notices, result_dt))

    async def list_notices(self, device_id: int) -> list[NoticeRecord]:
        return await self._read(lambda tx: tx.reference.list_notices(device_id))

    # --- item master ----------------------------------------------------------------------------

    async def add_item(self, item: Item | ItemDraft) -> Item:
        return await self._write(lambda tx: tx.items.add(item))

    async def update_item(self, item: Item) -> Item:
        return await self._write(lambda tx: tx.items.update(item))

    async def list_items(self) -> list[Item]:
        return await self._read(lambda tx: tx.items.list())

    async def get_item(self, code: str) -> Item:
        return await self._read(lambda tx: tx.items.get(code))

    async def unregistered_items(self, device_id: int, codes: set[str]) -> list[Item]:
        return await self._read(lambda tx: tx.items.unregistered(device_id, codes))

    async def mark_item_registered(self, device_id: int, code: str, at: datetime) -> None:
        await self._write(lambda tx: tx.items.mark_registered(device_id, code, at))

    async def record_item_registration_error(self, device_id: int, code: str, error: str) -> None:
        await self._write(lambda tx: tx.items.record_registration_error(device_id, code, error))

    async def registrations(self, code: str) -> dict[int, datetime | None]:
        return await self._read(lambda tx: tx.items.registrations(code))

    # --- the document queue and stock (storage/documents.py, storage/stock.py) -----------------------

    async def document_sales(self, device_id: int, gather: bool = True) -> int:
        """Queue the stock documents of the sales signed since the last time (storage/stock.py)."""
        return await self._write(lambda tx: tx.stock.document_sales(device_id, gather))

    async def claim_document(self, device_id: int, now: datetime) -> QueuedDocument | None:
        return await self._write(lambda tx: tx.queue.claim_next(device_id, now))

    async def mark_document_sent(self, document_id: int, reason: str = "KRA accepted it") -> None:
        await self._write(lambda tx: tx.queue.mark_sent(document_id, reason))

    async def document_sent_claim_next(
        self, document_id: int, reason: str, device_id: int, now: datetime
    ) -> QueuedDocument | None:
        """mark_document_sent, then claim_document, in one transaction: the queue's one store call per
        document sent (as sign_and_claim_next is for sales)."""

        def work(tx: Transaction) -> QueuedDocument | None:
            tx.queue.mark_sent(document_id, reason)
            return tx.queue.claim_next(device_id, now)

        return await self._write(work)

    async def mark_document_uncertain(self, document_id: int, reason: str, code: str | None = None) -> None:
        await self._write(lambda tx: tx.queue.mark_uncertain(document_id, reason, code))

    async def mark_document_waiting(
        self, document_id: int, next_attempt_at: datetime | None, code: str | None, message: str
    ) -> None:
        await self._write(lambda tx: tx.queue.mark_waiting(document_id, next_attempt_at, code, message))

    async def mark_document_needs_fix(self, document_id: int, code: str | None, message: str) -> None:
        await self._write(lambda tx: tx.queue.mark_needs_fix(document_id, code, message))

    async def resend_document(self, document_id: int) -> None:
        await self._write(lambda tx: tx.queue.resend(document_id))

    async def cancel_document(self, document_id: int) -> None:
        await self._write(lambda tx: tx.queue.cancel(document_id))

    async def get_document(self, document_id: int) -> QueuedDocument:
        return await self._read(lambda tx: tx.queue.get(document_id))

    async def list_documents(
        self,
        device_id: int | None = None,
        kinds: list[DocumentKind] | None = None,
        states: list[DocumentState] | None = None,
        limit: int = 200,
    ) -> list[QueuedDocument]:
        return await self._read(lambda tx: tx.queue.list(device_id, kinds, states, limit))

    async def document_history(self, document_id: int) -> list[DocumentChange]:
        return await self._read(lambda tx: tx.queue.history(document_id))

    async def devices_with_pending_documents(self, device_ids: list[int]) -> set[int]:
        return await self._read(lambda tx: tx.queue.devices_with_pending(device_ids))

    async def document_counts(
        self, device_id: int | None = None
    ) -> dict[int, dict[str, dict[DocumentState, int]]]:
        """Per device, per group (purchases, imports, stock): documents per state."""
        return await self._read(lambda tx: tx.queue.counts(device_id))

    async def adjust_stock(
        self, device_id: int, lines: list[MovedLine], reason: StockReason, note: str | None = None
    ) -> int:
        """Record a person's stock adjustment and queue its documents; returns the movement's document id."""
        return await self._write(lambda tx: tx.stock.adjust(device_id, lines, reason, note))

    async def stock_balances(self, device_id: int) -> list[StockBalance]:
        return await self._read(lambda tx: tx.stock.balances(device_id))

    async def stock_balance(self, device_id: int, item_code: str) -> Decimal:
        return await self._read(lambda tx: tx.stock.balance(device_id, item_code))

    # --- purchases (storage/purchases.py) and customs imports (storage/imports.py) --------------------

    async def save_supplier_invoices(
        self, device_id: int, invoices: list[dict[str, Any]], result_dt: datetime | None
    ) -> int:
        """Store new suppliers' invoices and, in the same transaction, the fetch mark for the next call."""

        def work(tx: Transaction) -> int:
            added = tx.purchases.save_invoices(device_id, invoices)
            if result_dt is not None:
                tx.reference.set_fetch_mark(device_id, "purchases", result_dt)
            return added

        return await self._write(work)

    async def list_purchases(
        self, device_id: int | None = None, states: list[str] | None = None
    ) -> list[PurchaseRecord]:
        return await self._read(lambda tx: tx.purchases.list(device_id, states))

    async def accepted_purchases_between(
        self, start: datetime, end: datetime, device_id: int | None = None
    ) -> list[ConfirmedPurchase]:
        """Purchases accepted or declared, bought in [start, end), with their confirmations."""
        return await self._read(lambda tx: tx.purchases.accepted_between(start, end, device_id))

    async def get_purchase(self, purchase_id: int) -> PurchaseRecord:
        return await self._read(lambda tx: tx.purchases.get(purchase_id))

    async def accept_purchase(
        self, purchase_id: int, lines: list[PurchaseLine], payment_type: str | None = None
    ) -> int:
        return await self._write(lambda tx: tx.purchases.accept(purchase_id, lines, payment_type))

    async def reject_purchase(self, purchase_id: int) -> int:
        return await self._write(lambda tx: tx.purchases.reject(purchase_id))

    async def record_manual_purchase(
        self, device_id: int, header: PurchaseHeader, lines: list[PurchaseLine]
    ) -> tuple[int, int]:
        return await self._write(lambda tx: tx.purchases.record_manual(device_id, header, lines))

    async def save_import_lines(
        self, device_id: int, lines: list[dict[str, Any]], result_dt: datetime | None
    ) -> int:
        def work(tx: Transaction) -> int:
            added = tx.imports.save_lines(device_id, lines)
            if result_dt is not None:
                tx.reference.set_fetch_mark(device_id, "imports", result_dt)
            return added

        return await self._write(work)

    async def list_imports(
        self, device_id: int | None = None, states: list[str] | None = None
    ) -> list[ImportLineRecord]:
        return await self._read(lambda tx: tx.imports.list(device_id, states))

    async def get_import(self, import_id: int) -> ImportLineRecord:
        return await self._read(lambda tx: tx.imports.get(import_id))

    async def accept_import(self, import_id: int, item: Item) -> int:
        return await self._write(lambda tx: tx.imports.accept(import_id, item))

    async def reject_import(self, import_id: int, remark: str | None = None) -> int:
        return await self._write(lambda tx: tx.imports.reject(import_id, remark))
