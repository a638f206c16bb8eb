"""Where a device's requests go, and the public page a receipt's QR code points to (kra-etims-api.md 2)."""

from __future__ import annotations

from urllib.parse import urlsplit

from etims_desktop.domain.addresses import cleartext_refusal, sends_in_clear
from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.domain.errors import DomainValidationError

SANDBOX_BASE_URL = "https://etims-api-sbx.kra.go.ke/etims-api"
PRODUCTION_BASE_URL = "https://etims-api.kra.go.ke/etims-api"
DEFAULT_VSCU_URL = "http://localhost:8088"  # KRA's VSCU jar default (server.port=8088)

# KRA's API gateway (developer.go.ke). The sandbox host is confirmed by public integration logs.
# The production host is NOT confirmed: integrators name api.kra.go.ke, kra.go.ke or
# api.developer.go.ke. It is a setting (SyncSettings.gateway_production_url) with this default.
GATEWAY_SANDBOX_BASE_URL = "https://sbx.kra.go.ke/etims-oscu/api/v1"
GATEWAY_PRODUCTION_BASE_URL = "https://api.kra.go.ke/etims-oscu/api/v1"  # UNCONFIRMED, see above
GATEWAY_TOKEN_PATH = "/v1/token/generate"  # on the gateway's host: GET ?grant_type=client_credentials

KRA_BASE_URLS = {
    Environment.SANDBOX: SANDBOX_BASE_URL,
    Environment.PRODUCTION: PRODUCTION_BASE_URL,
}

RECEIPT_CHECK_PREFIXES = {
    Environment.SANDBOX: "https://etims-sbx.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data=",
    Environment.PRODUCTION: "https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data=",
}


def base_url_for(device: Device, *, gateway_production_url: str | None = None) -> str:
    """The base URL endpoint paths are appended to, without a trailing slash.

    - CUSTOM: the device's own address (a VSCU service, a simulator, a gateway address of its own);
    - a VSCU device always talks to its local service: its address, else http://localhost:8088
      (its environment only says which KRA the service itself forwards to);
    - an OSCU device: KRA's sandbox or production host, classic or gateway (the production gateway
      host is a setting: `gateway_production_url`, default GATEWAY_PRODUCTION_BASE_URL).
    """
    if device.environment is Environment.CUSTOM or device.type is DeviceType.VSCU:
        return (device.base_url or DEFAULT_VSCU_URL).rstrip("/")
    if device.via_gateway:
        if device.environment is Environment.PRODUCTION:
            return (gateway_production_url or GATEWAY_PRODUCTION_BASE_URL).rstrip("/")
        return GATEWAY_SANDBOX_BASE_URL
    return KRA_BASE_URLS[device.environment]


def gateway_token_url(base_url: str) -> str:
    """Where the gateway hands out access tokens: the API's own host, /v1/token/generate."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}{GATEWAY_TOKEN_PATH}"


def receipt_check_url(environment: Environment, pin: str, branch_id: str, rcpt_sign: str) -> str:
    """The QR code text: KRA's receipt-check page + PIN + branch id + receipt signature, no separators.

    A CUSTOM (local/practice) device uses the sandbox page: it is never a production receipt.
    """
    prefix = RECEIPT_CHECK_PREFIXES.get(environment, RECEIPT_CHECK_PREFIXES[Environment.SANDBOX])
    return f"{prefix}{pin}{branch_id}{rcpt_sign}"


def check_key_safe_address(device: Device) -> None:
    """Refuse an OSCU device whose key would go out over plain http (DomainValidationError).

    A VSCU device may use http on the shop's network: KRA's VSCU program speaks only http, holds the
    key itself, and the client never sends a key to it in clear (kra/client.py)."""
    url = base_url_for(device)
    if device.type is DeviceType.OSCU and sends_in_clear(url):
        raise DomainValidationError(" ".join(cleartext_refusal(url)), field="base_url")
