"""Two programs, one data dir: the window's scheduler and `etims-desktop sync` (or two syncs) never work
the same device at the same time, and together they still sign every sale once, with no gap."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap

import pytest
from keyrings.alt.file import PlaintextKeyring
from sync_shop import PIN, open_shop

from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.storage.secrets import KeyStore
from etims_desktop.sync.device_lock import SYNCED_ELSEWHERE, DeviceLocks

HOLDER = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from etims_desktop.sync.device_lock import DeviceLocks

    async def main():
        async with DeviceLocks(Path(sys.argv[1])).hold(1) as mine:
            print("held" if mine else "busy", flush=True)
            sys.stdin.readline()  # hold it until told (or killed)

    asyncio.run(main())
    """
)


def cli_env(xdg) -> dict:
    return dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(xdg),
        QT_QPA_PLATFORM="offscreen",
    )


async def held(locks: DeviceLocks, device_id: int) -> bool:
    async with locks.hold(device_id) as mine:
        return mine


def test_a_device_lock_excludes_other_processes_and_dies_with_its_holder(tmp_path):
    locks = DeviceLocks(tmp_path / "locks")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "locks")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert asyncio.run(held(locks, 1)) is False  # at once, without waiting for the holder
        assert locks.busy_elsewhere == {1}
        assert asyncio.run(held(locks, 2)) is True  # other devices are free
    finally:
        holder.kill()  # SIGKILL / TerminateProcess: no clean-up runs in the holder
        holder.wait(timeout=30)
    assert asyncio.run(held(locks, 1)) is True  # a killed holder blocks nobody
    assert locks.busy_elsewhere == set()


# --- the real thing: `etims-desktop sync` processes against the simulator over HTTP ------------------


async def add_devices(shop, sims_and_kinds) -> list[Device]:
    """One device per (simulator, kind), each its own KRA branch (its own eTIMS number sequence)."""
    devices = []
    for index, (sim, kind) in enumerate(sims_and_kinds):
        branch, serial = f"0{index + 1}", f"TWO{index + 1:03d}"
        sim.approve(PIN, branch, serial, kind)
        device = Device(
            None,
            f"Till {index + 1}",
            kind,
            PIN,
            branch,
            serial,
            Environment.CUSTOM,
            sim.api_url,
            EndpointStyle.NESTED if kind is DeviceType.VSCU else EndpointStyle.FLAT,
        )
        device = await shop.services.devices.add_device(device)
        devices.append(await shop.services.devices.initialise(device.id))
    return devices


def make_shop(tmp_path, run, key_store, sims_and_kinds, per_device: int) -> list[Device]:
    async def setup():
        shop = await open_shop(tmp_path, key_store)
        try:
            devices = await add_devices(shop, sims_and_kinds)
            for device in devices:
                for _ in range(per_device):
                    await shop.services.sales.record(device.id, shop.sale((0, "1"), (2, "3")), send_now=False)
            return devices
        finally:
            await shop.services.aclose()

    return run(setup())


def sync_command(tmp_path) -> list[str]:
    return [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "data"), "sync", "--json"]


def no_lock_crash(*texts: str, tmp_path) -> None:
    logs = "".join(p.read_text() for p in (tmp_path / "data" / "logs").glob("*.log*"))
    for text in (*texts, logs):
        assert "database is locked" not in text
        assert "Traceback" not in text


def assert_signed_once(sim, device: Device, count: int) -> None:
    signed = sim.signed_sales(PIN, device.branch_id)
    assert [s.invc_no for s in signed] == list(range(1, count + 1)), device.name  # once each, no gap
    assert len({s.document["trdInvcNo"] for s in signed}) == count, device.name  # none under two numbers


@pytest.fixture
def key_store(tmp_path, monkeypatch):
    monkeypatch.setenv(
        "XDG_DATA_HOME", str(tmp_path / "xdg")
    )  # the same keyring file for us and the children
    return KeyStore(backend=PlaintextKeyring())


def test_a_second_sync_leaves_busy_devices_to_the_first_and_says_so(tmp_path, kra, run, key_store):
    per_device = 150
    devices = make_shop(tmp_path, run, key_store, [(kra, DeviceType.OSCU)] * 3, per_device)
    kra.set_latency(0.06)  # each device's drain takes 9 s or more: the second sync starts well within
    env = cli_env(tmp_path / "xdg")
    first = subprocess.Popen(
        sync_command(tmp_path), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        started = kra.wait_until(
            lambda: all(len(kra.signed_sales(PIN, d.branch_id)) >= 5 for d in devices), timeout=60
        )
        assert started
        second = subprocess.run(sync_command(tmp_path), env=env, capture_output=True, text=True, timeout=120)
        first_out, first_err = first.communicate(timeout=180)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(30)

    report = json.loads(second.stdout)
    assert second.returncode == 1, second.stdout + second.stderr  # 1: something still waits
    skipped = [d for d in report["devices"] if d["outcome"] == "synced_elsewhere"]
    assert skipped, report  # the first sync was still draining when the second came
    for device in skipped:
        assert device["waiting_reason"] == SYNCED_ELSEWHERE and device["signed"] == 0
        assert "another etims-desktop on this computer" in device["summary"]
    assert first.returncode == 0, first_out + first_err
    assert all(d["outcome"] == "all_signed" for d in json.loads(first_out)["devices"])
    for device in devices:
        assert_signed_once(kra, device, per_device)
    no_lock_crash(first_err, second.stderr, tmp_path=tmp_path)


def test_two_syncs_at_once_sign_every_sale_once(tmp_path, kra, vscu, run, key_store):
    per_device = 80  # 320 sales on 4 devices
    kinds = [(kra, DeviceType.OSCU)] * 3 + [(vscu, DeviceType.VSCU)]
    devices = make_shop(tmp_path, run, key_store, kinds, per_device)
    kra.set_latency(0.01)
    vscu.set_latency(0.01)
    env = cli_env(tmp_path / "xdg")
    syncs = [
        subprocess.Popen(
            sync_command(tmp_path), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [sync.communicate(timeout=240) for sync in syncs]

    reports = [json.loads(out) for out, _err in outputs]
    for sync, report in zip(syncs, reports, strict=True):
        assert sync.returncode in (0, 1) and report["exit_code"] == sync.returncode, report
    signed_by_both = sum(d["signed"] for r in reports for d in r["devices"])
    assert signed_by_both == 4 * per_device  # each sale signed by exactly one of them
    for index in range(len(devices)):
        both = [r["devices"][index] for r in reports]
        assert sum(d["outcome"] != "synced_elsewhere" for d in both) >= 1  # never both skipped
        # A device skipped by one was worked by the other, never by both at once: the other signed them all.
        if any(d["outcome"] == "synced_elsewhere" for d in both):
            assert max(d["signed"] for d in both) == per_device
    final = subprocess.run(sync_command(tmp_path), env=env, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0 and all(
        d["outcome"] == "up_to_date" for d in json.loads(final.stdout)["devices"]
    ), final.stdout
    for device in devices:
        assert_signed_once(kra if device.type is DeviceType.OSCU else vscu, device, per_device)
    no_lock_crash(*(err for _out, err in outputs), final.stderr, tmp_path=tmp_path)


def test_the_window_leaves_a_device_to_a_running_sync_then_takes_it_back(tmp_path, kra, run, key_store):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from etims_desktop.ui.board.board_refresh import load_board

    per_device = 120
    (device,) = make_shop(tmp_path, run, key_store, [(kra, DeviceType.OSCU)], per_device)
    kra.set_latency(0.05)
    cli = subprocess.Popen(
        sync_command(tmp_path),
        env=cli_env(tmp_path / "xdg"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    async def window():
        shop = await open_shop(tmp_path, key_store)  # the window's services, in this process
        services = shop.services
        locks = services.sync.drain.device_locks
        try:
            assert await asyncio.to_thread(kra.wait_until, lambda: len(kra.signed_sales(PIN, "01")) >= 5, 60)
            await services.scheduler.tick()  # the live check finds sales waiting and tries to send them
            assert locks.busy_elsewhere == {device.id}
            (row,) = await load_board(services.board, synced_elsewhere=locks.busy_elsewhere)
            assert row.synced_elsewhere
            out, err = await asyncio.to_thread(cli.communicate, timeout=180)
            assert cli.returncode == 0, out + err
            await services.scheduler.tick()  # the next tick takes the device back
            assert locks.busy_elsewhere == set()
            (row,) = await load_board(services.board, synced_elsewhere=locks.busy_elsewhere)
            assert not row.synced_elsewhere and row.pending == 0
            entries = await services.store.list_outbox(device.id, limit=1000)
            assert len(entries) == per_device and all(e.state is OutboxState.SIGNED for e in entries)
            return err
        finally:
            await services.aclose()

    try:
        err = run(window())
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait(30)
    assert_signed_once(kra, device, per_device)
    no_lock_crash(err, tmp_path=tmp_path)
