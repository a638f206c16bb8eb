"""Issue 22, the command line as a new shop owner meets it: plain messages, honest exit codes,
day-first dates, local times to the minute, no negative prices."""

from __future__ import annotations

import json
import re

from tests.integration.test_cli import PIN, add_till, cli


def test_cli_messages_say_where_the_key_went_and_what_init_offline_means(tmp_path, kra):
    """Item 7: the key's real place; `device init` offline does not talk about sales."""
    kra.approve(PIN, "00", "FH-1", "OSCU")
    added = add_till(tmp_path, kra, "Till 1", "FH-1")
    assert added.returncode == 0, added.stderr
    assert "The CMC key is kept in the keyring (" in added.stdout  # the test keyring: a plain file backend

    kra.approve(PIN, "00", "FH-2", "OSCU")
    later = cli(tmp_path, "device", "add", "--name", "Till 2", "--type", "OSCU", "--pin", PIN,
                "--serial", "FH-2", "--url", kra.api_url)  # fmt: skip
    assert later.returncode == 0
    kra.go_offline()
    offline = cli(tmp_path, "device", "init", "2")
    assert offline.returncode == 3
    assert "Sales wait" not in offline.stderr
    assert "Nothing was set up yet" in offline.stderr and "initialise again" in offline.stderr


def test_cli_without_a_keyring_names_the_password_option(tmp_path, kra):
    """Item 12: no keyring, no password: the message says how to use the key file from the CLI."""
    import os
    import subprocess
    import sys

    kra.approve(PIN, "00", "FH-3", "OSCU")
    env = dict(
        os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", QT_QPA_PLATFORM="offscreen"
    )
    args = [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "d"), "device", "add",
            "--name", "Till", "--type", "OSCU", "--pin", PIN, "--serial", "FH-3", "--url", kra.api_url,
            "--init"]  # fmt: skip
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 3
    assert "--key-password-stdin" in done.stderr, done.stderr
    # ... and with it, the key goes to the password-locked file and the message says so
    init = [*args[:5], "--key-password-stdin", "device", "init", "1"]  # the device was added before
    again = subprocess.run(
        init, env=env, input="a long password\n", capture_output=True, text=True, timeout=90, check=False
    )
    assert "password-locked key file" in again.stdout, again.stdout + again.stderr


def test_cli_prices_dates_status_and_exit_codes(tmp_path, kra):
    """Items 9, 10, 12: a negative price is refused; 02/12/2026 imports (day first); a bad date names
    the format; status shows local times to the minute; status and import exit like sync."""
    kra.approve(PIN, "00", "FH-4", "OSCU")
    assert add_till(tmp_path, kra, "Till 1", "FH-4").returncode == 0
    negative = cli(tmp_path, "item", "add", "--name", "Sugar", "--class-code", "50161800", "--price", "-5")
    assert negative.returncode == 3 and "more than 0" in negative.stderr
    assert json.loads(cli(tmp_path, "item", "list", "--json").stdout) == []
    assert (
        cli(
            tmp_path, "item", "add", "--name", "Sugar", "--class-code", "50161800", "--price", "180"
        ).returncode
        == 0
    )
    code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]

    bad = tmp_path / "bad.csv"
    bad.write_text(f"invoice_no,date,item_code,qty\nA1,2026/12/31,{code},1\n")
    refused = cli(tmp_path, "import", str(bad), "--device", "1")
    assert refused.returncode == 3
    assert "Invalid isoformat" not in refused.stderr
    assert "24/11/2026 (day first)" in refused.stderr and refused.stdout == ""  # the reason is on stderr

    good = tmp_path / "sales.csv"
    good.write_text(f"invoice_no,date,item_code,qty\nB1,02/12/2026,{code},1\nB2,02/12/2026 14:05,{code},2\n")
    imported = cli(tmp_path, "import", str(good), "--device", "1", "--json")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert json.loads(imported.stdout)["imported"] == 2
    status_json = json.loads(cli(tmp_path, "status", "--json").stdout)[0]
    assert status_json["pending"] == 2

    status = cli(tmp_path, "status")
    assert status.returncode == 1  # sales wait: as `sync` would say
    assert not re.search(r"\d\d:\d\d:\d\d\.\d+", status.stdout), status.stdout  # no microseconds
    assert re.search(r"since \d{4}-\d\d-\d\d \d\d:\d\d$", status.stdout.strip()), status.stdout
    assert cli(tmp_path, "sync").returncode == 0
    assert cli(tmp_path, "status").returncode == 0
    kra.go_offline()
    assert cli(tmp_path, "sync").returncode == 1
    assert cli(tmp_path, "status").returncode == 1  # a device that cannot reach KRA: the same as sync
