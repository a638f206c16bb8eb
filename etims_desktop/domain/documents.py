"""The documents other than sales that must reach KRA exactly once and in order (the document queue):
purchase confirmations, import answers, stock movements and stock balances.

A sale has its own outbox (storage/outbox.py: invcNo numbering, invoice lookups). These documents
share one simpler queue: per device, in id order, each kind with its own gap-free number where KRA
wants one (sarNo, the purchase invcNo), assigned write-ahead like a sale's invcNo.
"""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    PURCHASE = "purchase"  # insertTrnsPurchase: a supplier's invoice confirmed, or a manual purchase
    IMPORT = "import"  # updateImportItem: a customs import line accepted or rejected
    STOCK_IO = "stock_io"  # insertStockIO: stock in or out (numbered: sarNo)
    STOCK_MASTER = "stock_master"  # saveStockMaster: an item's balance after the movement

    @property
    def numbered(self) -> bool:
        """Does KRA want this kind numbered by us (gap-free per device)? The number's wire field."""
        return self.number_field is not None

    @property
    def number_field(self) -> str | None:
        return NUMBER_FIELDS.get(self)

    @property
    def group(self) -> str:
        """How the board and the Sync report count it: sales, purchases, imports, stock."""
        return GROUPS[self]

    def label(self, n: int = 1) -> str:
        singular, plural = LABELS[self]
        return singular if n == 1 else plural


NUMBER_FIELDS = {DocumentKind.PURCHASE: "invcNo", DocumentKind.STOCK_IO: "sarNo"}
GROUPS = {
    DocumentKind.PURCHASE: "purchases",
    DocumentKind.IMPORT: "imports",
    DocumentKind.STOCK_IO: "stock",
    DocumentKind.STOCK_MASTER: "stock",
}
LABELS = {
    DocumentKind.PURCHASE: ("purchase confirmation", "purchase confirmations"),
    DocumentKind.IMPORT: ("import answer", "import answers"),
    DocumentKind.STOCK_IO: ("stock movement", "stock movements"),
    DocumentKind.STOCK_MASTER: ("stock balance", "stock balances"),
}
DOCUMENT_GROUPS = ("purchases", "imports", "stock")  # the kinds' groups, in the order they are shown


class DocumentState(StrEnum):
    QUEUED = "queued"  # saved here, not yet sent
    SENDING = "sending"  # a request is (or was, before a crash) in flight; its number is kept
    SENT = "sent"  # KRA accepted it (or answered that it already has it)
    UNCERTAIN = "uncertain"  # sent, no answer: the SAME document goes again (KRA's answer decides)
    WAITING = "waiting"  # could not be sent (offline, KRA busy): retried by itself
    NEEDS_FIX = "needs_fix"  # KRA refused it: a person corrects the cause and sends it again
    CANCELLED = "cancelled"  # a person gave it up before KRA had it
    # A stock balance not sent because a newer balance of the same item was queued before it left: KRA
    # needs only the latest (saveStockMaster carries the quantity on hand, not a change). Since migration
    # 0009 the waiting balance takes the newer quantity instead; older databases still hold these.
    REPLACED = "replaced"

    @property
    def pending(self) -> bool:
        """Still has to reach KRA by itself."""
        return self in PENDING_DOCUMENT_STATES

    @property
    def label(self) -> str:
        return DOCUMENT_STATE_LABELS[self]


PENDING_DOCUMENT_STATES = frozenset(
    {DocumentState.QUEUED, DocumentState.SENDING, DocumentState.UNCERTAIN, DocumentState.WAITING}
)
DOCUMENT_STATE_LABELS = {
    DocumentState.QUEUED: "queued",
    DocumentState.SENDING: "sending",
    DocumentState.SENT: "sent to KRA",
    DocumentState.UNCERTAIN: "sent, answer lost - sending again",
    DocumentState.WAITING: "waiting",
    DocumentState.NEEDS_FIX: "needs your fix",
    DocumentState.CANCELLED: "cancelled",
    DocumentState.REPLACED: "replaced by a newer balance (not needed)",
}
