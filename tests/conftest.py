"""Shared fixtures: headless Qt, a qasync loop that closes cleanly, a real keyring backend in a temp dir."""

from __future__ import annotations

import asyncio
import gc
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def qloop(qapp):
    """A qasync loop installed as the running loop for non-async pytest-qt tests (see platform-notes.md)."""
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.events._set_running_loop(loop)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    for _ in range(200):
        if all(t.done() for t in pending):
            break
        qapp.processEvents()
    loop.close()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
    # Free the closed loop's QObjects (qasync timers) here, on the GUI thread. Left to the cyclic GC they
    # may be freed from a worker thread (store, simulator) without unregistering their Qt timers, and a
    # later test's event processing then fires a timer on freed memory: a random segfault.
    gc.collect()


from conftest_keyring import key_store, keyring_backend  # noqa: E402, F401 - shared fixtures
