"""Run the async services from Qt slots without blocking the window, and never lose an exception."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger("etims_desktop.ui")

_running: set[asyncio.Task[Any]] = set()  # strong references: the loop only keeps weak ones


def spawn(
    coro: Coroutine[Any, Any, Any], on_error: Callable[[BaseException], None] | None = None
) -> asyncio.Task[Any]:
    """Start `coro` on the running (qasync) loop. Errors go to `on_error` if given; they are always logged."""
    task = asyncio.ensure_future(coro)
    _running.add(task)

    def finished(done: asyncio.Task[Any]) -> None:
        _running.discard(done)
        if done.cancelled():
            return
        exc = done.exception()
        if exc is None:
            return
        log.error("background task failed", exc_info=exc)
        if on_error is not None:
            try:
                on_error(exc)
            except Exception:  # noqa: BLE001 - an error handler must not take the window down
                log.exception("error handler failed")

    task.add_done_callback(finished)
    return task


def running_tasks() -> list[asyncio.Task[Any]]:
    return [t for t in _running if not t.done()]


async def cancel_all() -> None:
    """At exit: cancel what the window started and wait until it has stopped."""
    tasks = running_tasks()
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)


def plain_error(exc: BaseException) -> str:
    """The plain sentence (and next step) an error carries, for a message under a field or in a panel."""
    from etims_desktop.domain.errors import has_plain_words
    from etims_desktop.domain.redaction import redact
    from etims_desktop.sync.plain import plain_text
    from etims_desktop.ui.common.text import explain_translated

    if has_plain_words(exc):  # the error's own words, in the chosen language
        return redact(explain_translated(exc)) or type(exc).__name__
    return plain_text(exc)
