"""Keep secrets (CMC keys) out of log output and error text.

The registry itself lives in `etims_desktop.domain.redaction` so that every layer (kra, storage,
sync, ui) feeds and reads one process-wide list; this module is kra's door to it.
"""

from __future__ import annotations

import logging

from etims_desktop.domain.redaction import (  # noqa: F401 - re-exported
    MASK,
    MIN_SECRET_LENGTH,
    RedactingFilter,
    RedactSecrets,
    forget_secret,
    redact,
    register_secret,
)
from etims_desktop.domain.redaction import install_redaction as _install_one

__all__ = [
    "MASK",
    "MIN_SECRET_LENGTH",
    "RedactingFilter",
    "RedactSecrets",
    "forget_secret",
    "install_redaction",
    "redact",
    "register_secret",
]


def install_redaction(*targets: logging.Handler | logging.Logger) -> RedactSecrets:
    """Attach the filter to each handler/logger given (or to the root logger and its handlers)."""
    installed = [_install_one(target) for target in targets or (None,)]
    return installed[-1]
