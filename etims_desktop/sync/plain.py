"""Any error as the sentence a shop owner reads: the error's own plain words, a storage failure's
(disk full, read-only), or the first line of anything else - never SQL, a traceback or a key."""

from __future__ import annotations

from etims_desktop.domain.errors import explain, has_plain_words
from etims_desktop.domain.redaction import redact
from etims_desktop.storage.errors import plain_storage_error


def plain_text(exc: BaseException) -> str:
    if has_plain_words(exc):
        text = explain(exc)
    elif (storage := plain_storage_error(exc)) is not None:
        text = str(storage)
    elif isinstance(exc, OSError):
        text = f"{exc.strerror or type(exc).__name__}: {exc.filename}" if exc.filename else str(exc)
    else:  # a SQLAlchemy error's text goes on with the statement and a link: keep the sentence before them
        text = str(exc).split("\n[SQL:")[0].split("\n(Background")[0]
    return redact(text) or type(exc).__name__
