"""'Start with my computer': the one place that knows how each system starts a program at log-in.

Linux (and other XDG desktops): a desktop entry in $XDG_CONFIG_HOME/autostart (~/.config/autostart).
Windows: a value under HKEY_CURRENT_USER\\...\\CurrentVersion\\Run, written through an injected
`RunKey` (ui/common/autostart_qt.py gives one backed by QSettings' native format), so this module stays Qt-free
and its Windows branch is tested without a registry.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from etims_desktop.domain.errors import PlainError

ENTRY_NAME = "etims-desktop"  # the autostart file's stem and the Run value's name
WINDOWS_RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"


class RunKey(Protocol):
    """The Windows Run key (one string value per program)."""

    def value(self, name: str) -> str | None: ...
    def set_value(self, name: str, command: str) -> None: ...
    def remove(self, name: str) -> None: ...


class AutostartFailed(PlainError):
    """The system's start-up list could not be changed; the app itself is not affected."""


@dataclass(frozen=True)
class Launch:
    """How to start this very program again: the frozen app's executable, or this Python with -m."""

    program: str
    arguments: tuple[str, ...] = ()

    @classmethod
    def current(cls) -> Launch:
        if getattr(sys, "frozen", False):  # PyInstaller: the executable is the app
            return cls(sys.executable)
        return cls(sys.executable, ("-m", "etims_desktop"))

    def desktop_exec(self) -> str:
        """The Exec= value: each part quoted as the desktop entry spec asks."""
        return " ".join(_desktop_quote(part) for part in (self.program, *self.arguments))

    def windows_command(self) -> str:
        return " ".join(f'"{part}"' if " " in part else part for part in (self.program, *self.arguments))


def _desktop_quote(part: str) -> str:
    if not any(c in part for c in " \t\n\"'\\><~|&;$*?#()`="):
        return part
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in part)
    return f'"{escaped}"'


def autostart_dir(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart"


def desktop_entry(launch: Launch) -> str:
    # Name/Comment in English: the desktop shows them in its start-up list, not the app's window.
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=eTIMS Desktop\n"
        "Comment=Report every sale to KRA through eTIMS\n"
        f"Exec={launch.desktop_exec()}\n"
        "Icon=ke.etims.Desktop\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


class Autostart:
    """Turn 'start with my computer' on or off for this user; `enabled()` reads what the system has."""

    def __init__(
        self,
        platform: str | None = None,
        launch: Launch | None = None,
        run_key: RunKey | None = None,
        environ: dict[str, str] | None = None,
    ) -> None:
        self.platform = platform or sys.platform
        self.launch = launch or Launch.current()
        self.run_key = run_key
        self.environ = environ

    @property
    def windows(self) -> bool:
        return self.platform.startswith("win")

    @property
    def entry_file(self) -> Path:
        return autostart_dir(self.environ) / f"{ENTRY_NAME}.desktop"

    def enabled(self) -> bool:
        if self.windows:
            return self._key().value(ENTRY_NAME) is not None
        return self.entry_file.is_file()

    def set_enabled(self, on: bool) -> None:
        if self.windows:
            key = self._key()
            if on:
                key.set_value(ENTRY_NAME, self.launch.windows_command())
            else:
                key.remove(ENTRY_NAME)
            return
        try:
            if on:
                self.entry_file.parent.mkdir(parents=True, exist_ok=True)
                self.entry_file.write_text(desktop_entry(self.launch), encoding="utf-8")
            else:
                self.entry_file.unlink(missing_ok=True)
        except OSError as exc:
            raise AutostartFailed(
                f"Could not change {self.entry_file}: {exc.strerror or exc}.",
                "Check that your user may write to that folder, or start the app yourself.",
            ) from exc

    def _key(self) -> RunKey:
        if self.run_key is None:
            raise AutostartFailed(
                "This computer's start-up list cannot be reached from here.",
                "Start the app yourself after switching the computer on.",
            )
        return self.run_key
