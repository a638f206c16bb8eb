"""Reading request fields the way KRA checks them: 910 names a missing or ill-typed field, 913 a bad code."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from etims_desktop.kra.simulator.seed import SeedData
from etims_desktop.kra.simulator.wire import Rejection


class Fields:
    """One JSON object of a request (the body, the receipt, or an itemList line), read field by field."""

    def __init__(self, body: Any, path: tuple[str, ...] = ()) -> None:
        if not isinstance(body, dict):
            raise Rejection("910", f"{'.'.join(path) or 'body'} must be a JSON object")
        self.body = body
        self.path = path

    def name(self, field: str) -> str:
        """`itemList[2].qty` style, for 910 messages."""
        return ".".join((*self.path, field))

    def code_path(self, field: str) -> str:
        """`[<itemList><pkgUnitCd>]`, the way KRA's 913 message names a field."""
        parts = [p.split("[")[0] for p in self.path] + [field]
        return "[" + "".join(f"<{p}>" for p in parts) + "]"

    def _raw(self, field: str, required: bool) -> Any:
        value = self.body.get(field)
        if value is None or (value.__class__ is str and not value):  # (Decimal == "" is slow)
            if required:
                raise Rejection("910", f"{self.name(field)} is required")
            return None
        return value

    def text(self, field: str, *, required: bool = True, max_len: int | None = None) -> str | None:
        value = self.body.get(field)
        if value.__class__ is str and value and (max_len is None or len(value) <= max_len):
            return value  # the common case, checked first: this runs ~100 times per sale
        value = self._raw(field, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise Rejection("910", f"{self.name(field)} must be a string")
        if max_len is not None and len(value) > max_len:
            raise Rejection("910", f"{self.name(field)} is longer than {max_len} characters")
        return value

    def integer(self, field: str, *, required: bool = True, minimum: int | None = None) -> int | None:
        value = self._raw(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise Rejection("910", f"{self.name(field)} must be an integer")
        if minimum is not None and value < minimum:
            raise Rejection("910", f"{self.name(field)} must be at least {minimum}")
        return value

    def number(self, field: str, *, required: bool = True) -> Decimal | None:
        value = self.body.get(field)
        if value.__class__ is Decimal:
            return value  # the common case first (fractional JSON numbers are parsed as Decimal)
        value = self._raw(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise Rejection("910", f"{self.name(field)} must be a number")
        return Decimal(value)

    def timestamp(self, field: str, *, required: bool = True) -> str | None:
        """A `yyyyMMddHHmmss` date-time (14 digits)."""
        return self._dated(field, required, "yyyyMMddHHmmss")

    def date(self, field: str, *, required: bool = True) -> str | None:
        """A `yyyyMMdd` date (8 digits)."""
        return self._dated(field, required, "yyyyMMdd")

    def _dated(self, field: str, required: bool, shape: str) -> str | None:
        value = self._raw(field, required)
        if value is None:
            return None
        digits = len(shape)
        if not isinstance(value, str) or len(value) != digits or not value.isdigit():
            raise Rejection("910", f"{self.name(field)} must be {digits} digits ({shape})")
        # int slices + datetime(): the same check as strptime, many times faster
        parts = [
            int(value[i:j]) for i, j in ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14)) if j <= digits
        ]
        try:
            datetime(*parts)
        except ValueError:
            raise Rejection("910", f"{self.name(field)} is not a real date ({shape})") from None
        return value

    def flag(self, field: str, *, required: bool = True) -> str | None:
        value = self.text(field, required=required)
        if value is not None and value not in ("Y", "N"):
            raise Rejection("910", f"{self.name(field)} must be Y or N")
        return value

    def code(self, field: str, code_class: str, seed: SeedData, *, required: bool = True) -> str | None:
        """A value that must appear in KRA code class `code_class` (913 otherwise)."""
        value = self.text(field, required=required)
        if value is not None and not seed.is_code(code_class, value):
            raise Rejection("913", self.code_path(field))
        return value

    def item_class(self, field: str, seed: SeedData, *, check: bool) -> str:
        value = self.text(field, max_len=10)
        if check and value not in seed.item_class_codes:
            raise Rejection("913", self.code_path(field))
        return value

    def audit(self, *, strict: bool) -> None:
        """regrId/regrNm (who registered it) are required; modrId/modrNm (last modifier) only when strict."""
        for field in ("regrId", "regrNm", "modrId", "modrNm"):
            self.text(field, required=strict or field.startswith("regr"), max_len=60)

    def child(self, field: str) -> Fields:
        value = self._raw(field, True)
        return Fields(value, (*self.path, field))

    def children(self, field: str) -> list[Fields]:
        value = self._raw(field, True)
        if not isinstance(value, list) or not value:
            raise Rejection("910", f"{self.name(field)} must be a non-empty list")
        return [Fields(v, (*self.path, f"{field}[{i}]")) for i, v in enumerate(value, 1)]
