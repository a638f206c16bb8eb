"""What a sync run really did, device by device, in words a shop owner can trust."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from etims_desktop.domain.status import DeviceStatus, StatusKind
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said

KEYRING_FAILED = "KEYRING"  # DeviceStatus.code when the device's key could not be read from the keyring


class Outcome(StrEnum):
    UP_TO_DATE = "up_to_date"  # KRA reached, nothing was pending
    ALL_SIGNED = "all_signed"  # KRA reached, every pending sale signed
    PARTIAL = "partial"  # some signed, some still waiting or needing a fix
    NOTHING_SENT = "nothing_sent"  # KRA / the VSCU service could not be reached: nothing went through
    NEEDS_FIX = "needs_fix"  # KRA reached, but some sales were refused and need a person
    SYNCED_ELSEWHERE = "synced_elsewhere"  # another program on this computer was sending its sales


# summary()'s sentences (module level: marked at import, so a stored summary can be translated too)
_LEFT_ALONE = QT_TRANSLATE_NOOP(
    "Core", "Left alone: another etims-desktop on this computer is syncing this device right now."
)
_NO_ANSWER = QT_TRANSLATE_NOOP(
    "Core", "KRA's answer did not come back: {why}. The app asks KRA before sending again."
)
_NOTHING_SENT = QT_TRANSLATE_NOOP("Core", "Nothing was sent: {why}.")
_SIGNED_SOME_ALREADY = QT_TRANSLATE_NOOP("Core", "Signed {signed} sales ({already} were already at KRA).")
_SIGNED_ONE = QT_TRANSLATE_NOOP("Core", "Signed 1 sale.")
_SIGNED_MANY = QT_TRANSLATE_NOOP("Core", "Signed {signed} sales.")
_UP_TO_DATE = QT_TRANSLATE_NOOP("Core", "Up to date: nothing was waiting.")
_NONE_SIGNED = QT_TRANSLATE_NOOP("Core", "No sale was signed.")
_WAITING_BECAUSE = QT_TRANSLATE_NOOP("Core", "{count} still waiting because {reason}.")
_WAITING = QT_TRANSLATE_NOOP("Core", "{count} still waiting.")
_NEED_FIX = QT_TRANSLATE_NOOP("Core", "{count} need your fix.")
_NEED_CHECK = QT_TRANSLATE_NOOP(
    "Core", "{count} need your check on KRA's portal (KRA's answer left it unclear)."
)
OUTCOME_WORDS = {
    Outcome.UP_TO_DATE: QT_TRANSLATE_NOOP("Core", "up to date"),
    Outcome.ALL_SIGNED: QT_TRANSLATE_NOOP("Core", "all signed"),
    Outcome.PARTIAL: QT_TRANSLATE_NOOP("Core", "partial"),
    Outcome.NOTHING_SENT: QT_TRANSLATE_NOOP("Core", "nothing sent"),
    Outcome.NEEDS_FIX: QT_TRANSLATE_NOOP("Core", "needs fix"),
    Outcome.SYNCED_ELSEWHERE: QT_TRANSLATE_NOOP("Core", "synced elsewhere"),
}


@dataclass
class DeviceSyncReport:
    device_id: int
    device_name: str
    device_type: str
    status: DeviceStatus = field(default_factory=DeviceStatus)
    signed: int = 0  # signed by KRA during this run
    already_recorded: int = 0  # of those: KRA already had them (answer lost earlier)
    rejected: int = 0  # refused by KRA during this run: now need your fix
    needs_check: int = 0  # KRA's answers left it unknowable during this run: now need your check
    unconfirmed: int = 0  # sends whose answer was lost during this run (KRA may have them)
    needs_fix_total: int = 0  # all sales of this device that need your fix
    needs_check_total: int = 0  # all sales of this device that need your check on KRA's portal
    still_pending: int = 0  # still waiting after the run
    waiting_reason: str | None = None  # why they wait, in words
    refreshed: dict[str, int] = field(default_factory=dict)  # "codes": 12, "item classes": 0, ...
    errors: list[str] = field(default_factory=list)  # plain sentences
    synced_elsewhere: bool = False  # skipped: another program on this computer was draining it
    # The document queue, per group ("purchases", "imports", "stock"): sent / refused in this run, and
    # after it still waiting / needing your fix (sync/document_drain.py).
    documents_sent: dict[str, int] = field(default_factory=dict)
    documents_refused: dict[str, int] = field(default_factory=dict)
    documents_pending: dict[str, int] = field(default_factory=dict)
    documents_need_fix: dict[str, int] = field(default_factory=dict)

    @property
    def reached_kra(self) -> bool:
        return self.status.kind is StatusKind.ONLINE or self.signed > 0

    @property
    def outcome(self) -> Outcome:
        if self.synced_elsewhere:
            return Outcome.SYNCED_ELSEWHERE
        if not self.reached_kra:
            return Outcome.NOTHING_SENT
        # The document queue counts too: a stock report still waiting is not "up to date".
        needs_person = self.needs_fix_total + self.needs_check_total + sum(self.documents_need_fix.values())
        still_pending = self.still_pending + sum(self.documents_pending.values())
        done = self.signed + sum(self.documents_sent.values())
        rejected = self.rejected + sum(self.documents_refused.values())
        if rejected or self.needs_check or (needs_person and not still_pending):
            return Outcome.NEEDS_FIX if not done else Outcome.PARTIAL
        if still_pending:
            return Outcome.PARTIAL
        return Outcome.ALL_SIGNED if done else Outcome.UP_TO_DATE

    def summary(self) -> str:
        """One honest sentence (or three) about this device."""
        return " ".join(self.summary_parts())

    def summary_parts(self) -> list[str]:
        """summary()'s sentences, each marked for translation (`Said`: the CLI shows them translated)."""
        parts: list[str] = []
        why = ""
        if self.synced_elsewhere:
            parts.append(_LEFT_ALONE)
        elif not self.reached_kra:
            why = clause(self.status.plain or self.status.kind.label)
            if self.unconfirmed:  # something left, and KRA may have it: "nothing was sent" would be false
                parts.append(
                    Said(
                        _NO_ANSWER,
                        why=why,
                    )
                )
            else:
                parts.append(Said(_NOTHING_SENT, why=why))
        elif self.signed:
            if self.already_recorded:
                parts.append(
                    Said(
                        _SIGNED_SOME_ALREADY,
                        signed=self.signed,
                        already=self.already_recorded,
                    )
                )
            elif self.signed == 1:
                parts.append(_SIGNED_ONE)
            else:
                parts.append(Said(_SIGNED_MANY, signed=self.signed))
        else:
            sales_waiting = self.still_pending or self.needs_check or self.rejected
            documents = (self.documents_sent, self.documents_pending, self.documents_refused)
            if not sales_waiting and not any(n for counts in documents for n in counts.values()):
                parts.append(_UP_TO_DATE)
            elif sales_waiting:
                parts.append(_NONE_SIGNED)
        if self.still_pending:
            because = clause(self.waiting_reason or "")
            if because and because != why:  # said once is enough
                parts.append(
                    Said(
                        _WAITING_BECAUSE,
                        count=self.still_pending,
                        reason=because,
                    )
                )
            else:
                parts.append(Said(_WAITING, count=self.still_pending))
        if self.needs_fix_total:
            parts.append(Said(_NEED_FIX, count=self.needs_fix_total))
        if self.needs_check_total:
            parts.append(
                Said(
                    _NEED_CHECK,
                    count=self.needs_check_total,
                )
            )
        parts.extend(documents_summary(self))
        return parts

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = {
            **asdict(self.status),
            "kind": self.status.kind.value,
            "checked_at": self.status.checked_at.isoformat() if self.status.checked_at else None,
        }
        data["outcome"] = self.outcome.value
        data["summary"] = self.summary()
        return data


@dataclass
class SyncReport:
    run_id: int | None
    started_at: datetime
    finished_at: datetime | None = None
    devices: list[DeviceSyncReport] = field(default_factory=list)

    @property
    def keyring_failed(self) -> list[DeviceSyncReport]:
        """Devices whose key could not be read: the keyring is locked, missing or not answering."""
        return [d for d in self.devices if d.status.code == KEYRING_FAILED]

    @property
    def exit_code(self) -> int:
        """0 everything signed / up to date, 1 something still waits, 2 something needs a fix or check,
        3 the command failed: a key could not be read from the keyring (README's exit codes)."""
        if self.keyring_failed:
            return 3
        if any(d.needs_fix_total or d.needs_check_total for d in self.devices):
            return 2
        if any(
            d.still_pending or d.outcome in (Outcome.NOTHING_SENT, Outcome.SYNCED_ELSEWHERE)
            for d in self.devices
        ):
            return 1
        return 0

    def summary(self) -> str:
        return "\n".join(f"{d.device_name} ({d.device_type}): {d.summary()}" for d in self.devices)

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "exit_code": self.exit_code,
            "devices": [d.to_json() for d in self.devices],
        }


@dataclass(frozen=True)
class Progress:
    """Reported while a sync runs; the UI adapts it to a signal."""

    device_id: int
    phase: str  # "checking", "resolving", "sending", "refreshing", "done"
    done: int = 0
    total: int = 0
    message: str = ""


def clause(sentence: str) -> str:
    """A sentence as part of another: 'Could not connect to KRA.' -> 'could not connect to KRA'
    (no '..' and no capital in the middle; 'KRA ...' and 'VSCU ...' keep theirs)."""
    text = sentence.strip().rstrip(".").strip()
    first = text.split(" ", 1)[0]
    if first and not first.isupper():
        text = text[0].lower() + text[1:]
    return text


# group -> (sent, still waiting, need your fix): whole sentences, so a translation need not build plurals
DOCUMENT_WORDS = {
    "purchases": (
        QT_TRANSLATE_NOOP("Core", "Purchase confirmations sent: {count}."),
        QT_TRANSLATE_NOOP("Core", "Purchase confirmations still waiting: {count}."),
        QT_TRANSLATE_NOOP("Core", "Purchase confirmations that need your fix: {count}."),
    ),
    "imports": (
        QT_TRANSLATE_NOOP("Core", "Import answers sent: {count}."),
        QT_TRANSLATE_NOOP("Core", "Import answers still waiting: {count}."),
        QT_TRANSLATE_NOOP("Core", "Import answers that need your fix: {count}."),
    ),
    "stock": (
        QT_TRANSLATE_NOOP("Core", "Stock reports sent: {count}."),
        QT_TRANSLATE_NOOP("Core", "Stock reports still waiting: {count}."),
        QT_TRANSLATE_NOOP("Core", "Stock reports that need your fix: {count}."),
    ),
}


def documents_summary(report: DeviceSyncReport) -> list[str]:
    """Sentences about the document queue per group: sent, still waiting, needing your fix."""
    parts: list[str] = []
    for group, templates in DOCUMENT_WORDS.items():
        counts = (
            report.documents_sent.get(group, 0),
            report.documents_pending.get(group, 0),
            report.documents_need_fix.get(group, 0),
        )
        parts.extend(Said(template, count=n) for template, n in zip(templates, counts, strict=True) if n)
    return parts
