"""Which store the app gets: keyring's own configuration, never a silent plaintext file, explicit fallbacks."""

from __future__ import annotations

import logging

import pytest
from conftest_keyring import make_device
from keyring.backends import fail
from keyrings.cryptfile.cryptfile import CryptFileKeyring

from etims_desktop.storage.secrets import (
    KeyFileLocked,
    KeyringLocked,
    KeyringUnavailable,
    KeyStore,
    SessionKeyStore,
    WrongPassword,
    default_backend,
    key_file_path,
    open_key_store,
)

KEY = "CMCKEY0123456789ABCDEF0123456789abcdef"


@pytest.fixture
def cheap_key_file(monkeypatch):
    """keyrings.cryptfile with a small Argon2 cost, so opening key files in these tests is quick."""
    monkeypatch.setattr(CryptFileKeyring, "time_cost", 1)
    monkeypatch.setattr(CryptFileKeyring, "memory_cost", 1024)
    monkeypatch.setattr(CryptFileKeyring, "parallelism", 1)


@pytest.fixture
def unconfigured(monkeypatch, tmp_path):
    """No PYTHON_KEYRING_BACKEND and no keyringrc: keyring detects what is installed."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def test_detection_never_picks_a_file_backend(unconfigured):
    # keyrings.alt and keyrings.cryptfile are installed here, so keyring itself would chain file backends
    # (one prompts on a terminal, one is plain text). We only take an OS keyring, or report none.
    backend = default_backend()
    assert not type(backend).__module__.startswith("keyrings.")
    store = KeyStore()
    assert store.available == (not isinstance(store.backend, fail.Keyring))


def test_environment_variable_is_honoured(unconfigured, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    store = KeyStore()
    assert type(store.backend).__name__ == "PlaintextKeyring"
    assert store.available
    assert store.backend_name.startswith("unprotected file (keyrings.alt)")


def test_keyringrc_is_honoured(unconfigured, tmp_path):
    config = tmp_path / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text("[backend]\ndefault-keyring = keyring.backends.null.Keyring\n")
    store = KeyStore()
    assert type(store.backend).__module__ == "keyring.backends.null"
    assert not store.available  # the null keyring forgets everything: not usable for keys


def test_a_misconfigured_backend_is_unavailable_not_a_crash(unconfigured, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.Backend")
    assert not KeyStore().available


def test_no_keyring_and_no_fallback_explains_both_choices(no_keyring, tmp_path):
    with pytest.raises(KeyringUnavailable) as caught:
        open_key_store(tmp_path, allow_session_fallback=False)
    assert "cannot be saved safely" in caught.value.plain
    assert "session only" in caught.value.next_step
    assert "password-protected file" in caught.value.next_step
    assert not key_file_path(tmp_path).exists()  # nothing written behind the user's back


def test_no_keyring_with_session_fallback_says_so(no_keyring, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    store = open_key_store(tmp_path, allow_session_fallback=True)
    assert isinstance(store, SessionKeyStore)
    assert store.backend_name == "session only (not saved)"
    assert "session only" in caplog.text
    assert list(tmp_path.iterdir()) == []


def test_no_keyring_with_a_password_uses_the_key_file(no_keyring, cheap_key_file, tmp_path):
    store = open_key_store(tmp_path, allow_session_fallback=False, password="shop password 1")
    store.set_key(make_device(), KEY)
    assert key_file_path(tmp_path).exists()

    with pytest.raises(KeyFileLocked) as caught:  # next start, no password yet
        open_key_store(tmp_path, allow_session_fallback=True)
    assert isinstance(caught.value, KeyringLocked)
    assert "Enter its password" in caught.value.next_step
    with pytest.raises(WrongPassword):
        open_key_store(tmp_path, allow_session_fallback=True, password="not the password")
    reopened = open_key_store(tmp_path, allow_session_fallback=False, password="shop password 1")
    assert reopened.get_key(make_device()) == KEY


def test_a_usable_configured_keyring_is_used(unconfigured, monkeypatch, tmp_path):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    store = open_key_store(tmp_path, allow_session_fallback=True)
    assert type(store) is KeyStore
    assert type(store.backend).__name__ == "PlaintextKeyring"
