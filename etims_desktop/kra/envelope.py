"""KRA's reply envelope (resultCd, resultMsg, resultDt, data) as every endpoint answers it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from etims_desktop.kra.dates import format_datetime, parse_datetime


@dataclass(frozen=True)
class Envelope:
    """KRA's reply envelope, with the result code normalised (000 success, 001 empty)."""

    code: str
    message: str | None
    raw_result_dt: Any  # as KRA sent it; read only by lookups, so normalised only then
    data: Any
    retry_after: float | None = None
    # The exchange byte for byte: what was sent and what came back (repr=False: an init reply holds a key).
    request_body: bytes = field(default=b"", repr=False)
    reply_body: bytes = field(default=b"", repr=False)

    @property
    def result_dt(self) -> str | None:
        """resultDt as yyyyMMddHHmmss (Nairobi time), None when missing or unreadable."""
        return normalised_dt(self.raw_result_dt)


def normalised_dt(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return format_datetime(parse_datetime(str(value)))
    except ValueError:
        return None
