"""The chaos suite's keyring for the syncing process: keyrings.alt's PlaintextKeyring that now and then
stalls a read for longer than the app's keyring timeout, like an unlock prompt nobody answers at once.

    PYTHON_KEYRING_BACKEND=chaos_keyring.StallingKeyring  CHAOS_KEYRING_STALL=0.1,2.5,/path/stalls.log

(rate per read, seconds held, where each stall is logged). The app must time out, report the device
plainly, keep the sale waiting and carry on; nothing may be lost or signed twice because of it.
"""

from __future__ import annotations

import os
import random
import threading

from keyrings.alt.file import PlaintextKeyring


class StallingKeyring(PlaintextKeyring):
    def __init__(self) -> None:
        super().__init__()
        rate, hold, self.log = (os.environ.get("CHAOS_KEYRING_STALL", "0,0,") + ",,").split(",")[:3]
        self.rate, self.hold = float(rate or 0), float(hold or 0)
        self._random = random.Random(os.getpid())
        self._never = threading.Event()

    def get_password(self, service, username):
        if self.rate and self._random.random() < self.rate:
            if self.log:
                with open(self.log, "a", encoding="utf-8") as log:
                    log.write(f"{os.getpid()} stalled {self.hold} s\n")
            self._never.wait(self.hold)  # the call simply does not return for a while
        return super().get_password(service, username)
