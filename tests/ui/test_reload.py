"""The one coalesced reload every view uses (ui/common/reload.py): calls merge, one load at a time, a request
during a load gets exactly one more, and a reading for another key than shown now is dropped."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject

from etims_desktop.ui.common.reload import CoalescedReload


class Loads:
    """A load the test lets finish (`gate`), counting how many ran and how many at once."""

    def __init__(self, answer=lambda n: n) -> None:
        self.gate = asyncio.Event()
        self.answer = answer
        self.started = 0
        self.running = 0
        self.most_at_once = 0

    async def __call__(self):
        self.started += 1
        number = self.started
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        try:
            await self.gate.wait()
        finally:
            self.running -= 1
        return self.answer(number)


def test_calls_merge_one_load_runs_at_a_time_and_a_change_during_it_gets_one_more(qtbot, qloop):
    owner = QObject()
    loads, shown, errors = Loads(), [], []
    reload = CoalescedReload(loads, shown.append, errors.append, 10, owner)
    for _ in range(5):
        reload.schedule()
    qtbot.waitUntil(lambda: loads.started == 1, timeout=3000)
    for _ in range(3):  # the data changed again while the first load runs
        reload.schedule()
    reload.now()
    qtbot.waitUntil(lambda: reload.busy and not reload.pending, timeout=3000)
    loads.gate.set()
    qtbot.waitUntil(lambda: shown == [1, 2], timeout=3000)
    assert loads.started == 2 and loads.most_at_once == 1 and not errors
    assert not reload.busy and not reload.pending


def test_a_reading_for_another_key_is_dropped_and_the_new_one_shown(qtbot, qloop):
    owner = QObject()
    showing = {"device": 1}
    loads = Loads(answer=lambda n: (n, showing["device"]))
    shown: list[tuple[int, int]] = []
    reload = CoalescedReload(loads, shown.append, print, 10, owner, key=lambda: showing["device"])
    reload.schedule()
    qtbot.waitUntil(lambda: loads.started == 1, timeout=3000)
    showing["device"] = 2  # the person picked another device while device 1's page was read
    reload.schedule()
    loads.gate.set()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=3000)
    assert shown == [(2, 2)]  # device 1's reading never reached the screen


def test_a_failed_load_is_reported_and_keeps_what_is_shown(qtbot, qloop):
    owner = QObject()
    shown, errors = [], []

    async def broken():
        raise OSError("disk gone")

    reload = CoalescedReload(broken, shown.append, errors.append, 10, owner)
    reload.now()
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=3000)
    assert shown == [] and str(errors[0]) == "disk gone"


def test_a_hidden_view_is_only_marked_stale_and_showing_it_loads_once(qtbot, qloop):
    """A long Sync changes a device after every sale: a tab nobody looks at must not read the store each
    time; the person who opens it sees it loaded, once."""
    from PySide6.QtWidgets import QWidget

    view = QWidget()
    qtbot.addWidget(view)
    loads, shown = Loads(), []
    loads.gate.set()
    reload = CoalescedReload(loads, shown.append, print, 10, view, view=view)
    for _ in range(50):
        reload.schedule()  # hidden: nothing is read
    assert not reload.pending and loads.started == 0
    view.show()
    qtbot.waitUntil(lambda: shown == [1], timeout=3000)
    reload.schedule()  # visible: loads as before
    qtbot.waitUntil(lambda: shown == [1, 2], timeout=3000)
    view.hide()
    view.show()  # shown again with nothing new: no load is even scheduled
    assert not reload.pending and not reload.busy and loads.started == 2
