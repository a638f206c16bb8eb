"""The Go-Live check: KRA's certification flow, run against the sandbox or a simulator, with evidence.

Steps, in KRA's order: the device is initialised (or verified when it already has its key - it is never
initialised twice), code lists, item classes, branches, notices, taxpayer lookup, an item registered
and listed, its opening stock (insertStockIO, saveStockMaster), a sale and a credit note signed (through
the outbox, as every sale) and their stock movements sent, the sale looked up again, suppliers' invoices
and customs imports fetched, a purchase declared (insertTrnsPurchase). Each step records pass/fail, a plain sentence, and the HTTP requests and replies it caused
(secrets masked; kra/recording.py). Production devices are refused: certification is a sandbox affair,
and the test sale would be a real one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from etims_desktop import __version__
from etims_desktop.app.credit_notes import credit_note_options, make_credit_note
from etims_desktop.domain.device import Device, Environment
from etims_desktop.domain.documents import DocumentState
from etims_desktop.domain.errors import DomainValidationError, PlainError, explain, has_plain_words
from etims_desktop.domain.item import Item
from etims_desktop.domain.outbox import OutboxEntry, OutboxState
from etims_desktop.domain.redaction import redact
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.domain.stock import StockReason
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra.recording import RecordingTransport, masked_exchange
from etims_desktop.sync.payloads import item_request

if TYPE_CHECKING:
    from etims_desktop.app.devices import DeviceService
    from etims_desktop.app.imports import ImportService
    from etims_desktop.app.purchases import PurchaseService
    from etims_desktop.app.sales import SaleService
    from etims_desktop.app.stock import StockService
    from etims_desktop.storage.store import Store
    from etims_desktop.sync.connections import Connections
    from etims_desktop.sync.service import SyncService

TEST_ITEM = ("Go-Live test item", "50161800", TaxType.B, Decimal("116.00"))
REFUND_REASON = "06"  # code class 32: "other"

# The steps' names and what they found: English in the evidence, translated where shown (cli_words.core)
STEP_INIT = QT_TRANSLATE_NOOP("Core", "Initialise the device, or verify it")
NOT_READY = QT_TRANSLATE_NOOP("Core", "The device is not ready, so this step was not run.")
NEEDS_EARLIER = QT_TRANSLATE_NOOP("Core", "Not run: it needs an earlier step, which failed.")
KEY_MISSING = QT_TRANSLATE_NOOP(
    "Core",
    "The device was initialised but its CMC key is not on this computer: enter it with 'etims-desktop device "
    "key'. It is never initialised twice.",
)
INITIALISED = QT_TRANSLATE_NOOP("Core", "Initialised with KRA: SCU id {scu_id}.")
VERIFIED = QT_TRANSLATE_NOOP(
    "Core", "Already initialised (SCU id {scu_id}): verified, not initialised again."
)
LIVE_CHECK_FAILED = QT_TRANSLATE_NOOP("Core", "{done} But KRA's live check failed: {reason}")
LIVE_CHECK = QT_TRANSLATE_NOOP("Core", "{done} Live check answered in {ms} ms.")
SENT_NONE = QT_TRANSLATE_NOOP("Core", "KRA sent no {what}.")
RECEIVED = QT_TRANSLATE_NOOP("Core", "Received from KRA: {what}, {count}.")
LOOKUPS = (
    QT_TRANSLATE_NOOP("Core", "code classes"),
    QT_TRANSLATE_NOOP("Core", "item classes"),
    QT_TRANSLATE_NOOP("Core", "branches"),
    QT_TRANSLATE_NOOP("Core", "notices"),
)
KNOWN = QT_TRANSLATE_NOOP("Core", "KRA knows {pin}: {name}.")
UNKNOWN = QT_TRANSLATE_NOOP("Core", "KRA answered: no record for {pin}.")
NOT_LISTED = QT_TRANSLATE_NOOP("Core", "KRA accepted item {code} but does not list it.")
REGISTERED = QT_TRANSLATE_NOOP("Core", "Item {code} registered and listed ({count} items registered).")
SALE_SIGNED = QT_TRANSLATE_NOOP(
    "Core", "Sale {invoice} signed as invoice {number}, receipt signature {signature}."
)
NOTE_SIGNED = QT_TRANSLATE_NOOP("Core", "Credit note {invoice} for 1 of 2 signed as invoice {number}.")
OPENING = QT_TRANSLATE_NOOP("Core", "Opening stock of {item}: {balance}; {sent}")
IN_STOCK = QT_TRANSLATE_NOOP("Core", "{sent} {item} in stock now: {balance}.")
NEW_PURCHASES = QT_TRANSLATE_NOOP("Core", "KRA answered: {count} new suppliers' invoices to this PIN.")
NEW_IMPORTS = QT_TRANSLATE_NOOP("Core", "KRA answered: {count} new customs import lines.")
DECLARED = QT_TRANSLATE_NOOP("Core", "Purchase of 1 {item} declared (regTyCd M); {sent}")
NOT_SENT = QT_TRANSLATE_NOOP("Core", "Not sent: {document}: {reason}")
DOCUMENTS_SENT = QT_TRANSLATE_NOOP("Core", "{count} document(s) sent to KRA.")
DOCUMENTS_SENT_NUMBERED = QT_TRANSLATE_NOOP("Core", "{count} document(s) sent to KRA (numbers {numbers}).")
NO_RECORD = QT_TRANSLATE_NOOP("Core", "KRA has no record of invoice {number}.")
OTHER_SIGNATURE = QT_TRANSLATE_NOOP("Core", "KRA's record of invoice {number} has another signature.")
SAME_SIGNATURE = QT_TRANSLATE_NOOP("Core", "KRA returned invoice {number} with the same receipt signature.")
NOT_PRODUCTION = QT_TRANSLATE_NOOP(
    "Core",
    "The Go-Live check runs against KRA's sandbox or a simulator, never production: its test sale and credit "
    "note would be real ones.",
)
NOT_SIGNED = QT_TRANSLATE_NOOP("Core", "Not signed: {reason}")

@dataclass
class StepResult:
    name: str
    passed: bool
    detail: str
    seconds: float
    exchanges: list[dict[str, Any]] = field(default_factory=list)

@dataclass
class GoLiveReport:
    device: dict[str, Any]
    started_at: str
    finished_at: str = ""
    steps: list[StepResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return bool(self.steps) and all(step.passed for step in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return {
            "program": f"etims-desktop {__version__}",
            "device": self.device,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "passed": self.passed,
            "steps": [
                {
                    "name": s.name,
                    "passed": s.passed,
                    "detail": s.detail,
                    "seconds": round(s.seconds, 3),
                    "exchanges": s.exchanges,
                }
                for s in self.steps
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, default=str)

class StepFailed(PlainError):
    """A step's check did not hold; the message says what was expected, in plain words."""

class GoLiveServices(Protocol):
    """What the check drives: bootstrap.Services has all of it."""

    @property
    def store(self) -> Store: ...
    @property
    def connections(self) -> Connections: ...
    @property
    def devices(self) -> DeviceService: ...
    @property
    def sales(self) -> SaleService: ...
    @property
    def sync(self) -> SyncService: ...
    @property
    def stock(self) -> StockService: ...
    @property
    def purchases(self) -> PurchaseService: ...
    @property
    def imports(self) -> ImportService: ...

class GoLiveCheck:
    """Runs the certification flow for one device over the services, recording every exchange."""

    def __init__(self, services: GoLiveServices, recorder: RecordingTransport) -> None:
        self.services = services
        self.recorder = recorder

    async def run(self, device_id: int) -> GoLiveReport:
        device = await self.services.store.get_device(device_id)
        if device.environment is Environment.PRODUCTION:
            raise DomainValidationError(NOT_PRODUCTION, "device")
        report = GoLiveReport(device=_describe(device), started_at=_now())
        state: dict[str, Any] = {}
        steps: list[tuple[str, Callable[[], Awaitable[str]]]] = [
            (STEP_INIT, lambda: self._initialise_or_verify(device_id, state)),
            (
                QT_TRANSLATE_NOOP("Core", "Code lists (selectCodeList)"),
                lambda: self._lookup(state, "select_codes", LOOKUPS[0]),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Item classes (selectItemClsList)"),
                lambda: self._lookup(state, "select_item_classes", LOOKUPS[1]),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Branches (selectBhfList)"),
                lambda: self._lookup(state, "select_branches", LOOKUPS[2]),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Notices (selectNoticeList)"),
                lambda: self._lookup(state, "select_notices", LOOKUPS[3], empty_ok=True),
            ),
            (QT_TRANSLATE_NOOP("Core", "Taxpayer lookup (selectCustomer)"), lambda: self._taxpayer(state)),
            (
                QT_TRANSLATE_NOOP("Core", "Register an item (saveItem) and list it (selectItemList)"),
                lambda: self._item(state),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Opening stock (insertStockIO, saveStockMaster)"),
                lambda: self._opening_stock(state),
            ),
            (QT_TRANSLATE_NOOP("Core", "Sale signed (saveTrnsSalesOsdc)"), lambda: self._sale(state)),
            (QT_TRANSLATE_NOOP("Core", "Credit note signed"), lambda: self._credit_note(state)),
            (
                QT_TRANSLATE_NOOP("Core", "Stock moved by the sale and the credit note"),
                lambda: self._sale_stock(state),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Invoice lookup (selectInvoiceDetails)"),
                lambda: self._lookup_invoice(state),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Suppliers' invoices (selectTrnsPurchaseSalesList)"),
                lambda: self._fetch(state, "purchases"),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Customs imports (selectImportItemList)"),
                lambda: self._fetch(state, "imports"),
            ),
            (
                QT_TRANSLATE_NOOP("Core", "Purchase declared (insertTrnsPurchase)"),
                lambda: self._purchase(state),
            ),
        ]
        for name, step in steps:
            report.steps.append(await self._step(name, step, after=state.get("blocked")))
            if not report.steps[-1].passed and name == STEP_INIT:
                state["blocked"] = NOT_READY
        report.finished_at = _now()
        return report

    async def _step(self, name: str, action: Callable[[], Awaitable[str]], after: str | None) -> StepResult:
        if after:
            return StepResult(name, False, after, 0.0)
        first = len(self.recorder.exchanges)
        started = time.perf_counter()
        try:
            detail, passed = await action(), True
        except StepFailed as exc:
            detail, passed = str(exc), False
        except KeyError:  # what it works on (the item, the sale) comes from a step that failed
            detail, passed = NEEDS_EARLIER, False
        except Exception as exc:  # noqa: BLE001 - every failure is evidence, in plain words
            detail = explain(exc) if has_plain_words(exc) else f"{type(exc).__name__}: {exc}"
            passed = False
        exchanges = [masked_exchange(e) for e in self.recorder.exchanges[first:]]
        return StepResult(name, passed, redact(detail) or "", time.perf_counter() - started, exchanges)

    # -- the steps ----------------------------------------------------------------------------------
    async def _initialise_or_verify(self, device_id: int, state: dict[str, Any]) -> str:
        services = self.services
        device = await services.store.get_device(device_id)
        if not await services.connections.has_key(device):
            if device.initialised:
                raise StepFailed(KEY_MISSING)
            device = await services.devices.initialise(device_id)
            verb = Said(INITIALISED, scu_id=device.scu_id)
        else:
            verb = Said(VERIFIED, scu_id=device.scu_id)
        status = await services.sync.checker.check(device)
        if status.kind.value != "online":
            raise StepFailed(Said(LIVE_CHECK_FAILED, done=verb, reason=status.plain))
        state["device"] = device
        state["client"] = await services.connections.client_for(device)
        return Said(LIVE_CHECK, done=verb, ms=status.rtt_ms)

    async def _lookup(self, state: dict[str, Any], method: str, what: str, *, empty_ok: bool = False) -> str:
        result = await getattr(state["client"], method)(None)
        if not result.items and not empty_ok:
            raise StepFailed(Said(SENT_NONE, what=what))
        return Said(RECEIVED, what=what, count=len(result.items))

    async def _taxpayer(self, state: dict[str, Any]) -> str:
        device = state["device"]
        customer = await state["client"].select_customer(device.pin)
        return (
            Said(KNOWN, pin=device.pin, name=customer.taxpr_nm) if customer else Said(UNKNOWN, pin=device.pin)
        )

    async def _item(self, state: dict[str, Any]) -> str:
        store = self.services.store
        name, class_code, tax_type, price = TEST_ITEM
        item = next((i for i in await store.list_items() if i.name == name), None)
        if item is None:
            item = await store.add_item(Item("", name, class_code, tax_type, price))
        await state["client"].save_item(item_request(item))
        listed = await state["client"].select_items(None)
        if item.code not in {i.item_cd for i in listed.items}:
            raise StepFailed(Said(NOT_LISTED, code=item.code))
        state["item"] = item
        return Said(REGISTERED, code=item.code, count=len(listed.items))

    async def _sale(self, state: dict[str, Any]) -> str:
        item = state["item"]
        stamp = datetime.now(UTC)
        sale = Sale(
            trader_invoice_no=f"GOLIVE-{stamp:%Y%m%d%H%M%S}",
            lines=(
                SaleLine(item.code, item.item_class_code, item.name, Decimal(2), item.price, item.tax_type),
            ),
            sold_at=stamp,
        )
        entry = await self._signed(state["device"], sale)
        state["sale_id"] = entry.sale_id
        state["sale_entry"] = entry
        signature = entry.receipt.signature if entry.receipt else None
        return Said(SALE_SIGNED, invoice=sale.trader_invoice_no, number=entry.invc_no, signature=signature)

    async def _credit_note(self, state: dict[str, Any]) -> str:
        options = await credit_note_options(self.services.store, state["sale_id"])
        if not options.allowed:
            raise StepFailed(options.blocked or "")
        original = options.original.sale
        note = make_credit_note(
            options, {0: Decimal(1)}, REFUND_REASON, f"{original.trader_invoice_no}-CN", datetime.now(UTC)
        )
        entry = await self._signed(state["device"], note)
        return Said(NOTE_SIGNED, invoice=note.trader_invoice_no, number=entry.invc_no)

    async def _opening_stock(self, state: dict[str, Any]) -> str:
        """Stock before the sale: KRA's gateway refuses a sale of goods without it ("Insufficient Stock")."""
        device, item = state["device"], state["item"]
        done = await self.services.stock.adjust(
            device.id, item.code, Decimal(10), StockReason.OPENING, "Go-Live check"
        )
        sent = await self._documents_sent(device, after=done.document_id - 1)
        return Said(OPENING, item=item.name, balance=f"{done.balance:f}", sent=sent)

    async def _sale_stock(self, state: dict[str, Any]) -> str:
        device = state["device"]
        sent = await self._documents_sent(device, after=0)
        balance = await self.services.store.stock_balance(device.id, state["item"].code)
        return Said(IN_STOCK, sent=sent, item=state["item"].name, balance=f"{balance:f}")

    async def _fetch(self, state: dict[str, Any], what: str) -> str:
        service = self.services.purchases if what == "purchases" else self.services.imports
        new = await service.fetch(state["device"].id)
        return Said(NEW_PURCHASES if what == "purchases" else NEW_IMPORTS, count=new)

    async def _purchase(self, state: dict[str, Any]) -> str:
        device, item = state["device"], state["item"]
        done = await self.services.purchases.record_manual(
            device.id,
            "Go-Live test supplier",
            [(item.code, Decimal(1), item.price)],
            purchased_on=datetime.now(UTC),
        )
        sent = await self._documents_sent(device, after=done.document_id - 1)
        return Said(DECLARED, item=item.name, sent=sent)

    async def _documents_sent(self, device: Device, after: int) -> str:
        """Sync the device; every document of the queue with an id above `after` must be sent."""
        await self.services.sync.sync([device.saved_id])
        documents = [d for d in await self.services.store.list_documents(device.saved_id) if d.id > after]
        stuck = [d for d in documents if d.state not in (DocumentState.SENT, DocumentState.REPLACED)]
        if stuck:
            first = stuck[0]
            reason = first.last_error_message or first.state.label
            raise StepFailed(Said(NOT_SENT, document=first.summary, reason=reason))
        numbers = sorted(d.number for d in documents if d.number is not None)
        if numbers:
            return Said(DOCUMENTS_SENT_NUMBERED, count=len(documents), numbers=numbers)
        return Said(DOCUMENTS_SENT, count=len(documents))

    async def _lookup_invoice(self, state: dict[str, Any]) -> str:
        entry = state["sale_entry"]
        found = await state["client"].select_invoice_details(entry.invc_no)
        if found is None:
            raise StepFailed(Said(NO_RECORD, number=entry.invc_no))
        if found.receipt.rcpt_sign != entry.receipt.signature:
            raise StepFailed(Said(OTHER_SIGNATURE, number=entry.invc_no))
        return Said(SAME_SIGNATURE, number=entry.invc_no)

    async def _signed(self, device: Device, sale: Sale) -> OutboxEntry:
        services = self.services
        recorded = await services.sales.record(device.saved_id, sale, send_now=False)
        await services.sync.sync([device.saved_id])
        entry = await services.store.get_entry(recorded.sale_id)
        if entry.state is not OutboxState.SIGNED:
            reason = entry.last_error_message or entry.state.label
            raise StepFailed(Said(NOT_SIGNED, reason=reason))
        return entry

def _describe(device: Device) -> dict[str, Any]:
    return {
        "id": device.id,
        "name": device.name,
        "type": device.type.value,
        "pin": device.pin,
        "branch": device.branch_id,
        "serial": device.serial,
        "environment": device.environment.value,
        "connection": "gateway" if device.via_gateway else "classic",
        "base_url": device.base_url,
    }

def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
