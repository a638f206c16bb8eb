"""Receipt signatures and device identities of the simulated sales control unit.

KRA's real algorithm is not public; these values only need the right shape (upper-case base32,
26-char intrlData, 16-char rcptSign) and to be stable: an HMAC of the signed document's essentials.
"""

from __future__ import annotations

import base64
import hmac
import secrets


def sign_receipt(secret: bytes, essentials: str) -> tuple[str, str]:
    """(intrlData, rcptSign) for a receipt described by `essentials` (ids, counters, date, totals)."""
    payload = essentials.encode()
    internal = hmac.digest(secret, b"intrlData|" + payload, "sha256")
    signature = hmac.digest(secret, b"rcptSign|" + payload, "sha256")
    # 17 bytes -> 28 base32 chars (26 kept); 10 bytes -> exactly 16
    return base64.b32encode(internal[:17]).decode()[:26], base64.b32encode(signature[:10]).decode()


def new_cmc_key() -> str:
    """32 lower-case hex characters, like the keys KRA issues."""
    return secrets.token_hex(16)


def new_secret() -> bytes:
    return secrets.token_bytes(32)


def device_identities(number: int) -> dict[str, str]:
    """dvcId, sdcId (KRACU + 10 digits) and mrcNo for the `number`-th device this KRA initialises."""
    return {
        "dvcId": f"{9_000_000_000_000_000 + number}",
        "sdcId": f"KRACU{100_000_000 + number:010d}",
        "mrcNo": f"KRA{number:08d}",
    }
