"""Times, ages and counts in the few words a shop owner reads at a glance ("checked 2 min ago")."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from etims_desktop.domain.clock import utcnow


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Formatting", text, None, n)


def age(since: datetime, now: datetime | None = None) -> str:
    """How long ago, without 'ago': '12 min', '3 h', '2 days'."""
    seconds = max(0.0, ((now or utcnow()) - since).total_seconds())
    if seconds < 60:
        return tr("under a minute")
    if seconds < 3600:
        return tr("%n min", int(seconds // 60))
    if seconds < 48 * 3600:
        return tr("%n h", int(seconds // 3600))
    days = int(seconds // 86400)
    return tr("%n day", days) if days == 1 else tr("%n days", days)


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """'just now', '2 min ago', '3 h ago', '4 days ago' - or 'never'."""
    if when is None:
        return tr("never")
    seconds = ((now or utcnow()) - when).total_seconds()
    if seconds < 45:
        return tr("just now")
    return tr("%1 ago").replace("%1", age(when, now))


def pending_text(count: int, oldest: datetime | None, now: datetime | None = None) -> str:
    """'12 waiting, oldest 3 h' - or 'nothing waiting'."""
    if not count:
        return tr("nothing waiting")
    text = tr("%n waiting", count)
    if oldest is not None:
        text += tr(", oldest %1").replace("%1", age(oldest, now))
    return text


def local_time(when: datetime | None) -> str:
    """A stored UTC time shown in this computer's time zone: '14:02' today, else '12 Mar 14:02'."""
    if when is None:
        return ""
    local = when.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b %Y %H:%M")


def rtt_text(ms: float | None) -> str:
    return "" if ms is None else tr("%1 ms").replace("%1", f"{ms:.0f}")


def ksh(amount: Decimal) -> str:
    """An amount of money as the shop reads it: 'KSh 1,234.50'."""
    from etims_desktop.domain.receipt import money

    return tr("KSh %1").replace("%1", money(amount))
