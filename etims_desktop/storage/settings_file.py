"""settings.json: the one model, the one reader and the one writer of the shop's settings.

The file is one JSON object with a `schema_version` and one section per owner:

    {"schema_version": 1, "sync": {...}, "backups": {...}, "printer": {...}, "receipt": {...}, "window": {...}}

`SettingsDocument` (pydantic) is its model. Each section is a dataclass owned by its layer
(sync/settings.py SyncSettings, sync/backups.py BackupSettings, printing/settings.py PrinterSettings,
domain/receipt_rules.py ReceiptRules, app/desktop_settings.py DesktopSettings, app/settings.py
WindowLayout: the main window's size and layout); `load_section` validates a section against its
dataclass with pydantic and `save_section` writes it back, keeping every other section. A file written
by an older version is upgraded step by step (`UPGRADES`) when it is read; a newer one is read as it is.
Side files of older versions are moved in once by their section's owner, which removes them after this
file holds their values: window.ini (app/settings.py `WindowStateFile.move_in_old_file`).

A bad value (a hand-edited file) never stops the app and never passes silently: that one field falls
back to its default, and a plain sentence naming the file, the field, the value and the default is
logged (and returned by `problems`), e.g.
    settings.json, "sync", live_check_seconds: "often" is not a number; the default 60.0 is used.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from etims_desktop.storage.files import write_atomically

log = logging.getLogger("etims_desktop.settings")

SCHEMA_VERSION = 1
SECTIONS = ("sync", "backups", "printer", "receipt", "desktop", "window")

T = TypeVar("T")


class SettingsDocument(BaseModel):
    """The whole of settings.json. Unknown sections are kept as they are (an older or newer version's)."""

    model_config = ConfigDict(extra="allow")

    schema_version: int = SCHEMA_VERSION
    sync: dict[str, Any] = Field(default_factory=dict)
    backups: dict[str, Any] = Field(default_factory=dict)
    printer: dict[str, Any] = Field(default_factory=dict)
    receipt: dict[str, Any] = Field(default_factory=dict)
    desktop: dict[str, Any] = Field(default_factory=dict)
    window: dict[str, Any] = Field(default_factory=dict)


def _from_unversioned(raw: dict[str, Any]) -> dict[str, Any]:
    """0 -> 1: files from before the schema version. Their sections are read as they are; the receipt
    header ("business") moved to the database in schema 0003, which reads it from here, so it stays."""
    return {**raw, "schema_version": 1}


# from version N to N + 1
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_unversioned}


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    version = raw.get("schema_version", 0)
    if not isinstance(version, int) or version < 0:
        version = 0
    while version < SCHEMA_VERSION:
        raw = UPGRADES[version](raw)
        version += 1
    return raw


def read_raw(path: Path) -> dict[str, Any]:
    """The file as a dict at the current schema (upgraded); {} if it is missing or not a JSON object."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("%s could not be read (%s); every setting has its default.", path, exc)
        return {}
    if not isinstance(raw, dict):
        log.warning("%s is not a JSON object; every setting has its default.", path)
        return {}
    return upgrade(raw)


def read_document(path: Path) -> SettingsDocument:
    raw = read_raw(path)
    sections = {name: raw[name] for name in SECTIONS if isinstance(raw.get(name), dict)}
    others = {k: v for k, v in raw.items() if k not in SECTIONS}
    return SettingsDocument.model_validate({**others, **sections})


def validate_section(
    values: object, cls: type[T], section: str, where: str = "settings.json"
) -> tuple[T, list[str]]:
    """`values` as a `cls` (a dataclass), and a plain sentence per bad value (that field keeps its default)."""
    if not isinstance(values, dict):
        notes = (
            []
            if values is None
            else [f'{where}, "{section}" is not a group of settings; the defaults are used.']
        )
        return cls(), notes
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    known = {k: v for k, v in values.items() if k in names}
    adapter = TypeAdapter(cls)
    found: list[str] = []
    while True:
        try:
            return adapter.validate_python(known), found
        except ValidationError as exc:
            bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
            for error in exc.errors():
                if not error["loc"]:
                    continue
                field = str(error["loc"][0])
                if field in known:
                    default = getattr(cls(), field)
                    found.append(
                        f'{where}, "{section}", {field}: {json.dumps(known[field])} is not right '
                        f"({error['msg'].lower()}); the default {default!r} is used."
                    )
            if not bad & known.keys():
                return cls(), found
            known = {k: v for k, v in known.items() if k not in bad}


def load_section(path: Path, section: str, cls: type[T]) -> T:
    """The section `section` of settings.json as a `cls`; a bad value is logged and gets its default."""
    value, problems = validate_section(read_raw(path).get(section), cls, section, Path(path).name)
    for problem in problems:
        log.warning("%s", problem)
    return value


def problems(path: Path, sections: dict[str, type]) -> list[str]:
    """Every bad value in the file, as plain sentences (for diagnostics)."""
    raw = read_raw(path)
    found: list[str] = []
    for section, cls in sections.items():
        found += validate_section(raw.get(section), cls, section, Path(path).name)[1]
    return found


def save_section(path: Path, section: str, value: object) -> None:
    """Write one section (a dataclass or a dict), keeping every other one; stamps the schema version."""
    raw = read_raw(path)
    raw[section] = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value  # type: ignore[arg-type]
    raw["schema_version"] = max(
        SCHEMA_VERSION, raw.get("schema_version", 0) if isinstance(raw.get("schema_version"), int) else 0
    )
    write_json(Path(path), raw, indent=2)


def write_json(path: Path, data: object, *, indent: int | None = None) -> None:
    """JSON through the one atomic writer (storage/files.py): the old file or the new one, never half."""
    write_atomically(path, json.dumps(data, indent=indent).encode("utf-8"))
