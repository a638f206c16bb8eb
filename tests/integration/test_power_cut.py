"""A power cut mid-drain: the syncing process dies and the disk keeps only what was flushed.

With synchronous=FULL only the transaction being written can vanish (lose=0). Losing the last 1 or 3
*committed* transactions too is what synchronous=NORMAL (or a disk that lies about flushing) can do;
even then the restart must end with every sale signed once and no gap, because a number that may
have reached KRA is always checked with KRA (a duplicate answer means "already recorded").
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from power_cut import cut_power
from sync_shop import PIN, open_shop

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.storage.secrets import KeyStore

SALES = 40
WRITER = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (n INTEGER)")
for n in range(1, 11):
    db.execute("INSERT INTO t VALUES (?)", (n,))
os._exit(0)  # as a kill: no close, no checkpoint, the WAL stays
"""


def cli_env(xdg) -> dict:
    return dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(xdg),
        QT_QPA_PLATFORM="offscreen",
    )


def copy_db(database: Path, folder: Path) -> Path:
    """The database and its WAL as they are now, in another folder (reading them there changes nothing here)."""
    folder.mkdir()
    for suffix in ("", "-wal"):
        source = database.with_name(database.name + suffix)
        if source.exists():
            shutil.copyfile(source, folder / (database.name + suffix))
    return folder / database.name


def rows(database: Path, sql: str) -> list:
    db = sqlite3.connect(database)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute(sql).fetchall()
    finally:
        db.close()


@pytest.mark.parametrize("lose", [0, 3])
def test_a_power_cut_loses_exactly_the_unflushed_commits(tmp_path, lose):
    database = tmp_path / "t.sqlite3"
    subprocess.run([sys.executable, "-c", WRITER, str(database)], check=True, timeout=60)

    cut = cut_power(database, lose=lose)

    assert cut.commits_before == 11 and cut.commits_lost == lose and cut.torn_bytes > 0
    assert rows(database, "SELECT max(n), count(*) FROM t") == [(10 - lose, 10 - lose)]


STATE = "SELECT count(*) FILTER (WHERE state = 'signed'), (SELECT sum(last_invc_no) FROM devices) FROM outbox"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("lose", [0, 1, 3])
def test_power_cut_mid_drain_then_restart(tmp_path, kra, run, monkeypatch, lose):
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))  # the same keyring file for us and the child
    key_store = KeyStore(backend=PlaintextKeyring())

    async def setup():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            for _ in range(SALES):
                await shop.services.sales.record(device.id, shop.sale((0, "1"), (1, "2")), send_now=False)
            return device.id, shop.services.paths.database
        finally:
            await shop.services.aclose()

    device_id, database = run(setup())
    kra.set_latency(0.03)
    command = [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "data"), "sync", "--json"]
    child = subprocess.Popen(command, env=cli_env(xdg), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    reached = kra.wait_until(lambda: len(kra.signed_sales(PIN, "00")) >= 15, timeout=60)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert reached, child.stderr.read().decode()
    before = rows(copy_db(database, tmp_path / "before"), STATE)

    cut = cut_power(database, lose=lose)

    after = rows(copy_db(database, tmp_path / "after"), STATE)
    assert cut.commits_lost == lose
    if lose:  # signatures or numbers that KRA has given really vanished from our database
        assert after[0][0] < before[0][0] or after[0][1] < before[0][1], (before, after)
    else:
        assert after == before  # FULL: nothing that was committed is lost
    finished = subprocess.run(command, env=cli_env(xdg), capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stdout + finished.stderr

    signed = kra.signed_sales(PIN, "00")
    assert [s.invc_no for s in signed] == list(range(1, SALES + 1))  # gap-free, in order, once each
    assert len({s.document["trdInvcNo"] for s in signed}) == SALES  # no sale signed under two numbers

    async def verify():
        shop = await open_shop(tmp_path, key_store)
        try:
            entries = await shop.services.store.list_outbox(device_id, limit=1000)
            assert len(entries) == SALES and all(e.state is OutboxState.SIGNED for e in entries)
            by_number = {s.invc_no: s for s in signed}
            for entry in entries:  # our record of each sale is KRA's: same sale, same number, same signature
                kra_copy = by_number[entry.invc_no]
                assert kra_copy.document["trdInvcNo"] == entry.sale.trader_invoice_no
                assert not entry.receipt.complete or entry.receipt.signature == kra_copy.receipt.signature
        finally:
            await shop.services.aclose()

    run(verify())
