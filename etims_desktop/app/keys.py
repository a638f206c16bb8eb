"""Where the CMC keys are kept, and the owner's one choice about it: when the computer has no keyring,
keep keys for this session only, or in a password-locked key file. Switching is this use case's job;
the connections (sync/connections.py) are told once, and nothing else changes the wiring."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from etims_desktop.domain.device import Device
from etims_desktop.storage.secrets import (
    MIN_PASSWORD_LENGTH,
    KeyStore,
    KeyStoreError,
    UnavailableKeyStore,
    key_file_path,
    where_keys_are,
)

log = logging.getLogger("etims_desktop.app")

AnyKeyStore = KeyStore | UnavailableKeyStore


class KeyHolder(Protocol):
    """The one owner of the key store in use (sync/connections.py Connections)."""

    @property
    def key_store(self) -> AnyKeyStore: ...
    def use_key_store(self, key_store: AnyKeyStore) -> None: ...


class DeviceList(Protocol):
    async def list_devices(self, include_retired: bool = False) -> list[Device]: ...


def session_only(key_store: AnyKeyStore) -> bool:
    """True when keys given to `key_store` are lost when the app closes (or cannot be kept at all)."""
    return not key_store.persistent or not key_store.available


def carry_keys(old: AnyKeyStore, new: KeyStore, devices: Iterable[Device]) -> int:
    """Keys kept only for this session (practice devices', keys typed before unlocking) move into the
    new store: without them those devices would show "not initialised" from now on."""
    if not session_only(old) or not old.available:
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


class KeyStorage:
    min_password_length = MIN_PASSWORD_LENGTH

    def __init__(self, holder: KeyHolder, devices: DeviceList, data_root: Path) -> None:
        self.holder = holder
        self.devices = devices
        self.key_file = key_file_path(data_root)

    @property
    def current(self) -> AnyKeyStore:
        return self.holder.key_store

    @property
    def session_only(self) -> bool:
        """Keys typed now are lost when the app closes (no keyring, no key file chosen)."""
        return session_only(self.current)

    @property
    def backend_name(self) -> str:
        return self.current.backend_name

    @property
    def available(self) -> bool:
        return self.current.available

    def where(self) -> str:
        """Where a key typed now is kept, in words (storage/secrets.py where_keys_are)."""
        return where_keys_are(self.current)

    def key_file_exists(self) -> bool:
        return self.key_file.exists()

    async def open_locked_file(self, password: str) -> str:
        """Open (or create) the password-locked key file, move this session's keys into it and use it
        from now on. Returns its name for the owner. The key derivation is slow: off the caller's thread."""
        loop = asyncio.get_running_loop()
        store = await loop.run_in_executor(None, KeyStore.encrypted_file, self.key_file, password)
        devices = await self.devices.list_devices()
        await loop.run_in_executor(None, carry_keys, self.current, store, devices)
        self.holder.use_key_store(store)
        return store.backend_name
