"""docs/INSTALL.md is the shop owner's guide (issue 22 item 14): no build steps in it, the KRA
prerequisites named, and the first start described as the program really shows it."""

from __future__ import annotations

from pathlib import Path

from etims_desktop.practice import PRACTICE_DEVICES

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_owners_guide_and_the_build_guide_are_apart():
    install = (DOCS / "INSTALL.md").read_text()
    build = (DOCS / "BUILD.md").read_text()
    assert "PyInstaller" not in install and "makensis" not in install
    assert "PyInstaller" in build and "INSTALL.md" in build
    assert "## Download" in install and "Releases" in install


def test_the_owners_guide_names_what_kra_must_have_given():
    install = (DOCS / "INSTALL.md").read_text()
    for needed in ("OSCU", "VSCU program", "serial number", "KRA PIN", "branch id", "sandbox", "production"):
        assert needed in install, needed


def test_the_first_start_is_described_as_it_is():
    install = (DOCS / "INSTALL.md").read_text()
    first_start = install[install.index("## The first start") :]
    for name, _kind, _serial in PRACTICE_DEVICES:  # the devices the board really shows
        assert f'"{name}"' in first_start, name
    assert "Leave practice mode" in first_start and "Test connection" in first_start
