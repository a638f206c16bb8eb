#!/usr/bin/env python3
"""One-step set-up for etims-desktop on a machine that has only python3.

    python3 dev.py run    create .venv if needed, install the app, start it
    python3 dev.py test   create .venv if needed, install the app with test tools, run every test headless
    python3 dev.py lint   ruff + the import-layer contracts + mypy

The virtual environment lives in .venv next to this file and is refreshed whenever
pyproject.toml changes. Extra arguments after the command go to the app or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".dev-stamp"


def ensure_venv(extras: str) -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PY.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing etims-desktop and its dependencies ...", flush=True)
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    target = f".[{extras}]" if extras else "."
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", target], cwd=ROOT)
    STAMP.write_text(wanted)


def compile_translations() -> None:
    """The .qm files from the .ts sources when missing or older (etims_desktop/resources/i18n: the one
    compiler, pyside6-lrelease); a failure leaves the app in English and is said, never fatal."""
    code = "from etims_desktop.resources.i18n import compile_translations as c; c()"
    if subprocess.call([str(PY), "-c", code], cwd=ROOT) != 0:
        print("warning: the translations were not compiled; the app shows English.", file=sys.stderr)


# What Qt's xcb plugin (the window on an X display) loads from the system, by Debian package.
X11_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_window_libraries(environ=os.environ, platform: str = sys.platform) -> list[str]:
    """Debian packages the window needs on this X display and cannot find (Qt's own message names
    only libxcb-cursor0, whichever is missing). Nothing to check offscreen, on Wayland or off Linux."""
    if not platform.startswith("linux") or not environ.get("DISPLAY") or environ.get("QT_QPA_PLATFORM"):
        return []
    from ctypes.util import find_library

    return [package for library, package in X11_LIBRARIES.items() if find_library(library) is None]


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command == "run":
        missing = missing_window_libraries()
        if missing:
            print(
                "The window needs system libraries this computer does not have. Install them, then run "
                "this again:\n    sudo apt-get install -y " + " ".join(missing),
                file=sys.stderr,
            )
            return 1
        ensure_venv("test")
        compile_translations()
        return subprocess.call([str(PY), "-m", "etims_desktop", *rest], cwd=ROOT)
    if command == "test":
        ensure_venv("test")
        compile_translations()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "lint":
        ensure_venv("test")
        rc = subprocess.call(
            [str(BIN / "ruff"), "check", "etims_desktop", "tests", "bench", "dev.py"], cwd=ROOT
        )
        rc = rc or subprocess.call([str(BIN / "lint-imports")], cwd=ROOT)
        return rc or subprocess.call([str(BIN / "mypy")], cwd=ROOT)  # [tool.mypy] in pyproject.toml
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
