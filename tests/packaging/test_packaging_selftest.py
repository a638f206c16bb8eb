"""`etims-desktop selftest` in a subprocess, as the packaging smoke tests and support calls run it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from packaging_support import run_cli, unexpected_stderr

import etims_desktop


def test_selftest_json_reports_a_working_installation(tmp_path):
    data_dir = tmp_path / "shop"
    result = run_cli("--data-dir", str(data_dir), "selftest", "--json")

    report = json.loads(result.stdout)
    assert report["errors"] == {}, report["errors"]
    assert result.returncode == 0 and report["ok"] is True
    assert unexpected_stderr(result.stderr) == []
    assert report["version"] == etims_desktop.__version__
    assert report["frozen"] is False
    assert report["data_dir"] == str(data_dir.resolve())
    assert report["timezone"] == "Africa/Nairobi +03:00"
    assert report["qt"]["platform_plugin"] == "offscreen"
    assert report["qt"]["qt"].startswith("6.")
    assert report["keyring"]["backend"] and report["keyring"]["viable"]
    assert report["resources"]["svg_size"] == [256, 256]
    # the wire stack (httpx over aiohttp, with aiohttp's C parser) is there and carries a call
    assert report["network"]["transport"] == "AiohttpTransport" and report["network"]["c_parser"] is True
    # the real store created and migrated the database in the chosen data dir
    assert report["database"]["revision"]
    with sqlite3.connect(data_dir / "etims.sqlite3") as db:
        (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == report["database"]["revision"]
    # the main window opened and drew something
    assert report["window"]["screenshot_bytes"] > 0
    width, height = report["window"]["size"]
    assert width > 0 and height > 0


def test_a_broken_database_fails_the_selftest_and_says_why(tmp_path):
    data_dir = tmp_path / "shop"
    data_dir.mkdir()
    (data_dir / "etims.sqlite3").write_bytes(b"this is not a database" * 100)

    result = run_cli("selftest", "--data-dir", str(data_dir), "--no-window")

    assert result.returncode == 1
    assert "FAILED database:" in result.stdout
    assert "Some checks failed." in result.stdout
    assert "Time zone: Africa/Nairobi +03:00" in result.stdout  # the other checks still ran


def test_keyring_write_round_trip_in_a_real_backend_and_no_leftovers(tmp_path):
    # keyrings.alt's file backend, explicitly configured, in a temp home: a real backend, not a mock
    env = {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "HOME": str(tmp_path),
        "ETIMS_DESKTOP_DATA_DIR": "",
    }
    result = run_cli("selftest", "--json", "--no-window", "--keyring-write", env=env)

    report = json.loads(result.stdout)
    assert result.returncode == 0, report["errors"]
    assert report["key_store"]["available"] is True
    assert report["keyring_write"].startswith("saved, read back and deleted in ")
    keyring_file = next((tmp_path / "xdg").rglob("keyring_pass.cfg"))  # it really wrote there
    assert "selftest =" not in keyring_file.read_text()  # and deleted the entry again
    # without --data-dir it works in a temporary data dir and removes it afterwards
    assert report["window"] == "skipped"
    assert "etims-selftest-" in report["data_dir"]
    assert not Path(report["data_dir"]).exists()
