"""The app's translations: `etims_<lang>.ts` sources (kept in git) compiled to `.qm` (not kept).

`compile_translations()` is the one compiler: dev.py (run/test), the tests' session start, the
PyInstaller spec and the app itself in a source checkout call it. It runs pyside6-lrelease only for a
.qm that is missing or older than its .ts, so calling it often costs a few stat() calls.
scripts/i18n_update.py refreshes the .ts sources from the code (pyside6-lupdate).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("etims_desktop.i18n")

HERE = Path(__file__).resolve().parent
PREFIX = "etims_"  # etims_sw.ts -> etims_sw.qm, loaded by QTranslator.load("etims_sw", HERE)
LANGUAGES = ("sw",)  # besides English, the language of the code


def ts_files() -> list[Path]:
    return sorted(HERE.glob(f"{PREFIX}*.ts"))


def qm_path(language: str) -> Path:
    return HERE / f"{PREFIX}{language}.qm"


def stale(ts: Path) -> bool:
    qm = ts.with_suffix(".qm")
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def qt_tool(name: str) -> list[str] | None:
    """How to run PySide6's `lrelease`/`lupdate`: its pyside6-* wrapper beside this Python, on PATH,
    or the binary inside the PySide6 package. None when PySide6's tools are not installed."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / f"pyside6-{name}", scripts / f"pyside6-{name}.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    try:
        import PySide6  # a core-free module: only the tool's location is read
    except ImportError:
        return None
    binary = Path(PySide6.__file__).parent / (f"{name}.exe" if os.name == "nt" else name)
    return [str(binary)] if binary.exists() else None


def compile_translations(force: bool = False) -> list[Path]:
    """Compile every stale .ts to its .qm beside it; returns the .qm files written.

    Raises RuntimeError with a plain sentence when a .qm is needed and lrelease is missing or fails."""
    todo = [ts for ts in ts_files() if force or stale(ts)]
    if not todo:
        return []
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        raise RuntimeError(
            "The translations cannot be compiled: PySide6's lrelease is not installed. "
            "Install PySide6 (pip install -e .) and try again."
        )
    written = []
    for ts in todo:
        qm = ts.with_suffix(".qm")
        done = subprocess.run(
            [*lrelease, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0 or not qm.exists():
            raise RuntimeError(f"pyside6-lrelease could not compile {ts.name}: {done.stderr.strip()}")
        written.append(qm)
        log.info("compiled %s", qm.name)
    return written


def ensure_compiled() -> None:
    """In a source checkout, make sure the .qm files exist; never stops the app (English then)."""
    try:
        compile_translations()
    except (RuntimeError, OSError) as exc:
        log.warning("%s", exc)
