"""The headless CLI end to end: devices, items, CSV import (bad rows named, nothing half-imported,
no duplicates), sync and status with --json and honest exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PIN = "P051234567X"


def cli(tmp_path, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(tmp_path / "xdg"),
        QT_QPA_PLATFORM="offscreen",
    )
    return subprocess.run(
        [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "data"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
    )


def add_till(tmp_path, kra, name: str, serial: str, kind: str = "OSCU") -> subprocess.CompletedProcess:
    """`device add ... --init` of a till the practice KRA has approved."""
    return cli(
        tmp_path, "device", "add", "--name", name, "--type", kind, "--pin", PIN,
        "--serial", serial, "--url", kra.api_url, "--init",
    )  # fmt: skip


def test_cli_from_device_to_signed_sales(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-1", "OSCU")
    added = add_till(tmp_path, kra, "Till 1", "CLI-1", kind="oscu")
    assert added.returncode == 0, added.stderr
    assert "Initialised with KRA: SCU id KRACU" in added.stdout
    item = cli(
        tmp_path,
        "item",
        "add",
        "--name",
        "Sugar 1kg",
        "--class-code",
        "50161800",
        "--tax",
        "B",
        "--price",
        "180",
    )
    assert item.returncode == 0, item.stderr
    code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]
    assert code.startswith("KE2NTU")

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "invoice_no,date,item_code,qty,unit_price\n"
        f"A1,2026-11-20,{code},2,\n"
        f"A2,2026-11-20,NOPE,1,10\n"
        f"A3,yesterday,{code},1,\n"
        f"A4,2026-11-20,{code},-1,\n"
    )
    rejected = cli(tmp_path, "import", str(bad), "--device", "1", "--json")
    assert rejected.returncode == 3
    errors = json.loads(rejected.stdout)["errors"]
    assert [e["line"] for e in errors] == [3, 4, 5]
    assert "not in the item master" in errors[0]["reason"]
    status = json.loads(cli(tmp_path, "status", "--json").stdout)
    assert status[0]["pending"] == 0  # nothing half-imported

    good = tmp_path / "good.csv"
    good.write_text(
        "invoice_no,date,item_code,qty,unit_price,buyer_pin\n"
        f"B1,2026-11-20T10:00,{code},2,,\n"
        f"B1,2026-11-20T10:00,{code},1,175,\n"
        f"B2,2026-11-21,{code},3,,P000111222K\n"
    )
    first = cli(tmp_path, "import", str(good), "--device", "1", "--json")
    assert first.returncode == 0, first.stdout + first.stderr
    assert json.loads(first.stdout) == {"imported": 2, "already_imported": 0}
    again = json.loads(cli(tmp_path, "import", str(good), "--device", "1", "--json").stdout)
    assert again == {"imported": 0, "already_imported": 2}

    waiting = cli(tmp_path, "status")
    assert waiting.returncode == 1 and "2 waiting" in waiting.stdout

    synced = cli(tmp_path, "sync", "--json")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    report = json.loads(synced.stdout)["devices"][0]
    assert report["signed"] == 2 and report["outcome"] == "all_signed"
    assert [s.invc_no for s in kra.signed_sales(PIN, "00")] == [1, 2]
    assert cli(tmp_path, "status").returncode == 0
    history = json.loads(cli(tmp_path, "history", "--json").stdout)
    assert history[0]["devices"]["1"]["signed"] == 2


def test_cli_offline_sync_says_nothing_was_sent(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-2", "OSCU")
    assert add_till(tmp_path, kra, "Till 2", "CLI-2").returncode == 0
    kra.go_offline()
    synced = cli(tmp_path, "sync")
    assert synced.returncode == 1
    assert "Nothing was sent" in synced.stdout and "success" not in synced.stdout.lower()
    missing = cli(tmp_path, "device", "init", "99")
    assert missing.returncode == 3 and missing.stderr.startswith("error:")
    assert "Traceback" not in missing.stderr


def test_cli_key_backup_moves_keys_to_a_new_pc(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-3", "OSCU")
    assert add_till(tmp_path, kra, "Till 3", "CLI-3").returncode == 0
    backup = tmp_path / "keys.backup"
    exported = cli(
        tmp_path, "keys", "export", str(backup), "--password-stdin", stdin="correct horse battery\n"
    )
    assert exported.returncode == 0 and "Wrote 1 CMC key" in exported.stdout, exported.stderr
    keyring_file = next((tmp_path / "xdg").rglob("keyring_pass.cfg"))
    assert backup.read_bytes() and b"KRACU" not in backup.read_bytes()

    keyring_file.unlink()  # "a new PC": the keyring is empty, the database came along
    lost = cli(tmp_path, "sync")
    assert lost.returncode == 1 and "no CMC key" in lost.stdout
    wrong = cli(tmp_path, "keys", "import", str(backup), "--password-stdin", stdin="wrong password\n")
    assert wrong.returncode == 3 and "Traceback" not in wrong.stderr
    restored = cli(
        tmp_path, "keys", "import", str(backup), "--password-stdin", stdin="correct horse battery\n"
    )
    assert restored.returncode == 0 and "Imported 1 CMC key" in restored.stdout
    assert cli(tmp_path, "sync").returncode == 0


def test_cli_remove_retires_a_device_that_signed_sales_and_deletes_only_after_a_yes(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-4", "OSCU")
    assert add_till(tmp_path, kra, "Till 4", "CLI-4").returncode == 0
    assert (
        cli(tmp_path, "item", "add", "--name", "Salt", "--class-code", "50161800", "--price", "20").returncode
        == 0
    )
    code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]
    sales = tmp_path / "sales.csv"
    sales.write_text(f"invoice_no,date,item_code,qty\nR1,2026-11-20,{code},1\n")
    kra.go_offline()
    assert cli(tmp_path, "import", str(sales), "--device", "1").returncode == 0

    waiting = cli(tmp_path, "device", "remove", "1", "--yes")
    assert waiting.returncode == 3
    assert "1 sale(s) not signed by KRA yet (1 still on the way to KRA)" in waiting.stderr
    assert "Sync" in waiting.stderr

    kra.go_online()
    assert cli(tmp_path, "sync").returncode == 0
    retired = cli(tmp_path, "device", "remove", "1")  # no --yes needed: nothing is deleted
    assert retired.returncode == 0, retired.stderr
    assert "Retired device 1" in retired.stdout and "signed 1 sale(s)" in retired.stdout
    assert cli(tmp_path, "device", "list", "--json").stdout.strip() == "[]"
    listed = json.loads(cli(tmp_path, "device", "list", "--all", "--json").stdout)
    assert [(d["id"], d["retired"]) for d in listed] == [(1, True)]
    sales.with_name("more.csv").write_text(f"invoice_no,date,item_code,qty\nR2,2026-11-20,{code},1\n")
    refused = cli(tmp_path, "import", str(sales.with_name("more.csv")), "--device", "1")
    assert refused.returncode == 3 and "retired" in refused.stderr
    assert "retired" in cli(tmp_path, "sync", "--device", "1").stderr
    assert [s.invc_no for s in kra.signed_sales(PIN, "00")] == [1]
    # The retired device's receipt is still printed, as KRA signed it; the second print is a copy.
    original = cli(tmp_path, "receipt", "1", "--pdf", str(tmp_path / "r1.pdf"), "--layout", "thermal80")
    assert original.returncode == 0, original.stderr
    assert (
        "the original receipt of sale 1 (R1)" in original.stdout
        and (tmp_path / "r1.pdf").stat().st_size > 1000
    )
    copy = cli(tmp_path, "receipt", "1", "--pdf", str(tmp_path / "r1-copy.pdf"))
    assert copy.returncode == 0 and "COPY" in copy.stdout

    kra.approve(PIN, "00", "CLI-5", "OSCU")
    assert add_till(tmp_path, kra, "Till 5", "CLI-5").returncode == 0
    asked = cli(tmp_path, "device", "remove", "2")  # stdin is not a terminal: no silent delete
    assert asked.returncode == 3 and "--yes" in asked.stderr
    assert "has no sale signed by KRA" in asked.stdout and "cannot be undone" in asked.stdout
    assert [d["id"] for d in json.loads(cli(tmp_path, "device", "list", "--json").stdout)] == [2]
    deleted = cli(tmp_path, "device", "remove", "2", "--yes")
    assert deleted.returncode == 0 and "Deleted device 2" in deleted.stdout
    assert [d["id"] for d in json.loads(cli(tmp_path, "device", "list", "--all", "--json").stdout)] == [1]
