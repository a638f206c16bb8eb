"""The CLI's human output in the chosen language (Qt's translation machinery, QtCore only: no display).

English needs no Qt application at all; another language creates a QCoreApplication (a QGuiApplication
for a command that draws a PDF) and installs the translators on it, before the command runs.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication

from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.paths import resolve_data_paths

CONTEXT = "Cli"
_app: list[QCoreApplication] = []  # the application the translators live on, kept for the process


def start_language(data_dir: str | None, draws: bool = False) -> str:
    """Install the chosen language for this command; returns it ("en" or "sw").
    `draws`: the command renders with Qt (a PDF), so the application must be a QGuiApplication."""
    from etims_desktop.ui.common.i18n import chosen_language, install_language

    try:
        settings = resolve_data_paths(data_dir).settings
    except OSError:  # the command itself says why; the setting then is the computer's language
        settings = None
    language = chosen_language(settings)
    if language == "en":
        if QCoreApplication.instance() is not None:
            install_language("en")  # an earlier command in this process may have installed another
        return "en"
    if QCoreApplication.instance() is None:
        if draws:
            from PySide6.QtGui import QGuiApplication

            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a command: no window, no display
            _app.append(QGuiApplication(sys.argv[:1]))
        else:
            _app.append(QCoreApplication(sys.argv[:1]))
    return language if install_language(language) else "en"


def plain(exc: BaseException) -> str:
    """sync/plain.py plain_text, in the chosen language when the error has its own plain words."""
    from etims_desktop.domain.errors import has_plain_words
    from etims_desktop.domain.redaction import redact
    from etims_desktop.sync.plain import plain_text
    from etims_desktop.ui.common.text import explain_translated

    if has_plain_words(exc):
        return redact(explain_translated(exc)) or type(exc).__name__
    return plain_text(exc)


def say(text: str) -> str:
    """One of the CLI's sentences in the chosen language (values go in after: .replace("%1", ...))."""
    return QCoreApplication.translate(CONTEXT, text)


def said(text: str, *values: object) -> str:
    """A CLI sentence marked where it is written (`said(QT_TRANSLATE_NOOP("Cli", "Added device %1."),
    device.id)`), in the chosen language, %1 %2 ... filled in after translation in one pass (a
    translation may reorder them; a value holding "%2" stays as it is)."""
    words = [str(value) for value in values]
    return re.sub(r"%(\d+)", lambda m: _nth(words, m), QCoreApplication.translate(CONTEXT, text))


def _nth(words: list[str], match: re.Match[str]) -> str:
    n = int(match[1])
    return words[n - 1] if 0 < n <= len(words) else match[0]


# The CLI's sentences that cli.py passes to say(): marked here, where lupdate finds them.
SAID_BY_CLI = (
    QT_TRANSLATE_NOOP("Cli", "No items yet. Add one with 'etims-desktop item add'."),
    QT_TRANSLATE_NOOP("Cli", "Queued %1 sale(s); %2 were already imported."),
    QT_TRANSLATE_NOOP("Cli", "No devices yet. Add one with 'etims-desktop device add'."),
    QT_TRANSLATE_NOOP("Cli", "No sync has run yet."),
    QT_TRANSLATE_NOOP("Cli", "initialised %1"),
    QT_TRANSLATE_NOOP("Cli", "not initialised"),
    QT_TRANSLATE_NOOP("Cli", "(retired: records kept, sends nothing)"),
    QT_TRANSLATE_NOOP(
        "Cli", "Sale %1 is marked signed: KRA has it. Its receipt details are to be completed."
    ),
    QT_TRANSLATE_NOOP("Cli", "Sale %1 goes to KRA again with its own eTIMS number %2 at the next sync."),
)


def error_line(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, "error: %1").replace("%1", text)


def warning_line(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, "warning: %1").replace("%1", text)


def core(text: str | None) -> str:
    from etims_desktop.ui.common.text import tr_core

    return tr_core(text)


def status_text(rows: list[dict[str, Any]], local_time: Any) -> str:
    """`etims-desktop status`: one line per device, e.g.
    'Till 1 (OSCU, real-time): online (checked 2026-12-03 09:14); 2 waiting since 2026-12-03 09:02'."""
    lines = []
    for r in rows:
        if r["oldest_pending_at"]:
            waits = (
                QCoreApplication.translate(CONTEXT, "%1 waiting since %2")
                .replace("%1", str(r["pending"]))
                .replace("%2", local_time(r["oldest_pending_at"]))
            )
        else:
            waits = QCoreApplication.translate(CONTEXT, "%1 waiting").replace("%1", str(r["pending"]))
        checked = (
            " "
            + QCoreApplication.translate(CONTEXT, "(checked %1)").replace("%1", local_time(r["checked_at"]))
            if r["checked_at"]
            else ""
        )
        fixes = r["counts"].get("needs_fix", 0)
        checks = r["counts"].get("needs_check", 0)
        method = QCoreApplication.translate(CONTEXT, r["sync_method"])
        line = f"{r['name']} ({r['type']}, {method}): {core(r['status_text']).rstrip('.')}{checked}; {waits}"
        if fixes:
            line += "; " + QCoreApplication.translate(CONTEXT, "%1 need your fix").replace("%1", str(fixes))
        if checks:
            line += "; " + QCoreApplication.translate(CONTEXT, "%1 need your check on KRA's portal").replace(
                "%1", str(checks)
            )
        line += _documents_text(r)
        lines.append(line)
    return "\n".join(lines) or QCoreApplication.translate(CONTEXT, "No devices yet.")


def _documents_text(row: dict[str, Any]) -> str:
    """'; Stock reports still waiting: 2; ...' - the document queue's counts, in the report's words."""
    from etims_desktop.sync.report import DOCUMENT_WORDS

    text = ""
    for group, (_sent, waiting, fix) in DOCUMENT_WORDS.items():
        for template, count in (
            (waiting, row["pending_by_kind"].get(group, 0)),
            (fix, row["needs_fix_by_kind"].get(group, 0)),
        ):
            if count:
                text += "; " + core(Said(template, count=count)).rstrip(".")
    return text


# the words of `sync_method` (domain/device.py), which status shows translated
SYNC_METHODS = (QT_TRANSLATE_NOOP("Cli", "real-time"), QT_TRANSLATE_NOOP("Cli", "batch"))


def sync_text(report: Any) -> str:
    """`etims-desktop sync`: one line per device, its sentences translated."""
    lines = [
        f"{d.device_name} ({d.device_type}): " + " ".join(core(part) for part in d.summary_parts())
        for d in report.devices
    ]
    return "\n".join(lines) or QCoreApplication.translate(CONTEXT, "No devices to sync.")
