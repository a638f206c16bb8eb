"""What a sync run really did, device by device, in words a shop owner can trust."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum

from etims_desktop.domain.status import DeviceStatus, StatusKind

KEYRING_FAILED = "KEYRING"  # DeviceStatus.code when the device's key could not be read from the keyring


class Outcome(StrEnum):
    UP_TO_DATE = "up_to_date"  # KRA reached, nothing was pending
    ALL_SIGNED = "all_signed"  # KRA reached, every pending sale signed
    PARTIAL = "partial"  # some signed, some still waiting or needing a fix
    NOTHING_SENT = "nothing_sent"  # KRA / the VSCU service could not be reached: nothing went through
    NEEDS_FIX = "needs_fix"  # KRA reached, but some sales were refused and need a person
    SYNCED_ELSEWHERE = "synced_elsewhere"  # another program on this computer was sending its sales


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
        parts: list[str] = []
        why = ""
        if self.synced_elsewhere:
            parts.append(
                "Left alone: another etims-desktop on this computer is syncing this device right now."
            )
        elif not self.reached_kra:
            why = clause(self.status.plain or self.status.kind.label)
            if self.unconfirmed:  # something left, and KRA may have it: "nothing was sent" would be false
                parts.append(f"KRA's answer did not come back: {why}. The app asks KRA before sending again.")
            else:
                parts.append(f"Nothing was sent: {why}.")
        elif self.signed:
            extra = f" ({self.already_recorded} were already at KRA)" if self.already_recorded else ""
            parts.append(f"Signed {self.signed} sale{'s' if self.signed != 1 else ''}{extra}.")
        else:
            sales_waiting = self.still_pending or self.needs_check or self.rejected
            documents = (self.documents_sent, self.documents_pending, self.documents_refused)
            if not sales_waiting and not any(n for counts in documents for n in counts.values()):
                parts.append("Up to date: nothing was waiting.")
            elif sales_waiting:
                parts.append("No sale was signed.")
        if self.still_pending:
            because = clause(self.waiting_reason or "")
            reason = f" because {because}" if because and because != why else ""  # said once is enough
            parts.append(f"{self.still_pending} still waiting{reason}.")
        if self.needs_fix_total:
            parts.append(f"{self.needs_fix_total} need your fix.")
        if self.needs_check_total:
            parts.append(
                f"{self.needs_check_total} need your check on KRA's portal (KRA's answer left it unclear)."
            )
        parts.extend(documents_summary(self))
        return " ".join(parts)

    def to_json(self) -> dict:
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

    def to_json(self) -> dict:
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


DOCUMENT_WORDS = {  # group -> (one, many): what the shop owner calls them
    "purchases": ("purchase confirmation", "purchase confirmations"),
    "imports": ("import answer", "import answers"),
    "stock": ("stock report", "stock reports"),
}


def documents_summary(report: DeviceSyncReport) -> list[str]:
    """Sentences about the document queue per group: sent, still waiting, needing your fix."""
    parts: list[str] = []
    for group, (one, many) in DOCUMENT_WORDS.items():
        sent = report.documents_sent.get(group, 0)
        pending = report.documents_pending.get(group, 0)
        fix = report.documents_need_fix.get(group, 0)
        if sent:
            parts.append(f"Sent {sent} {one if sent == 1 else many}.")
        if pending:
            parts.append(f"{pending} {one if pending == 1 else many} still waiting.")
        if fix:
            parts.append(f"{fix} {one if fix == 1 else many} need{'s' if fix == 1 else ''} your fix.")
    return parts
