"""A real keyring backend in a temp dir, for any test that needs a KeyStore.

keyrings.cryptfile's CryptFileKeyring (Argon2 + AES-GCM in one file) pointed at tmp_path. Its Argon2
cost is lowered on this instance only (the app keeps the library's defaults), so each call takes
milliseconds instead of ~0.6 s. Use it from a conftest.py with:

    from conftest_keyring import key_store, keyring_backend  # noqa: F401
"""

from __future__ import annotations

import pytest

from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.storage.secrets import KeyStore

KEYRING_FILE_PASSWORD = "test keyring password"


def fast_cryptfile_keyring(path, password: str = KEYRING_FILE_PASSWORD):
    """A CryptFileKeyring at `path`, unlocked with `password`, with a cheap Argon2 for tests."""
    from keyrings.cryptfile.cryptfile import CryptFileKeyring

    backend = CryptFileKeyring()
    backend.time_cost = 1
    backend.memory_cost = 1024  # KiB
    backend.parallelism = 1
    backend.file_path = str(path)
    backend.keyring_key = password
    return backend


@pytest.fixture
def keyring_backend(tmp_path):
    return fast_cryptfile_keyring(tmp_path / "keyring" / "test-keyring.cfg")


@pytest.fixture
def key_store(keyring_backend) -> KeyStore:
    """A KeyStore on a real, encrypted keyring file in tmp_path."""
    return KeyStore(keyring_backend)


def make_device(
    serial: str = "SN-0001",
    *,
    environment: Environment = Environment.SANDBOX,
    practice: bool = False,
    name: str = "Till 1",
    pin: str = "P051234567X",
    branch_id: str = "00",
) -> Device:
    return Device(
        id=1,
        name=name,
        type=DeviceType.OSCU,
        pin=pin,
        branch_id=branch_id,
        serial=serial,
        environment=environment,
        base_url="http://127.0.0.1:8088" if environment is Environment.CUSTOM else None,
        practice=practice,
    )
