"""A device's live KRA status, as the last check found it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP


class StatusKind(StrEnum):
    UNKNOWN = "unknown"  # never checked
    ONLINE = "online"
    OFFLINE = "offline"  # no network: could not connect at all
    NOT_ANSWERING = "not_answering"  # KRA / the VSCU service took the request but did not answer in time
    KEY_REJECTED = "key_rejected"  # 901: KRA does not accept this device's CMC key
    NOT_INITIALISED = "not_initialised"  # no CMC key / SCU id yet
    SERVICE_DOWN = "service_down"  # VSCU: nothing listens at the service address
    ERROR = "error"  # anything else: see code and plain

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    StatusKind.UNKNOWN: QT_TRANSLATE_NOOP("Core", "not checked yet"),
    StatusKind.ONLINE: QT_TRANSLATE_NOOP("Core", "online"),
    StatusKind.OFFLINE: QT_TRANSLATE_NOOP("Core", "offline - no connection"),
    StatusKind.NOT_ANSWERING: QT_TRANSLATE_NOOP("Core", "not answering"),
    StatusKind.KEY_REJECTED: QT_TRANSLATE_NOOP("Core", "key rejected by KRA"),
    StatusKind.NOT_INITIALISED: QT_TRANSLATE_NOOP("Core", "not initialised"),
    StatusKind.SERVICE_DOWN: QT_TRANSLATE_NOOP("Core", "VSCU service not running"),
    StatusKind.ERROR: QT_TRANSLATE_NOOP("Core", "error"),
}


@dataclass(frozen=True)
class DeviceStatus:
    kind: StatusKind = StatusKind.UNKNOWN
    checked_at: datetime | None = None  # aware UTC
    rtt_ms: float | None = None  # round trip of the check, when online
    code: str | None = None  # KRA result code or transport pseudo-code
    plain: str | None = None  # what happened, in plain words
    next_step: str | None = None  # what the shop owner can do
