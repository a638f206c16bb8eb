"""The eTIMS wire format as the simulator speaks it: result envelopes, KRA time stamps, JSON with Decimals."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

EAT = ZoneInfo("Africa/Nairobi")

# resultMsg per resultCd, as KRA words them (kra-etims-api.md section 8).
MESSAGES = {
    "000": "Successful",
    "001": "There is no search result",
    "894": "An error regarding server communication occurred.",
    "899": "An error regarding Client occurred.",
    "900": "There is no Header information",
    "901": "It is not valid device",
    "902": "This device is installed",
    "903": "Only OSCU device can be verified.",
    "910": "Request parameter error",
    "911": "There is no request full text",
    "912": "There is a request Method error",
    "913": "Code value error among request parameters",
    "921": "Sales or sales invoice data which is declared cannot be received.",
    "990": "The maximum number of views are exceeded",
    "991": "There is an error during registration",
    "994": "There is an overlapped Data",
    "999": "There is an unknown error. Please ask the administrator",
}


class Rejection(Exception):
    """Any answer other than success: a result code and KRA's message (which names the field at fault)."""

    def __init__(self, code: str, detail: str | None = None, *, debug: str | None = None) -> None:
        self.code = code
        base = MESSAGES.get(code, "Request failed")
        self.message = f"{base}: {detail}" if detail else base
        self.debug = debug  # the gateway's own wording (debugMessage), when it differs from the message
        super().__init__(f"{code} {self.message}")


def now_utc() -> datetime:
    return datetime.now(UTC)


def kra_datetime(moment: datetime) -> str:
    """`yyyyMMddHHmmss` in Nairobi time."""
    m = moment.astimezone(EAT)
    return f"{m.year:04}{m.month:02}{m.day:02}{m.hour:02}{m.minute:02}{m.second:02}"


def kra_lookup_datetime(moment: datetime) -> str:
    """The other shape lookups answer with (selectInvoiceDetails): `yyyy-MM-dd HH:mm:ss.0`."""
    return moment.astimezone(EAT).strftime("%Y-%m-%d %H:%M:%S.0")


def parse_kra_datetime(text: str) -> datetime:
    """Parse `yyyyMMddHHmmss` (Nairobi time) into an aware datetime; ValueError if it is not one."""
    if len(text) != 14 or not text.isdigit():
        raise ValueError(text)
    numbers = (text[0:4], text[4:6], text[6:8], text[8:10], text[10:12], text[12:14])
    return datetime(*map(int, numbers), tzinfo=EAT)


def _encode_extra(value: Any) -> Any:
    if isinstance(value, Decimal):
        # A JSON number, as KRA sends it; 2-decimal amounts survive the float round trip exactly.
        return (
            int(value)
            if value == value.to_integral_value() and value.as_tuple().exponent >= 0
            else float(value)
        )
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def dumps(value: Any) -> bytes:
    return json.dumps(value, default=_encode_extra, separators=(",", ":"), ensure_ascii=False).encode()


def loads(raw: bytes | str) -> Any:
    """JSON with every fractional number as a Decimal (money never passes through float on the way in)."""
    return json.loads(raw, parse_float=Decimal)


def envelope(
    code: str, data: Any = None, message: str | None = None, moment: datetime | None = None
) -> bytes:
    """The HTTP 200 body every endpoint answers with."""
    return dumps(
        {
            "resultCd": code,
            "resultMsg": message or MESSAGES.get(code, "Unknown"),
            "resultDt": kra_datetime(moment or now_utc()),
            "data": data,
        }
    )
