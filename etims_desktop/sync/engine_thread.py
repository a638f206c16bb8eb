"""Run a Sync on an asyncio loop of its own, in a worker thread, and await it from the caller's loop.

Why: the window's loop is Qt's (qasync), where every asyncio callback goes through a Qt timer event
and shares the GUI thread with repaints. A drain is thousands of callbacks a second (HTTP replies, the
store's answers); on its own plain loop it runs as fast as the headless `etims-desktop sync`, and the
window only receives its results (ui/board/sync_controller.py turns progress into queued Qt signals).
The work itself is unchanged: the same services, the same store (whose one writer thread serves any
loop), the same shared HTTP client (its transport keeps one connection pool per loop; the run closes
its own at the end). Layer rule: nothing here knows Qt.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def run_in_engine_thread(
    work: Callable[[], Awaitable[T]],
    *,
    closing: Callable[[], Awaitable[object]] | None = None,
    name: str = "etims-sync",
) -> T:
    """`await work()` on a new event loop in a new thread; then `await closing()` there (its
    connections), and the loop ends. Cancelling the caller cancels the work there and returns only
    once it has stopped (a half-finished drain is never left running behind a closing store)."""
    result: concurrent.futures.Future[T] = concurrent.futures.Future()
    ready = threading.Event()
    engine: dict[str, object] = {}

    async def main() -> T:
        engine["loop"], engine["task"] = asyncio.get_running_loop(), asyncio.current_task()
        ready.set()
        try:
            return await work()
        finally:
            if closing is not None:
                with contextlib.suppress(Exception):
                    await closing()

    def thread_main() -> None:
        try:
            with asyncio.Runner() as runner:
                value = runner.run(main())
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting caller
            ready.set()
            result.set_exception(exc)
        else:
            result.set_result(value)

    thread = threading.Thread(target=thread_main, name=name, daemon=True)
    thread.start()
    waiting = asyncio.wrap_future(result)
    try:
        return await asyncio.shield(waiting)
    except asyncio.CancelledError:
        if not result.done():
            ready.wait()
            loop, task = engine.get("loop"), engine.get("task")
            if isinstance(loop, asyncio.AbstractEventLoop) and isinstance(task, asyncio.Task):
                with contextlib.suppress(RuntimeError):  # it ended meanwhile
                    loop.call_soon_threadsafe(task.cancel)
            with contextlib.suppress(BaseException):
                await waiting
        raise
