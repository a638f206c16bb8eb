"""The device board as one query: what the window's board and `etims-desktop status` both show."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from etims_desktop.domain.device import Device
from etims_desktop.domain.documents import DOCUMENT_GROUPS, DocumentState
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.storage.records import DeviceBoardRecord


class BoardStore(Protocol):
    async def board(self, include_retired: bool = False) -> list[DeviceBoardRecord]: ...


@dataclass(frozen=True)
class BoardEntry:
    """Everything known about one device for the board (plain values)."""

    device: Device
    status: DeviceStatus
    pending: int = 0
    oldest_pending_at: datetime | None = None
    counts: dict[OutboxState, int] = field(default_factory=dict)
    last_success_at: datetime | None = None
    last_error: str | None = None  # the last sync's problem, else the live check's finding
    next_step: str | None = None
    synced_elsewhere: bool = False  # another program on this computer was draining it when we tried
    # Per kind - "sales" (the outbox) and the document queue's "purchases", "imports", "stock": what still
    # has to reach KRA by itself, and what KRA refused and waits for a person.
    pending_by_kind: dict[str, int] = field(default_factory=dict)
    needs_fix_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def pending_documents(self) -> int:
        """Purchases, imports and stock reports still on their way (sales are `pending`)."""
        return sum(n for kind, n in self.pending_by_kind.items() if kind != "sales")


class BoardQuery:
    def __init__(self, store: BoardStore) -> None:
        self.store = store

    async def entries(
        self, include_retired: bool = False, synced_elsewhere: Collection[int] = ()
    ) -> list[BoardEntry]:
        """Every device's entry, read in one transaction; `synced_elsewhere`: devices another program
        on this computer was draining when we tried."""
        entries = []
        for record in await self.store.board(include_retired):
            device, status, summary = record.device, record.status, record.summary
            _code, last_error, next_step = record.last_error
            if last_error is None and status.kind is not StatusKind.ONLINE and status.plain:
                last_error, next_step = status.plain, status.next_step  # the live check's finding
            entries.append(
                BoardEntry(
                    device=device,
                    status=status,
                    pending=summary.pending if summary else 0,
                    oldest_pending_at=summary.oldest_pending_at if summary else None,
                    counts=dict(summary.counts) if summary else dict.fromkeys(OutboxState, 0),
                    last_success_at=record.last_success_at,
                    last_error=last_error,
                    next_step=next_step,
                    synced_elsewhere=device.id in synced_elsewhere,
                    **_by_kind(record),
                )
            )
        return entries


def _by_kind(record: DeviceBoardRecord) -> dict[str, dict[str, int]]:
    sales = record.summary
    pending = {"sales": sales.pending if sales else 0}
    needs_fix = {"sales": sales.counts.get(OutboxState.NEEDS_FIX, 0) if sales else 0}
    for group in DOCUMENT_GROUPS:
        by_state = record.documents.get(group, {})
        pending[group] = sum(n for state, n in by_state.items() if state.pending)
        needs_fix[group] = by_state.get(DocumentState.NEEDS_FIX, 0)
    return {"pending_by_kind": pending, "needs_fix_by_kind": needs_fix}
