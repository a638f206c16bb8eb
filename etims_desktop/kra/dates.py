"""KRA wire dates: `yyyyMMddHHmmss` and `yyyyMMdd` in Africa/Nairobi time, and the other shapes servers send.

Everything returned is timezone-aware (Africa/Nairobi); everything accepted must be aware, so a
naive datetime never silently means "local time of this PC".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

NAIROBI = ZoneInfo("Africa/Nairobi")
EVERYTHING = "20180101000000"  # lastReqDt meaning "send me everything" (what Odoo starts from)

DATETIME_RE = re.compile(r"^\d{14}$")
DATE_RE = re.compile(r"^\d{8}$")
# 2024-04-15 15:30:39.0 (selectInvoiceDetails), 2023-12-12 15:36:25 (purchases), ISO with a T.
_SEPARATED_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)


def _aware(when: datetime) -> datetime:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("a KRA date needs a timezone-aware datetime (store UTC, send Nairobi time)")
    return when.astimezone(NAIROBI)


def now_nairobi() -> datetime:
    """The current time in Africa/Nairobi."""
    return datetime.now(NAIROBI)


def format_datetime(when: datetime) -> str:
    """`yyyyMMddHHmmss` in Nairobi time, e.g. 20240415153039."""
    return _aware(when).strftime("%Y%m%d%H%M%S")


def format_date(when: datetime | date) -> str:
    """`yyyyMMdd`; an aware datetime is first converted to Nairobi time (the KRA calendar day)."""
    if isinstance(when, datetime):
        when = _aware(when)
    return when.strftime("%Y%m%d")


def parse_datetime(text: str) -> datetime:
    """Any KRA date-time shape -> aware datetime in Nairobi time. Raises ValueError if unrecognised.

    Accepts 20240415153039, 20240415 (midnight), 2024-04-15 15:30:39.0, 2023-12-12 15:36:25 and ISO
    text with an offset (converted to Nairobi time). Shapes without an offset are Nairobi time.
    """
    text = str(text).strip()
    if DATETIME_RE.match(text) or DATE_RE.match(text):  # digits only: slice them (strptime is 10x slower)
        clock = [int(text[i : i + 2]) for i in (8, 10, 12) if text[i : i + 2]] + [0, 0, 0]
        # ValueError for a 13th month, a 25th hour, ...
        return datetime(
            int(text[:4]), int(text[4:6]), int(text[6:8]), clock[0], clock[1], clock[2], tzinfo=NAIROBI
        )
    match = _SEPARATED_RE.match(text)
    if not match:
        raise ValueError(f"not a KRA date-time: {text!r}")
    year, month, day, hour, minute, second, offset = match.groups()
    when = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    if offset:
        return datetime.fromisoformat(
            f"{when.isoformat()}{'+00:00' if offset == 'Z' else offset}"
        ).astimezone(NAIROBI)
    return when.replace(tzinfo=NAIROBI)


def parse_date(text: str) -> date:
    """`yyyyMMdd` (or any shape `parse_datetime` knows) -> the calendar date."""
    return parse_datetime(text).date()
