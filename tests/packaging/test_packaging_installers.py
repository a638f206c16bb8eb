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


# --- what the spec leaves out -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle_filter():
    return load_script("bundle_filter.py")


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qtbase_fr.qm",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt6Qml.dll",
        "PySide6\\opengl32sw.dll",
        "PySide6/d3dcompiler_47.dll",
        "libgtk-3.so.0",
    ],
)
def test_bundle_filter_leaves_out(bundle_filter, dest):
    assert bundle_filter.is_unwanted(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6\\Qt6PrintSupport.dll",
        "PySide6/Qt6OpenGL.dll",
        "etims_desktop/resources/icons/etims-desktop.svg",
        "etims_desktop/kra/simulator/data/codes.json",
    ],
)
def test_bundle_filter_keeps(bundle_filter, dest):
    assert not bundle_filter.is_unwanted(dest)


def test_linked_only_keeps_what_is_linked_and_drops_the_rest(bundle_filter, deb_depends):
    import _ctypes

    extension = Path(_ctypes.__file__)
    libffi = next(name for name in bundle_filter.needed(str(extension)) if name.startswith("libffi"))
    libraries = deb_depends.loader_cache()
    unrelated = next(name for name in ("libz.so.1", "libbz2.so.1.0", "liblzma.so.5") if name in libraries)
    binaries = [
        ("python3.11/lib-dynload/_ctypes.so", str(extension), "EXTENSION"),
        (libffi, libraries[libffi], "BINARY"),
        (unrelated, libraries[unrelated], "BINARY"),
        ("libcups.so.2", "/usr/lib/x86_64-linux-gnu/libcups.so.2", "BINARY"),
    ]
    datas = [(unrelated, unrelated, "SYMLINK"), (libffi, libffi, "SYMLINK"), ("a.json", "/x/a.json", "DATA")]

    kept, kept_datas = bundle_filter.linked_only(binaries, datas)

    assert [entry[0] for entry in kept] == ["python3.11/lib-dynload/_ctypes.so", libffi]
    assert [entry[0] for entry in kept_datas] == [libffi, "a.json"]
