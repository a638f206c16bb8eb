"""run_in_engine_thread: a Sync run on its own loop in a worker thread, awaited from the caller's loop."""

from __future__ import annotations

import asyncio
import threading

import pytest

from etims_desktop.sync.engine_thread import run_in_engine_thread


def test_the_work_runs_on_another_loop_and_thread_then_closes_there():
    seen = {}

    async def work():
        seen["work"] = (threading.current_thread(), asyncio.get_running_loop())
        return 42

    async def closing():
        seen["closing"] = (threading.current_thread(), asyncio.get_running_loop())

    async def caller():
        here = (threading.current_thread(), asyncio.get_running_loop())
        result = await run_in_engine_thread(work, closing=closing)
        return here, result

    here, result = asyncio.run(caller())
    assert result == 42
    assert seen["work"] == seen["closing"]  # the run's connections are closed on the run's loop
    assert seen["work"][0] is not here[0] and seen["work"][1] is not here[1]


def test_an_error_of_the_work_reaches_the_caller():
    async def work():
        raise ValueError("broken")

    async def caller():
        with pytest.raises(ValueError, match="broken"):
            await run_in_engine_thread(work)

    asyncio.run(caller())


def test_cancelling_the_caller_stops_the_work_before_it_returns():
    state = {"started": threading.Event(), "stopped": False, "closed": False}

    async def work():
        state["started"].set()
        try:
            await asyncio.sleep(60)
        finally:
            state["stopped"] = True

    async def closing():
        state["closed"] = True

    async def caller():
        task = asyncio.create_task(run_in_engine_thread(work, closing=closing))
        while not state["started"].is_set():
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return dict(state)

    after = asyncio.run(caller())
    assert after["stopped"] and after["closed"]  # nothing of the run is left running
