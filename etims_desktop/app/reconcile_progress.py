"""Where a check with KRA (app/reconcile.py) stopped: the sales already checked and what was found, per
date range and device, in a small JSON file in the data dir. A second run of the same range continues
from there; a run that finished forgets its entry. No table needed: it is a convenience, never a record."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etims_desktop.storage.files import write_atomically

log = logging.getLogger("etims_desktop.app")

PROGRESS_FILE = "reconcile-progress.json"
KEEP = 5  # unfinished ranges remembered; the oldest is forgotten first


@dataclass
class Progress:
    checked: set[int] = field(default_factory=set)  # sale ids
    findings: list[dict[str, Any]] = field(default_factory=list)


class ProgressFile:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / PROGRESS_FILE

    def _read(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("the check with KRA starts over: %s could not be read (%s)", self.path.name, exc)
            return {}
        return raw if isinstance(raw, dict) else {}

    def load(self, key: str) -> Progress:
        entry = self._read().get(key)
        if not isinstance(entry, dict):
            return Progress()
        checked = {int(i) for i in entry.get("checked", []) if isinstance(i, int)}
        findings = [f for f in entry.get("findings", []) if isinstance(f, dict)]
        return Progress(checked, findings)

    def save(self, key: str, progress: Progress) -> None:
        runs = self._read()
        runs.pop(key, None)
        runs[key] = {"checked": sorted(progress.checked), "findings": progress.findings}
        while len(runs) > KEEP:
            runs.pop(next(iter(runs)))
        self._write(runs)

    def forget(self, key: str) -> None:
        runs = self._read()
        if runs.pop(key, None) is not None:
            self._write(runs)

    def _write(self, runs: dict[str, Any]) -> None:
        try:
            write_atomically(self.path, json.dumps(runs).encode("utf-8"))
        except OSError as exc:  # the check's result still counts; only resuming is lost
            log.warning("where the check with KRA stopped could not be saved to %s: %s", self.path, exc)
