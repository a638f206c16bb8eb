"""Check with KRA: every local signed sale and credit note of a date range is looked up at KRA
(selectInvoiceDetails, the lookup the drain's recovery uses) and compared with what this PC kept.
Paced (`ReconcileSettings.lookups_per_second`), resumable (app/reconcile_progress.py: a second run of
the same range continues where the first stopped) and cancellable (cancel the task: what was checked
is kept). Every mismatch is listed in plain words with what to do."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from etims_desktop.app.day_report import day_bounds
from etims_desktop.app.reconcile_progress import Progress, ProgressFile
from etims_desktop.app.signed_figures import PeriodSalesStore, cents, sale_figures
from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import PlainError, explain
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.kra import errors as kra_errors
from etims_desktop.kra.models import InvoiceDetails
from etims_desktop.storage.records import PeriodSale
from etims_desktop.storage.settings_file import load_section
from etims_desktop.sync.outbox_drain import _says_lookup_missing

ProgressCallback = Callable[[int, int], None]  # (checked, total)


@dataclass(frozen=True)
class ReconcileSettings:
    lookups_per_second: float = 2.0  # KRA's invoice lookups per second, at most (be kind to KRA)

    @classmethod
    def load(cls, path: Path) -> ReconcileSettings:
        """settings.json's "reconcile" section."""
        return load_section(path, "reconcile", cls)


class ReconcileStore(PeriodSalesStore, Protocol):
    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...

    async def invoice_lookup_missing_on(self, device_id: int) -> str | None: ...

    async def set_invoice_lookup_missing_on(self, device_id: int, host: str | None) -> None: ...


class InvoiceLookup(Protocol):
    base_url: str

    async def select_invoice_details(self, invc_no: int) -> InvoiceDetails | None: ...


class Clients(Protocol):
    async def client_for(self, device: Device) -> InvoiceLookup: ...


class ReconcileError(PlainError):
    pass


class Mismatch(StrEnum):
    MISSING_AT_KRA = "missing_at_kra"
    DIFFERENT_TOTALS = "different_totals"
    DIFFERENT_RECEIPT = "different_receipt"  # receipt number, signature, or another sale under the number
    LOOKUP_NOT_OFFERED = "lookup_not_offered"
    NOT_CHECKED = "not_checked"  # KRA refused the question: asked again at the next run


@dataclass(frozen=True)
class Finding:
    kind: Mismatch
    device: str
    plain: str
    next_step: str
    sale_id: int | None = None
    invc_no: int | None = None
    invoice_no: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kind": self.kind.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(**{**data, "kind": Mismatch(data["kind"])})


@dataclass(frozen=True)
class ReconcileResult:
    first_day: date
    last_day: date
    device_id: int | None
    total: int  # signed sales and credit notes in the range
    checked: int  # of them, checked (this run and the runs it continued)
    continued_from: int  # checked by earlier runs
    findings: tuple[Finding, ...]
    stopped: tuple[str, ...]  # why a device could not be finished (no internet, no key, ...)

    @property
    def complete(self) -> bool:
        return self.checked >= self.total and not self.stopped

    @property
    def mismatches(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind is not Mismatch.NOT_CHECKED)

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "device": self.device_id,
            "total": self.total,
            "checked": self.checked,
            "continued_from": self.continued_from,
            "complete": self.complete,
            "findings": [f.as_dict() for f in self.findings],
            "stopped": list(self.stopped),
        }


def range_key(first_day: date, last_day: date, device_id: int | None) -> str:
    return f"{first_day.isoformat()}..{last_day.isoformat()}:{device_id if device_id is not None else 'all'}"


def _host(client: InvoiceLookup, device: Device) -> str:
    """As the drain remembers a host without the lookup (sync/outbox_drain.py)."""
    return f"{client.base_url} ({device.endpoint_style.value} paths)"


def compare(item: PeriodSale, device: Device, details: InvoiceDetails | None) -> Finding | None:
    """KRA's record of a signed sale against ours: None when they agree."""
    entry = item.entry
    receipt = entry.receipt
    invc_no = receipt.invc_no if receipt else entry.invc_no
    what = "credit note" if entry.sale.is_credit_note else "sale"
    ours = (
        f"{what} {entry.sale.trader_invoice_no} (eTIMS number {invc_no}, sold {entry.sale.sold_at:%d/%m/%Y})"
    )

    def finding(kind: Mismatch, plain: str, next_step: str) -> Finding:
        return Finding(
            kind, device.name, plain, next_step, entry.sale_id, invc_no, entry.sale.trader_invoice_no
        )

    if details is None:
        return finding(
            Mismatch.MISSING_AT_KRA,
            f"KRA has no record of {ours}, which this PC holds as signed.",
            "Look the number up on KRA's eTIMS portal. If it is not there, contact KRA's eTIMS support with "
            "the receipt and this list. Do not record the sale again: that would count it twice.",
        )
    if details.trd_invc_no and details.trd_invc_no != entry.sale.trader_invoice_no:
        return finding(
            Mismatch.DIFFERENT_RECEIPT,
            f"KRA holds another sale ({details.trd_invc_no}) under the eTIMS number of {ours}.",
            "Contact KRA's eTIMS support with both invoice numbers; keep the printed receipts.",
        )
    figures = sale_figures(item)
    theirs_total = cents(details.tot_amt) if details.tot_amt is not None else None
    theirs_tax = cents(details.tot_tax_amt) if details.tot_tax_amt is not None else None
    if (theirs_total is not None and theirs_total != figures.total) or (
        theirs_tax is not None and theirs_tax != figures.total_tax
    ):
        return finding(
            Mismatch.DIFFERENT_TOTALS,
            f"KRA recorded {ours} with total {theirs_total} and tax {theirs_tax}; this PC kept total "
            f"{figures.total} and tax {figures.total_tax}.",
            "Print the receipt (it shows what KRA signed) and compare it with KRA's eTIMS portal. If KRA's "
            "figures are wrong, contact KRA's eTIMS support; if the sale was wrong, issue a credit note.",
        )
    if receipt is not None and receipt.complete:
        signature_differs = bool(details.rcpt_sign) and details.rcpt_sign != receipt.signature
        number_differs = details.cur_rcpt_no is not None and details.cur_rcpt_no != receipt.receipt_no
        if signature_differs or number_differs:
            return finding(
                Mismatch.DIFFERENT_RECEIPT,
                f"KRA's receipt number or signature of {ours} differs from the one this PC kept "
                f"(KRA: receipt {details.cur_rcpt_no}, signature {details.rcpt_sign}; this PC: receipt "
                f"{receipt.receipt_no}, signature {receipt.signature}).",
                "Contact KRA's eTIMS support with the printed receipt; until then keep the receipt as printed.",
            )
    return None


class Reconciler:
    """Checks a range with KRA. One run at a time per Reconciler (the window's dialog, the CLI)."""

    def __init__(
        self,
        store: ReconcileStore,
        clients: Clients,
        progress: ProgressFile,
        settings: ReconcileSettings,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.clients = clients
        self.progress = progress
        self.settings = settings
        self.sleep = sleep
        self.clock = clock

    async def run(
        self,
        first_day: date,
        last_day: date,
        device_id: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> ReconcileResult:
        """Check every signed document of the range not checked by an earlier, unfinished run. Cancel the
        task to stop: the progress is kept and the next run continues from there."""
        if last_day < first_day:
            raise ReconcileError(
                f"The range ends ({last_day:%d/%m/%Y}) before it starts ({first_day:%d/%m/%Y}).",
                "Choose a 'to' day on or after the 'from' day.",
            )
        start, _ = day_bounds(first_day)
        _, end = day_bounds(last_day)
        items = await self.store.sales_between(start, end, device_id, frozenset({OutboxState.SIGNED}))
        devices = {d.id: d for d in await self.store.list_devices(include_retired=True) if d.id is not None}
        key = range_key(first_day, last_day, device_id)
        progress = self.progress.load(key)
        wanted = {item.entry.sale_id for item in items}
        progress.checked &= wanted
        # what KRA refused to answer last time is asked again
        progress.findings = [f for f in progress.findings if f.get("kind") != Mismatch.NOT_CHECKED.value]
        continued_from = len(progress.checked)
        stopped: list[str] = []
        by_device: dict[int, list[PeriodSale]] = defaultdict(list)
        for item in items:
            if item.entry.sale_id not in progress.checked:
                by_device[item.entry.device_id].append(item)
        report = on_progress or (lambda _done, _total: None)
        report(len(progress.checked), len(items))
        try:
            for dev_id, todo in by_device.items():
                problem = await self._device(devices[dev_id], todo, progress, len(items), report)
                if problem:
                    stopped.append(problem)
        finally:  # cancelled too: what was checked is kept for the next run
            if progress.checked >= wanted and not stopped:
                self.progress.forget(key)
            else:
                self.progress.save(key, progress)
        return ReconcileResult(
            first_day,
            last_day,
            device_id,
            len(items),
            len(progress.checked),
            continued_from,
            tuple(Finding.from_dict(f) for f in progress.findings),
            tuple(stopped),
        )

    async def _device(
        self, device: Device, todo: list[PeriodSale], progress: Progress, total: int, report: ProgressCallback
    ) -> str | None:
        """Check one device's sales; returns why it stopped early, or None."""
        try:
            client = await self.clients.client_for(device)
        except Exception as exc:  # noqa: BLE001 - no key, keyring locked: said in plain words, next device
            return f"{device.name}: not checked - {explain(exc)}"
        host = _host(client, device)
        assert device.id is not None
        if await self.store.invoice_lookup_missing_on(device.id) == host:
            self._not_offered(device, todo, progress, host, None)
            report(len(progress.checked), total)
            return None
        rate = self.settings.lookups_per_second
        interval = 1.0 / (rate if rate > 0 else ReconcileSettings().lookups_per_second)  # 0 or less: default
        next_at = self.clock()
        for index, item in enumerate(todo):
            wait = next_at - self.clock()
            if wait > 0:  # the pace: at most lookups_per_second
                await self.sleep(wait)
            next_at = max(next_at, self.clock()) + interval
            entry = item.entry
            invc_no = entry.receipt.invc_no if entry.receipt else entry.invc_no
            assert invc_no is not None  # a signed sale has its number
            try:
                details = await client.select_invoice_details(invc_no)
            except kra_errors.KraError as exc:
                if _says_lookup_missing(exc):
                    await self.store.set_invoice_lookup_missing_on(device.id, host)
                    self._not_offered(device, todo[index:], progress, host, exc)
                    report(len(progress.checked), total)
                    return None
                if isinstance(exc, kra_errors.TransportError | kra_errors.TemporaryKraFault):
                    return (
                        f"{device.name}: stopped after {index} of {len(todo)} - {explain(exc)} Run the check "
                        "again later: it continues where it stopped."
                    )
                progress.findings.append(
                    Finding(
                        Mismatch.NOT_CHECKED,
                        device.name,
                        f"KRA refused the question about eTIMS number {invc_no} ({explain(exc)})",
                        "Run the check again later; if it keeps happening, look the number up on KRA's portal.",
                        entry.sale_id,
                        invc_no,
                        entry.sale.trader_invoice_no,
                    ).as_dict()
                )
                continue
            found = compare(item, device, details)
            if found is not None:
                progress.findings.append(found.as_dict())
            progress.checked.add(entry.sale_id)
            report(len(progress.checked), total)
        return None

    @staticmethod
    def _not_offered(
        device: Device, todo: list[PeriodSale], progress: Progress, host: str, exc: BaseException | None
    ) -> None:
        why = f" ({explain(exc)})" if exc is not None else ""
        progress.findings.append(
            Finding(
                Mismatch.LOOKUP_NOT_OFFERED,
                device.name,
                f"{device.name}'s KRA address {host} does not offer the invoice lookup{why}, so its "
                f"{len(todo)} signed sale(s) in this range cannot be checked from here.",
                "Check them on KRA's eTIMS portal instead (search by eTIMS invoice number).",
            ).as_dict()
        )
        progress.checked.update(item.entry.sale_id for item in todo)
