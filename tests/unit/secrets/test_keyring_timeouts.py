"""A keyring call that never returns (an unlock prompt nobody sees) costs one timeout, with a plain
message; it never holds the device, the next calls, or the process's exit. A real backend that blocks."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest_keyring import make_device
from stuck_keyring import StuckKeyring

from etims_desktop.domain.status import StatusKind
from etims_desktop.storage.secrets import KeyMissing, KeyringTimeout, KeyStore
from etims_desktop.sync.connections import Connections
from etims_desktop.sync.device_checks import status_from_error
from etims_desktop.sync.report import KEYRING_FAILED

KEY = "c0ffee11d00d4badbeefcafe12345678"
TESTS = Path(__file__).resolve().parents[2]


@pytest.fixture
def backend(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # PlaintextKeyring's file, when it gets that far
    backend = StuckKeyring(mode="hang")
    yield backend
    backend.release.set()


def test_a_hanging_call_times_out_then_later_calls_fail_fast_then_it_recovers(backend):
    device = make_device()

    async def scenario():
        connections = Connections(KeyStore(backend), keyring_timeout_seconds=0.5)
        try:
            with pytest.raises(KeyringTimeout) as caught:
                await connections.client_for(device)
            assert backend.stuck.is_set()
            started = time.monotonic()
            with pytest.raises(KeyringTimeout):
                await connections.has_key(device)
            assert time.monotonic() - started < 0.25  # not queued behind the stuck call for another timeout
            assert backend.calls == 1
            backend.mode = ""
            backend.release.set()
            with pytest.raises(KeyMissing):  # the stuck call returns at last (nothing was stored then)
                await asyncio.wrap_future(connections._keyring_worker._overrun)
            await connections.store_key(device, KEY)
            assert (await connections.client_for(device)) is not None
            return caught.value
        finally:
            await connections.aclose()

    error = asyncio.run(scenario())
    assert "did not answer within 0.5 seconds" in error.plain and "Unlock your keyring" in error.next_step
    status = status_from_error(device, error)
    assert status.kind is StatusKind.ERROR and status.code == KEYRING_FAILED and status.plain == error.plain


def test_a_process_whose_keyring_hangs_still_exits(tmp_path):
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        sys.path.insert(0, {str(TESTS)!r})
        from conftest_keyring import make_device
        from stuck_keyring import StuckKeyring
        from etims_desktop.storage.secrets import KeyringTimeout, KeyStore
        from etims_desktop.sync.connections import Connections

        async def main():
            connections = Connections(KeyStore(StuckKeyring(mode="hang")), keyring_timeout_seconds=0.3)
            try:
                await connections.client_for(make_device())
            except KeyringTimeout:
                print("timed out", flush=True)
            await connections.aclose()

        asyncio.run(main())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, timeout=30, env={"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "timed out\n"  # and it ended, with the keyring thread still stuck
