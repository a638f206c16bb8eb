"""KeyStore on real keyring backends: naming, round trips, missing keys, unusable and locked keyrings."""

from __future__ import annotations

import keyring.backend
import keyring.errors
import pytest
from conftest_keyring import fast_cryptfile_keyring, make_device
from keyring.backends import fail
from keyring.compat import properties

from etims_desktop.domain.device import Environment
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.storage.secrets import (
    KeyMissing,
    KeyringLocked,
    KeyringUnavailable,
    KeyStore,
    KeyStoreError,
    SessionKeyring,
    SessionKeyStore,
    WrongPassword,
)

KEY = "CMCKEY0123456789ABCDEF0123456789abcdef"


class DismissedPromptKeyring(keyring.backend.KeyringBackend):
    """Stands in for Secret Service when the user dismisses the unlock prompt: it raises what
    keyring's SecretService backend raises then. (Reaching that state for real takes ~60 s.)"""

    @properties.classproperty
    def priority(cls):
        raise RuntimeError("a test double: keyring must never pick it by itself")

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service, username):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


def test_round_trip_on_a_real_encrypted_keyring(key_store):
    device = make_device()
    assert not key_store.has_key(device)
    key_store.set_key(device, f"  {KEY}\n")
    assert key_store.has_key(device)
    assert key_store.get_key(device) == KEY
    key_store.set_key(device, KEY + "2")
    assert key_store.get_key(device) == KEY + "2"
    key_store.delete_key(device)
    assert not key_store.has_key(device)
    key_store.delete_key(device)  # deleting a key that is not there is fine


@pytest.mark.parametrize(
    ("environment", "practice", "service"),
    [
        (Environment.SANDBOX, False, "etims-desktop/sandbox"),
        (Environment.PRODUCTION, False, "etims-desktop/production"),
        (Environment.CUSTOM, False, "etims-desktop/custom"),
        (Environment.SANDBOX, True, "etims-desktop/practice"),
    ],
)
def test_service_per_environment_and_user_per_device(
    key_store, keyring_backend, environment, practice, service
):
    device = make_device("SN-77", environment=environment, practice=practice, branch_id="01")
    key_store.set_key(device, KEY)
    assert key_store.service_for(device) == service
    assert keyring_backend.get_password(service, "P051234567X/01/SN-77") == KEY


def test_same_device_in_two_environments_keeps_two_keys(key_store):
    sandbox = make_device(environment=Environment.SANDBOX)
    production = make_device(environment=Environment.PRODUCTION)
    key_store.set_key(sandbox, KEY + "S")
    key_store.set_key(production, KEY + "P")
    assert key_store.get_key(sandbox) == KEY + "S"
    assert key_store.get_key(production) == KEY + "P"


def test_keys_survive_a_restart_and_the_file_is_encrypted(tmp_path):
    path = tmp_path / "keys.cfg"
    KeyStore(fast_cryptfile_keyring(path)).set_key(make_device(), KEY)
    assert KEY.encode() not in path.read_bytes()
    assert KeyStore(fast_cryptfile_keyring(path)).get_key(make_device()) == KEY


def test_missing_key_says_what_to_do(key_store):
    with pytest.raises(KeyMissing) as caught:
        key_store.get_key(make_device(name="Front till"))
    assert "no CMC key for Front till" in caught.value.plain
    assert "Enter the key" in caught.value.next_step and "initialise" in caught.value.next_step
    assert str(caught.value) == f"{caught.value.plain} {caught.value.next_step}"


@pytest.mark.parametrize("bad", ["", "   ", "two words", "x" * 513, "tab\tinside"])
def test_unusable_key_text_is_refused_before_the_keyring(key_store, bad):
    with pytest.raises(DomainValidationError) as caught:
        key_store.set_key(make_device(), bad)
    assert caught.value.field == "cmc_key"
    assert not key_store.has_key(make_device())


def test_fail_backend_is_reported_as_unavailable_with_both_choices():
    store = KeyStore(fail.Keyring())
    assert store.available is False
    assert store.backend_name == "none (no keyring found)"
    for call in (store.get_key, store.has_key, store.delete_key, lambda d: store.set_key(d, KEY)):
        with pytest.raises(KeyringUnavailable) as caught:
            call(make_device())
        assert "session" in caught.value.next_step
        assert "password-protected file" in caught.value.next_step
        assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_locked_keyring():
    store = KeyStore(DismissedPromptKeyring())
    assert store.available
    with pytest.raises(KeyringLocked) as caught:
        store.get_key(make_device())
    assert "locked" in caught.value.plain
    assert "Unlock" in caught.value.next_step
    assert isinstance(caught.value, KeyStoreError)


def test_session_store_is_clearly_named_and_forgets():
    store = SessionKeyStore()
    assert store.available and not store.persistent
    assert store.backend_name == "session only (not saved)"
    store.set_key(make_device(), KEY)
    assert store.get_key(make_device()) == KEY
    assert not SessionKeyStore().has_key(make_device())  # a new session starts empty
    viable = {type(backend) for backend in keyring.backend.get_all_keyring()}
    assert SessionKeyring not in viable  # keyring can never pick it by itself


def test_real_key_file_store_with_library_defaults(tmp_path):
    """The one test that pays keyrings.cryptfile's real Argon2 cost (~0.6 s per call, 3 calls)."""
    path = tmp_path / "data" / "cmc-keys.cfg"
    with pytest.raises(DomainValidationError):
        KeyStore.encrypted_file(path, "short")
    store = KeyStore.encrypted_file(path, "correct horse battery")
    assert store.backend_name == f"password-protected file ({path})"
    store.set_key(make_device(), KEY)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert KEY.encode() not in path.read_bytes()
    with pytest.raises(WrongPassword) as caught:
        KeyStore.encrypted_file(path, "wrong password!")
    assert "does not open the key file cmc-keys.cfg" in caught.value.plain
    # reopening with the right password: test_key_store_choice.py, with a cheaper Argon2
