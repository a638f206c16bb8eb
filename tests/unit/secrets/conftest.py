"""Fixtures for the key store tests: a real keyring file in tmp_path, cheap key backups."""

from __future__ import annotations

import logging

import pytest
from conftest_keyring import key_store, keyring_backend  # noqa: F401

from etims_desktop.storage import key_backup


@pytest.fixture
def cheap_backups(monkeypatch):
    """Backups sealed with a small scrypt cost (the file records it; unseal honours it)."""
    monkeypatch.setattr(key_backup, "SCRYPT_N", 2**10)


@pytest.fixture
def no_keyring(monkeypatch, tmp_path):
    """keyring configured exactly as on a headless machine without Secret Service: the fail backend."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def debug_log(caplog):
    """Everything logged at DEBUG, raw: no redaction filter, so a leak in our own messages would show."""
    caplog.set_level(logging.DEBUG)
    return caplog
