"""The Windows installer script compiles (makensis runs on Linux too); the .deb dependency finder works."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import PACKAGING, load_script, require_tool

NSIS_SCRIPT = PACKAGING / "windows" / "etims-desktop.nsi"


def makensis(tool: str, *defines: str, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [tool, "-NOCONFIG", "-WX", "-V2", *defines, f"-DOUTDIR={out}", str(NSIS_SCRIPT)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_nsis_installer_compiles_against_a_stub_bundle(tmp_path):
    tool = require_tool("makensis")
    bundle = tmp_path / "dist" / "etims-desktop"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    for name in ("etims-desktop.exe", "etims-desktop-cli.exe", "_internal/PySide6/Qt6Core.dll"):
        (bundle / name).write_bytes(b"MZ stub")

    result = makensis(tool, "-DVERSION=1.2.3", "-DVERSION_QUAD=1.2.3.0", f"-DDIST={bundle}", out=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr  # -WX: any warning fails too
    installer = tmp_path / "etims-desktop-1.2.3-windows-x64-setup.exe"
    assert installer.read_bytes()[:2] == b"MZ"
    assert b"Nullsoft" in installer.read_bytes()


def test_nsis_installer_refuses_to_build_without_a_version(tmp_path):
    tool = require_tool("makensis")
    result = makensis(tool, f"-DDIST={tmp_path}", out=tmp_path)
    assert result.returncode != 0
    assert "Give the version" in result.stdout + result.stderr


@pytest.fixture
def deb_depends():
    for tool in ("objdump", "dpkg", "ldconfig"):
        require_tool(tool)
    return load_script("linux/deb_depends.py")


def test_deb_depends_lists_only_libraries_the_bundle_does_not_carry(deb_depends, tmp_path):
    import _ctypes  # a real extension module that links the system's libffi

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy(_ctypes.__file__, bundle)
    libffi = next(name for name in deb_depends.needed(Path(_ctypes.__file__)) if name.startswith("libffi"))
    assert libffi in deb_depends.system_libraries(bundle)

    required, optional = deb_depends.depends(bundle)
    assert any(package.startswith("libffi") for package in required)
    assert required[0].startswith("libc6 (>= 2.")
    assert optional == []

    shutil.copy(deb_depends.loader_cache()[libffi], bundle / libffi)
    assert libffi not in deb_depends.system_libraries(bundle)  # the bundle carries it now


def test_deb_depends_command_prints_control_lines(deb_depends, tmp_path):
    import _ctypes

    shutil.copy(_ctypes.__file__, tmp_path)
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "linux" / "deb_depends.py"), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Depends: libc6 (>= ")
