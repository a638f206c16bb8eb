"""ThreadSafeLock: one holder at a time across event loops in different threads, first come first served."""

from __future__ import annotations

import asyncio
import threading

import pytest

from etims_desktop.kra.loop_lock import ThreadSafeLock


def test_two_loops_in_two_threads_never_hold_it_together():
    lock = ThreadSafeLock()
    inside = []
    overlaps = []

    async def worker(name: str) -> None:
        for _ in range(200):
            async with lock:
                inside.append(name)
                if len(inside) > 1:
                    overlaps.append(tuple(inside))
                await asyncio.sleep(0)
                inside.remove(name)

    threads = [threading.Thread(target=asyncio.run, args=(worker(f"t{i}"),)) for i in range(3)]
    for thread in threads:
        thread.start()
    asyncio.run(worker("main"))
    for thread in threads:
        thread.join()
    assert overlaps == [] and not lock.locked()


def test_waiters_get_it_in_the_order_they_asked():
    async def scenario():
        lock = ThreadSafeLock()
        order = []
        await lock.acquire()

        async def wait(n: int) -> None:
            async with lock:
                order.append(n)

        tasks = [asyncio.create_task(wait(n)) for n in range(5)]
        await asyncio.sleep(0)
        lock.release()
        await asyncio.gather(*tasks)
        return order, lock.locked()

    assert asyncio.run(scenario()) == ([0, 1, 2, 3, 4], False)


def test_a_cancelled_waiter_neither_keeps_nor_loses_the_lock():
    async def scenario():
        lock = ThreadSafeLock()
        await lock.acquire()
        first = asyncio.create_task(lock.acquire())
        second = asyncio.create_task(lock.acquire())
        await asyncio.sleep(0)
        first.cancel()  # cancelled while waiting: it leaves the queue
        with pytest.raises(asyncio.CancelledError):
            await first
        lock.release()  # the second waiter gets it
        assert await second is True and lock.locked()
        third = asyncio.create_task(lock.acquire())
        await asyncio.sleep(0)
        lock.release()  # handed to the third ...
        third.cancel()  # ... which is cancelled before it runs: it passes the lock on (to nobody)
        with pytest.raises(asyncio.CancelledError):
            await third
        return lock.locked()

    assert asyncio.run(scenario()) is False


def test_release_of_an_unlocked_lock_is_an_error():
    with pytest.raises(RuntimeError):
        ThreadSafeLock().release()
