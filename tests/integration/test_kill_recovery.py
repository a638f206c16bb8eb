"""SIGKILL the syncing process mid-drain, restart it, and prove every sale is signed exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from keyrings.alt.file import PlaintextKeyring
from sync_shop import PIN, open_shop

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.storage.secrets import KeyStore

SALES = 40


def cli_env(xdg) -> dict:
    return dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(xdg),
        QT_QPA_PLATFORM="offscreen",
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_mid_drain_then_restart(tmp_path, kra, run, monkeypatch):
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))  # the same keyring file for us and the child
    key_store = KeyStore(backend=PlaintextKeyring())

    async def setup():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            for _ in range(SALES):
                await shop.services.sales.record(device.id, shop.sale((0, "1"), (2, "3")), send_now=False)
            return device.id
        finally:
            await shop.services.aclose()

    device_id = run(setup())
    kra.set_latency(0.03)
    command = [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "data"), "sync", "--json"]
    kills = 0
    for target in (8, 20):
        child = subprocess.Popen(command, env=cli_env(xdg), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        reached = kra.wait_until(lambda t=target: len(kra.signed_sales(PIN, "00")) >= t, timeout=60)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert reached, child.stderr.read().decode()
        kills += 1
    finished = subprocess.run(command, env=cli_env(xdg), capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stdout + finished.stderr

    signed = kra.signed_sales(PIN, "00")
    assert [s.invc_no for s in signed] == list(range(1, SALES + 1))  # gap-free, in order, once each
    trader_numbers = [s.document["trdInvcNo"] for s in signed]
    assert len(set(trader_numbers)) == SALES  # no sale signed twice under two numbers

    async def verify():
        shop = await open_shop(tmp_path, key_store)
        try:
            entries = await shop.services.store.list_outbox(device_id, limit=1000)
            assert len(entries) == SALES and all(e.state is OutboxState.SIGNED for e in entries)
            by_number = {s.invc_no: s.receipt.signature for s in signed}
            assert all(e.receipt.signature == by_number[e.invc_no] for e in entries if e.receipt.complete)
        finally:
            await shop.services.aclose()

    run(verify())
    assert kills == 2
