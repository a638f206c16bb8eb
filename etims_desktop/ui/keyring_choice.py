"""When the computer has no keyring: say so plainly and let the user choose where CMC keys live."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
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

from etims_desktop.storage.secrets import MIN_PASSWORD_LENGTH, KeyStore, KeyStoreError, key_file_path
from etims_desktop.ui.tasks import plain_error, spawn
from etims_desktop.ui.widgets import Banner, FieldMessage, screen_room

if TYPE_CHECKING:
    from etims_desktop.bootstrap import Services


log = logging.getLogger("etims_desktop.ui")


def session_only(key_store) -> bool:
    """True when keys given to `key_store` are lost when the app closes (or cannot be kept at all)."""
    return not getattr(key_store, "persistent", True) or not getattr(key_store, "available", True)


def key_file(services: Services) -> Path:
    return key_file_path(services.paths.root)


def use_key_store(services: Services, key_store) -> None:
    """Switch to `key_store`: the connections own it (Services.key_store reads it from them)."""
    services.connections.use_key_store(key_store)


async def open_encrypted_file(services: Services, password: str):
    """Open (or create) the password-protected key file and switch to it. Slow KDF: off the GUI thread."""
    path = key_file(services)
    loop = asyncio.get_running_loop()
    store = await loop.run_in_executor(None, KeyStore.encrypted_file, path, password)
    devices = await services.store.list_devices()
    await loop.run_in_executor(None, carry_keys, services.key_store, store, devices)
    use_key_store(services, store)
    return store


def carry_keys(old, new, devices) -> int:
    """Keys kept only for this session (practice devices', keys typed before unlocking) move into the
    new store: without them those devices would show "not initialised" from now on."""
    if not session_only(old) or not getattr(old, "available", False):
        return 0
    moved = 0
    for device in devices:
        try:
            if old.has_key(device):
                new.set_key(device, old.get_key(device))
                moved += 1
        except KeyStoreError as exc:
            log.warning("could not move the key of device %s: %s", device.id, exc.plain)
    return moved


class KeyringChoice(QFrame):
    """Hidden when a real keyring is in use; otherwise explains and offers the two choices."""

    switched = Signal(str)  # the new backend's name

    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.services = services
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
        form = QFormLayout(self.password_box)
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
        needed = session_only(self.services.key_store)
        self.setVisible(needed)
        if not needed:
            return
        exists = key_file(self.services).exists()
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
        label = self.password_box.layout().labelForField(self.confirm)
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
        creating = not key_file(self.services).exists()
        if creating and len(password) < MIN_PASSWORD_LENGTH:
            self.password_message.say(
                self.tr("Choose a password of at least %1 characters.").replace(
                    "%1", str(MIN_PASSWORD_LENGTH)
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
            store = await open_encrypted_file(self.services, password)
        finally:
            self.use_button.setEnabled(True)
        for widget in (self.session, self.encrypted, self.password_box):
            widget.hide()
        self.banner.show_message(
            "ok",
            self.tr("Keys are kept in the password-locked file %1.").replace(
                "%1", str(key_file(self.services))
            ),
        )
        self.switched.emit(str(getattr(store, "backend_name", "")))

    def _failed(self, exc: BaseException) -> None:
        self.password_message.say(plain_error(exc))
