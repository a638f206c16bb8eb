"""A real keyring backend that gets stuck on purpose: what happens when the OS keyring hangs or is locked.

keyrings.alt's PlaintextKeyring (a file under XDG_DATA_HOME) whose every call first does what `mode`
says (default: the STUCK_KEYRING environment variable): "hang" - never return until `release` is set
(an unlock prompt nobody sees), "locked" - raise keyring's KeyringLocked, "" - work normally.
A subprocess selects it with PYTHON_KEYRING_BACKEND=stuck_keyring.StuckKeyring and tests/ on PYTHONPATH.
"""

from __future__ import annotations

import os
import threading

import keyring.errors
from keyrings.alt.file import PlaintextKeyring


class StuckKeyring(PlaintextKeyring):
    def __init__(self, mode: str | None = None) -> None:
        super().__init__()
        self.mode = os.environ.get("STUCK_KEYRING", "") if mode is None else mode
        self.stuck = threading.Event()  # set once a call is hanging
        self.release = threading.Event()  # set by a test to let hanging calls return
        self.calls = 0

    def _act(self) -> None:
        self.calls += 1
        if self.mode == "hang":
            self.stuck.set()
            self.release.wait()
        elif self.mode == "locked":
            raise keyring.errors.KeyringLocked("the keyring is locked")

    def get_password(self, service, username):
        self._act()
        return super().get_password(service, username)

    def set_password(self, service, username, password):
        self._act()
        super().set_password(service, username, password)

    def delete_password(self, service, username):
        self._act()
        super().delete_password(service, username)
