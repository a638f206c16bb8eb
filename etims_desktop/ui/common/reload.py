"""Reload a view when its data changed, the same way for every view (board, sales, items, device page).

`schedule()` as often as you like: calls within `delay_ms` merge into one load. At most one load runs at
a time; a request while one runs starts one more after it. A result is shown only when it still answers
the question asked: never older than a result already shown, and never for another `key()` (another
device, another filter) than the view shows now - that request's own load follows. Given its `view`, a
request while the view is hidden (another tab, the window in the tray) only marks it stale: showing the
view loads it (a long Sync must not make every hidden tab read the store after each sale)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from etims_desktop.ui.common.tasks import spawn

log = logging.getLogger("etims_desktop.ui")


def _no_key() -> None:
    return None


class CoalescedReload(QObject):
    def __init__(
        self,
        load: Callable[[], Awaitable[Any]],
        show: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        delay_ms: int,
        parent: QObject,
        *,
        key: Callable[[], Hashable] = _no_key,
        restart: bool = True,
        view: QWidget | None = None,
    ) -> None:
        """`restart`: each call waits `delay_ms` afresh (typing in a search box); else the first call's
        timer stands and later calls join it (a stream of sync events still shows progress)."""
        super().__init__(parent)
        self._load = load
        self._show = show
        self._on_error = on_error
        self._key = key
        self._restart = restart
        self._in_flight: asyncio.Task[None] | None = None
        self._again = False
        self._started = 0  # loads started; the newest whose result is shown is _shown
        self._shown = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._view = view
        self._stale = False  # asked for while the view was hidden
        if view is not None:
            view.installEventFilter(self)

    @property
    def busy(self) -> bool:
        return self._in_flight is not None and not self._in_flight.done()

    @property
    def pending(self) -> bool:
        """A load is waiting for its timer."""
        return self._timer.isActive()

    def schedule(self) -> None:
        if self._view is not None and not self._view.isVisible():
            self._stale = True
            return
        if self._restart or not self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._timer.start()
        return False

    def now(self) -> None:
        self._timer.stop()
        self._start()

    def set_delay(self, delay_ms: int) -> None:
        """How long calls are merged from now on (a pending load keeps its own start)."""
        self._timer.setInterval(delay_ms)

    def stop(self) -> None:
        """No more loads from the timer (the view is going away)."""
        self._timer.stop()
        self._again = False

    def _start(self) -> None:
        if self.busy:
            self._again = True  # picked up when the running load finishes
            return
        self._started += 1
        self._in_flight = spawn(self._run(self._started, self._key()))

    async def _run(self, number: int, key: Hashable) -> None:
        try:
            result = await self._load()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - keep what is shown; the view says what went wrong
            log.exception("reload failed")
            self._on_error(exc)
        else:
            if number > self._shown and key == self._key():
                self._shown = number
                self._show(result)
        finally:
            if self._again:
                self._again = False
                self._timer.start()
