"""The Today tab in the real window: charts from the amounts stored with each sale, reloads on the
board's signal (merged), never while hidden, and fits a 1366x768 screen."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from etims_desktop.storage.models import SaleRow

from .helpers import connect_device, queue_sales, run


def stored_totals(services) -> tuple[Decimal, Decimal]:
    with services.store.engine.connect() as connection:
        rows = connection.execute(select(SaleRow.total, SaleRow.total_tax)).all()
    return sum((r[0] for r in rows), Decimal("0")), sum((r[1] for r in rows), Decimal("0"))


def bar_values(chart) -> list[list[float]]:
    (series,) = chart.series()
    return [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in series.barSets()]


def test_today_shows_the_stored_amounts_and_each_device_queue(qtbot, qloop, services, window, oscu_sim):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-TODAY-1", "OSCU"))
    run(qloop, queue_sales(services, till.id, 3))
    tab = window.today_tab
    assert tab.loads == 0  # hidden so far: nothing was read for it
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads >= 1 and not tab.busy, timeout=5000)
    total, tax = stored_totals(services)
    assert total > 0 and tax > 0
    view = tab.view
    assert (view.today.sales, view.today.total, view.today.tax) == (3, total, tax)
    assert (view.month.sales, view.month.total) == (3, total)
    text = tab.summary.text()
    assert text.startswith("Today: 3 sales, KSh ") and "3 still waiting to reach KRA." in text
    # the bars carry the same figures: the current hour's bar holds all three sales
    totals, taxes = bar_values(tab.hours_chart)
    assert sum(totals) == float(total) and sum(taxes) == float(tax)
    assert len(totals) == len(view.hours) and view.hours[-1].start.hour == view.now.hour
    assert sum(bar_values(tab.days_chart)[0]) == float(total)
    words = tab.bucket_words(view.hours[-1], daily=False)
    assert "3 sales" in words and f"{total:,.2f}" in words
    # the queue lines: one per device, ending with the three waiting sales
    (waiting,) = tab.waiting_chart.series()
    assert waiting.name() == "Till 1" and waiting.at(waiting.count() - 1).y() == 3
    assert "minutes" in tab.age_chart.title()
    # the next full hour brings a new bar even if nothing happens: one timer, set to that hour
    remaining = tab._next_hour.remainingTime()
    assert tab._next_hour.isSingleShot() and 0 < remaining <= 3600 * 1000 + 1000


def test_reloads_are_merged_and_wait_while_hidden(qtbot, qloop, services, window, oscu_sim):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-TODAY-2", "OSCU"))
    tab = window.today_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads >= 1 and not tab.busy, timeout=5000)
    loads = tab.loads
    # a burst of changes while shown: one reload
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        for _ in range(20):
            window.events.device_changed.emit(till.id)
    assert tab.loads == loads + 1
    qtbot.waitUntil(lambda: not tab.busy)
    assert not tab.reload.pending and not tab.reload.busy  # nothing else queued behind it
    assert tab.loads == loads + 1

    # hidden: a recorded sale (the board's signal fires) marks it stale, reads nothing
    window.tabs.setCurrentIndex(0)
    run(qloop, queue_sales(services, till.id, 2))
    window.events.device_changed.emit(till.id)
    assert tab.stale and not tab.reload.pending and tab.loads == loads + 1
    # shown again: it loads at once and shows the new sales
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads == loads + 2 and not tab.busy, timeout=5000)
    assert tab.view.today.sales == 2 and not tab.stale


def test_a_reload_asked_for_before_the_tab_was_hidden_reads_nothing(qtbot, qloop, services, window, oscu_sim):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-TODAY-3", "OSCU"))
    tab = window.today_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads >= 1 and not tab.busy, timeout=5000)
    loads = tab.loads
    window.events.device_changed.emit(till.id)
    assert tab.reload.pending  # merged for a second...
    window.tabs.setCurrentIndex(0)  # ...and the owner moved to another tab meanwhile
    qtbot.waitUntil(lambda: not tab.reload.pending and not tab.busy, timeout=5000)
    assert tab.loads == loads and tab.stale  # nothing drawn for a hidden tab; showing it loads
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads == loads + 1 and not tab.busy, timeout=5000)
    assert not tab.stale
