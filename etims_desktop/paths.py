"""Where etims-desktop keeps its state: one data directory holding the database, logs and settings.

`--data-dir DIR` (or the ETIMS_DESKTOP_DATA_DIR environment variable) overrides the
platformdirs location, so tests, practice runs and portable installs stay self-contained.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "etims-desktop"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "etims.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def simulator_state(self) -> Path:
        return self.root / "practice-kra.json"

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


def resolve_data_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    chosen = data_dir or os.environ.get("ETIMS_DESKTOP_DATA_DIR")
    root = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return DataPaths(root.expanduser().resolve()).ensure()
