"""The CLI never hangs, never sends a key in clear, never swaps a working key for a wrong one, and
fails with a plain sentence and exit code 3 - each in a real process, against the simulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

PIN = "P051234567X"
TESTS = Path(__file__).resolve().parents[1]


def cli(tmp_path, *args, stdin: str | None = None, keyring: str = "", timeout: float = 60):
    """Run the CLI in its own process; `keyring` is the stuck keyring's mode ("", "hang", "locked")."""
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
        PYTHON_KEYRING_BACKEND="stuck_keyring.StuckKeyring",
        STUCK_KEYRING=keyring,
        XDG_DATA_HOME=str(tmp_path / "xdg"),
        QT_QPA_PLATFORM="offscreen",
    )
    return subprocess.run(
        [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "data"), *args],
        env=env, capture_output=True, text=True, timeout=timeout, input=stdin,
    )  # fmt: skip


def add_till(tmp_path, kra, serial: str, *extra: str) -> subprocess.CompletedProcess:
    return cli(
        tmp_path, "device", "add", "--name", "Till 1", "--type", "OSCU", "--pin", PIN,
        "--serial", serial, "--url", kra.api_url, *extra,
    )  # fmt: skip


def settings(tmp_path, **values) -> None:
    path = tmp_path / "data" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"sync": values}))


def test_a_hanging_keyring_ends_sync_with_a_plain_reason_and_the_process_exits(tmp_path, kra):
    kra.approve(PIN, "00", "HANG-1", "OSCU")
    assert add_till(tmp_path, kra, "HANG-1", "--init").returncode == 0
    settings(tmp_path, keyring_timeout_seconds=2)
    started = time.monotonic()
    synced = cli(tmp_path, "sync", keyring="hang", timeout=45)  # before: never exited (a joined thread)
    elapsed = time.monotonic() - started
    assert synced.returncode == 3, synced.stdout + synced.stderr
    assert "did not answer within 2 seconds" in synced.stderr and "Traceback" not in synced.stderr
    assert "Nothing was sent" in synced.stdout  # the report was printed before the exit
    assert elapsed < 30, elapsed  # one timeout for the check; the drain fails at once behind it


def test_a_locked_keyring_exits_3_as_the_readme_says(tmp_path, kra):
    kra.approve(PIN, "00", "LOCK-1", "OSCU")
    assert add_till(tmp_path, kra, "LOCK-1", "--init").returncode == 0
    synced = cli(tmp_path, "sync", "--json", keyring="locked")
    assert synced.returncode == 3, synced.stdout + synced.stderr
    assert json.loads(synced.stdout)["exit_code"] == 3
    assert "keyring" in synced.stderr and "locked" in synced.stderr


def test_an_oscu_key_never_goes_out_over_plain_http_to_another_computer(tmp_path):
    added = cli(
        tmp_path, "device", "add", "--name", "Till X", "--type", "OSCU", "--pin", PIN, "--serial", "HTTP-1",
        "--environment", "custom", "--url", "http://192.0.2.10:8088/etims-api",
    )  # fmt: skip
    assert added.returncode == 3
    assert "not encrypted" in added.stderr and "https://" in added.stderr
    assert "Traceback" not in added.stderr
    assert json.loads(cli(tmp_path, "device", "list", "--json").stdout) == []
    # A VSCU service on the shop's network may use http: it holds its own key, none is sent to it.
    vscu = cli(
        tmp_path, "device", "add", "--name", "Back office", "--type", "VSCU", "--pin", PIN,
        "--serial", "VSCU-1", "--url", "http://192.0.2.10:8088",
    )  # fmt: skip
    assert vscu.returncode == 0, vscu.stderr


def test_a_wrong_key_never_replaces_a_working_one(tmp_path, kra):
    kra.approve(PIN, "00", "KEY-1", "OSCU")
    assert add_till(tmp_path, kra, "KEY-1", "--init").returncode == 0
    scu_id = json.loads(cli(tmp_path, "device", "list", "--json").stdout)[0]["scu_id"]

    wrong = cli(tmp_path, "device", "key", "1", "--scu-id", scu_id, "--key-stdin", stdin="0" * 32 + "\n")
    assert wrong.returncode == 3, wrong.stdout + wrong.stderr
    assert "did not accept this CMC key" in wrong.stderr and "keeps the key it had" in wrong.stderr
    assert "Key saved" not in wrong.stdout
    assert cli(tmp_path, "sync").returncode == 0  # the old key still works

    kra.go_offline()
    unchecked = cli(tmp_path, "device", "key", "1", "--scu-id", scu_id, "--key-stdin", stdin="1" * 32 + "\n")
    assert unchecked.returncode == 3 and "could not be reached" in unchecked.stderr
    assert "--unverified" not in unchecked.stderr  # never offered when a working key would be replaced
    forced = cli(
        tmp_path,
        "device",
        "key",
        "1",
        "--scu-id",
        scu_id,
        "--key-stdin",
        "--unverified",
        stdin="1" * 32 + "\n",
    )
    assert forced.returncode == 3  # not even with --unverified
    kra.go_online()
    assert cli(tmp_path, "sync").returncode == 0


def test_a_key_is_checked_before_it_is_saved_and_unverified_only_without_one(tmp_path, kra):
    kra.approve(PIN, "00", "KEY-2", "OSCU")
    assert add_till(tmp_path, kra, "KEY-2").returncode == 0  # no key yet
    key = kra.preinitialise(PIN, "00", "KEY-2")
    scu_id = next(d.scu_id for d in kra.approved_devices() if d.serial == "KEY-2")

    kra.go_offline()
    offline = cli(tmp_path, "device", "key", "1", "--scu-id", scu_id, "--key-stdin", stdin=key + "\n")
    assert offline.returncode == 3 and "--unverified" in offline.stderr
    forced = cli(
        tmp_path, "device", "key", "1", "--scu-id", scu_id, "--key-stdin", "--unverified", stdin=key + "\n"
    )
    assert forced.returncode == 0 and "WITHOUT a check" in forced.stdout, forced.stderr
    kra.go_online()
    right = cli(tmp_path, "device", "key", "1", "--scu-id", scu_id, "--key-stdin", stdin=key + "\n")
    assert right.returncode == 0 and "checked with KRA and saved" in right.stdout, right.stderr
    assert key not in right.stdout + right.stderr


def test_a_read_only_data_folder_is_a_plain_sentence_and_exit_3(tmp_path, kra):
    from small_disk import SmallDisk

    with SmallDisk(tmp_path / "data") as disk:
        kra.approve(PIN, "00", "RO-1", "OSCU")
        assert add_till(tmp_path, kra, "RO-1").returncode == 0
        disk.read_only()
        for command in (["status"], ["sync"], ["device", "list"]):
            done = cli(tmp_path, *command)
            assert done.returncode == 3, (command, done.stdout, done.stderr)
            assert "Traceback" not in done.stderr and "[SQL:" not in done.stderr
            assert "warning: The log file" in done.stderr  # the log could not be opened: said once, plainly
            assert "error: The database" in done.stderr and "cannot be written" in done.stderr


def test_a_full_disk_is_a_plain_sentence_and_nothing_half_imported(tmp_path, kra):
    from small_disk import SmallDisk

    with SmallDisk(tmp_path / "data", size_kb=3072) as disk:
        kra.approve(PIN, "00", "FULL-1", "OSCU")
        assert add_till(tmp_path, kra, "FULL-1").returncode == 0
        item = cli(tmp_path, "item", "add", "--name", "Sugar", "--class-code", "50161800", "--price", "100")
        assert item.returncode == 0, item.stderr
        code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]
        rows = "".join(f"F{n},2026-11-20,{code},1\n" for n in range(20_000))
        (tmp_path / "big.csv").write_text("invoice_no,date,item_code,qty\n" + rows)
        disk.fill(leave_kb=400)
        imported = cli(tmp_path, "import", str(tmp_path / "big.csv"), "--device", "1")
        assert imported.returncode == 3, imported.stdout + imported.stderr
        assert "is full" in imported.stderr and "Free some space" in imported.stderr
        assert "Traceback" not in imported.stderr and "[SQL:" not in imported.stderr
        (tmp_path / "data" / "filler").unlink()
        status = json.loads(cli(tmp_path, "status", "--json").stdout)
        assert status[0]["pending"] == 0  # all or nothing


def test_an_unwritable_log_is_a_warning_not_a_traceback(tmp_path, kra):
    kra.approve(PIN, "00", "LOG-1", "OSCU")
    assert add_till(tmp_path, kra, "LOG-1").returncode == 0
    log_file = tmp_path / "data" / "logs" / "etims-desktop.log"
    log_file.unlink()
    log_file.mkdir()  # a folder where the log file should be: unwritable, for root too
    listed = cli(tmp_path, "device", "list")
    assert listed.returncode == 0 and "Till 1" in listed.stdout  # the command itself still works
    assert listed.stderr.startswith("warning: The log file") and "Traceback" not in listed.stderr
