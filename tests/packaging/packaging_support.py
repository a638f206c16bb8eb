"""Helpers for the packaging tests: the repository root, packaging scripts as modules, the CLI in a subprocess."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"

# Lines Qt may print on a healthy headless run; anything else on stderr is a finding.
EXPECTED_STDERR = [
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
    re.compile(r"^This plugin does not support raise\(\)$"),
    re.compile(r"^QStandardPaths: XDG_RUNTIME_DIR not set.*$"),
]


def load_script(relative: str):
    """Import a packaging script (not a package module) by its path."""
    path = PACKAGING / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.match(line) for p in EXPECTED_STDERR)
    ]


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """`python -m etims_desktop ARGS` headless, as a shop owner's shell would run it."""
    return run_program([sys.executable, "-m", "etims_desktop", *args], env=env, timeout=timeout)


def run_program(command: list[str], env: dict[str, str] | None = None, timeout: float = 120):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=full_env, cwd=ROOT)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (see docs/BUILD.md)")
    return path
