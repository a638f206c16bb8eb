"""Keeps the board in step with the store: device events are coalesced, one refresh at a time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from etims_desktop.app.board import BoardQuery
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.ui.board.board_model import BoardRow, DeviceBoardModel
from etims_desktop.ui.common.reload import CoalescedReload

log = logging.getLogger("etims_desktop.ui")

COALESCE_MS = 150  # at most ~7 refreshes a second during a big drain
# While a Sync run from the window drains, each row's count comes live from its progress; the board's
# reload (a read on the store's one thread, which the drain writes through, and a repaint of every
# row) then waits this long. Measured: 47 reloads in an 8.7 s drain of 20 devices, ~0.7 s of the GUI
# thread in row resizes alone (docs/PERFORMANCE.md, 2.1).
SYNCING_COALESCE_MS = 1000


async def load_board(
    board: BoardQuery, include_retired: bool = False, synced_elsewhere: Collection[int] = ()
) -> list[BoardRow]:
    """Every device's row (app/board.py: one read transaction);
    `synced_elsewhere`: devices another program on this computer was draining when we tried."""
    return [
        BoardRow(
            device=entry.device,
            status=entry.status,
            pending=entry.pending,
            oldest_pending_at=entry.oldest_pending_at,
            needs_fix=entry.counts.get(OutboxState.NEEDS_FIX, 0),
            needs_check=entry.counts.get(OutboxState.NEEDS_CHECK, 0),
            uncertain=entry.counts.get(OutboxState.UNCERTAIN, 0),
            last_success_at=entry.last_success_at,
            last_error=entry.last_error,
            next_step=entry.next_step,
            synced_elsewhere=entry.synced_elsewhere,
            documents_pending={k: n for k, n in entry.pending_by_kind.items() if k != "sales" and n},
            documents_need_fix={k: n for k, n in entry.needs_fix_by_kind.items() if k != "sales" and n},
        )
        for entry in await board.entries(include_retired, synced_elsewhere)
    ]


class DeviceChangeSource(Protocol):
    """Who tells of a device whose data changed (sync/service.py SyncService)."""

    device_listeners: list[Callable[[int], None]]


class DeviceEvents(QObject):
    """Adapts the sync layer's plain `device_listeners` callbacks to a Qt signal (thread-safe)."""

    device_changed = Signal(int)

    def __init__(self, sync_service: DeviceChangeSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sync = sync_service
        self._listener = self.device_changed.emit
        sync_service.device_listeners.append(self._listener)

    def detach(self) -> None:
        if self._listener in self._sync.device_listeners:
            self._sync.device_listeners.remove(self._listener)


class BoardRefresher(QObject):
    """`schedule()` as often as you like: a single-shot timer merges calls; one load runs at a time."""

    refreshed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        board: BoardQuery,
        model: DeviceBoardModel,
        parent=None,
        delay_ms: int = COALESCE_MS,
        synced_elsewhere: Callable[[], Collection[int]] = tuple,
    ):
        super().__init__(parent)
        self.board = board  # app/board.py, built once in bootstrap
        self.model = model
        self.include_retired = False  # "Show retired devices": removed, their records kept
        self.synced_elsewhere = synced_elsewhere
        self.loads = 0  # completed refreshes, for tests and the screenshot script
        self.first_done = asyncio.Event()
        # A stream of sync events joins the pending load rather than postponing it (restart=False).
        self._reload = CoalescedReload(
            self._read,
            self._apply,
            lambda exc: self.failed.emit(str(exc)),  # the last rows stay
            delay_ms,
            self,
            key=lambda: self.include_retired,
            restart=False,
        )

    def schedule(self, *_args) -> None:
        self._reload.schedule()

    def set_delay(self, delay_ms: int) -> None:
        """How long calls are merged from now on (a pending refresh keeps its own start)."""
        self._reload.set_delay(delay_ms)

    def refresh_now(self) -> None:
        self._reload.now()

    @property
    def busy(self) -> bool:
        return self._reload.busy

    async def _read(self) -> list[BoardRow]:
        return await load_board(self.board, self.include_retired, set(self.synced_elsewhere()))

    def _apply(self, rows: list[BoardRow]) -> None:
        self.model.set_rows(rows)
        self.loads += 1
        self.first_done.set()
        self.refreshed.emit()
