"""Keeps the board in step with the store: device events are coalesced, one refresh at a time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection

from PySide6.QtCore import QObject, QTimer, Signal

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import StatusKind
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
    store, include_retired: bool = False, synced_elsewhere: Collection[int] = ()
) -> list[BoardRow]:
    """Read every device's row from the store (each call runs in the store's writer thread);
    `synced_elsewhere`: devices another program on this computer was draining when we tried."""
    pending = await store.pending_summary()
    rows = []
    for device in await store.list_devices(include_retired):
        status = await store.get_status(device.id)
        summary = pending.get(device.id)
        counts = summary.counts if summary else {}
        _code, last_error, next_step = await store.last_device_error(device.id)
        if last_error is None and status.kind is not StatusKind.ONLINE and status.plain:
            last_error, next_step = status.plain, status.next_step  # the live check's finding
        rows.append(
            BoardRow(
                device=device,
                status=status,
                pending=summary.pending if summary else 0,
                oldest_pending_at=summary.oldest_pending_at if summary else None,
                needs_fix=counts.get(OutboxState.NEEDS_FIX, 0),
                needs_check=counts.get(OutboxState.NEEDS_CHECK, 0),
                uncertain=counts.get(OutboxState.UNCERTAIN, 0),
                last_success_at=await store.last_sync_at(device.id),
                last_error=last_error,
                next_step=next_step,
                synced_elsewhere=device.id in synced_elsewhere,
            )
        )
    return rows


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
        store,
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
