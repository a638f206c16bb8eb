"""Linux desktop metadata, icons and the Windows version resource: valid, consistent, up to date."""

from __future__ import annotations

import configparser
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest
from packaging_support import PACKAGING, ROOT, load_script, require_tool

import etims_desktop

APP_ID = "ke.etims.Desktop"
DESKTOP_FILE = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_is_valid():
    tool = require_tool("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


def test_metainfo_is_valid():
    tool = require_tool("appstreamcli")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_metainfo_and_icons_name_the_same_app():
    entry = desktop_entry()
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID == entry["Icon"]
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert entry["Exec"].split()[0] == "etims-desktop"
    assert {b.text for b in component.iter("binary")} == {"etims-desktop", "etims-desktop-cli"}
    render_icons = load_script("render_icons.py")
    for size in render_icons.HICOLOR_SIZES:
        assert render_icons.hicolor_path(size).name == f"{APP_ID}.png"


def test_metainfo_announces_the_current_version():
    releases = ET.parse(METAINFO).getroot().find("releases")
    newest = releases.find("release")
    assert newest.get("version") == etims_desktop.__version__, "add a <release> for the new version"


@pytest.fixture(scope="module")
def render_icons(qapp):
    return load_script("render_icons.py")


def test_every_icon_is_rendered_from_the_current_master(render_icons):
    from PySide6.QtGui import QImage

    for size in render_icons.HICOLOR_SIZES:
        committed = QImage(str(render_icons.hicolor_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        assert (committed.width(), committed.height()) == (size, size)
        fresh = render_icons.render(size)
        committed_bytes, fresh_bytes = bytes(committed.constBits()), bytes(fresh.constBits())
        mean_difference = sum(abs(a - b) for a, b in zip(committed_bytes, fresh_bytes, strict=True)) / len(
            fresh_bytes
        )
        # a Qt upgrade may move a few anti-aliased edge pixels by a step; a colour or stroke edit moves 0.2+
        assert mean_difference < 0.05, f"{size}px icon is stale: run packaging/render_icons.py"


def test_windows_icon_holds_every_size_as_png(render_icons):
    data = (ROOT / "etims_desktop" / "resources" / "icons" / "etims-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _colors, _r, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (planes, bits) == (1, 32)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
        assert (width or 256) == (height or 256)
    assert sorted(sizes) == sorted(render_icons.ICO_SIZES)


# --- Windows version resource ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def version_info():
    return load_script("make_version_info.py")


@pytest.mark.parametrize(
    ("version", "quad"),
    [("0.1.0", (0, 1, 0, 0)), ("2.0", (2, 0, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("1.2.3.4.5", (1, 2, 3, 4))],
)
def test_version_quad(version_info, version, quad):
    assert version_info.version_quad(version) == quad


@pytest.mark.parametrize("version", ["dev", "", "70000.1"])
def test_version_quad_rejects_what_windows_cannot_hold(version_info, version):
    with pytest.raises(ValueError):
        version_info.version_quad(version)


def test_version_resource_is_a_vsversioninfo_for_the_package_version(version_info, tmp_path):
    # PyInstaller evaluates this file with its own classes (Windows only: they need pefile); evaluate it
    # the same way with recorders, so a syntax slip or a wrong field fails here on Linux too.
    def recorder(name):
        return lambda *args, **kwargs: (name, args, kwargs)

    names = "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo VarStruct"
    target = version_info.write_version_info(tmp_path / "version.txt", "1.4.2")
    tree = eval(target.read_text(encoding="utf-8"), {n: recorder(n) for n in names.split()})  # noqa: S307

    _name, _args, fields = tree
    assert fields["ffi"][2]["filevers"] == (1, 4, 2, 0) == fields["ffi"][2]["prodvers"]
    string_table = fields["kids"][0][1][0][0]
    strings = {s[1][0]: s[1][1] for s in string_table[1][1]}
    assert strings["ProductVersion"] == "1.4.2" == strings["FileVersion"]
    assert strings["OriginalFilename"] == "etims-desktop.exe"


def test_version_resource_command_prints_the_quad_for_the_installer(version_info, capsys):
    assert version_info.main(["--quad", "--version", "3.1"]) == 0
    assert capsys.readouterr().out.strip() == "3.1.0.0"


def test_a_built_package_carries_every_icon(tmp_path):
    """What setuptools puts in a wheel (build_py) holds the icons: they live inside the package, so
    `icon()` never falls back to an empty QIcon in a pip-installed copy."""
    import shutil
    import sys

    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "etims_desktop", source / "etims_desktop", ignore=shutil.ignore_patterns("__pycache__")
    )
    built = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py", "--build-lib", str(built)],
        cwd=source, check=True, capture_output=True,
    )  # fmt: skip
    shipped = built / "etims_desktop" / "resources" / "icons"
    wanted = sorted(p.relative_to(ROOT / "etims_desktop" / "resources" / "icons")
                    for p in (ROOT / "etims_desktop" / "resources" / "icons").rglob("*") if p.is_file())  # fmt: skip
    assert len(wanted) > 20
    assert [p for p in wanted if not (shipped / p).is_file()] == []
