"""Key backup and restore: one sealed file, all keys or none, clear errors."""

from __future__ import annotations

import json

import keyring.backend
import keyring.errors
import pytest
from conftest_keyring import fast_cryptfile_keyring, make_device
from keyring.compat import properties

from etims_desktop.domain.device import Environment
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.storage import key_backup
from etims_desktop.storage.secrets import (
    BackupFileInvalid,
    KeyMissing,
    KeyringLocked,
    KeyStore,
    SessionKeyStore,
    WrongPassword,
)

PASSWORD = "backup password 42"
TILL = make_device("SN-1", name="Till 1")
OFFICE = make_device("SN-2", name="Office", environment=Environment.PRODUCTION)
PRACTICE = make_device("SN-3", name="Practice", practice=True)
KEYS = {
    TILL: "TILLKEY-0123456789abcdef",
    OFFICE: "OFFICEKEY-fedcba9876543210",
    PRACTICE: "PRACTICEKEY-55aa55aa",
}


class SecondWriteDismissed(keyring.backend.KeyringBackend):
    """Stands in for an OS keyring whose unlock prompt is dismissed once, in the middle of an import."""

    @properties.classproperty
    def priority(cls):
        raise RuntimeError("a test double: keyring must never pick it by itself")

    def __init__(self, entries):
        super().__init__()
        self.entries = dict(entries)
        self.writes = 0

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.writes += 1
        if self.writes == 2:
            raise keyring.errors.KeyringLocked("Failed to unlock the item!")
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def filled(key_store):
    for device, key in KEYS.items():
        key_store.set_key(device, key)
    return key_store


def test_export_then_import_into_another_store(filled, tmp_path, cheap_backups):
    path = tmp_path / "keys.etims-keys"
    exported = filled.export_keys([TILL, OFFICE, PRACTICE], path, PASSWORD)
    assert exported == [
        ("P051234567X/00/SN-1", "etims-desktop/sandbox"),
        ("P051234567X/00/SN-2", "etims-desktop/production"),
        ("P051234567X/00/SN-3", "etims-desktop/practice"),
    ]
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    other = KeyStore(fast_cryptfile_keyring(tmp_path / "other.cfg"))
    assert other.import_keys(path, PASSWORD) == exported
    for device, key in KEYS.items():
        assert other.get_key(device) == key


def test_devices_without_a_key_are_skipped_and_nothing_to_export_is_an_error(
    key_store, tmp_path, cheap_backups
):
    key_store.set_key(TILL, KEYS[TILL])
    assert key_store.export_keys([TILL, OFFICE], tmp_path / "a", PASSWORD) == [
        ("P051234567X/00/SN-1", "etims-desktop/sandbox")
    ]
    with pytest.raises(KeyMissing) as caught:
        key_store.export_keys([OFFICE], tmp_path / "b", PASSWORD)
    assert "nothing to back up" in caught.value.plain
    assert not (tmp_path / "b").exists()


def test_a_short_backup_password_is_refused(filled, tmp_path):
    with pytest.raises(DomainValidationError) as caught:
        filled.export_keys([TILL], tmp_path / "k", "1234567")
    assert caught.value.field == "password"
    assert not (tmp_path / "k").exists()


def test_wrong_password_imports_nothing(filled, tmp_path, cheap_backups):
    path = tmp_path / "keys"
    filled.export_keys([TILL, OFFICE], path, PASSWORD)
    target = SessionKeyStore()
    target.set_key(TILL, "EXISTING-KEY-111111")
    with pytest.raises(WrongPassword) as caught:
        target.import_keys(path, "Backup password 42")
    assert "does not open this key backup" in caught.value.plain
    assert target.get_key(TILL) == "EXISTING-KEY-111111"
    assert not target.has_key(OFFICE)


def test_a_changed_file_is_detected(filled, tmp_path, cheap_backups):
    path = tmp_path / "keys"
    filled.export_keys([TILL], path, PASSWORD)
    envelope = json.loads(path.read_text())
    envelope["kdf"]["r"] = 4  # even the parameters are authenticated
    path.write_text(json.dumps(envelope))
    with pytest.raises(WrongPassword):
        SessionKeyStore().import_keys(path, PASSWORD)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "something else"}',
        json.dumps({"format": "etims-desktop-key-backup"}).encode(),
    ],
)
def test_files_that_are_not_backups(tmp_path, content):
    path = tmp_path / "file"
    path.write_bytes(content)
    with pytest.raises(BackupFileInvalid) as caught:
        SessionKeyStore().import_keys(path, PASSWORD)
    assert "not a key backup" in caught.value.plain


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(BackupFileInvalid) as caught:
        SessionKeyStore().import_keys(tmp_path / "nowhere.keys", PASSWORD)
    assert "could not be read" in caught.value.plain


def test_a_sealed_file_with_bad_entries_is_refused_whole(tmp_path, cheap_backups):
    path = tmp_path / "keys"
    entries = [
        {"service": "sandbox", "user": "P051234567X/00/SN-1", "key": "GOODKEY-123456"},
        {"service": "sandbox", "user": "P051234567X/00/SN-2", "key": "bad key with spaces"},
    ]
    path.write_bytes(key_backup.seal(json.dumps({"keys": entries}).encode(), PASSWORD))
    target = SessionKeyStore()
    with pytest.raises(BackupFileInvalid):
        target.import_keys(path, PASSWORD)
    assert not target.has_key(TILL)


def test_an_import_interrupted_by_the_keyring_is_rolled_back(filled, tmp_path, cheap_backups):
    path = tmp_path / "keys"
    filled.export_keys([TILL, OFFICE, PRACTICE], path, PASSWORD)
    backend = SecondWriteDismissed({("etims-desktop/sandbox", TILL.keyring_user): "OLD-TILL-KEY-0000"})
    with pytest.raises(KeyringLocked):
        KeyStore(backend).import_keys(path, PASSWORD)
    assert backend.entries == {("etims-desktop/sandbox", TILL.keyring_user): "OLD-TILL-KEY-0000"}


def test_imported_keys_follow_this_store_service_prefix(filled, tmp_path, cheap_backups):
    path = tmp_path / "keys"
    filled.export_keys([OFFICE], path, PASSWORD)
    other = SessionKeyStore(service_prefix="etims-desktop-test")
    assert other.import_keys(path, PASSWORD) == [("P051234567X/00/SN-2", "etims-desktop-test/production")]
    assert other.get_key(OFFICE) == KEYS[OFFICE]


def test_real_backup_cost_is_recorded_in_the_file(filled, tmp_path):
    """The one backup test that pays the real scrypt cost (N = 2**17, ~0.3 s per seal/unseal)."""
    path = tmp_path / "keys"
    filled.export_keys([TILL], path, PASSWORD)
    envelope = json.loads(path.read_text())
    assert envelope["kdf"] == {"name": "scrypt", "n": 2**17, "r": 8, "p": 1, "salt": envelope["kdf"]["salt"]}
    assert envelope["cipher"]["name"] == "AES-256-GCM"
    assert SessionKeyStore().import_keys(path, PASSWORD) == [("P051234567X/00/SN-1", "etims-desktop/sandbox")]


def test_a_file_demanding_absurd_memory_is_refused(tmp_path, cheap_backups):
    sealed = json.loads(key_backup.seal(b"{}", PASSWORD))
    sealed["kdf"]["n"] = 2**30
    with pytest.raises(key_backup.NotABackup):
        key_backup.unseal(json.dumps(sealed).encode(), PASSWORD)
