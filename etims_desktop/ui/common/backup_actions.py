"""Back up now, Restore..., and the damaged-database notice: the window's side of sync/backups.py.

A restore from the window goes: choose a file -> check and prepare it (nothing changes yet) -> say
plainly what it means (a warning naming devices and numbers when the backup is older than what KRA
signed) -> stop background syncing, close the database, swap the file -> tell the person to start
etims-desktop again, and close. Reopening in a fresh process is simpler and safer than rebuilding every
service on the new file inside a running window.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from etims_desktop.app.restore import PreparedRestore, RestoreRefused, SyncRunning
from etims_desktop.ui.common.icons import icon
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.common.widgets import Banner

if TYPE_CHECKING:
    from etims_desktop.app.restore import Backup, BackupAndRestore


log = logging.getLogger("etims_desktop.ui")


class BackupActions(QObject):
    """The window's backup and restore actions. `restored` fires once the file is swapped: the window
    must close (the services point at a closed database)."""

    backed_up = Signal(str)  # the summary sentence
    restored = Signal(str)  # what happened, in plain words
    message = Signal(str)  # a short note for the status bar

    def __init__(self, backups: BackupAndRestore, window: QWidget) -> None:
        super().__init__(window)
        self.backups = backups
        self.window = window
        self.busy = False
        self.last_box: QMessageBox | None = None  # the last dialog shown, while it is open
        self.last_message: tuple[str, str] = ("", "")  # its title and text (kept after it closes)
        self.last_prepared: PreparedRestore | None = None
        backups.on_daily_attempt(self._daily_attempted)

    # -- Back up now ---------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self.message.emit(self.tr("Backing up the database…"))
        spawn(self._back_up(), on_error=self._backup_failed)

    async def _back_up(self) -> None:
        outcome = await self.backups.backup_now()
        self.backed_up.emit(tr_core(outcome.summary()))
        self._box(QMessageBox.Icon.Information, self.tr("Backup made"), tr_core(outcome.summary()))

    def _backup_failed(self, exc: BaseException) -> None:
        self._box(QMessageBox.Icon.Warning, self.tr("The backup was not made"), plain_error(exc))

    def _daily_attempted(self) -> None:
        error, outcome = self.backups.last_daily()
        if error:
            self.message.emit(self.tr("The daily backup failed: %1").replace("%1", tr_core(error)))
        elif outcome is not None:
            self.message.emit(tr_core(outcome.summary()))

    # -- Restore -------------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(
            self.window,
            self.tr("Restore from a backup"),
            str(self.backups.folder),
            self.tr("etims-desktop backups (*.sqlite3);;All files (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.restore(Path(name)))
        dialog.open()
        return dialog

    def restore(self, path: Path) -> None:
        """Check `path`, then ask before anything changes."""
        if self.busy:
            return
        self.busy = True
        self.message.emit(self.tr("Checking the backup…"))
        spawn(self._prepare(path), on_error=self._restore_failed)

    async def _prepare(self, path: Path) -> None:
        try:
            prepared = await self.backups.prepare(path)
        except RestoreRefused as exc:
            self.busy = False
            self._box(QMessageBox.Icon.Warning, self.tr("This file cannot be restored"), plain_error(exc))
            return
        self.last_prepared = prepared
        made = f"{prepared.made_at.astimezone():%Y-%m-%d %H:%M}"
        if prepared.older_than_signed:
            text = prepared.warning(tr_core) + "\n\n" + self.tr("Restore it anyway?")
            title, yes, kind = (
                self.tr("This backup is older than what KRA signed"),
                self.tr("Restore anyway"),
                1,
            )
        else:
            text = self.tr(
                "Replace the data with the backup made %1?\n\nSales recorded after that are not in it. "
                "A copy of the data as it is now is kept in %2. Before sending again, each device asks KRA "
                "which eTIMS numbers it already has."
            )
            text = text.replace("%1", made).replace("%2", str(self.backups.data_backups))
            title, yes, kind = self.tr("Restore this backup?"), self.tr("Restore"), 0
        box = QMessageBox(
            QMessageBox.Icon.Warning if kind else QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        go = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.clickedButton() is go:
                spawn(self._swap(prepared), on_error=self._restore_failed)
            else:
                self.backups.abandon(prepared)
                self.busy = False
                self.message.emit(self.tr("Nothing was restored."))

        box.finished.connect(answered)
        self.last_box, self.last_message = box, (title, text)
        box.open()

    async def _swap(self, prepared: PreparedRestore) -> None:
        try:  # nothing may write to the file while it is swapped: the use case stops that first
            kept = await self.backups.finish(prepared)
        except SyncRunning:
            self.busy = False
            self._box(
                QMessageBox.Icon.Information,
                self.tr("A sync is running"),
                self.tr("Nothing was restored. Try again when the sync has finished."),
            )
            return
        text = self.tr(
            "The data was restored from %1.\n\nThe data as it was is kept in %2.\n\n"
            "etims-desktop closes now. Start it again to work with the restored data. CMC keys are not in "
            "backups: on a new computer, bring them with 'etims-desktop keys export' and 'keys import'."
        )
        text = text.replace("%1", str(prepared.source)).replace("%2", str(kept))
        box = self._box(QMessageBox.Icon.Information, self.tr("Restored"), text)
        box.finished.connect(lambda _r: self.restored.emit(text))

    def _restore_failed(self, exc: BaseException) -> None:
        self.busy = False
        if self.last_prepared is not None:
            self.backups.abandon(self.last_prepared)
        closed = self.backups.store_closed
        text = plain_error(exc)
        if closed:
            text += "\n\n" + self.tr("Close etims-desktop and start it again.")
        self._box(QMessageBox.Icon.Critical, self.tr("The restore did not happen"), text)

    def _box(self, kind: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box, self.last_message = box, (title, text)
        box.open()
        return box


class DamagedNotice(QWidget):
    """A red banner when the database failed its check at start-up, with Restore at hand."""

    def __init__(
        self, backups: BackupAndRestore, actions: BackupActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backups = backups
        self.restore_actions = actions  # not `actions`: QWidget.actions() is Qt's
        self.latest: Backup | None = None
        self.banner = Banner("error")
        self.button = QPushButton(icon("status-warning"), self.tr("Restore from a backup…"))
        self.button.clicked.connect(self._restore)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.banner, 1)
        row.addWidget(self.button)
        self.setVisible(bool(backups.damage))
        if backups.damage:
            self._say(None)
            spawn(self._find_latest())

    async def _find_latest(self) -> None:
        self.latest = await self.backups.latest_good()
        self._say(self.latest)

    def _say(self, latest: Backup | None) -> None:
        text = self.tr(
            "The database file is damaged (a failing disk or a power cut can do this). Nothing is sent to "
            "KRA until it is restored from a backup. Restore before recording sales: sales recorded now "
            "are not in the backup."
        )
        self.banner.setToolTip(self.tr("SQLite's check found:") + "\n" + "\n".join(self.backups.damage[:10]))
        if latest is not None:
            text += " " + self.tr("The newest good backup was made %1.").replace(
                "%1", f"{latest.made_at.astimezone():%Y-%m-%d %H:%M}"
            )
            self.button.setText(self.tr("Restore that backup…"))
        self.banner.show_message("error", text)

    def _restore(self) -> None:
        if self.latest is not None:
            self.restore_actions.restore(self.latest.path)
        else:
            self.restore_actions.choose_file()
