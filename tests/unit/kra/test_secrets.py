"""A CMC key never leaks: not in logs (ours, httpx, httpcore at DEBUG), error text, reprs or tracebacks."""

from __future__ import annotations

import io
import logging
import traceback

import httpx
import pytest

from etims_desktop.kra import errors as e
from etims_desktop.kra.redaction import (
    RedactingFilter,
    forget_secret,
    install_redaction,
    redact,
    register_secret,
)

from .helpers import KEY, Loopback, envelope

pytestmark = pytest.mark.anyio


def everything_visible(caplog, err: BaseException, *objects: object) -> str:
    """All text a person or a crash file could see."""
    parts = [caplog.text, str(err), repr(err), "".join(traceback.format_exception(err))]
    parts += [str(getattr(err, name, "")) for name in ("plain", "next_step", "kra_message", "detail", "info")]
    for record in caplog.records:
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append("".join(traceback.format_exception(*record.exc_info)))
    parts += [repr(o) for o in objects]
    return "\n".join(parts)


HOSTILE_901 = envelope("901", data={"info": {"cmcKey": KEY}}, msg=f"It is not valid device (cmcKey={KEY})")


WIRE_LOGGERS = ("etims_desktop.kra", "httpx", "httpcore", "aiohttp")


@pytest.mark.parametrize(
    ("behaviour", "expected"),
    [
        (Loopback.reply(200, HOSTILE_901), e.DeviceNotRecognised),
        (Loopback.reply(200, envelope("902", data={"info": {"cmcKey": KEY}})), e.AlreadyInitialised),
        (
            Loopback.reply(500, f"<html>NullPointerException at header cmcKey={KEY}</html>", "text/html"),
            e.BadHttpStatus,
        ),
        (Loopback.reply(200, f"not json {KEY}", "text/plain"), e.MalformedReply),
        ("hang", e.OutcomeUnknown),
        (Loopback.drop, e.OutcomeUnknown),
    ],
    ids=[
        "901-echoing-the-key",
        "902-with-key",
        "500-page-with-key",
        "garbage-with-key",
        "timeout",
        "dropped",
    ],
)
@pytest.mark.parametrize("call", ["check", "initialise"])
async def test_key_used_in_a_failing_call_appears_nowhere(caplog, make_client, behaviour, expected, call):
    caplog.set_level(logging.DEBUG)  # root: our logger and the HTTP stack's all propagate here
    for name in WIRE_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        async with Loopback(None) as server:
            server.behaviour = server.hang() if behaviour == "hang" else behaviour
            kra = make_client(base_url=server.url, timeout=httpx.Timeout(0.3))
            with pytest.raises(e.KraError) as caught:
                await (kra.check() if call == "check" else kra.initialise("SN-1"))
            assert KEY.encode() in server.requests[0][0] or call == "initialise"  # the key did travel
    finally:
        for name in WIRE_LOGGERS:
            logging.getLogger(name).setLevel(logging.NOTSET)
    err = caught.value
    assert isinstance(err, expected)
    if expected is not e.OutcomeUnknown:  # an answer came: httpx's request line was captured
        assert any(r.name == "httpx" for r in caplog.records)
    assert any(r.name == "etims_desktop.kra" for r in caplog.records)
    seen = everything_visible(caplog, err, kra)
    assert KEY not in seen and KEY.upper() not in seen


def test_redacting_filter_masks_messages_arguments_and_tracebacks(caplog):
    secret = "5EC2E7-0000-AAAA-BBBB-CCCCDDDDEEEE"
    register_secret(secret)
    log = logging.getLogger("etims_desktop.test_redaction")
    flt = install_redaction(caplog.handler)
    try:
        with caplog.at_level(logging.DEBUG):
            log.warning("key is %s", secret)
            log.info(f"inline {secret.lower()}")
            try:
                raise RuntimeError(f"failed with {secret}")
            except RuntimeError:
                log.exception("call failed")
            log.error("with stack", stack_info=True, extra={})
        assert caplog.text.count("***") >= 3
        assert secret not in caplog.text and secret.lower() not in caplog.text
        assert all(secret not in r.getMessage() for r in caplog.records)
    finally:
        caplog.handler.removeFilter(flt)
        forget_secret(secret)


def test_without_the_filter_the_same_log_would_leak():
    # An isolated logger: handlers other tests left on the root logger (with the filter) must not interfere.
    secret = "UNFILTERED-SECRET-123456"
    register_secret(secret)
    stream = io.StringIO()
    logger = logging.getLogger("etims_desktop.test_redaction.unfiltered")
    logger.propagate = False
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    try:
        logger.warning("key is %s", secret)
        assert secret in stream.getvalue()  # proves the filter test above is not vacuous
    finally:
        logger.removeHandler(handler)
        forget_secret(secret)


def test_registry_rules():
    register_secret(None)
    register_secret("   ")
    register_secret("abc")  # too short to mask safely
    assert redact("abc and 123") == "abc and 123"
    register_secret("longer-secret-value")
    assert redact("x longer-secret-value y") == "x *** y"
    forget_secret("longer-secret-value")
    assert redact("x longer-secret-value y") == "x longer-secret-value y"


def test_install_redaction_on_root_handlers_is_idempotent():
    handler = logging.NullHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        install_redaction()
        install_redaction()
        assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    finally:
        root.removeHandler(handler)


def test_error_text_is_redacted_even_when_built_by_hand():
    register_secret(KEY)
    err = e.error_for_result("910", f"bad field cmcKey={KEY}")
    assert KEY not in str(err) and KEY not in repr(err) and "***" in err.kra_message
