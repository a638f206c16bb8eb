"""Send one device's document queue: purchase confirmations, import answers, stock movements and
balances (storage/documents.py has the guarantees), one request at a time, in id order.

The sales drain (sync/outbox_drain.py) runs it under its own device locks - one holder per device, so
two programs never split a device's work - before the sales (so an opening stock the next sale needs
goes first) and after them (so the movements of the sales just signed follow at once). Answers:
- accepted, or KRA already has it (994, "already exists": an earlier send arrived) -> sent;
- a refusal -> *needs your fix* with KRA's reason in plain words (its group waits behind it);
- no answer -> uncertain: the SAME document (same number, same body) goes again next;
- offline, KRA busy, 990 -> waiting, the number kept, retried with backoff.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING

from etims_desktop.domain.device import Device
from etims_desktop.domain.documents import DOCUMENT_GROUPS, DocumentKind, DocumentState
from etims_desktop.domain.errors import explain
from etims_desktop.kra import errors as kra_errors
from etims_desktop.kra.client import KraClient
from etims_desktop.kra.endpoints import Endpoint
from etims_desktop.storage.records import QueuedDocument
from etims_desktop.sync.backoff import next_attempt
from etims_desktop.sync.payloads import item_request
from etims_desktop.sync.report import DeviceSyncReport
from etims_desktop.sync.settings import SyncSettings

if TYPE_CHECKING:
    from etims_desktop.storage.store import Store

ENDPOINTS = {
    DocumentKind.PURCHASE: Endpoint.SAVE_PURCHASE,
    DocumentKind.IMPORT: Endpoint.UPDATE_IMPORT_ITEM,
    DocumentKind.STOCK_IO: Endpoint.SAVE_STOCK_IO,
    DocumentKind.STOCK_MASTER: Endpoint.SAVE_STOCK_MASTER,
}
ACCEPTED = "KRA accepted it"
ALREADY_THERE = "KRA already had it: an earlier send arrived"


class DocumentDrain:
    """The document queue's sender, called under the sales drain's locks: one request in flight per device."""

    def __init__(
        self, store: Store, settings: Callable[[], SyncSettings], clock: Callable[[], datetime]
    ) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock

    async def send(self, device: Device, client: KraClient, report: DeviceSyncReport) -> None:
        """Send the device's due documents. The caller (OutboxDrain.drain) holds the device's locks.
        Never raises for KRA's answers: a stop (offline, paused) ends this round."""
        # The stock documents of the sales signed since the last round, made in one go (a sale's own
        # transaction only writes its ledger rows: it is on the drain's critical path).
        await self.store.document_sales(_id(device), gather=self.settings().gather_stock_outs)
        paused = await self.store.paused_until(_id(device))
        if paused is not None and paused > self.clock():
            return
        await self._send_due(device, client, report)

    async def send_after(
        self,
        device: Device,
        client: KraClient,
        report: DeviceSyncReport,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        """The round after the sales (an exit callback of the sales drain): not when it failed."""
        if exc_type is None:
            await self.send(device, client, report)
        return False

    async def count(self, device_id: int, report: DeviceSyncReport) -> None:
        counts = (await self.store.document_counts(device_id)).get(device_id, {})
        for group in DOCUMENT_GROUPS:
            by_state = counts.get(group, {})
            report.documents_pending[group] = sum(n for state, n in by_state.items() if state.pending)
            report.documents_need_fix[group] = by_state.get(DocumentState.NEEDS_FIX, 0)

    async def _send_due(self, device: Device, client: KraClient, report: DeviceSyncReport) -> None:
        registered: set[str] = set()
        device_id = _id(device)
        document = await self.store.claim_document(device_id, self.clock())
        while document is not None:
            group = document.kind.group
            try:
                await self._register_items(device, client, document, registered)
                await client.send_document(ENDPOINTS[document.kind], document.body)
            except kra_errors.Duplicate:
                outcome = ALREADY_THERE
            except kra_errors.BusinessRejection as exc:
                await self.store.mark_document_needs_fix(document.id, exc.code, _refusal(document, exc))
                report.documents_refused[group] = report.documents_refused.get(group, 0) + 1
                document = await self.store.claim_document(device_id, self.clock())
                continue
            except kra_errors.SlowDown as exc:
                until = self.clock() + timedelta(seconds=self.settings().slow_down_seconds)
                await self.store.mark_document_waiting(document.id, until, exc.code, explain(exc))
                await self.store.set_paused_until(device_id, until)
                return  # the device cannot go on this round
            except (kra_errors.OutcomeUnknown, kra_errors.BadHttpStatus, kra_errors.MalformedReply) as exc:
                # It left this computer: KRA may have it. The same document goes again (same number).
                await self.store.mark_document_uncertain(
                    document.id, f"sent, no usable answer: {explain(exc)}", exc.code
                )
                report.unconfirmed += 1
                return  # the device cannot go on this round
            except kra_errors.KraError as exc:  # offline, KRA busy (999), a key KRA refuses: later
                when = next_attempt(self.clock(), document.attempts + 1)
                await self.store.mark_document_waiting(document.id, when, exc.code, explain(exc))
                return  # the device cannot go on this round
            else:
                outcome = ACCEPTED
            report.documents_sent[group] = report.documents_sent.get(group, 0) + 1
            # Recorded as sent and the next one claimed (numbered, write-ahead) in one transaction.
            document = await self.store.document_sent_claim_next(
                document.id, outcome, device_id, self.clock()
            )

    async def _register_items(
        self, device: Device, client: KraClient, document: QueuedDocument, registered: set[str]
    ) -> None:
        """KRA refuses stock of an item it does not know: register the document's items first (once)."""
        codes = _item_codes(document) - registered
        if not codes:
            return
        for item in await self.store.unregistered_items(_id(device), codes):
            await client.save_item(item_request(item))  # a refusal: the document needs a fix (caller)
            await self.store.mark_item_registered(_id(device), item.code, self.clock())
        registered.update(codes)


def _item_codes(document: QueuedDocument) -> set[str]:
    body = document.body
    codes = {str(line["itemCd"]) for line in body.get("itemList") or [] if line.get("itemCd")}
    if body.get("itemCd"):
        codes.add(str(body["itemCd"]))
    return codes


def _refusal(document: QueuedDocument, exc: kra_errors.KraError) -> str:
    """KRA's refusal of a document, in plain words with what to do next."""
    what = document.kind.label()
    number = f" (number {document.number})" if document.number is not None else ""
    return (
        f'KRA refused the {what}{number} "{document.summary}": {explain(exc)} Later {document.kind.group} '
        "documents of this device wait until it is sent again or cancelled."
    )


def _id(device: Device) -> int:
    assert device.id is not None  # a saved device
    return device.id
