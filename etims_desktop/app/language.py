"""Which language the window and the CLI speak: the shop owner's choice in Settings, kept in
settings.json ("display": {"language": ...}), or this computer's language when they left it to that.

Qt-free: ui/common/i18n.py installs the translators for the language chosen here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from etims_desktop.storage.settings_file import load_section, save_section

SECTION = "display"
SYSTEM = "system"  # "As my computer": Kiswahili when the computer's language is Swahili
CHOICES = (SYSTEM, "en", "sw")
ENVIRONMENT = "ETIMS_LANGUAGE"  # en / sw: overrides the setting (scripts, tests, one command)


@dataclass(frozen=True)
class DisplaySettings:
    language: str = SYSTEM

    @classmethod
    def load(cls, path: Path) -> DisplaySettings:
        loaded = load_section(path, SECTION, cls)
        return loaded if loaded.language in CHOICES else cls()

    def save(self, path: Path) -> None:
        save_section(path, SECTION, self)


def resolve_language(choice: str, system_locale: str, environ: dict[str, str] | None = None) -> str:
    """ "en" or "sw". `system_locale` is the computer's locale name ("sw_KE", "en_US", "C")."""
    forced = (os.environ if environ is None else environ).get(ENVIRONMENT, "").strip().lower()
    if forced in ("en", "sw"):
        return forced
    if choice in ("en", "sw"):
        return choice
    return "sw" if system_locale.lower().startswith("sw") else "en"
