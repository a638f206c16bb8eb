"""The process-wide secret registry and the logging filter that masks it."""

from __future__ import annotations

import io
import logging
import uuid

import pytest

from etims_desktop.domain.redaction import (
    MASK,
    RedactSecrets,
    forget_secret,
    install_redaction,
    redact,
    register_secret,
)


@pytest.fixture
def secret():
    value = f"SECRET-{uuid.uuid4().hex}"
    register_secret(value)
    yield value
    forget_secret(value)


@pytest.fixture
def captured():
    """A logger with its own stream handler, not propagating, so the test sees exactly what was written."""
    logger = logging.getLogger(f"test.redaction.{uuid.uuid4().hex}")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    yield logger, handler, stream
    logger.removeHandler(handler)


def test_redact_text(secret):
    assert redact(f"key={secret}; again {secret.lower()}") == f"key={MASK}; again {MASK}"
    assert redact("nothing secret here") == "nothing secret here"
    assert redact(None) is None


def test_short_values_are_not_treated_as_secrets():
    register_secret("12345")
    register_secret("   ")
    register_secret(None)
    assert redact("order 12345 total") == "order 12345 total"


def test_forgotten_secrets_show_again():
    value = f"GONE-{uuid.uuid4().hex}"
    register_secret(value)
    forget_secret(value)
    assert redact(value) == value


def test_filter_masks_message_arguments_and_traceback(secret, captured):
    logger, handler, stream = captured
    handler.addFilter(RedactSecrets())
    logger.debug("sending with key %s", secret)
    logger.info(f"inline {secret}")
    try:
        raise ValueError(f"bad key {secret}")
    except ValueError:
        logger.exception("request failed")
    logger.warning("broken format %s %s", secret)  # a wrong format string must still be masked
    output = stream.getvalue()
    assert secret not in output
    assert f"sending with key {MASK}" in output
    assert f"inline {MASK}" in output
    assert f"ValueError: bad key {MASK}" in output
    assert "Traceback" in output


def test_install_redaction_on_a_logger_covers_its_handlers_once(secret, captured):
    logger, handler, stream = captured
    first = install_redaction(logger)
    install_redaction(logger)
    assert sum(isinstance(f, RedactSecrets) for f in handler.filters) == 1
    assert first in logger.filters
    logger.error("key %s", secret)
    assert stream.getvalue().strip() == f"ERROR key {MASK}"


def test_install_redaction_defaults_to_the_root_logger(secret):
    root = logging.getLogger()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    try:
        installed = install_redaction()
        logging.getLogger("test.redaction.child").error("child logged %s", secret)
        assert secret not in stream.getvalue() and MASK in stream.getvalue()
    finally:
        root.removeHandler(handler)
        root.removeFilter(installed)
