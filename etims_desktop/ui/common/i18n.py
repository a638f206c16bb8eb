"""Install Qt's translators for the chosen language (window and CLI alike; QtCore only, no display).

The app's own messages come from etims_desktop/resources/i18n/etims_<lang>.qm; Qt's own words (the
buttons of standard dialogs) from Qt's qtbase_<lang>.qm when Qt ships one. A language change takes
effect at the next start: the window is built once, already translated.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from etims_desktop.app.language import DisplaySettings, resolve_language
from etims_desktop.resources import i18n
from etims_desktop.ui.common.text import forget_translations

log = logging.getLogger("etims_desktop.ui")

_installed: list[QTranslator] = []  # QCoreApplication does not own its translators: keep them alive


def system_locale_name() -> str:
    return QLocale.system().name()


def chosen_language(settings_path: Path | None) -> str:
    """ "en" or "sw": ETIMS_LANGUAGE, else the setting, else this computer's language."""
    choice = DisplaySettings.load(settings_path).language if settings_path else DisplaySettings().language
    return resolve_language(choice, system_locale_name())


def install_language(language: str) -> bool:
    """Install the translators for `language` on the running QCoreApplication (English: none).

    Returns whether the app's own translation was loaded. A missing .qm leaves the app in English
    and logs why; it never stops the app."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    forget_translations()
    if language == "en":
        return False
    i18n.ensure_compiled()  # a source checkout: compile a missing or stale .qm first
    own = QTranslator()
    if not own.load(i18n.qm_path(language).stem, str(i18n.HERE)):
        log.warning("no translation for %r in %s: the app stays in English", language, i18n.HERE)
        return False
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(own)
    _installed.append(own)
    return True


def install_chosen_language(settings_path: Path | None) -> str:
    """Read the choice and install it; returns the language in use ("en" or "sw")."""
    language = chosen_language(settings_path)
    return language if install_language(language) else "en"
