"""One program at a time works a device's outbox: a lock file per device, held through the OS.

The window's scheduler and a scheduled `etims-desktop sync` may share one data dir. SQLite keeps
each transaction whole, but two programs draining the same device would both resolve, number and
send its sales. So draining a device first takes an OS file lock (flock on Linux, LockFileEx on
Windows, through `filelock`). The OS drops it when its process ends, however it ends, so a crashed
or killed program never blocks a device; there is no expiry to wait for. Taking it never waits:
a device busy elsewhere is skipped at once, and the sync report says so.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from etims_desktop.domain.errors import PlainError

# The report's waiting reason for a device left to another program ("... still waiting because ...").
SYNCED_ELSEWHERE = "another etims-desktop on this computer is sending them right now"


class DeviceBusy(PlainError):
    """Another program on this computer is syncing a device right now."""

    def __init__(self, device_id: int) -> None:
        super().__init__(
            f"Another etims-desktop on this computer is syncing device {device_id} right now. Close the other "
            "window (or wait for the scheduled sync to end), then try again. Nothing was changed."
        )
        self.device_id = device_id


class DeviceLocks:
    """The lock files of one data dir's devices, and which devices this process found busy elsewhere."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Devices whose last try found them held by another program; cleared by the next success.
        self.busy_elsewhere: set[int] = set()

    @classmethod
    def beside(cls, database: Path) -> DeviceLocks:
        return cls(Path(database).parent / "locks")

    def path(self, device_id: int) -> Path:
        return self.folder / f"device-{device_id}.lock"

    @asynccontextmanager
    async def hold(self, device_id: int) -> AsyncIterator[bool]:
        """`async with locks.hold(id) as mine:` - True while this process holds the device, False at
        once when another process does. One non-blocking try: a system call, no wait on the loop."""
        lock = self._try(device_id)
        if lock is None:
            self.busy_elsewhere.add(device_id)
            yield False
            return
        self.busy_elsewhere.discard(device_id)
        try:
            yield True
        finally:
            lock.release()

    @contextmanager
    def hold_every_device(self) -> Iterator[None]:
        """Every device this data dir has drained, held at once: for a restore, which replaces the whole
        database under any program that works on it. DeviceBusy (at once, nothing held) if one is busy."""
        held: list[FileLock] = []
        try:
            for path in sorted(self.folder.glob("device-*.lock")):
                device_id = int(path.stem.removeprefix("device-"))
                lock = self._try(device_id)
                if lock is None:
                    raise DeviceBusy(device_id)
                held.append(lock)
            yield
        finally:
            for lock in held:
                lock.release()

    def _try(self, device_id: int) -> FileLock | None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # A new lock object per try: two holders in one process exclude each other too. No soft
        # (marker-file) fallback: a marker outlives a crash, and a dead holder must never block.
        lock = FileLock(self.path(device_id), thread_local=False, mode=0o600, fallback_to_soft=False)
        try:
            lock.acquire(blocking=False)
        except Timeout:
            return None
        return lock
