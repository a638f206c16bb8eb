"""When the computer has no keyring: say so plainly and let the user choose where CMC keys live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.widgets import Banner, FieldMessage, screen_room

if TYPE_CHECKING:
    from etims_desktop.app.keys import KeyStorage


class KeyringChoice(QFrame):
    """Hidden when a real keyring is in use; otherwise explains and offers the two choices."""

    switched = Signal(str)  # the new backend's name

    def __init__(self, keys: KeyStorage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.banner = Banner("warn")
        self.session = QRadioButton(
            self.tr("Keep keys only while the app is open (type them again after a restart)")
        )
        self.encrypted = QRadioButton(self.tr("Save keys in a file locked with a password you choose"))
        self.session.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.session)
        group.addButton(self.encrypted)

        self.password_box = QWidget()
        self.password_form = form = QFormLayout(self.password_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_message = FieldMessage()
        self.use_button = QPushButton(self.tr("Use the locked file"))
        self.use_button.clicked.connect(self.use_encrypted_file)
        self.use_button.setAutoDefault(False)
        self.password.returnPressed.connect(self._enter)
        self.confirm.returnPressed.connect(self.use_encrypted_file)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.confirm)
        row = QHBoxLayout()
        row.addWidget(self.use_button)
        row.addStretch(1)
        form.addRow(self.password_message)
        form.addRow(row)
        self.encrypted.toggled.connect(self._show_password_box)
        self.password_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.session)
        layout.addWidget(self.encrypted)
        layout.addWidget(self.password_box)
        self.refresh()

    def _show_password_box(self, on: bool) -> None:
        self.password_box.setVisible(on)
        if on:
            self.password.setFocus()
            window = self.window()
            if window is not self and window.isVisible():  # grow so the new boxes are not squashed
                window.resize(window.size().expandedTo(window.sizeHint()).boundedTo(screen_room(window)))

    def refresh(self) -> None:
        needed = self.keys.session_only
        self.setVisible(needed)
        if not needed:
            return
        exists = self.keys.key_file_exists()
        self.banner.show_message(
            "warn",
            self.tr(
                "This computer has no keyring (the system's safe place for passwords), so the app cannot keep "
                "your device's CMC key there. Choose what to do:"
            ),
        )
        self.encrypted.setText(
            self.tr("Use my password-locked key file")
            if exists
            else self.tr("Save keys in a file locked with a password you choose")
        )
        self.confirm.setVisible(not exists)
        if exists:  # the file is there: unlocking it is what the owner came for
            self.encrypted.setChecked(True)
        label = self.password_form.labelForField(self.confirm)
        if label is not None:
            label.setVisible(not exists)

    def _enter(self) -> None:
        """Enter in the password box unlocks (or, for a new file, moves on to "Password again")."""
        if not self.confirm.isHidden() and not self.confirm.text():
            self.confirm.setFocus()
        else:
            self.use_encrypted_file()

    def use_encrypted_file(self) -> None:
        password = self.password.text()
        creating = not self.keys.key_file_exists()
        if creating and len(password) < self.keys.min_password_length:
            self.password_message.say(
                self.tr("Choose a password of at least %1 characters.").replace(
                    "%1", str(self.keys.min_password_length)
                )
            )
            return
        if creating and password != self.confirm.text():
            self.password_message.say(self.tr("The two passwords are not the same."))
            return
        self.password.clear()
        self.confirm.clear()
        self.password_message.say(None)
        self.use_button.setEnabled(False)
        spawn(self._open(password), on_error=self._failed)

    async def _open(self, password: str) -> None:
        try:
            name = await self.keys.open_locked_file(password)
        finally:
            self.use_button.setEnabled(True)
        for widget in (self.session, self.encrypted, self.password_box):
            widget.hide()
        self.banner.show_message(
            "ok",
            self.tr("Keys are kept in the password-locked file %1.").replace("%1", str(self.keys.key_file)),
        )
        self.switched.emit(name)

    def _failed(self, exc: BaseException) -> None:
        self.password_message.say(plain_error(exc))
