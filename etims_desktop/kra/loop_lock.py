"""A lock for coroutines on different event loops (threads).

A Sync run started from the window runs on its own event loop in a worker thread, while the window's
loop may send a new sale at once or run the scheduler; both take a device's lock (one request in flight
per device) or a gateway's token lock. asyncio.Lock belongs to one loop (a second loop waiting on it
fails), so these locks are ThreadSafeLocks: a waiter on any loop is woken on its own loop, first come
first served, and ownership passes straight to it (no other acquirer can slip in between).
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque


class ThreadSafeLock:
    """`async with lock:` from any event loop. Not reentrant."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._locked = False
        self._waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[bool]]] = deque()

    def locked(self) -> bool:
        return self._locked

    async def acquire(self) -> bool:
        with self._mutex:
            if not self._locked:
                self._locked = True
                return True
            loop = asyncio.get_running_loop()
            waiter = (loop, loop.create_future())
            self._waiters.append(waiter)
        try:
            await waiter[1]
        except asyncio.CancelledError:
            with self._mutex:
                if waiter in self._waiters:  # not handed over yet: simply leave the queue
                    self._waiters.remove(waiter)
                    raise
            self.release()  # it was handed to us as we were cancelled: pass it on
            raise
        return True

    def release(self) -> None:
        with self._mutex:
            if not self._locked:
                raise RuntimeError("release of an unlocked ThreadSafeLock")
            while self._waiters:
                loop, future = self._waiters.popleft()
                try:
                    loop.call_soon_threadsafe(_hand_over, future)
                except RuntimeError:  # its loop has closed: that waiter is gone
                    continue
                return  # still locked: it belongs to that waiter now
            self._locked = False

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(self, *exc: object) -> None:
        self.release()


def _hand_over(future: asyncio.Future[bool]) -> None:
    if not future.done():  # a cancelled waiter passes the lock on itself (acquire)
        future.set_result(True)
