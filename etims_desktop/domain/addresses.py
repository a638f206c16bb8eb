"""Which device addresses may carry a CMC key: never plain http to another computer."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def sends_in_clear(url: str) -> bool:
    """True for a plain http:// address of another computer: what is sent there crosses the network
    unencrypted. http to this computer (localhost, 127.0.0.0/8, ::1) stays on it: the practice KRA and
    a local VSCU service."""
    parts = urlsplit(url or "")
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return True


def cleartext_refusal(url: str) -> tuple[str, str]:
    """Why a CMC key is never sent to `url`, and what to do instead."""
    return (
        f"The address {url} is not encrypted (http, not https): the device's CMC key would cross the "
        "network in clear text, where anyone on the way could read and misuse it.",
        "Use the https:// address; plain http is only allowed to this computer (localhost or 127.0.0.1).",
    )
