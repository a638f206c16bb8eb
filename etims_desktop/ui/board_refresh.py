"""Keeps the board in step with the store: device events are coalesced, one refresh at a time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection

from PySide6.QtCore import QObject, QTimer, Signal

from etims_desktop.app.board import BoardQuery, BoardStore
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.ui.board_model import BoardRow, DeviceBoardModel
from etims_desktop.ui.tasks import spawn

log = logging.getLogger("etims_desktop.ui")

COALESCE_MS = 150  # at most ~7 refreshes a second during a big drain
# While a Sync run from the window drains, each row's count comes live from its progress; the board's
# reload (a read on the store's one thread, which the drain writes through, and a repaint of every
# row) then waits this long. Measured: 47 reloads in an 8.7 s drain of 20 devices, ~0.7 s of the GUI
# thread in row resizes alone (docs/PERFORMANCE.md, 2.1).
SYNCING_COALESCE_MS = 1000


async def load_board(
    store: BoardStore, include_retired: bool = False, synced_elsewhere: Collection[int] = ()
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
        for entry in await BoardQuery(store).entries(include_retired, synced_elsewhere)
    ]


class DeviceEvents(QObject):
    """Adapts the sync layer's plain `device_listeners` callbacks to a Qt signal (thread-safe)."""

    device_changed = Signal(int)

    def __init__(self, sync_service, parent=None):
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
        store: BoardStore,
        model: DeviceBoardModel,
        parent=None,
        delay_ms: int = COALESCE_MS,
        synced_elsewhere: Callable[[], Collection[int]] = tuple,
    ):
        super().__init__(parent)
        self.store = store
        self.model = model
        self.include_retired = False  # "Show retired devices": removed, their records kept
        self.synced_elsewhere = synced_elsewhere
        self.loads = 0  # completed refreshes, for tests and the screenshot script
        self.first_done = asyncio.Event()
        self._in_flight: asyncio.Task | None = None
        self._again = False
        self._started = 0  # loads started / the newest load whose rows are shown
        self._applied = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)

    def schedule(self, *_args) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def set_delay(self, delay_ms: int) -> None:
        """How long calls are merged from now on (a pending refresh keeps its own start)."""
        self._timer.setInterval(delay_ms)

    def refresh_now(self) -> None:
        self._timer.stop()
        self._start()

    @property
    def busy(self) -> bool:
        return self._in_flight is not None and not self._in_flight.done()

    def _start(self) -> None:
        if self.busy:
            self._again = True  # picked up when the running load finishes
            return
        self._started += 1
        self._in_flight = spawn(self._load(self._started))

    async def _load(self, number: int) -> None:
        try:
            rows = await load_board(self.store, self.include_retired, set(self.synced_elsewhere()))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - keep the last rows; say what went wrong
            log.exception("board refresh failed")
            self.failed.emit(str(exc))
        else:
            if number < self._applied:
                return  # an older reading never overwrites a newer one
            self._applied = number
            self.model.set_rows(rows)
            self.loads += 1
            self.first_done.set()
            self.refreshed.emit()
        finally:
            if self._again:
                self._again = False
                self.schedule()
