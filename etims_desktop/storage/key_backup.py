"""The key backup file format: bytes sealed with a password (scrypt + AES-256-GCM).

The file is a small JSON envelope: the KDF and cipher parameters in clear (they are authenticated as
associated data, so changing them breaks the seal), then the ciphertext and tag. Nothing in it can be
read without the password, and a wrong password or any change to the file is detected.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from typing import Any

from Crypto.Cipher import AES
from Crypto.Protocol.KDF import scrypt

from etims_desktop.domain.errors import PlainError

FORMAT = "etims-desktop-key-backup"
VERSION = 1
SCRYPT_N = 2**17  # ~0.3 s and 128 MB per seal/unseal: slow for guessing, fine for a person
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_N = 2**18  # a file asking for more memory than this is refused, not obeyed


class NotABackup(PlainError, ValueError):
    """The bytes are not a key backup this version can read."""


class WrongPassword(PlainError, ValueError):
    """The password does not open the backup (or the file was changed)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise NotABackup("missing field")
    return base64.b64decode(text, validate=True)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", password).encode("utf-8")  # same password, any keyboard
    return scrypt(secret, salt, 32, N=n, r=r, p=p)


def _associated_data(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(plaintext: bytes, password: str) -> bytes:
    """`plaintext` encrypted with a key derived from `password`, as the bytes of a backup file."""
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(nonce)},
    }
    cipher = AES.new(_derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P), AES.MODE_GCM, nonce=nonce)
    cipher.update(_associated_data(header))
    ciphertext, tag = cipher.encrypt_and_digest(plaintext)
    envelope = {**header, "ciphertext": _b64(ciphertext), "tag": _b64(tag)}
    return (json.dumps(envelope, indent=1) + "\n").encode("utf-8")


def unseal(data: bytes, password: str) -> bytes:
    """The plaintext sealed in `data`. Raises NotABackup or WrongPassword."""
    try:
        envelope = json.loads(data.decode("utf-8"))
        header = {key: envelope[key] for key in ("format", "version", "kdf", "cipher")}
        kdf, cipher_info = header["kdf"], header["cipher"]
        if header["format"] != FORMAT:
            raise NotABackup("not a key backup")
        if (
            header["version"] != VERSION
            or kdf.get("name") != "scrypt"
            or cipher_info.get("name") != "AES-256-GCM"
        ):
            raise NotABackup("made by a newer version")
        n, r, p = kdf["n"], kdf["r"], kdf["p"]
        if not all(isinstance(v, int) for v in (n, r, p)) or not (
            2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16
        ):
            raise NotABackup("unreasonable parameters")
        salt, nonce = _unb64(kdf["salt"]), _unb64(cipher_info["nonce"])
        ciphertext, tag = _unb64(envelope["ciphertext"]), _unb64(envelope["tag"])
    except NotABackup:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise NotABackup("unreadable") from None
    cipher = AES.new(_derive(password, salt, n, r, p), AES.MODE_GCM, nonce=nonce)
    cipher.update(_associated_data(header))
    try:
        return cipher.decrypt_and_verify(ciphertext, tag)
    except ValueError:
        raise WrongPassword("wrong password or changed file") from None
