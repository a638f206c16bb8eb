"""The practice KRA's reference data (code tables, item classes, taxpayers, notices), loaded from JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from importlib.resources import files

from etims_desktop.kra.simulator.wire import parse_kra_datetime

TAX_TYPES = ("A", "B", "C", "D", "E")


@dataclass(frozen=True)
class SeedData:
    """Read-only reference data. `published_at` is when the code tables last 'changed' (for lastReqDt)."""

    code_classes: tuple[dict, ...]
    item_classes: tuple[dict, ...]
    taxpayers: dict[str, dict]
    notices: tuple[dict, ...]
    published_at: datetime
    codes: dict[str, frozenset[str]]
    tax_rates: dict[str, Decimal]
    item_class_codes: frozenset[str]

    def is_code(self, code_class: str, value: str) -> bool:
        return value in self.codes.get(code_class, ())


def _read(name: str) -> dict:
    return json.loads(files("etims_desktop.kra.simulator.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def load_seed() -> SeedData:
    codes_doc = _read("codes.json")
    classes = tuple(codes_doc["clsList"])
    codes = {c["cdCls"]: frozenset(d["cd"] for d in c["dtlList"] if d["useYn"] == "Y") for c in classes}
    tax_class = next(c for c in classes if c["cdCls"] == "04")
    rates = {d["cd"]: Decimal(d["userDfnCd1"]) for d in tax_class["dtlList"]}
    item_classes = tuple(_read("item_classes.json")["itemClsList"])
    return SeedData(
        code_classes=classes,
        item_classes=item_classes,
        taxpayers={t["tin"]: t for t in _read("taxpayers.json")["custList"]},
        notices=tuple(_read("notices.json")["noticeList"]),
        published_at=parse_kra_datetime(codes_doc["publishedAt"]),
        codes=codes,
        tax_rates=rates,
        item_class_codes=frozenset(c["itemClsCd"] for c in item_classes if c["useYn"] == "Y"),
    )
