"""Before a device sends: its database is sound, and after a restore its numbers agree with KRA's.

A restored backup may be older than what KRA has signed. Its counter would give the next sale a number
KRA already holds, and its queue may hold sales KRA signed after the backup was made. So a restore marks
every device (storage/number_checks.py), and the device's first drain asks KRA (selectInvoiceDetails)
for last + 1, last + 2, ... until KRA has none. Sales of ours among KRA's documents are marked signed
(never sent twice); the counter moves past the last number KRA holds; the finding is recorded.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from etims_desktop.domain.device import Device
from etims_desktop.domain.outbox import SignedReceipt
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra import errors as kra_errors
from etims_desktop.sync.report import DeviceSyncReport

if TYPE_CHECKING:
    from etims_desktop.kra.client import KraClient
    from etims_desktop.storage.store import Store


log = logging.getLogger("etims_desktop.sync")

DAMAGED = QT_TRANSLATE_NOOP(
    "Core",
    "The database is damaged, so nothing is sent until it is restored from a backup "
    "(etims-desktop restore, or Restore... in the window).",
)
IS_DAMAGED = QT_TRANSLATE_NOOP("Core", "the database is damaged")
CHECKING = QT_TRANSLATE_NOOP("Core", "checking with KRA which eTIMS numbers it already has (after a restore)")
# What a check found, kept as the device's number-check result (shown later, translated: translate_stored)
AFTER_RESTORE = QT_TRANSLATE_NOOP("Core", "after the restored backup was made")
NOT_ASKED = QT_TRANSLATE_NOOP("Core", "KRA could not be asked about numbers after {last} ({reason}).")
NOTHING_AFTER = QT_TRANSLATE_NOOP(
    "Core", "KRA has no sale after eTIMS number {last}; numbering goes on from {next}."
)
MOVED_PAST = QT_TRANSLATE_NOOP(
    "Core",
    "KRA already had eTIMS numbers {first} to {kra_last}, signed {since}, so the next sale gets number {next}.",
)
# a sentence of its own after MOVED_PAST: the stored result is translated sentence by sentence
ADOPTED = QT_TRANSLATE_NOOP("Core", "{adopted} of them were sales waiting here; they are now marked signed.")


async def ready_to_send(store: Store, client: KraClient, device: Device, report: DeviceSyncReport) -> bool:
    """True when the device may send now. False: the report says why (and nothing was sent)."""
    if store.damage:
        report.errors.append(DAMAGED)
        report.waiting_reason = IS_DAMAGED
        return False
    if not await store.number_check_pending(device.saved_id):
        return True
    try:
        adopted = await check_numbers(store, client, device)
    except (kra_errors.TransportError, kra_errors.TemporaryKraFault, kra_errors.SlowDown):
        report.waiting_reason = CHECKING  # the mark stays: the next sync asks again
        return False
    report.signed += adopted
    report.already_recorded += adopted
    return True


async def check_numbers(store: Store, client: KraClient, device: Device, since: str = AFTER_RESTORE) -> int:
    """Ask KRA for the numbers after ours, move past those it has. Returns our sales found signed there.
    `since` says, for the record, how KRA came to hold numbers this database did not know of."""
    last = await store.last_invc_no(device.saved_id)
    signed: dict[str, SignedReceipt] = {}
    try:
        if await store.has_unnumbered_sales(device.saved_id):
            kra_last = await _walk(client, device, last, signed)
        else:  # nothing of ours to find among KRA's documents: only where its numbers end matters
            kra_last = await _find_end(client, last)
    except (kra_errors.TransportError, kra_errors.TemporaryKraFault, kra_errors.SlowDown):
        raise  # try again at the next sync
    except kra_errors.KraError as exc:
        # This service cannot look sales up (some VSCU builds): a number KRA already holds will come
        # back as a duplicate, which stops the device with a plain message - it is never signed twice.
        log.warning("device %s: cannot check eTIMS numbers with KRA: %s", device.id, exc)
        why = Said(NOT_ASKED, last=last, reason=exc)
        await store.finish_number_check(device.saved_id, last, {}, lambda _n: why)
        return 0

    def describe(adopted: int) -> str:
        if kra_last == last:
            return Said(NOTHING_AFTER, last=last, next=last + 1)
        moved = Said(MOVED_PAST, first=last + 1, kra_last=kra_last, since=since, next=kra_last + 1)
        return f"{moved} {Said(ADOPTED, adopted=adopted)}" if adopted else moved

    adopted = await store.finish_number_check(device.saved_id, kra_last, signed, describe)
    log.warning("device %s: number check after restore: %s", device.id, describe(adopted))
    return adopted


async def _walk(client: KraClient, device: Device, last: int, signed: dict[str, SignedReceipt]) -> int:
    """Every document after `last`, one by one (trader invoice number -> receipt into `signed`): some
    may be sales still waiting here. Returns KRA's last number."""
    from etims_desktop.sync.outbox_drain import receipt_from_reply  # the drain imports this module

    while (details := await client.select_invoice_details(last + 1)) is not None:
        last += 1
        if details.trd_invc_no:
            signed[details.trd_invc_no] = receipt_from_reply(details, last, device)
    return last


async def _find_end(client: KraClient, last: int) -> int:
    """KRA's last number after `last`. Its numbers have no gaps, so gallop then bisect: a backup two weeks
    old costs some 30 lookups, not one per sale signed since."""

    async def has(number: int) -> bool:
        return await client.select_invoice_details(number) is not None

    if not await has(last + 1):
        return last
    known, step = last + 1, 1  # `known` is held by KRA
    while await has(known + step):
        known, step = known + step, step * 2
    missing = known + step  # ... and `missing` is not
    while missing - known > 1:
        middle = (known + missing) // 2
        known, missing = (middle, missing) if await has(middle) else (known, middle)
    return known
