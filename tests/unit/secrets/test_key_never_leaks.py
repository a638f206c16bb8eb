"""A CMC key never shows up in logs, exception text, reprs or backup files."""

from __future__ import annotations

import base64
import logging
import traceback

import keyring.backend
import keyring.errors
import pytest
from conftest_keyring import make_device
from keyring.backends import fail
from keyring.compat import properties

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.redaction import RedactSecrets
from etims_desktop.storage.secrets import KeyStore, KeyStoreError, SessionKeyStore

KEY = "LEAKCHECK-7f3a9c1e5b2d4f6a8c0e"
PASSWORD = "backup password 42"


class EchoingKeyring(keyring.backend.KeyringBackend):
    """Stands in for a careless backend whose error message quotes the password it was given."""

    @properties.classproperty
    def priority(cls):
        raise RuntimeError("a test double: keyring must never pick it by itself")

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError(f"could not store {password!r} for {username}")

    def delete_password(self, service, username):
        raise keyring.errors.PasswordDeleteError("not found")


def variants(secret: str) -> list[bytes]:
    raw = secret.encode()
    return [raw, raw.hex().encode(), base64.b64encode(raw), base64.b64encode(raw)[:-2]]


def everything_about(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)) + repr(exc) + repr(exc.args)


def test_logs_at_debug_never_contain_the_key(key_store, tmp_path, debug_log, cheap_backups):
    device = make_device()
    key_store.set_key(device, KEY)
    assert key_store.get_key(device) == KEY
    assert key_store.has_key(device)
    key_store.export_keys([device], tmp_path / "keys", PASSWORD)
    SessionKeyStore().import_keys(tmp_path / "keys", PASSWORD)
    key_store.delete_key(device)
    with pytest.raises(KeyStoreError):
        key_store.get_key(device)
    with pytest.raises(KeyStoreError):
        KeyStore(fail.Keyring()).set_key(device, KEY)
    with pytest.raises(KeyStoreError):
        SessionKeyStore().import_keys(tmp_path / "keys", "wrong password")
    with pytest.raises(KeyStoreError):
        KeyStore(EchoingKeyring()).set_key(device, KEY)

    assert debug_log.records, "expected some logging to inspect"
    text = debug_log.text + "".join(str(r.args) for r in debug_log.records)
    assert KEY not in text
    assert PASSWORD not in text


def test_exception_texts_never_contain_the_key(tmp_path, cheap_backups):
    device = make_device()
    caught: list[BaseException] = []
    for attempt in (
        lambda: KeyStore(EchoingKeyring()).set_key(device, KEY),
        lambda: KeyStore(fail.Keyring()).set_key(device, KEY),
        lambda: SessionKeyStore().set_key(device, KEY + " trailing words"),
        lambda: SessionKeyStore().get_key(device),
    ):
        with pytest.raises((KeyStoreError, DomainValidationError)) as info:
            attempt()
        caught.append(info.value)
    store = SessionKeyStore()
    store.set_key(device, KEY)
    store.export_keys([device], tmp_path / "keys", PASSWORD)
    with pytest.raises(KeyStoreError) as info:
        store.import_keys(tmp_path / "keys", "wrong password")
    caught.append(info.value)

    echoed = caught[0]
    assert "could not store '***'" in str(echoed)  # the backend's own text, with the key masked
    for exc in caught:
        assert KEY not in everything_about(exc), type(exc).__name__
        assert PASSWORD not in everything_about(exc)


def test_reprs_never_contain_the_key(key_store):
    key_store.set_key(make_device(), KEY)
    session = SessionKeyStore()
    session.set_key(make_device(), KEY)
    for store in (key_store, session):
        assert KEY not in repr(store) + str(store) + repr(store.backend) + store.backend_name
        assert "test keyring password" not in repr(store) + repr(store.backend)


def test_backup_file_bytes_contain_neither_key_nor_password(key_store, tmp_path, cheap_backups):
    key_store.set_key(make_device(), KEY)
    path = tmp_path / "keys"
    key_store.export_keys([make_device()], path, PASSWORD)
    data = path.read_bytes()
    for needle in variants(KEY) + variants(PASSWORD):
        assert needle not in data
    assert not list(tmp_path.glob(".*tmp"))  # no temporary copy left behind


def test_keys_that_pass_through_are_masked_by_the_log_filter(key_store, caplog):
    caplog.set_level(logging.DEBUG)
    caplog.handler.addFilter(RedactSecrets())
    other_key = "SECONDKEY-0b1c2d3e4f5a6b7c"
    key_store.set_key(make_device("SN-9"), other_key)
    logging.getLogger("somebody.careless").warning("key is %s", other_key)
    try:
        raise RuntimeError(f"failed with {other_key}")
    except RuntimeError:
        logging.getLogger("somebody.careless").exception("oops")
    assert other_key not in caplog.text
    assert "key is ***" in caplog.text and "failed with ***" in caplog.text
