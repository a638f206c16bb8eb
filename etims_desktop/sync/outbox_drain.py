"""Send one device's outbox, strictly one request at a time and in eTIMS number order.

The guarantees (architecture.md, "The outbox"):
- the number is committed before the request leaves (Store.assign_number is write-ahead);
- no answer means *uncertain*: ask KRA (selectInvoiceDetails) before anything else, and resend
  with the SAME number when KRA does not have it - a duplicate answer then means "already recorded".
  A host without the lookup (HTTP 404, 912), or a lookup that keeps failing, never blocks the device:
  the same document is resent with the same number and KRA's answer decides (docs/RELIABILITY.md,
  "Uncertain sales"); an answer that leaves it unknowable sends the sale to *needs your check*;
- a business rejection frees the number and moves the sale to *needs your fix*;
- transport failures keep the number and back off with jitter; 990 pauses the device.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from contextlib import AsyncExitStack
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from etims_desktop.domain.clock import utcnow
from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.errors import explain
from etims_desktop.domain.outbox import OutboxEntry, OutboxState, SignedReceipt, WaitReason, pending_count
from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.domain.tax import queued_amounts
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra import errors as kra_errors
from etims_desktop.kra.loop_lock import ThreadSafeLock
from etims_desktop.storage import secrets
from etims_desktop.sync import number_check
from etims_desktop.sync.backoff import next_attempt
from etims_desktop.sync.device_checks import status_from_error
from etims_desktop.sync.device_lock import SYNCED_ELSEWHERE, DeviceLocks
from etims_desktop.sync.document_drain import DocumentDrain
from etims_desktop.sync.payloads import item_request, sale_request
from etims_desktop.sync.report import DeviceSyncReport, Progress
from etims_desktop.sync.settings import SyncSettings

if TYPE_CHECKING:
    from etims_desktop.kra.client import KraClient
    from etims_desktop.kra.models import InvoiceDetails, SaleReply
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.connections import Connections


log = logging.getLogger("etims_desktop.sync")

ProgressCallback = Callable[[Progress], None]


class NumbersRealigned(Exception):
    """KRA held numbers this device did not know of; the sale gave its number up and the device's next
    number is now past KRA's. The drain goes on with the next claim."""


class DeviceStopped(Exception):
    """The device cannot go on in this run (offline, paused, key problem). Carries the wait reason."""

    def __init__(self, reason: str, error: BaseException | None = None):
        super().__init__(reason)
        self.reason = reason
        self.error = error


def receipt_from_reply(reply: SaleReply | InvoiceDetails, invc_no: int, device: Device) -> SignedReceipt:
    """Normalise an OSCU or VSCU sale reply (or an invoice-details echo) into our receipt record."""
    return SignedReceipt(
        invc_no=invc_no,
        receipt_no=reply.cur_rcpt_no,
        total_receipt_no=reply.tot_rcpt_no,
        internal_data=reply.intrl_data,
        signature=reply.rcpt_sign,
        signed_at=reply.sdc_date_time,
        scu_id=getattr(reply, "sdc_id", None) or device.scu_id,
        mrc_no=getattr(reply, "mrc_no", None) or device.mrc_no,
        request_body=getattr(reply, "request_body", None),  # the exact bytes KRA signed, for reprints
        reply_body=getattr(reply, "reply_body", None),
    )


class OutboxDrain:
    """Drains outboxes. One lock per device: one request in flight per device, devices in parallel."""

    def __init__(
        self,
        store: Store,
        connections: Connections,
        settings: SyncSettings | None = None,
        clock: Callable[[], datetime] = utcnow,
    ):
        self.store = store
        self.connections = connections
        self.settings = settings or SyncSettings()
        self.clock = clock
        self._locks: dict[int, ThreadSafeLock] = {}  # a Sync run may be on another loop (thread)
        self._hosts_without_lookup: set[tuple[int, str]] = set()  # (device id, host) learnt this session
        # Across processes (the window and a scheduled `sync` on one data dir): sync/device_lock.py.
        self.device_locks = DeviceLocks.beside(Path(str(store.engine.url.database)))
        # The document queue (purchases, imports, stock) goes under the same locks: sync/document_drain.py.
        self.documents = DocumentDrain(store, lambda: self.settings, lambda: self.clock())

    def lock(self, device_id: int) -> ThreadSafeLock:
        lock = self._locks.get(device_id)
        if lock is None:
            lock = self._locks.setdefault(device_id, ThreadSafeLock())  # one winner, under the GIL
        return lock

    async def drain(
        self,
        device: Device,
        report: DeviceSyncReport,
        *,
        limit: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> None:
        """Send until the outbox is empty, `limit` sales were handled, or the device must stop."""
        async with (
            self.lock(device.saved_id),
            self.device_locks.hold(device.saved_id) as mine,
            AsyncExitStack() as after,  # runs before the locks are let go
        ):
            if not mine:  # another program on this computer is draining this device: leave it to it
                report.synced_elsewhere = True
                report.waiting_reason = SYNCED_ELSEWHERE
                return
            try:
                client = await self.connections.client_for(device)
            except (secrets.KeyStoreError, TimeoutError) as exc:
                report.status = status_from_error(device, exc)
                report.errors.append(report.status.plain or str(exc))
                report.waiting_reason = QT_TRANSLATE_NOOP("Core", "the CMC key could not be read")
                return
            if not await number_check.ready_to_send(self.store, client, device, report):
                return  # damaged database, or numbers still to be checked with KRA after a restore
            # The document queue (purchases, imports, stock) under the same locks: before the sales (an
            # opening stock a sale needs) and after them (the movements of the sales just signed).
            await self.documents.send(device, client, report)
            after.push_async_exit(functools.partial(self.documents.send_after, device, client, report))
            start = await self.store.start_drain(device.saved_id, self.clock(), claim=limit != 0)
            total = pending_count(start.counts)  # this device's queue only
            if limit is not None:
                total = min(total, limit)
            done = 0
            failures = 0
            checked = report.status  # the live check's verdict; a stop overrides it until a sale goes through
            rates = start.tax_rates
            registered: set[str] = set()  # item codes known to be registered on this device (this run)
            entry = start.first  # the next entry to send, claimed with the last store call
            if entry is None:
                return  # nothing due
            while limit is None or done < limit:
                if entry is None:
                    entry = await self.store.claim_next(device.saved_id, self.clock())
                    if entry is None:
                        break
                claim_next = limit is None or done + 1 < limit
                try:
                    entry = await self._handle(device, client, entry, rates, report, registered, claim_next)
                    if failures:  # KRA answers again: the earlier stop no longer describes the device
                        report.status, report.waiting_reason = checked, None
                    failures = 0
                except NumbersRealigned:
                    entry = None  # the sale waits for a number after KRA's: claimed again right away
                    continue
                except DeviceStopped as stop:
                    entry = None
                    failures += 1
                    report.waiting_reason = stop.reason
                    if stop.error is not None:
                        report.status = status_from_error(device, stop.error)
                    if failures >= self.settings.max_transport_failures or not isinstance(
                        stop.error, kra_errors.OutcomeUnknown
                    ):
                        break
                    continue  # an uncertain send: resolve it at once, up to max_transport_failures
                done += 1
                if progress:
                    progress(Progress(device.saved_id, "sending", done, max(total, done)))

    async def send_pending(
        self, device: Device, progress: ProgressCallback | None = None
    ) -> DeviceSyncReport:
        """Drain outside a Sync run (a new OSCU sale, a scheduled VSCU batch) and keep what it learnt
        about the device's status; a Sync run records status itself, with the rest of its report."""
        report = DeviceSyncReport(device.saved_id, device.name, device.type.value)
        await self.drain(device, report, progress=progress)
        if report.status.kind is StatusKind.UNKNOWN and report.signed:
            # KRA just signed: it answers, whatever an earlier failed send left on the board.
            report.status = DeviceStatus(StatusKind.ONLINE, self.clock())
        if report.status.kind is not StatusKind.UNKNOWN:  # drain sets a status only when something failed
            await self.store.save_status(device.saved_id, report.status)
        return report

    async def _handle(
        self,
        device: Device,
        client: KraClient,
        entry: OutboxEntry,
        rates: dict[TaxType, Decimal],
        report: DeviceSyncReport,
        registered: set[str],
        claim_next: bool,
    ) -> OutboxEntry | None:
        """Send one claimed entry and record the outcome. On the happy path with `claim_next`, the
        signature is stored together with claiming the next entry (one store transaction per sale):
        that next entry is returned. None: the caller claims the next one itself."""
        if entry.state is OutboxState.UNCERTAIN:
            if await self._resolve_uncertain(device, client, entry, report):
                return None
            # Not resolved: the same document goes again under the same number, and KRA's answer decides.
        if not await self._register_items(device, client, entry, registered):
            report.rejected += 1
            return None
        invc_no = entry.invc_no  # committed by claim_next before anything leaves this machine
        assert invc_no is not None, "a claimed entry always holds its eTIMS number"
        amounts = queued_amounts(entry.sale, rates)  # as stored when queued, whatever the rates are now
        request = sale_request(device, entry.sale, amounts, invc_no, entry.original_invc_no, self.clock())
        was_sent_before = entry.attempts > 0 or entry.state is OutboxState.UNCERTAIN
        try:
            reply = await client.save_sale(request)
        except kra_errors.Duplicate as exc:
            await self._already_recorded(device, client, entry, invc_no, exc, was_sent_before, report)
            return None
        except kra_errors.SequenceOutOfStep as exc:
            await self._out_of_step(device, client, entry, exc, was_sent_before, report)
            return None
        except kra_errors.UnexpectedResult as exc:
            if was_sent_before:  # KRA may hold it, and its answer says neither yes nor no
                await self._needs_check(entry, exc, report)
                return None
            await self._wait(entry, WaitReason.KRA_UNAVAILABLE, exc)
            raise DeviceStopped(WaitReason.KRA_UNAVAILABLE.label, exc) from None
        except kra_errors.BusinessRejection as exc:
            await self.store.mark_needs_fix(entry.id, exc.code, _explain(exc))
            report.rejected += 1
            return None
        except kra_errors.SlowDown as exc:
            until = self.clock() + timedelta(seconds=self.settings.slow_down_seconds)
            await self.store.mark_waiting(entry.id, WaitReason.SLOW_DOWN, until, exc.code, _explain(exc))
            await self.store.set_paused_until(device.saved_id, until)
            raise DeviceStopped(WaitReason.SLOW_DOWN.label, exc) from None
        except kra_errors.ConnectFailed as exc:
            reason = WaitReason.KRA_UNAVAILABLE if device.type is DeviceType.VSCU else WaitReason.NO_INTERNET
            await self._wait(entry, reason, exc)
            raise DeviceStopped(reason.label, exc) from None
        except (kra_errors.OutcomeUnknown, kra_errors.BadHttpStatus, kra_errors.MalformedReply) as exc:
            # The request left this machine: KRA may have signed it. Never give this number to another sale.
            report.unconfirmed += 1
            unclear = isinstance(exc, kra_errors.MalformedReply)  # an answer came, but it makes no sense
            if unclear and entry.attempts + 1 >= self.settings.unclear_answers_before_check:
                await self._needs_check(entry, exc, report)
                return None
            await self.store.mark_uncertain(
                entry.id,
                Said(QT_TRANSLATE_NOOP("Core", "sent, no usable answer: {problem}"), problem=_explain(exc)),
                exc.code,
            )
            raise DeviceStopped(
                QT_TRANSLATE_NOOP("Core", "KRA's answer was lost - checking with KRA"), exc
            ) from None
        except kra_errors.CredentialError as exc:
            await self._wait(entry, WaitReason.KRA_UNAVAILABLE, exc)
            raise DeviceStopped("KRA rejected this device's key", exc) from None
        except kra_errors.KraError as exc:  # 999 and other temporary faults: same number, later
            await self._wait(entry, WaitReason.KRA_UNAVAILABLE, exc)
            raise DeviceStopped(WaitReason.KRA_UNAVAILABLE.label, exc) from None
        receipt = receipt_from_reply(reply, invc_no, device)
        following = None
        if claim_next:  # all or nothing: should claiming fail, the sale stays SENDING -> checked with KRA
            following = await self.store.sign_and_claim_next(entry.id, receipt, device.saved_id, self.clock())
        else:
            await self.store.mark_signed(entry.id, receipt)
        report.signed += 1
        return following

    async def _wait(self, entry: OutboxEntry, reason: WaitReason, exc: kra_errors.KraError) -> None:
        when = next_attempt(self.clock(), entry.attempts + 1)
        await self.store.mark_waiting(entry.id, reason, when, exc.code, _explain(exc))

    async def _resolve_uncertain(
        self, device: Device, client: KraClient, entry: OutboxEntry, report: DeviceSyncReport
    ) -> bool:
        """Ask KRA whether it has this number. True: resolved (signed). False: resend the same document
        with the same number - always safe, as KRA's answer to it decides (a duplicate = already recorded)."""
        n = entry.invc_no
        assert n is not None, "an uncertain entry was sent under its eTIMS number"
        host = _host(client, device)
        if await self._lookup_missing(device, host):
            await self.store.note_outbox(
                entry.id, f"{host} cannot look sales up: sending it again with the same eTIMS number {n}"
            )
            return False
        try:
            details = await client.select_invoice_details(n)
        except (kra_errors.ConnectFailed, kra_errors.SlowDown) as exc:
            raise DeviceStopped(
                QT_TRANSLATE_NOOP("Core", "still checking with KRA about a sale whose answer was lost"), exc
            ) from None
        except kra_errors.KraError as exc:
            if _says_lookup_missing(exc):
                await self._remember_lookup_missing(device, host)
                await self.store.note_outbox(
                    entry.id,
                    f"{host} does not offer the invoice lookup ({_explain(exc)}), so the app cannot ask "
                    f"whether this sale arrived: sending it again with the same eTIMS number {n}",
                )
                return False
            if isinstance(exc, kra_errors.TransportError | kra_errors.TemporaryKraFault):
                tries = entry.attempts + 1
                if tries < self.settings.uncertain_tries_before_resend:
                    await self.store.mark_uncertain(
                        entry.id,
                        Said(
                            QT_TRANSLATE_NOOP(
                                "Core", "asked KRA whether it has eTIMS number {number}: {problem}"
                            ),
                            number=n,
                            problem=_explain(exc),
                        ),
                        exc.code,
                    )
                    raise DeviceStopped(
                        "still checking with KRA about a sale whose answer was lost", exc
                    ) from None
                reason = f"KRA's invoice lookup did not answer after {tries} tries ({_explain(exc)})"
            else:
                reason = f"KRA's invoice lookup refused the question ({_explain(exc)})"
            await self.store.note_outbox(
                entry.id, f"{reason}: sending it again with the same eTIMS number {n}"
            )
            return False
        if details is None:
            return False
        if not _same_sale(details, entry):
            await self._number_collision(device, client, entry, report)
        assert entry.invc_no is not None  # an uncertain entry was sent under its number
        await self.store.mark_signed(entry.id, receipt_from_reply(details, entry.invc_no, device))
        report.signed += 1
        report.already_recorded += 1
        return True

    async def _remember_lookup_missing(self, device: Device, host: str) -> None:
        await self.store.set_invoice_lookup_missing_on(device.saved_id, host)
        self._hosts_without_lookup.add((device.saved_id, host))

    async def _lookup_missing(self, device: Device, host: str) -> bool:
        """Was this host found to lack the invoice lookup (this run, or remembered from an earlier one)?"""
        if (device.saved_id, host) in self._hosts_without_lookup:
            return True
        if await self.store.invoice_lookup_missing_on(device.saved_id) == host:
            self._hosts_without_lookup.add((device.saved_id, host))
            return True
        return False

    async def _already_recorded(
        self,
        device: Device,
        client: KraClient,
        entry: OutboxEntry,
        invc_no: int,
        exc: kra_errors.Duplicate,
        was_sent_before: bool,
        report: DeviceSyncReport,
    ) -> None:
        details = None
        if not await self._lookup_missing(device, _host(client, device)):
            try:
                details = await client.select_invoice_details(invc_no)
            except kra_errors.KraError:
                details = None
        if details is not None:
            if not _same_sale(details, entry):
                await self._number_collision(device, client, entry, report)
            receipt = receipt_from_reply(details, invc_no, device)
        elif was_sent_before:
            receipt = SignedReceipt(
                invc_no=invc_no, scu_id=device.scu_id, mrc_no=device.mrc_no, complete=False
            )
        else:
            await self._number_collision(device, client, entry, report)
        await self.store.mark_signed(entry.id, receipt)
        report.signed += 1
        report.already_recorded += 1

    async def _out_of_step(
        self,
        device: Device,
        client: KraClient,
        entry: OutboxEntry,
        exc: kra_errors.SequenceOutOfStep,
        was_sent_before: bool,
        report: DeviceSyncReport,
    ) -> None:
        """A strict host refused our number and named the one it expects (expected == ours + 1 arrives
        as Duplicate instead). Never guess: a number KRA may hold is never handed to another sale."""
        if exc.expected > exc.found:
            # KRA holds our number and more after it (another till, an old backup, a power cut).
            if was_sent_before and await self._lookup_missing(device, _host(client, device)):
                await self._needs_check(entry, exc, report)  # whose document is under ours cannot be asked
                return
            why = (
                f"KRA expects eTIMS number {exc.expected} next: it holds numbers this device did not know of."
            )
            await self._realign(device, client, entry, exc.expected - 1, why, report)
        # A strict host lacks an earlier number. If that is a sale of ours awaiting a check, KRA has
        # just answered the check: it goes again under its number, then this one.
        reason = (
            f"KRA expects eTIMS number {exc.expected} next, so it does not have this sale: sending it again"
        )
        if await self.store.kra_lacks_number(device.saved_id, exc.expected, reason) is not None:
            await self.store.mark_waiting(
                entry.id,
                WaitReason.KRA_UNAVAILABLE,
                None,
                exc.code,
                Said(QT_TRANSLATE_NOOP("Core", "waits for number {number} to go first"), number=exc.expected),
            )
            return
        message = Said(_KRA_LACKS_NUMBERS, expected=exc.expected, found=exc.found)
        await self.store.mark_waiting(entry.id, WaitReason.KRA_UNAVAILABLE, None, exc.code, message)
        await self.store.record_device_error(
            device.saved_id,
            exc.code,
            message,
            QT_TRANSLATE_NOOP(
                "Core",
                "Use one device per till. Ask support to compare this device's signed sales with KRA's.",
            ),
        )
        raise DeviceStopped(QT_TRANSLATE_NOOP("Core", "KRA's invoice numbers and ours are out of step"), exc)

    async def _needs_check(
        self, entry: OutboxEntry, exc: kra_errors.KraError, report: DeviceSyncReport
    ) -> None:
        """KRA's answers leave it unknowable whether it holds this sale: a person looks it up."""
        message = Said(_CHECK_ON_PORTAL, problem=_explain(exc), number=entry.invc_no)
        await self.store.mark_needs_check(entry.id, exc.code, message)
        report.needs_check += 1

    async def _number_collision(
        self, device: Device, client: KraClient, entry: OutboxEntry, report: DeviceSyncReport
    ) -> None:
        """KRA holds another document under our number (another till, an old backup, a power cut)."""
        why = f"KRA already has a different sale with eTIMS number {entry.invc_no}."
        assert entry.invc_no is not None  # a collision is found under the number it was sent with
        await self._realign(device, client, entry, entry.invc_no, why, report)

    async def _realign(
        self,
        device: Device,
        client: KraClient,
        entry: OutboxEntry,
        kra_holds: int,
        why: str,
        report: DeviceSyncReport,
    ) -> None:
        """KRA holds numbers up to at least `kra_holds` that this device did not know of. Never guess:
        the sale gives up its number (KRA has another document under it), KRA is asked what it holds
        from there on (our own sales among them are marked signed: sync/number_check.py), and the next
        number moves past KRA's. Recorded in the sale's history and the device's number check."""
        number = await self.store.release_number(
            entry.id, f"{why} This sale was not recorded under eTIMS number {entry.invc_no}: it gets a number "
            "after the ones KRA holds",
        )  # fmt: skip
        log.warning("device %s: %s Re-aligning the numbers with KRA.", device.saved_id, why)
        adopted = 0
        host = _host(client, device)
        if not await self._lookup_missing(device, host):
            try:
                adopted = await number_check.check_numbers(
                    self.store, client, device, since=ELSEWHERE_OR_EARLIER
                )
            except kra_errors.KraError as exc:
                if _says_lookup_missing(exc):  # then only what KRA's refusal said is known
                    await self._remember_lookup_missing(device, host)
                elif isinstance(exc, kra_errors.TransportError | kra_errors.TemporaryKraFault):
                    raise DeviceStopped("checking with KRA which eTIMS numbers it already has", exc) from None
        if await self.store.last_invc_no(device.saved_id) < kra_holds:  # the lookup could not tell more
            await self.store.set_last_invc_no(device.saved_id, kra_holds)
        report.signed += adopted
        report.already_recorded += adopted
        log.info("device %s: gave up eTIMS number %s; next number %s", device.saved_id, number,
                 await self.store.last_invc_no(device.saved_id) + 1)  # fmt: skip
        raise NumbersRealigned()

    async def _register_items(
        self, device: Device, client: KraClient, entry: OutboxEntry, registered: set[str]
    ) -> bool:
        """Register the sale's items on this device first (once). False: KRA refused one, the sale needs a fix."""
        codes = {line.item_code for line in entry.sale.lines} - registered
        if not codes:
            return True
        for item in await self.store.unregistered_items(device.saved_id, codes):
            try:
                await client.save_item(item_request(item))
            except kra_errors.BusinessRejection as exc:
                await self.store.mark_needs_fix(
                    entry.id,
                    exc.code,
                    Said(_ITEM_REFUSED, item=item.name, problem=_explain(exc)),
                )
                return False
            except kra_errors.ConnectFailed as exc:
                await self._wait(entry, WaitReason.NO_INTERNET, exc)
                raise DeviceStopped(WaitReason.NO_INTERNET.label, exc) from None
            except kra_errors.KraError as exc:  # item registration is idempotent (upsert): retry later
                await self._wait(entry, WaitReason.KRA_UNAVAILABLE, exc)
                raise DeviceStopped(WaitReason.KRA_UNAVAILABLE.label, exc) from None
            await self.store.mark_item_registered(device.saved_id, item.code, self.clock())
        registered.update(codes)
        return True


_KRA_LACKS_NUMBERS = QT_TRANSLATE_NOOP(
    "Core",
    "KRA expects eTIMS number {expected} next, but this device's next sale is number {found}: KRA lacks "
    "numbers this device has already used.",
)
_CHECK_ON_PORTAL = QT_TRANSLATE_NOOP(
    "Core",
    "KRA's answers do not tell whether it recorded this sale ({problem}). Look up eTIMS number {number} on "
    "KRA's eTIMS portal, then choose 'KRA has it' or 'Send again'. Later sales go on with the numbers after it.",
)
_ITEM_REFUSED = QT_TRANSLATE_NOOP("Core", "KRA refused to register the item {item}: {problem}")
ELSEWHERE_OR_EARLIER = QT_TRANSLATE_NOOP("Core", "by another till or before this database's last save")


def _explain(exc: BaseException) -> str:
    """What happened, then what to do - as sentences: the one formatter (domain/errors.py)."""
    return explain(exc).strip()


# HTTP statuses that say "no such call here", unlike 500/502/503 which say "not now".
_NO_SUCH_CALL = frozenset({404, 405, 501})


def _says_lookup_missing(exc: kra_errors.KraError) -> bool:
    """Does this answer to selectInvoiceDetails say the host does not offer it at all?"""
    if isinstance(exc, kra_errors.UnknownEndpoint):  # the gateway's Apigee fault for an unknown path
        return True
    if isinstance(exc, kra_errors.BadHttpStatus):
        return exc.status in _NO_SUCH_CALL
    return exc.code == "912" or isinstance(exc, kra_errors.UnexpectedResult)


def _host(client: KraClient, device: Device) -> str:
    """The address a device's calls go to, as remembered for the lookup (a new address: ask again)."""
    return f"{client.base_url} ({device.endpoint_style.value} paths)"


def _same_sale(details: InvoiceDetails, entry: OutboxEntry) -> bool:
    """Does KRA's copy of this number belong to our sale? Compare the trader's own invoice number."""
    theirs = getattr(details, "trd_invc_no", None)
    return theirs is None or theirs == entry.sale.trader_invoice_no
