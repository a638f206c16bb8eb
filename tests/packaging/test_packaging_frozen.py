"""Build the PyInstaller bundle from the spec and smoke-test the frozen app (about a minute on 2 cores).

Opt-in: ETIMS_BUILD_TEST=1 .venv/bin/pytest -m slow tests/packaging/test_packaging_frozen.py
(packaging/build_linux.sh runs the same checks on the release build, plus the .tar.gz and .deb).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from packaging_support import PACKAGING, ROOT, require_tool, run_program, unexpected_stderr

import etims_desktop

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("ETIMS_BUILD_TEST") != "1" or not sys.platform.startswith("linux"),
        reason="set ETIMS_BUILD_TEST=1 (Linux) to build and smoke-test the frozen app",
    ),
    pytest.mark.timeout(900),
]

SIZE_BUDGET_MB = 160  # 156 MB on 2026-12-03: 142 + ~9 ESC/POS printing + ~3 QtCharts (Today tab) + openpyxl; mypy left out


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    require_tool("objdump")
    pytest.importorskip("PyInstaller", reason="pip install '.[build]'")
    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
        + [
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(PACKAGING / "etims-desktop.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    print(f"\nPyInstaller build: {time.monotonic() - started:.0f} s")
    return out / "dist" / "etims-desktop"


def test_frozen_app_passes_its_selftest(bundle, tmp_path):
    command = [str(bundle / "etims-desktop-cli"), "--data-dir", str(tmp_path / "shop"), "selftest", "--json"]
    result = run_program(command, timeout=300)

    report = json.loads(result.stdout)
    assert report["errors"] == {}, report["errors"]
    assert result.returncode == 0 and report["ok"] is True
    assert unexpected_stderr(result.stderr) == []
    assert report["frozen"] is True
    assert report["version"] == etims_desktop.__version__  # package metadata made it in
    assert report["timezone"] == "Africa/Nairobi +03:00"
    assert report["database"]["revision"]  # migrations bundled and run
    assert report["window"]["screenshot_bytes"] > 0
    assert report["escpos"]["bytes"] > 500  # python-escpos and its printer database made it in
    # the wire stack (httpx over aiohttp, with aiohttp's C parser) is there and carries a call
    assert report["network"]["transport"] == "AiohttpTransport" and report["network"]["c_parser"] is True
    viable = " ".join(report["keyring"]["viable"])
    assert "CryptFileKeyring" in viable  # entry points and pycryptodome/argon2 natives bundled
    assert "keyrings.alt" not in viable  # the test-only plaintext backend stays out


def test_frozen_bundle_is_small_and_has_no_unused_qt(bundle):
    size_mb = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20
    print(f"\nonedir: {size_mb:.0f} MB")
    assert size_mb < SIZE_BUDGET_MB

    internal = bundle / "_internal"
    for unwanted in (
        "*qgtk3*",
        "libQt6Quick*",
        "libQt6Qml*",
        "*WebEngine*",
        "libQt6Pdf*",
        "qtbase_*.qm",
        "*gtk-3*",
    ):
        assert not list(internal.rglob(unwanted)), unwanted
    for wanted in (
        "libqxcb.so",
        "libqoffscreen.so",
        "libqsvg.so",
        "libqsvgicon.so",
        "libcupsprintersupport.so",
    ):
        assert list(internal.rglob(wanted)), wanted
    assert (bundle / "etims-desktop-cli").resolve() == (bundle / "etims-desktop").resolve()
    assert (internal / "etims_desktop" / "storage" / "migrations" / "env.py").is_file()
    assert list((internal / "etims_desktop" / "kra" / "simulator").rglob("*.json"))
    assert (internal / "etims_desktop" / "resources" / "icons" / "etims-desktop.svg").is_file()
    assert (internal / "etims_desktop" / "resources" / "i18n" / "etims_sw.qm").is_file()  # Kiswahili
    assert not list(internal.rglob("etims_*.ts"))  # the sources stay in the repository
    assert (internal / "escpos" / "capabilities.json").is_file()  # ESC/POS printer database
