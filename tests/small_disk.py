"""A data folder on its own small disk, to make it read-only or full for real (not a mocked error).

As root (this project's machines) it is a tmpfs mounted at the folder: root ignores file modes, so
read-only means remounting the disk read-only, and full means filling it. Otherwise, read-only is
chmod and a full disk cannot be made: that test is skipped. Use it as a context manager.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, path: Path, size_kb: int = 4096) -> None:
        self.path = path
        self.size_kb = size_kb
        self.mounted = False

    def __enter__(self) -> SmallDisk:
        self.path.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            done = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={self.size_kb}k", "tmpfs", str(self.path)],
                capture_output=True,
            )
            self.mounted = done.returncode == 0
            if not self.mounted:
                pytest.skip("root, but cannot mount a tmpfs here: no way to make a folder read-only")
        return self

    def read_only(self) -> None:
        if self.mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)
        else:
            for folder, _dirs, files in os.walk(self.path):
                for name in [folder, *(os.path.join(folder, f) for f in files)]:
                    os.chmod(name, os.stat(name).st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))

    def fill(self, leave_kb: int = 0) -> None:
        """Fill the disk, leaving about `leave_kb` free."""
        if not self.mounted:
            pytest.skip("a full disk can only be made as root (a small tmpfs)")
        free_kb = os.statvfs(self.path).f_bavail * os.statvfs(self.path).f_frsize // 1024
        with open(self.path / "filler", "wb") as filler:
            try:
                filler.write(b"\0" * max(0, free_kb - leave_kb) * 1024)
            except OSError:
                pass

    def __exit__(self, *exc: object) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.path)], check=False)
        else:
            for folder, _dirs, files in os.walk(self.path):
                for name in [folder, *(os.path.join(folder, f) for f in files)]:
                    os.chmod(name, os.stat(name).st_mode | stat.S_IWUSR)
