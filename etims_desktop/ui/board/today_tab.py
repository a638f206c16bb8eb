"""The Today tab: sales per hour today and per day this month (totals and tax), and each device's queue
over the last hours - pictures for what a shop owner would rather look at than read.

The figures come from app/today.py (one read transaction). The tab reloads on the board's own signal
(a device's data changed), merged over a second, one load at a time, and never while it is hidden: a
change while hidden only marks it stale, and showing it loads it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QLocale, QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from etims_desktop.app.today import QUEUE_HOURS, DeviceQueueHistory, SalesBucket, TodayQuery, TodayView
from etims_desktop.ui.common.formatting import ksh
from etims_desktop.ui.common.reload import CoalescedReload
from etims_desktop.ui.common.tasks import plain_error
from etims_desktop.ui.common.widgets import scrollable

log = logging.getLogger("etims_desktop.ui")

COALESCE_MS = 1000  # a drain changes a device many times a second; the charts need not follow each one
SALES_COLOUR = QColor("#1565c0")
TAX_COLOUR = QColor("#ef6c00")
DEVICE_COLOURS = ("#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#4e342e", "#ad1457")
CHART_MIN_HEIGHT = 230  # logical pixels: the axis labels stay readable, at 200 % too (the page scrolls)


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_MIN_HEIGHT)
    view.setMinimumWidth(420)
    return chart, view


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _value_axis(title: str, top: float, whole: bool) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setRange(0, top if top > 0 else (5 if whole else 100))
    axis.applyNiceNumbers()
    axis.setLabelFormat("%d" if whole else "%.0f")
    return axis


class TodayTab(QWidget):
    loaded = Signal()  # a load finished and the charts show it (tests, screenshots)
    failed = Signal(str)

    def __init__(
        self,
        query: TodayQuery,
        parent: QWidget | None = None,
        delay_ms: int = COALESCE_MS,
    ) -> None:
        super().__init__(parent)
        self.query = query
        self.view: TodayView | None = None
        self.loads = 0  # finished loads, for tests
        self.stale = True  # nothing shown yet, or a change came while hidden
        # not `restart`: a drain's stream of changes still shows its progress once a second
        self.reload = CoalescedReload(self._read, self._loaded, self._failed, delay_ms, self, restart=False)
        # A new hour starts a new bar (and at midnight a new day) even when no sale came: one timer to
        # the next full hour, set after each load - not a polling loop.
        self._next_hour = QTimer(self)
        self._next_hour.setSingleShot(True)
        self._next_hour.timeout.connect(self.schedule)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        summary_font = QFont(self.summary.font())
        summary_font.setPointSizeF(summary_font.pointSizeF() * 1.2)
        self.summary.setFont(summary_font)
        self.hours_chart, self.hours_view = _chart(self.tr("Sales per hour today"))
        self.days_chart, self.days_view = _chart(self.tr("Sales per day this month"))
        self.waiting_chart, self.waiting_view = _chart(self.tr("Sales waiting to reach KRA, last 12 hours"))
        self.age_chart, self.age_view = _chart(self.tr("How long the oldest waiting sale has waited"))
        self.note = QLabel(
            self.tr(
                "Amounts are the totals recorded with each sale, tax included; credit notes are taken off. "
                "Point at a bar to see its exact amounts."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#616161;")

        grid = QGridLayout()
        grid.addWidget(self.hours_view, 0, 0)
        grid.addWidget(self.days_view, 0, 1)
        grid.addWidget(self.waiting_view, 1, 0)
        grid.addWidget(self.age_view, 1, 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.summary)
        inner.addLayout(grid, 1)
        inner.addWidget(self.note)
        area = scrollable(content)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)

    # -- when to load --------------------------------------------------------------------------
    def schedule(self, *_args: object) -> None:
        """A device's data changed (the board's signal): reload soon, or when shown again."""
        if not self.isVisible():
            self.stale = True
            return
        self.reload.schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown again: it may have been hidden across new sales, or across midnight.
        self.stale = False
        self.reload.now()

    @property
    def busy(self) -> bool:
        return self.reload.busy

    async def _read(self) -> TodayView | None:
        if not self.isVisible():  # hidden since the reload was asked for: showing it loads it
            self.stale = True
            return None
        return await self.query.view()

    def _loaded(self, view: TodayView | None) -> None:
        if view is None:
            return
        self.show_view(view)
        self.loads += 1
        next_hour = view.now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        self._next_hour.start(int((next_hour - view.now).total_seconds() * 1000) + 1000)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        """Keep the last charts; say what went wrong (the helper has logged it)."""
        self.summary.setText(
            self.tr("The figures could not be read: {error}").replace("{error}", plain_error(exc))
        )
        self.failed.emit(plain_error(exc))

    # -- drawing -------------------------------------------------------------------------------
    def show_view(self, view: TodayView) -> None:
        self.view = view
        self.summary.setText(self._summary_text(view))
        self._sales_bars(
            self.hours_chart,
            view.hours,
            [f"{b.start.hour:02d}" for b in view.hours],
            self.tr("Hour of the day (09 = from 09:00 to 10:00)"),
            daily=False,
        )
        month = QLocale().toString(QDate(view.now.year, view.now.month, 1), "MMMM yyyy")
        self.days_chart.setTitle(self.tr("Sales per day this month ({month})").replace("{month}", month))
        self._sales_bars(
            self.days_chart,
            view.days,
            [str(b.start.day) for b in view.days],
            self.tr("Day of the month"),
            daily=True,
        )
        self._queue_lines(view)

    def _summary_text(self, view: TodayView) -> str:
        today, month = view.today, view.month
        if today.sales or today.credit_notes:
            first = (
                self.tr("Today: {sales} sales, {total} (tax {tax}).")
                .replace("{sales}", str(today.sales))
                .replace("{total}", ksh(today.total))
                .replace("{tax}", ksh(today.tax))
            )
        else:
            first = self.tr("No sales yet today.")
        second = (
            self.tr("This month: {sales} sales, {total} (tax {tax}).")
            .replace("{sales}", str(month.sales))
            .replace("{total}", ksh(month.total))
            .replace("{tax}", ksh(month.tax))
        )
        text = f"{first} {second}"
        waiting = sum(q.points[-1].waiting for q in view.queues if q.points)
        if waiting:
            text += " " + self.tr("{count} still waiting to reach KRA.").replace("{count}", str(waiting))
        if view.practice_only:
            text = self.tr("Practice sales only (not real):") + " " + text
        return text

    def _sales_bars(
        self,
        chart: QChart,
        buckets: Sequence[SalesBucket],
        labels: list[str],
        axis_title: str,
        daily: bool,
    ) -> None:
        _clear(chart)
        totals = QBarSet(self.tr("Sales, tax included (KSh)"))
        taxes = QBarSet(self.tr("Tax (KSh)"))
        totals.setColor(SALES_COLOUR)
        taxes.setColor(TAX_COLOUR)
        for bucket in buckets:
            totals.append(float(bucket.total))  # drawing only: the sums themselves are Decimal
            taxes.append(float(bucket.tax))
        series = QBarSeries()
        series.append(totals)
        series.append(taxes)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(labels)
        x.setTitleText(axis_title)
        top = max([float(b.total) for b in buckets] + [0.0])
        y = _value_axis(self.tr("Kenya shillings"), top, whole=False)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        shown = list(buckets)

        def hovered(status: bool, index: int) -> None:
            if status and 0 <= index < len(shown):
                QToolTip.showText(QCursor.pos(), self.bucket_words(shown[index], daily))
            else:
                QToolTip.hideText()

        totals.hovered.connect(hovered)
        taxes.hovered.connect(hovered)

    def bucket_words(self, bucket: SalesBucket, daily: bool) -> str:
        """A bar's exact figures (its tooltip)."""
        when = (
            QLocale().toString(QDate(bucket.start.year, bucket.start.month, bucket.start.day), "d MMMM")
            if daily
            else self.tr("{start} to {end}")
            .replace("{start}", bucket.start.strftime("%H:%M"))
            .replace("{end}", bucket.end.strftime("%H:%M"))
        )
        text = (
            self.tr("{when}: {sales} sales, {total}, of which tax {tax}.")
            .replace("{when}", when)
            .replace("{sales}", str(bucket.sales))
            .replace("{total}", ksh(bucket.total))
            .replace("{tax}", ksh(bucket.tax))
        )
        if bucket.credit_notes:
            text += " " + self.tr("{count} credit notes taken off.").replace(
                "{count}", str(bucket.credit_notes)
            )
        return text

    def _queue_lines(self, view: TodayView) -> None:
        for chart in (self.waiting_chart, self.age_chart):
            _clear(chart)
        ages = [p.oldest_age_seconds / 60 for q in view.queues for p in q.points]
        in_hours = max(ages + [0.0]) > 180
        self.age_chart.setTitle(
            self.tr("How long the oldest waiting sale has waited (hours)")
            if in_hours
            else self.tr("How long the oldest waiting sale has waited (minutes)")
        )
        top_waiting = max([p.waiting for q in view.queues for p in q.points] + [0])
        top_age = max(ages + [0.0]) / (60 if in_hours else 1)
        axes = {
            self.waiting_chart: _value_axis(self.tr("Sales waiting"), top_waiting, whole=True),
            self.age_chart: _value_axis(
                self.tr("Hours") if in_hours else self.tr("Minutes"), top_age, whole=False
            ),
        }
        for chart, y in axes.items():
            x = QDateTimeAxis()
            x.setFormat("HH:mm")
            x.setTitleText(self.tr("Time of day"))
            x.setTickCount(QUEUE_HOURS // 2 + 1)
            # Whole hours at the ticks: the last 12 hours up to the next full hour, a tick every 2 hours.
            end = view.now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
            x.setRange(_qtime(end - timedelta(hours=QUEUE_HOURS)), _qtime(end))
            chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
            for n, queue in enumerate(view.queues):
                series = self._queue_series(queue, chart is self.age_chart, in_hours)
                series.setColor(QColor(DEVICE_COLOURS[n % len(DEVICE_COLOURS)]))
                pen = series.pen()
                pen.setWidthF(2.5)
                series.setPen(pen)
                chart.addSeries(series)
                series.attachAxis(x)
                series.attachAxis(y)
            chart.legend().setVisible(bool(view.queues))

    @staticmethod
    def _queue_series(queue: DeviceQueueHistory, age: bool, in_hours: bool) -> QLineSeries:
        series = QLineSeries()
        series.setName(queue.name)
        for point in queue.points:
            value = point.oldest_age_seconds / (3600 if in_hours else 60) if age else float(point.waiting)
            series.append(float(_qtime(point.at).toMSecsSinceEpoch()), value)
        return series


def _qtime(at: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(at.timestamp() * 1000))
