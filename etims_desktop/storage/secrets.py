"""CMC keys live in the OS keyring, and nowhere else.

One keyring entry per device: service `etims-desktop/<environment>` (practice devices:
`etims-desktop/practice`), user `<PIN>/<branch>/<serial>`. A device on KRA's API gateway also has
its consumer key, consumer secret, apigee app id and integration token there, one entry each, user
`<PIN>/<branch>/<serial>/gateway/<field>` (GatewayCredentials; small entries fit every backend). Every key that passes through here is
registered with the log redaction filter, and no error message ever contains it.

When there is no usable keyring (headless Linux without Secret Service) we never fall back to a
plaintext file by ourselves: the caller chooses between a session-only store (`SessionKeyStore`) and
an explicit password-protected file (`KeyStore.encrypted_file`); `open_key_store` explains the choice.

Calls into a real keyring can block (an unlock prompt): run them off the GUI thread, with a timeout.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import keyring
import keyring.backend
import keyring.core
import keyring.errors
from keyring.backends import chainer, fail, null
from keyring.compat import properties

from etims_desktop.domain import redaction
from etims_desktop.domain.device import Device
from etims_desktop.domain.errors import DomainValidationError, PlainError
from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.storage import key_backup
from etims_desktop.storage.files import write_atomically

log = logging.getLogger(__name__)

DEFAULT_SERVICE_PREFIX = "etims-desktop"
KEY_FILE_NAME = "cmc-keys.cfg"  # the password-protected file store, when the user chooses it
MIN_PASSWORD_LENGTH = 8
MAX_KEY_LENGTH = 512
KEY_RE = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII, no spaces: what KRA hands out

# Backends that are files keyring finds installed, not the OS's own store. Auto-detection never
# uses them: one would prompt on a terminal nobody sees, another keeps keys in plain text.
FILE_BACKEND_MODULES = ("keyrings.",)

FRIENDLY_NAMES = {
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.SecretService.Keyring": "SecretService Keyring",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KDE Wallet",
    "keyring.backends.fail.Keyring": QT_TRANSLATE_NOOP("Core", "none (no keyring found)"),
    "keyring.backends.null.Keyring": QT_TRANSLATE_NOOP("Core", "none (keyring disabled)"),
    "keyrings.cryptfile.cryptfile.CryptFileKeyring": QT_TRANSLATE_NOOP("Core", "password-protected file"),
    "keyrings.alt.file.PlaintextKeyring": QT_TRANSLATE_NOOP("Core", "unprotected file (keyrings.alt)"),
    "keyrings.alt.file.EncryptedKeyring": QT_TRANSLATE_NOOP("Core", "encrypted file (keyrings.alt)"),
}


GATEWAY_FIELDS = ("consumer_key", "consumer_secret", "apigee_app_id", "integration_token")


def gateway_user(device: Device, field: str) -> str:
    """Keyring user name of one gateway credential of a device."""
    return f"{device.keyring_user}/gateway/{field}"


def register_secret(value: str | None) -> None:
    """Mask `value` in every log record from now on (one process-wide registry, shared with kra)."""
    redaction.register_secret(value)


# --- errors: each a plain sentence plus what to do next; none ever contains a key ---------------------


class KeyStoreError(PlainError):
    """The key store could not do what was asked. `plain` says what happened, `next_step` what to do."""

    def __init__(self, plain: str, next_step: str) -> None:
        super().__init__(plain, next_step)


class KeyringUnavailable(KeyStoreError):
    """There is no usable keyring on this computer."""


class KeyringLocked(KeyStoreError):
    """The keyring is locked, or the request to unlock it was dismissed."""


class KeyringTimeout(KeyringLocked):
    """A keyring call did not return in time (an unlock prompt nobody sees, a stuck password service)."""


_UNLOCK_KEYRING = QT_TRANSLATE_NOOP(
    "Core", "Unlock your keyring (for example by logging in to the desktop again), then try again."
)


def keyring_timeout(seconds: float) -> KeyringTimeout:
    return KeyringTimeout(
        Said(
            QT_TRANSLATE_NOOP(
                "Core",
                "The keyring did not answer within {seconds} seconds: it may be locked, or waiting for a "
                "password in a window that is not showing.",
            ),
            seconds=f"{seconds:g}",
        ),
        _UNLOCK_KEYRING,
    )


class KeyFileLocked(KeyringLocked):
    """The keys are in a password-protected file and no password was given."""


class WrongPassword(KeyStoreError):
    """The password does not open the key file or the key backup."""


class KeyMissing(KeyStoreError):
    """No key is stored for this device."""


class GatewayCredentialsMissing(KeyMissing):
    """A device on KRA's API gateway has no consumer key/secret (or app id) stored."""


class BackupFileInvalid(KeyStoreError):
    """The file is not a key backup this version can read."""


def _unavailable(reason: str = "") -> KeyringUnavailable:
    return KeyringUnavailable(
        Said(
            QT_TRANSLATE_NOOP(
                "Core",
                "This computer has no keyring (password store) that etims-desktop can use, so CMC keys "
                "cannot be saved safely{reason}.",
            ),
            reason=reason,
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "Choose one: keep the keys for this session only (you enter them again after every restart), or "
            "keep them in a password-protected file in the data folder. On Linux, starting GNOME Keyring or "
            "KWallet also solves it.",
        ),
    )


# --- which keyring ------------------------------------------------------------------------------------


def _qualified_name(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _is_os_keyring(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend | SessionKeyring):
        return False
    return not type(backend).__module__.startswith(FILE_BACKEND_MODULES)


def default_backend() -> keyring.backend.KeyringBackend:
    """keyring's own choice: PYTHON_KEYRING_BACKEND or keyringrc if set, else the OS keyring it detects.

    An explicit configuration is honoured as it is. Detection alone never yields a file backend
    (see FILE_BACKEND_MODULES); if it finds nothing else, the result is keyring's fail backend.
    """
    try:
        configured = keyring.core.load_env() or keyring.core.load_config()
    except Exception as exc:  # a misconfigured or unusable backend name: report, don't crash
        log.warning("The configured keyring backend cannot be used: %s", exc)
        return fail.Keyring()  # type: ignore[no-untyped-call]  # keyring ships no annotations for it
    if configured is not None:
        return configured
    detected = keyring.get_keyring()
    candidates = detected.backends if isinstance(detected, chainer.ChainerBackend) else [detected]
    return next((backend for backend in candidates if _is_os_keyring(backend)), fail.Keyring())  # type: ignore[no-untyped-call]  # keyring: unannotated


class SessionKeyring(keyring.backend.KeyringBackend):
    """Keys in this process's memory only: gone when the app closes. Never chosen by auto-detection."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("used only when chosen explicitly")

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's KeyringBackend.__init__ is unannotated
        self._entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")

    def __repr__(self) -> str:
        return f"<SessionKeyring with {len(self._entries)} entries>"


# --- the store ----------------------------------------------------------------------------------------


def service_suffix(device: Device) -> str:
    """The environment part of the keyring service name."""
    return "practice" if device.practice else device.environment.value


def clean_key(key: str | None) -> str:
    """The key without surrounding whitespace, or DomainValidationError (which never quotes it)."""
    key = (key or "").strip()
    if not key or len(key) > MAX_KEY_LENGTH or not KEY_RE.match(key):
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Enter the CMC key exactly as KRA gave it: letters, digits and symbols, without spaces.",
            ),
            field="cmc_key",
        )
    return key


class KeyStore:
    """Reads and writes each device's CMC key in one keyring backend (default: the OS keyring)."""

    persistent = True  # keys survive a restart

    def __init__(
        self,
        backend: keyring.backend.KeyringBackend | None = None,
        service_prefix: str = DEFAULT_SERVICE_PREFIX,
    ) -> None:
        self.backend = backend if backend is not None else default_backend()
        self.service_prefix = service_prefix
        self._lock = threading.Lock()  # file backends read-modify-write one file

    @classmethod
    def encrypted_file(
        cls, path: str | os.PathLike[str], password: str, service_prefix: str = DEFAULT_SERVICE_PREFIX
    ) -> KeyStore:
        """A store in a password-protected file (keyrings.cryptfile: Argon2 + AES-GCM), created if missing.

        Raises WrongPassword if the file exists and `password` does not open it.
        """
        from keyrings.cryptfile.cryptfile import CryptFileKeyring

        path = Path(path)
        if not (password or "").strip():
            raise DomainValidationError(
                QT_TRANSLATE_NOOP("Core", "Enter the password of the key file."), field="password"
            )
        if not path.exists() and len(password) < MIN_PASSWORD_LENGTH:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core", "Choose a password of at least {count} characters for the key file."
                    ),
                    count=MIN_PASSWORD_LENGTH,
                ),
                field="password",
            )
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        backend = CryptFileKeyring()
        backend.file_path = str(path)
        try:
            backend.keyring_key = password  # creates the file, or checks the password against it
        except ValueError:
            raise WrongPassword(
                Said(
                    QT_TRANSLATE_NOOP("Core", "That password does not open the key file {file}."),
                    file=path.name,
                ),
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Type the password you chose when you created it. Without it the keys in the file cannot "
                    "be read: enter them again or restore a key backup.",
                ),
            ) from None
        return cls(backend, service_prefix)

    @property
    def backend_name(self) -> str:
        """What the shop owner sees, e.g. "Windows Credential Manager"."""
        name = FRIENDLY_NAMES.get(_qualified_name(self.backend)) or str(self.backend.name)
        file_path = getattr(self.backend, "file_path", None)
        return Said(_NAME_AND_FILE, name=name, path=file_path) if isinstance(file_path, str) else name

    @property
    def available(self) -> bool:
        """A real, usable backend (not keyring's fail or null backend)."""
        return not isinstance(self.backend, fail.Keyring | null.Keyring)

    def service_for(self, device: Device) -> str:
        return f"{self.service_prefix}/{service_suffix(device)}"

    def set_key(self, device: Device, key: str) -> None:
        """Store (or replace) the device's CMC key."""
        key = clean_key(key)
        register_secret(key)
        with self._keyring_call(device):
            self.backend.set_password(self.service_for(device), device.keyring_user, key)
        log.info("Stored the CMC key of %s in %s.", device.keyring_user, self.backend_name)

    def get_key(self, device: Device) -> str:
        """The device's CMC key. Raises KeyMissing, KeyringLocked or KeyringUnavailable."""
        with self._keyring_call(device):
            key = self.backend.get_password(self.service_for(device), device.keyring_user)
        if not key:
            raise KeyMissing(
                Said(
                    QT_TRANSLATE_NOOP("Core", "There is no CMC key for {device} ({user}) on this computer."),
                    device=device.name,
                    user=device.keyring_user,
                ),
                QT_TRANSLATE_NOOP(
                    "Core", "Enter the key KRA gave you for this device, or initialise the device again."
                ),
            )
        register_secret(key)
        return key

    def has_key(self, device: Device) -> bool:
        with self._keyring_call(device):
            return bool(self.backend.get_password(self.service_for(device), device.keyring_user))

    def delete_key(self, device: Device) -> None:
        """Remove the device's key; nothing happens if there was none."""
        with suppress(keyring.errors.PasswordDeleteError), self._keyring_call(device):
            self.backend.delete_password(self.service_for(device), device.keyring_user)
        log.info("Deleted the CMC key of %s from %s.", device.keyring_user, self.backend_name)

    # --- KRA's API gateway: consumer key and secret, apigee app id, integration token ------------------

    def set_gateway_credentials(self, device: Device, credentials: GatewayCredentials) -> None:
        """Store (or replace) the device's gateway credentials; a field left empty is removed."""
        service = self.service_for(device)
        with self._keyring_call(device):
            for name in GATEWAY_FIELDS:
                value = getattr(credentials, name)
                if value:
                    self.backend.set_password(service, gateway_user(device, name), value)
                else:
                    with suppress(keyring.errors.PasswordDeleteError):
                        self.backend.delete_password(service, gateway_user(device, name))
        log.info("Stored the KRA gateway credentials of %s in %s.", device.keyring_user, self.backend_name)

    def get_gateway_credentials(self, device: Device) -> GatewayCredentials:
        """The device's gateway credentials. Raises KeyMissing, KeyringLocked or KeyringUnavailable."""
        service = self.service_for(device)
        with self._keyring_call(device):
            values = {
                name: self.backend.get_password(service, gateway_user(device, name))
                for name in GATEWAY_FIELDS
            }
        if not (values["consumer_key"] and values["consumer_secret"] and values["apigee_app_id"]):
            raise GatewayCredentialsMissing(
                f"There are no KRA gateway credentials (consumer key and secret) for {device.name} on this computer.",
                "Enter them from your app on developer.go.ke: 'etims-desktop device gateway "
                f"{device.id}', or remove the device and add it again.",
            )
        return GatewayCredentials(**values)  # type: ignore[arg-type]  # the three required ones checked above

    def has_gateway_credentials(self, device: Device) -> bool:
        with self._keyring_call(device):
            return bool(
                self.backend.get_password(self.service_for(device), gateway_user(device, "consumer_key"))
            )

    def delete_gateway_credentials(self, device: Device) -> None:
        service = self.service_for(device)
        with self._keyring_call(device):
            for name in GATEWAY_FIELDS:
                with suppress(keyring.errors.PasswordDeleteError):
                    self.backend.delete_password(service, gateway_user(device, name))

    @contextmanager
    def _keyring_call(self, device: Device | None) -> Iterator[None]:
        """Turn whatever the backend raises into our plain errors, without chaining its text."""
        try:
            with self._lock:
                yield
        except (KeyStoreError, keyring.errors.PasswordDeleteError):
            raise
        except keyring.errors.NoKeyringError:
            raise _unavailable() from None
        except (keyring.errors.KeyringLocked, keyring.errors.InitError):
            raise KeyringLocked(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The keyring ({backend}) is locked, or the request to unlock it was dismissed.",
                    ),
                    backend=self.backend_name,
                ),
                _UNLOCK_KEYRING,
            ) from None
        except Exception as exc:  # any backend failure: say which, never quote a key
            detail = redaction.redact(str(exc)) or type(exc).__name__
            what = f" for {device.keyring_user}" if device else ""
            log.warning("Keyring call%s failed in %s: %s", what, self.backend_name, detail)
            raise KeyStoreError(
                Said(
                    QT_TRANSLATE_NOOP("Core", "The keyring ({backend}) failed: {detail}."),
                    backend=self.backend_name,
                    detail=detail,
                ),
                QT_TRANSLATE_NOOP(
                    "Core", "Try again; if it keeps failing, restart the computer's keyring or the app."
                ),
            ) from None

    # --- backup ---------------------------------------------------------------------------------------

    def export_keys(
        self, devices: Iterable[Device], path: str | os.PathLike[str], password: str
    ) -> list[tuple[str, str]]:
        """Write the keys of `devices` into one file sealed with `password`. Devices without a key are skipped.

        Returns (keyring user, service) of every key written.
        """
        if len(password or "") < MIN_PASSWORD_LENGTH:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core", "Choose a password of at least {count} characters for the backup."
                    ),
                    count=MIN_PASSWORD_LENGTH,
                ),
                field="password",
            )
        entries: dict[tuple[str, str], dict[str, str]] = {}
        for device in devices:
            secrets: list[tuple[str, str]] = []  # (keyring user, value)
            with suppress(KeyMissing):
                secrets.append((device.keyring_user, self.get_key(device)))
            with suppress(KeyMissing):  # a gateway device's credentials travel with its key
                credentials = self.get_gateway_credentials(device)
                secrets += [
                    (gateway_user(device, name), getattr(credentials, name))
                    for name in GATEWAY_FIELDS
                    if getattr(credentials, name)
                ]
            for user, key in secrets:
                entries[(user, self.service_for(device))] = {
                    "service": service_suffix(device),
                    "user": user,
                    "device": device.name,
                    "key": key,
                }
        if not entries:
            raise KeyMissing(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "None of these devices has a CMC key on this computer, so there is nothing to back up.",
                ),
                QT_TRANSLATE_NOOP("Core", "Enter or initialise the devices' keys first."),
            )
        document = {"exported_at": datetime.now(UTC).isoformat(), "keys": list(entries.values())}
        sealed = key_backup.seal(json.dumps(document).encode("utf-8"), password)
        _write_private_file(Path(path), sealed)
        log.info("Exported %d CMC key(s) to %s.", len(entries), path)
        return list(entries)

    def import_keys(self, path: str | os.PathLike[str], password: str) -> list[tuple[str, str]]:
        """Put every key of a backup file into this store: all of them, or (on any error) none.

        Returns (keyring user, service) of every key imported.
        """
        path = Path(path)
        entries = _read_backup(path, password)
        wanted = [(f"{self.service_prefix}/{suffix}", user, key) for suffix, user, key in entries]
        for _, _, key in wanted:
            register_secret(key)
        with self._keyring_call(None):
            before = {
                (service, user): self.backend.get_password(service, user) for service, user, _ in wanted
            }
        written: list[tuple[str, str]] = []
        try:
            for service, user, key in wanted:
                with self._keyring_call(None):
                    self.backend.set_password(service, user, key)
                written.append((service, user))
        except KeyStoreError:
            self._restore(written, before)
            raise
        log.info("Imported %d CMC key(s) from %s.", len(wanted), path.name)
        return [(user, service) for service, user, _ in wanted]

    def _restore(self, written: list[tuple[str, str]], before: dict[tuple[str, str], str | None]) -> None:
        """Undo a half-done import as far as the backend lets us."""
        for service, user in written:
            with suppress(Exception):
                previous = before[(service, user)]
                if previous is None:
                    self.backend.delete_password(service, user)
                else:
                    self.backend.set_password(service, user, previous)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.backend_name!r}, service_prefix={self.service_prefix!r})"


class SessionKeyStore(KeyStore):
    """Keys kept in memory for this session only: nothing is saved, they are gone when the app closes."""

    persistent = False

    def __init__(self, service_prefix: str = DEFAULT_SERVICE_PREFIX) -> None:
        super().__init__(SessionKeyring(), service_prefix)

    @property
    def backend_name(self) -> str:
        return QT_TRANSLATE_NOOP("Core", "session only (not saved)")


class UnavailableKeyStore:
    """Stands in when no key store could be opened (no keyring, key file locked): everything that needs
    no key still works, and every key operation raises the original, plainly worded error."""

    available = False
    persistent = False

    def __init__(self, error: KeyStoreError) -> None:
        self.error = error

    @property
    def backend_name(self) -> str:
        return Said(_NONE_BECAUSE, problem=self.error.plain)

    # NoReturn: a key store call on either kind keeps KeyStore's result type (sync/connections.py keyring_call)
    def _unavailable(self, *args: object, **kwargs: object) -> NoReturn:
        raise self.error

    set_key = get_key = has_key = delete_key = export_keys = import_keys = _unavailable
    set_gateway_credentials = get_gateway_credentials = has_gateway_credentials = _unavailable
    delete_gateway_credentials = _unavailable


def _read_backup(path: Path, password: str) -> list[tuple[str, str, str]]:
    """(service suffix, keyring user, key) for every entry of a backup file, all checked before any is used."""
    invalid = BackupFileInvalid(
        Said(
            QT_TRANSLATE_NOOP("Core", "{file} is not a key backup made by etims-desktop, or it is damaged."),
            file=path.name,
        ),
        QT_TRANSLATE_NOOP("Core", "Choose the backup file you exported (it is not the database backup)."),
    )
    try:
        sealed = path.read_bytes()
    except OSError:
        raise BackupFileInvalid(
            Said(QT_TRANSLATE_NOOP("Core", "The file {file} could not be read."), file=path.name),
            QT_TRANSLATE_NOOP("Core", "Check that it exists and that you may open it."),
        ) from None
    try:
        document = json.loads(key_backup.unseal(sealed, password))
    except key_backup.WrongPassword:
        raise WrongPassword(
            QT_TRANSLATE_NOOP(
                "Core", "That password does not open this key backup (or the file was changed)."
            ),
            QT_TRANSLATE_NOOP("Core", "Type the password you chose when you exported the keys."),
        ) from None
    except (key_backup.NotABackup, ValueError):
        raise invalid from None
    try:
        entries = [(e["service"], e["user"], clean_key(e["key"])) for e in document["keys"]]
    except (KeyError, TypeError, DomainValidationError):
        raise invalid from None
    if not entries or not all(
        isinstance(suffix, str) and re.fullmatch(r"[a-z]+", suffix) and isinstance(user, str) and user
        for suffix, user, _ in entries
    ):
        raise invalid
    return entries


def _write_private_file(path: Path, data: bytes) -> None:
    """Write `data` atomically, readable by this user only."""
    write_atomically(path, data, private=True)


# --- choosing a store at start-up ---------------------------------------------------------------------


def where_keys_are(key_store: KeyStore | UnavailableKeyStore) -> str:
    """Where a key given to `key_store` is kept, in words: 'the keyring (KDE Wallet)',
    'the password-locked key file /path/keys.cfg', 'this session only (not saved)'."""
    if not getattr(key_store, "persistent", True):
        return QT_TRANSLATE_NOOP("Core", "this session only (not saved)")
    backend = getattr(key_store, "backend", None)
    file_path = getattr(backend, "file_path", None)
    if (
        isinstance(file_path, str)
        and backend is not None
        and _qualified_name(backend) == "keyrings.cryptfile.cryptfile.CryptFileKeyring"
    ):
        return Said(_IN_KEY_FILE, path=file_path)
    return Said(_IN_KEYRING, backend=key_store.backend_name)


_NAME_AND_FILE = QT_TRANSLATE_NOOP("Core", "{name} ({path})")
_NONE_BECAUSE = QT_TRANSLATE_NOOP("Core", "none - {problem}")
_IN_KEY_FILE = QT_TRANSLATE_NOOP("Core", "the password-locked key file {path}")
_IN_KEYRING = QT_TRANSLATE_NOOP("Core", "the keyring ({backend})")


def key_file_path(data_dir: str | os.PathLike[str]) -> Path:
    """Where the password-protected key file lives, if the user chooses it."""
    return Path(data_dir) / KEY_FILE_NAME


def open_key_store(
    data_dir: str | os.PathLike[str], *, allow_session_fallback: bool, password: str | None = None
) -> KeyStore:
    """The store to use: the key file if the user chose one, else the OS keyring, else (if allowed) session-only.

    `password` opens (or, when there is no usable keyring, creates) the key file in `data_dir`.
    Raises KeyFileLocked when the key file exists but no password was given, and KeyringUnavailable
    (explaining both choices) when there is no keyring and no fallback is allowed.
    """
    key_file = key_file_path(data_dir)
    if key_file.exists():
        if password is None:
            raise KeyFileLocked(
                QT_TRANSLATE_NOOP("Core", "The CMC keys on this computer are in a password-protected file."),
                QT_TRANSLATE_NOOP("Core", "Enter its password to unlock it."),
            )
        return KeyStore.encrypted_file(key_file, password)
    store = KeyStore()
    if store.available:
        return store
    if password is not None:
        return KeyStore.encrypted_file(key_file, password)
    if allow_session_fallback:
        log.warning(
            "No usable keyring (%s): CMC keys are kept for this session only and must be entered again "
            "after a restart.",
            store.backend_name,
        )
        return SessionKeyStore()
    raise _unavailable()
