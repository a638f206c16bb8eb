"""Backups and restores end to end, through real CLI processes, real files and the practice KRA over HTTP.

The story: a shop signs sales, backs up, signs more (KRA now holds numbers the backup does not know),
then restores the old backup. The restore must warn (and refuse without --force), keep the current
database, and the first sync afterwards must ask KRA which numbers it has: a sale KRA already signed is
never sent twice and no number is reused.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import stat
import subprocess
import sys

from db_damage import damage_table_page
from test_cli import PIN, add_till, cli


def _sell(tmp_path, code: str, *numbers: str) -> None:
    sales = tmp_path / f"sales-{numbers[0]}.csv"
    sales.write_text(
        "invoice_no,date,item_code,qty,unit_price\n" + "".join(f"{n},2026-11-20,{code},1,\n" for n in numbers)
    )
    done = cli(tmp_path, "import", str(sales), "--device", "1")
    assert done.returncode == 0, done.stderr


def _shop(tmp_path, kra, serial: str) -> str:
    kra.approve(PIN, "00", serial, "OSCU")
    assert add_till(tmp_path, kra, "Till 1", serial).returncode == 0
    item = cli(tmp_path, "item", "add", "--name", "Sugar", "--class-code", "50161800", "--price", "180")
    assert item.returncode == 0, item.stderr
    return json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]


def _cmc_key(tmp_path) -> bytes:
    """The device's CMC key, read from the test keyring file (base64 values in an INI file)."""
    keyring_file = next((tmp_path / "xdg").rglob("keyring_pass.cfg"))
    value = keyring_file.read_text().split("=", 1)[1].split()[0]
    return base64.b64decode(value)


def _signed(kra) -> list[tuple[int, str]]:
    return [(s.invc_no, s.document["trdInvcNo"]) for s in kra.signed_sales(PIN, "00")]


def test_restoring_an_old_backup_never_reuses_a_number_kra_has(tmp_path, kra):
    code = _shop(tmp_path, kra, "BK-1")
    _sell(tmp_path, code, "S1", "S2")
    assert cli(tmp_path, "sync").returncode == 0
    _sell(tmp_path, code, "S3")  # recorded, not yet sent when the backup is made

    made = cli(tmp_path, "backup", "--json")
    assert made.returncode == 0, made.stderr
    backup = json.loads(made.stdout)
    assert backup["check"] == "ok" and backup["bytes"] > 0
    backup_file = tmp_path / "data" / "backups" / backup["path"].rsplit("/", 1)[-1]
    assert backup_file.exists()
    if sys.platform != "win32":
        assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    cmc_key = _cmc_key(tmp_path)
    assert len(cmc_key) >= 16 and cmc_key not in backup_file.read_bytes()  # keys stay in the keyring

    assert cli(tmp_path, "sync").returncode == 0  # S3 is signed as 3 after the backup
    _sell(tmp_path, code, "S4")
    assert cli(tmp_path, "sync").returncode == 0
    assert _signed(kra) == [(1, "S1"), (2, "S2"), (3, "S3"), (4, "S4")]

    refused = cli(tmp_path, "restore", str(backup_file))
    assert refused.returncode == 3
    assert "Till 1: KRA signed up to number 4; the backup knows only up to 2" in refused.stderr
    assert "--force" in refused.stderr
    assert len(list((tmp_path / "data" / "backups").glob("etims-before-restore-*"))) == 0  # nothing changed

    # Another program syncing this device right now: the database is not replaced under it.
    from etims_desktop.sync.device_lock import DeviceLocks

    locks = DeviceLocks.beside(tmp_path / "data" / "etims.sqlite3")
    busy = locks._try(1)  # what a running sync holds
    try:
        while_syncing = cli(tmp_path, "restore", str(backup_file), "--force")
    finally:
        busy.release()
    assert while_syncing.returncode == 3 and "is syncing device 1 right now" in while_syncing.stderr
    assert len(list((tmp_path / "data" / "backups").glob("etims-before-restore-*"))) == 0  # nothing changed

    restored = cli(tmp_path, "restore", str(backup_file), "--force")
    assert restored.returncode == 0, restored.stderr
    assert "keys import" in restored.stdout
    kept = list((tmp_path / "data" / "backups").glob("etims-before-restore-*"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as old:  # the database as it was, with all four signed sales
        assert old.execute("SELECT count(*) FROM outbox WHERE state = 'signed'").fetchone() == (4,)

    # The restored database thinks S3 still waits and that the next number is 3.
    status = json.loads(cli(tmp_path, "status", "--json").stdout)
    assert status[0]["pending"] == 1

    _sell(tmp_path, code, "S5")  # a new sale after the restore
    synced = cli(tmp_path, "sync", "--json")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    report = json.loads(synced.stdout)["devices"][0]
    assert report["already_recorded"] == 1  # S3: KRA had it, so it was not sent again
    # S3 was not signed twice, S4's number 4 was not reused: S5 got 5.
    assert _signed(kra) == [(1, "S1"), (2, "S2"), (3, "S3"), (4, "S4"), (5, "S5")]
    with sqlite3.connect(tmp_path / "data" / "etims.sqlite3") as db:
        result = db.execute("SELECT result FROM number_checks WHERE device_id = 1").fetchone()[0]
    assert "KRA already had eTIMS numbers 3 to 4" in result and "next sale gets number 5" in result
    assert cli(tmp_path, "sync").returncode == 0 and len(_signed(kra)) == 5  # checked once, not every sync


def test_a_damaged_database_stops_sending_and_names_the_backup(tmp_path, kra):
    code = _shop(tmp_path, kra, "BK-2")
    _sell(tmp_path, code, "D1")
    assert cli(tmp_path, "sync").returncode == 0
    made = json.loads(cli(tmp_path, "backup", "--json").stdout)
    _sell(tmp_path, code, "D2")
    database = tmp_path / "data" / "etims.sqlite3"
    damage_table_page(database)
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() != ("ok",)

    synced = cli(tmp_path, "sync")
    assert synced.returncode == 3
    assert "is damaged" in synced.stderr and "Nothing will be sent to KRA" in synced.stderr
    assert f'etims-desktop restore "{made["path"]}"' in synced.stderr
    assert _signed(kra) == [(1, "D1")]  # D2 was not sent from the damaged file

    selftest = cli(tmp_path, "selftest", "--json", "--no-window")
    assert selftest.returncode == 1
    report = json.loads(selftest.stdout)
    assert report["ok"] is False and "damaged" in report["errors"]["database"]
    assert made["path"] in report["errors"]["database"]

    # A support call runs plain `selftest` (a scratch database): the shop's own one is checked too.
    env = dict(os.environ, ETIMS_DESKTOP_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    plain = subprocess.run(
        [sys.executable, "-m", "etims_desktop", "selftest", "--json", "--no-window"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert plain.returncode == 1, plain.stderr
    assert "damaged" in json.loads(plain.stdout)["errors"]["shop_database"]

    failed = cli(tmp_path, "backup")  # a copy of a damaged file is refused, not kept as a "backup"
    assert failed.returncode == 3 and "did not pass its check" in failed.stderr

    restored = cli(tmp_path, "restore", made["path"])
    assert restored.returncode == 0, restored.stderr
    assert cli(tmp_path, "sync").returncode == 0
    assert _signed(kra) == [(1, "D1")]
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_restore_refuses_what_is_not_a_sound_etims_backup(tmp_path, kra):
    _shop(tmp_path, kra, "BK-3")
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database at all\n" * 200)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    newer = tmp_path / "newer.sqlite3"
    made = json.loads(cli(tmp_path, "backup", "--json", "--to", str(tmp_path / "usb")).stdout)
    newer.write_bytes(open(made["path"], "rb").read())
    with sqlite3.connect(newer) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(open(made["path"], "rb").read())
    damage_table_page(damaged, "devices")

    for bad, reason in (
        (text, "not a database"),
        (other, "not an etims-desktop database"),
        (newer, "newer version"),
        (damaged, "is damaged"),
        (tmp_path / "missing.sqlite3", "There is no file"),
    ):
        refused = cli(tmp_path, "restore", str(bad), "--force")
        assert refused.returncode == 3, bad
        assert reason in refused.stderr, (bad, refused.stderr)
    assert json.loads(cli(tmp_path, "device", "list", "--json").stdout)[0]["name"] == "Till 1"
    assert not list((tmp_path / "data").glob("*restoring*"))
