"""Sync settings a shop owner can change (Settings dialog, settings.json)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etims_desktop.kra.environments import GATEWAY_PRODUCTION_BASE_URL
from etims_desktop.storage.settings_file import load_section, save_section


@dataclass(frozen=True)
class SyncSettings:
    live_check_seconds: float = 60.0  # OSCU: how often to ask KRA whether the device is reachable
    vscu_batch_size: int = 50  # VSCU: upload as soon as this many sales wait
    vscu_upload_minutes: float = 15.0  # VSCU: upload at least this often while sales wait
    reference_refresh_hours: float = 24.0  # code lists, item classes, notices: refresh when older
    slow_down_seconds: float = 60.0  # pause after KRA answers 990 ("slow down")
    max_transport_failures: int = 3  # per device per run, before it stops and waits for the next run
    # A sale whose answer was lost: after this many tries (sends and lookups) without an answer, it is
    # resent with the same number even if KRA's invoice lookup has not answered (KRA's answer decides).
    uncertain_tries_before_resend: int = 3
    # ... and after this many answers that cannot be understood, a person checks it on KRA's portal.
    unclear_answers_before_check: int = 6
    default_environment: str = "sandbox"
    request_deadline_seconds: float = 60.0  # the most one request to KRA / a VSCU may take, answer included
    keyring_timeout_seconds: float = 15.0  # the most one keyring call may take (a hidden unlock prompt)
    # KRA's API gateway in production: NOT confirmed by KRA yet (see kra/environments.py). Change it
    # here (settings.json, "sync") if KRA gives you another address.
    gateway_production_url: str = GATEWAY_PRODUCTION_BASE_URL
    # Practice mode's OSCU: "classic" (KRA's classic eTIMS API) or "gateway" (the developer.go.ke
    # gateway). The environment variable ETIMS_PRACTICE_CONNECTION overrides it.
    practice_connection: str = "classic"
    # A backlog's sales of one day gather into one stock movement (insertStockIO names no invoice;
    # Odoo batches likewise). UNCERTAIN whether KRA wants one per sale: false sends one per sale.
    gather_stock_outs: bool = True

    @classmethod
    def load(cls, path: Path) -> SyncSettings:
        """settings.json's "sync" section (storage/settings_file.py: validated, a bad value is named)."""
        return load_section(path, "sync", cls)

    def save(self, path: Path) -> None:
        save_section(path, "sync", self)
