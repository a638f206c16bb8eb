"""Import python-escpos quietly and safely, once, when the first receipt is printed.

At import, python-escpos caches its printer database as a pickle in $ESCPOS_CAPABILITIES_PICKLE_DIR (a new
temp dir per run otherwise) and calls logging.basicConfig(). We point the cache at a private folder
(a pickle from a shared temp dir could be planted) and keep the app's logging set-up as it is.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path
from types import ModuleType

import platformdirs


def _private_cache() -> Path:
    folder = Path(platformdirs.user_cache_dir("etims-desktop", appauthor=False)) / "escpos"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


@cache
def escpos() -> ModuleType:
    """The `escpos.printer` module (Dummy, Network, Usb, Serial)."""
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(_private_cache()))
    root = logging.getLogger()
    guard = None
    if not root.handlers:  # basicConfig() does nothing when the root logger has a handler
        guard = logging.NullHandler()
        root.addHandler(guard)
    try:
        import escpos.printer as printer
    finally:
        if guard is not None:
            root.removeHandler(guard)
    return printer
