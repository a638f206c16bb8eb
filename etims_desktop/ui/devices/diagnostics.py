"""What a helper needs to know when something goes wrong: versions, paths, keyring, devices, last log lines."""

from __future__ import annotations

import asyncio
import platform
import sys
from collections import deque
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etims_desktop import __version__
from etims_desktop.ui.common.icons import icon
from etims_desktop.ui.common.tasks import spawn
from etims_desktop.ui.common.widgets import fit_to_screen

if TYPE_CHECKING:
    from etims_desktop.app.keys import KeyStorage
    from etims_desktop.domain.device import Device
    from etims_desktop.domain.status import DeviceStatus
    from etims_desktop.paths import DataPaths
    from etims_desktop.storage.records import PendingSummary


LOG_LINES = 200
PACKAGES = ("PySide6-Essentials", "qasync", "httpx", "SQLAlchemy", "alembic", "keyring", "pydantic")


def redact(text: str) -> str:
    """Mask every registered secret (CMC keys) - the same filter the log files pass through."""
    try:
        from etims_desktop.domain.redaction import redact as domain_redact
    except ImportError:  # pragma: no cover - the domain module is always shipped
        return text
    return domain_redact(text) or ""


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def tail(path: Path, lines: int = LOG_LINES) -> list[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=lines)]
    except OSError:
        return []


class DiagnosticsStore(Protocol):
    async def pending_summary(self) -> dict[int, PendingSummary]: ...
    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...
    async def get_status(self, device_id: int) -> DeviceStatus: ...


async def collect(store: DiagnosticsStore, keys: KeyStorage, paths: DataPaths) -> str:
    """The full diagnostics text, already redacted."""
    lines = [
        f"etims-desktop {__version__}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        f"Qt {qVersion()}; " + ", ".join(f"{name} {_version(name)}" for name in PACKAGES),
        f"Data folder: {paths.root}",
        f"Database: {paths.database}",
        f"Keyring: {keys.backend_name}" + ("" if keys.available else " (no system keyring)"),
        "",
        "Devices:",
    ]
    try:
        pending = await store.pending_summary()
        for device in await store.list_devices():
            status = await store.get_status(device.saved_id)
            summary = pending.get(device.saved_id)
            lines.append(
                f"  #{device.id} {device.name}: {device.type.value} {device.environment.value}"
                f"{' practice' if device.practice else ''}"
                f"{' initialised' if device.initialised else ' not initialised'}; status {status.kind.value}"
                f" (code {status.code or '-'}); pending {summary.pending if summary else 0}"
                f", need a fix {summary.needs_fix if summary else 0}"
            )
    except Exception as exc:  # noqa: BLE001 - diagnostics must work when the store does not
        lines.append(f"  (could not read the devices: {exc})")
    log_file = paths.logs / "etims-desktop.log"
    log_lines = await asyncio.to_thread(tail, log_file)
    lines += ["", f"Last {len(log_lines)} log lines ({log_file}):", *log_lines]
    return redact("\n".join(lines))


class DiagnosticsDialog(QDialog):
    """Non-modal; 'Copy diagnostics' puts the redacted text on the clipboard."""

    def __init__(
        self, store: DiagnosticsStore, keys: KeyStorage, paths: DataPaths, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.sources = (store, keys, paths)
        self.setWindowTitle(self.tr("Diagnostics"))
        fit_to_screen(self, 820, 560)
        intro = QLabel(
            self.tr(
                "Send this to whoever helps you with the app. CMC keys are replaced by *** before it is shown "
                "or copied."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(self.tr("Collecting…"))
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy diagnostics"))
        self.copy_button.clicked.connect(self.copy)
        refresh = QPushButton(icon("refresh"), self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(refresh, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.ready = False
        self.reload()

    def reload(self) -> None:
        self.ready = False
        spawn(self._load(), on_error=lambda exc: self.text.setPlainText(str(exc)))

    async def _load(self) -> None:
        self.text.setPlainText(await collect(*self.sources))
        self.ready = True

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(redact(self.text.toPlainText()))
