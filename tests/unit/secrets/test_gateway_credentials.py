"""A gateway device's developer.go.ke credentials in the keyring: stored, read, removed, backed up, never leaked."""

from __future__ import annotations

import logging

import pytest
from conftest_keyring import fast_cryptfile_keyring, make_device

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.kra.redaction import redact
from etims_desktop.storage.secrets import (
    GatewayCredentialsMissing,
    KeyMissing,
    KeyringUnavailable,
    KeyStore,
    UnavailableKeyStore,
)

TILL = make_device("SN-GW")
CREDENTIALS = GatewayCredentials(
    "ck-4f9a2b7c1d0e", "cs-s3cr3t-9a8b7c6d", "apigee-app-42", "it-integration-token-77aa"
)


def test_stored_read_and_removed(key_store):
    with pytest.raises(GatewayCredentialsMissing) as caught:
        key_store.get_gateway_credentials(TILL)
    assert isinstance(caught.value, KeyMissing) and "developer.go.ke" in caught.value.next_step
    key_store.set_gateway_credentials(TILL, CREDENTIALS)
    assert key_store.has_gateway_credentials(TILL)
    assert key_store.get_gateway_credentials(TILL) == CREDENTIALS
    assert not key_store.has_key(TILL)  # separate entries from the CMC key
    key_store.set_gateway_credentials(
        TILL, GatewayCredentials(CREDENTIALS.consumer_key, "cs-new-secret-1234", CREDENTIALS.apigee_app_id)
    )
    replaced = key_store.get_gateway_credentials(TILL)
    assert replaced.consumer_secret == "cs-new-secret-1234" and replaced.integration_token is None
    key_store.delete_gateway_credentials(TILL)
    assert not key_store.has_gateway_credentials(TILL)


def test_the_keyring_file_holds_no_secret_in_the_clear(key_store, tmp_path):
    key_store.set_gateway_credentials(TILL, CREDENTIALS)
    raw = (tmp_path / "keyring" / "test-keyring.cfg").read_bytes()
    for secret in (CREDENTIALS.consumer_secret, CREDENTIALS.integration_token):
        assert secret.encode() not in raw


def test_they_travel_in_a_key_backup(key_store, tmp_path, monkeypatch):
    from etims_desktop.storage import key_backup

    monkeypatch.setattr(key_backup, "SCRYPT_N", 2**10)
    key_store.set_key(TILL, "CMCKEY-0123456789abcdef")
    key_store.set_gateway_credentials(TILL, CREDENTIALS)
    key_store.export_keys([TILL], tmp_path / "keys.bak", "backup password 42")
    other = KeyStore(fast_cryptfile_keyring(tmp_path / "other.cfg"))
    other.import_keys(tmp_path / "keys.bak", "backup password 42")
    assert other.get_gateway_credentials(TILL) == CREDENTIALS
    assert other.get_key(TILL) == "CMCKEY-0123456789abcdef"


def test_secrets_are_masked_and_not_in_repr(caplog):
    caplog.set_level(logging.DEBUG)
    assert CREDENTIALS.consumer_secret not in repr(CREDENTIALS)
    assert CREDENTIALS.integration_token not in repr(CREDENTIALS)
    assert CREDENTIALS.consumer_secret not in redact(f"oops {CREDENTIALS.consumer_secret}")


def test_all_three_app_fields_are_required():
    with pytest.raises(DomainValidationError):
        GatewayCredentials("ck", "  ", "app")


def test_without_a_keyring_the_plain_error_is_raised():
    store = UnavailableKeyStore(KeyringUnavailable("No keyring.", "Choose a key file."))
    with pytest.raises(KeyringUnavailable):
        store.set_gateway_credentials(TILL, CREDENTIALS)
    with pytest.raises(KeyringUnavailable):
        store.get_gateway_credentials(TILL)
