"""Keep secrets (CMC keys) out of log output and error text.

Whoever reads a key registers it once with `register_secret`; from then on `redact()` and the
`RedactingFilter` replace it with `***` wherever it shows up. The registry is process-wide on purpose:
a logging filter has no other way to know which strings are secret.

    handler = logging.FileHandler(...)
    install_redaction(handler)          # or install_redaction() for every handler on the root logger
    register_secret(cmc_key)
"""

from __future__ import annotations

import logging
import re
import threading

MASK = "***"
MIN_SECRET_LENGTH = 6  # shorter strings would mask ordinary words and numbers

_lock = threading.Lock()
_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None


def _rebuild() -> None:
    global _pattern
    if not _secrets:
        _pattern = None
        return
    longest_first = sorted(_secrets, key=len, reverse=True)
    _pattern = re.compile("|".join(re.escape(s) for s in longest_first), re.IGNORECASE)


def register_secret(value: str | None) -> None:
    """Remember `value` as a secret to mask. Blank or very short values are ignored."""
    value = (value or "").strip()
    if len(value) < MIN_SECRET_LENGTH:
        return
    with _lock:
        if value not in _secrets:
            _secrets.add(value)
            _rebuild()


def forget_secret(value: str | None) -> None:
    """Stop masking `value` (e.g. after its key was deleted)."""
    with _lock:
        _secrets.discard((value or "").strip())
        _rebuild()


def redact(text: str | None) -> str | None:
    """`text` with every registered secret replaced by ***."""
    pattern = _pattern
    if not text or pattern is None:
        return text
    return pattern.sub(MASK, text)


class RedactingFilter(logging.Filter):
    """Rewrites a log record so no registered secret survives in its message, arguments or traceback.

    Attach it to handlers (a filter on a logger does not see records from its child loggers).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if _pattern is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not lose the record
            message = f"{record.msg} {record.args}"
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None  # the text above is what gets printed; never re-format the raw one
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_redaction(*targets: logging.Handler | logging.Logger) -> RedactingFilter:
    """Add one shared RedactingFilter to each target (default: every handler on the root logger)."""
    flt = RedactingFilter()
    for target in targets or tuple(logging.getLogger().handlers):
        if not any(isinstance(f, RedactingFilter) for f in target.filters):
            target.addFilter(flt)
    return flt
