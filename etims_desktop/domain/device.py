"""An eTIMS device (sales control unit) as the shop knows it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said


class DeviceType(StrEnum):
    OSCU = "OSCU"  # KRA-hosted: every sale signed online, in real time
    VSCU = "VSCU"  # KRA's Java service run by the shop: sales uploaded in batches

    @property
    def sync_method(self) -> str:
        return "real-time" if self is DeviceType.OSCU else "batch"


class Environment(StrEnum):
    SANDBOX = "sandbox"
    PRODUCTION = "production"
    CUSTOM = "custom"  # a VSCU service on this PC / LAN, or a simulator: base_url says where


class EndpointStyle(StrEnum):
    """How endpoint paths are spelt. KRA's VSCU jars differ (see kra-etims-api.md 2.3)."""

    FLAT = "flat"  # classic OSCU names: <base>/saveTrnsSalesOsdc
    NESTED = "nested"  # VSCU jar names: <base>/trnsSales/saveSales
    # KRA's API gateway (developer.go.ke, 2026): <base>/sendSalesTransaction, an OAuth2 access token
    # and the Apigee app id on every call, wrapped replies. OSCU only.
    GATEWAY = "gateway"


PIN_RE = re.compile(r"^[AP]\d{9}[A-Z]$")
BRANCH_RE = re.compile(r"^[0-9A-Za-z]{2}$")


def validate_pin(pin: str) -> str:
    pin = (pin or "").strip().upper()
    if not PIN_RE.match(pin):
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core", "A KRA PIN is a letter A or P, nine digits and a letter, for example P051234567X."
            ),
            field="pin",
        )
    return pin


def validate_branch_id(branch_id: str) -> str:
    branch_id = (branch_id or "").strip()
    if not BRANCH_RE.match(branch_id):
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core", "The branch id has exactly two characters, for example 00 for the head office."
            ),
            field="branch_id",
        )
    return branch_id


def validate_serial(serial: str) -> str:
    serial = (serial or "").strip()
    if not serial or len(serial) > 100:
        raise DomainValidationError(
            QT_TRANSLATE_NOOP(
                "Core", "Enter the device serial number you declared to KRA (1 to 100 characters)."
            ),
            field="serial",
        )
    return serial


@dataclass(frozen=True)
class Device:
    """A device row as every layer sees it. The CMC key is never part of it (it lives in the keyring)."""

    id: int | None
    name: str
    type: DeviceType
    pin: str
    branch_id: str
    serial: str
    environment: Environment = Environment.SANDBOX
    base_url: str | None = None  # required for Environment.CUSTOM
    endpoint_style: EndpointStyle = EndpointStyle.FLAT
    scu_id: str | None = None  # sdcId from initialisation, printed on receipts
    mrc_no: str | None = None
    practice: bool = False  # belongs to the built-in practice KRA; never mixed with real data
    retired_at: datetime | None = None  # removed after signing sales: kept for its records, sends nothing

    @property
    def saved_id(self) -> int:
        """The id of a device read from the database (only a device being added has none yet)."""
        if self.id is None:
            raise ValueError(f"device {self.name!r} is not saved yet")
        return self.id

    def __post_init__(self) -> None:
        object.__setattr__(self, "pin", validate_pin(self.pin))
        object.__setattr__(self, "branch_id", validate_branch_id(self.branch_id))
        object.__setattr__(self, "serial", validate_serial(self.serial))
        if not (self.name or "").strip():
            raise DomainValidationError(
                QT_TRANSLATE_NOOP("Core", "Give the device a name you will recognise, e.g. 'Till 1'."),
                field="name",
            )
        if self.endpoint_style is EndpointStyle.GATEWAY and self.type is not DeviceType.OSCU:
            raise DomainValidationError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "KRA's API gateway serves OSCU devices only; a VSCU device talks to its own VSCU service.",
                ),
                field="endpoint_style",
            )
        if self.environment is Environment.CUSTOM and not self.base_url:
            raise DomainValidationError(
                QT_TRANSLATE_NOOP(
                    "Core", "Enter the address of the VSCU service, for example http://localhost:8088."
                ),
                field="base_url",
            )

    @property
    def retired(self) -> bool:
        return self.retired_at is not None

    def require_in_use(self) -> None:
        """A retired device takes no new sales and never syncs: say so plainly."""
        if self.retired:
            raise DomainValidationError(
                Said(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{device} was removed (retired): it records no new sales and no longer syncs. Its signed "
                        "sales stay in the Sales tab. Choose another device.",
                    ),
                    device=self.name,
                ),
                field="device",
            )

    @property
    def via_gateway(self) -> bool:
        """Does this device talk to KRA through the developer.go.ke API gateway (not the classic host)?"""
        return self.endpoint_style is EndpointStyle.GATEWAY

    @property
    def initialised(self) -> bool:
        return bool(self.scu_id)

    @property
    def keyring_user(self) -> str:
        """Keyring user name for this device's CMC key: <PIN>/<branch>/<serial>."""
        return f"{self.pin}/{self.branch_id}/{self.serial}"
