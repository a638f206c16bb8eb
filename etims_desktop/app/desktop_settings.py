"""How the app lives on this computer: the tray, its alerts, starting with the computer (settings.json "desktop")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etims_desktop.storage.settings_file import load_section, save_section

SECTION = "desktop"


@dataclass(frozen=True)
class DesktopSettings:
    # Closing the window hides it in the tray and syncing goes on. None: yes where the computer has a
    # tray (decided at start-up, the settings file cannot know), no elsewhere.
    close_to_tray: bool | None = None
    # A device with no connection for longer than this gets one notification.
    offline_alert_minutes: int = 30
    # A VSCU signs sales on its own while it cannot reach KRA, but only for so long; public sources put
    # it at about 24 hours (UNCERTAIN: docs/kra-etims-api.md, "Offline (VSCU)"). A setting, so a shop
    # that learns KRA's real figure can change it.
    vscu_offline_limit_hours: float = 24.0
    # ... and the notification comes this long before that limit.
    vscu_warn_hours_before: float = 6.0
    start_with_computer: bool = False  # opt-in: written to the system by app/autostart.py

    def closes_to_tray(self, tray_available: bool) -> bool:
        if not tray_available:
            return False  # a hidden window with no tray icon could never be found again
        return True if self.close_to_tray is None else self.close_to_tray

    @classmethod
    def load(cls, path: Path) -> DesktopSettings:
        return load_section(path, SECTION, cls)

    def save(self, path: Path) -> None:
        save_section(path, SECTION, self)
