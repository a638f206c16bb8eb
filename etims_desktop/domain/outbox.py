"""States of a sale on its way to KRA, in words a shop owner can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from etims_desktop.domain.sale import Sale
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP


class OutboxState(StrEnum):
    QUEUED = "queued"  # saved here, not yet sent
    SENDING = "sending"  # a request is (or was, before a crash) in flight
    UNCERTAIN = "uncertain"  # sent, no answer: must ask KRA before doing anything else
    WAITING = "waiting"  # could not be sent; retries by itself (see WaitReason)
    NEEDS_FIX = "needs_fix"  # KRA refused it; a person must correct or cancel it
    # KRA's answers leave it unknowable whether KRA recorded it: a person looks its number up on KRA's
    # portal. It keeps its number (never reused); later sales go on with the numbers after it.
    NEEDS_CHECK = "needs_check"
    SIGNED = "signed"  # KRA accepted and signed it
    CANCELLED = "cancelled"  # cancelled locally; it was never signed

    @property
    def pending(self) -> bool:
        """Still has to reach KRA by itself."""
        return self in (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.UNCERTAIN, OutboxState.WAITING)

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


# A sale can be cancelled here only while it holds no eTIMS number and is not on its way to KRA.
CANCELLABLE_STATES = frozenset({OutboxState.NEEDS_FIX, OutboxState.QUEUED, OutboxState.WAITING})


def can_cancel(state: OutboxState, invc_no: int | None) -> bool:
    """The one "cancellable" rule (the outbox enforces it, the window offers the button by it)."""
    return invc_no is None and state in CANCELLABLE_STATES


def pending_count(counts: dict[OutboxState, int]) -> int:
    """How many of these entries (counts by state) still have to reach KRA."""
    return sum(n for state, n in counts.items() if state.pending)


STATE_LABELS = {
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("Core", "queued"),
    OutboxState.SENDING: QT_TRANSLATE_NOOP("Core", "sending"),
    OutboxState.UNCERTAIN: QT_TRANSLATE_NOOP("Core", "uncertain - checking with KRA"),
    OutboxState.WAITING: QT_TRANSLATE_NOOP("Core", "waiting"),
    OutboxState.NEEDS_FIX: QT_TRANSLATE_NOOP("Core", "needs your fix"),
    OutboxState.NEEDS_CHECK: QT_TRANSLATE_NOOP("Core", "needs your check on KRA's portal"),
    OutboxState.SIGNED: QT_TRANSLATE_NOOP("Core", "signed"),
    OutboxState.CANCELLED: QT_TRANSLATE_NOOP("Core", "cancelled"),
}


class WaitReason(StrEnum):
    NO_INTERNET = "no_internet"
    KRA_UNAVAILABLE = "kra_unavailable"
    SLOW_DOWN = "slow_down"
    ORIGINAL_NOT_SIGNED = "original_not_signed"  # credit note waits for its original
    NEXT_BATCH = "next_batch"  # VSCU: waits for the next batch upload

    @property
    def label(self) -> str:
        return WAIT_LABELS[self]


WAIT_LABELS = {
    WaitReason.NO_INTERNET: QT_TRANSLATE_NOOP("Core", "waiting for internet"),
    WaitReason.KRA_UNAVAILABLE: QT_TRANSLATE_NOOP("Core", "waiting for KRA"),
    WaitReason.SLOW_DOWN: QT_TRANSLATE_NOOP("Core", "KRA asked us to slow down"),
    WaitReason.ORIGINAL_NOT_SIGNED: QT_TRANSLATE_NOOP("Core", "waiting for the original sale to be signed"),
    WaitReason.NEXT_BATCH: QT_TRANSLATE_NOOP("Core", "waiting for the next batch upload"),
}


@dataclass(frozen=True)
class SignedReceipt:
    """What KRA (or the VSCU) gave back for a signed sale.

    `complete` is False when KRA confirmed the sale is recorded (duplicate answer on a resend)
    but would not give its signature again: the sale is signed, its receipt data is unavailable.
    """

    invc_no: int
    receipt_no: int | None = None  # curRcptNo (VSCU: rcptNo)
    total_receipt_no: int | None = None  # totRcptNo
    internal_data: str | None = None  # intrlData, 26 chars
    signature: str | None = None  # rcptSign, 16 chars
    signed_at: datetime | None = None  # sdcDateTime, timezone-aware
    scu_id: str | None = None
    mrc_no: str | None = None
    complete: bool = True
    # The exchange itself, kept byte for byte with the signed sale (reprints read only that):
    request_body: bytes | None = field(default=None, repr=False)  # the JSON sent (saveTrnsSalesOsdc)
    reply_body: bytes | None = field(default=None, repr=False)  # KRA's answer as received


@dataclass(frozen=True)
class OutboxEntry:
    """One sale's place in its device's outbox, with everything the sync engine needs to send it."""

    id: int
    sale_id: int
    device_id: int
    state: OutboxState
    sale: Sale
    invc_no: int | None = None  # eTIMS number, assigned and committed just before the first send
    original_invc_no: int | None = None  # credit note: the signed original's invc_no (None until signed)
    wait_reason: WaitReason | None = None
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error_code: str | None = None
    last_error_message: str | None = None
    receipt: SignedReceipt | None = None
    created_at: datetime | None = None
    total: Decimal | None = None  # as stored when queued (what the sales list shows)
