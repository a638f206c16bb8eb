"""Keep secrets (CMC keys) out of log output and error text.

Whoever handles a key registers it once with `register_secret`; from then on `redact()` and the
`RedactSecrets` logging filter replace it with *** wherever it shows up. The registry is process-wide
on purpose: a logging filter has no other way to know which strings are secret. It lives in domain so
that kra and storage (which may not import each other) share one registry.

    install_redaction()            # every handler on the root logger (and the root logger itself)
    install_redaction(handler)     # or one handler / logger
    register_secret(cmc_key)
"""

from __future__ import annotations

import logging
import re
import threading

from etims_desktop.domain.translatable import Said

MASK = "***"
MIN_SECRET_LENGTH = 6  # shorter strings would mask ordinary words and numbers

_lock = threading.Lock()
_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None


def _rebuild() -> None:
    global _pattern
    longest_first = sorted(_secrets, key=len, reverse=True)
    _pattern = re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE) if longest_first else None


def register_secret(value: str | None) -> None:
    """Remember `value` as a secret to mask from now on. Blank or very short values are ignored."""
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
    if isinstance(text, Said):  # keep it translatable: only its values can hold a secret
        return text.rewritten(lambda value: pattern.sub(MASK, value))
    return pattern.sub(MASK, text)


class RedactSecrets(logging.Filter):
    """Rewrites a log record so no registered secret survives in its message, arguments or traceback.

    Put it on handlers: a filter on a logger does not see records that child loggers propagate to it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if _pattern is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the record (or leak its arguments raw)
            message = f"{record.msg} {record.args}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None  # handlers print exc_text; never let them re-format the raw exception
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


RedactingFilter = RedactSecrets  # the name kra.redaction uses


def install_redaction(target: logging.Logger | logging.Handler | None = None) -> RedactSecrets:
    """Attach one RedactSecrets filter to `target` (default: the root logger) and, for a logger, its handlers.

    Handlers added later need their own call: install_redaction(handler).
    """
    target = target or logging.getLogger()
    targets: list[logging.Filterer] = [target]
    if isinstance(target, logging.Logger):
        targets.extend(target.handlers)
    shared = RedactSecrets()
    for each in targets:
        existing = next((f for f in each.filters if isinstance(f, RedactSecrets)), None)
        if existing is None:
            each.addFilter(shared)
    return shared
