"""Read a reply from KRA's API gateway into the same Envelope or typed error as a classic reply.

The gateway wraps KRA's envelope and moves some answers into HTTP statuses (integration logs, 2026):

    200 {"responseHeader": {...}, "responseBody": {"resultCd": "000", "resultMsg": "Success ", ...}}
    400 {"responseHeader": {"debugMessage": "Invalid invcNo sequence, expected: 12 but found: 13"},
         "responseBody": null}                      a refusal: the reason is only in debugMessage
    200 or 400 with resultCd 001, data null        "no result": an empty lookup either way
    401                                             the access token was refused (the client renews it once)
    500 {"fault": {"faultstring": ...}}             Apigee knows no service at this path

so:  success / 001 (any status)  -> Envelope, as a classic reply;
     a resultCd other than those -> Envelope: the client raises the same error as for the classic host;
     400 without a body          -> a classic resultCd in responseCode is read as such; else KRA's words
                                    decide: "no result" (empty), KraServerFault for a Java exception (the
                                    sandbox wraps its crashes in 400s), AlreadyInitialised,
                                    DeviceNotRecognised, else RequestRejected carrying KRA's words - for a
                                    sale through errors.sale_refusal (SequenceOutOfStep, AlreadyRecorded);
     401                         -> AccessTokenRejected;  500 + fault -> UnknownEndpoint;
     anything else               -> BadHttpStatus / MalformedReply, as for the classic host.
A plain, unwrapped classic envelope is read as it is. Messages lose their trailing spaces.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra.envelope import Envelope
from etims_desktop.kra.errors import (
    NO_RESULT,
    RESULT_CODES,
    SUCCESS,
    AlreadyInitialised,
    BadHttpStatus,
    DeviceNotRecognised,
    GatewayAccessDenied,
    KraError,
    KraServerFault,
    MalformedReply,
    RequestRejected,
    SlowDown,
    UnknownEndpoint,
    error_for_result,
    normalise_result_code,
    sale_refusal,
)
from etims_desktop.kra.redaction import redact

# The gateway's replies in plain words (translated where they are shown: tr_core, cli_words)
NOT_JSON = QT_TRANSLATE_NOOP("Core", "KRA's API gateway's answer could not be understood: it is not JSON.")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP(
    "Core", "KRA's API gateway's answer could not be understood: it is a JSON {kind}, not an object."
)
HTTP_ERROR_PAGE = QT_TRANSLATE_NOOP(
    "Core", "KRA's API gateway answered with HTTP error {status} and a web page."
)
HTTP_ERROR_EMPTY = QT_TRANSLATE_NOOP(
    "Core", "KRA's API gateway answered with HTTP error {status} and no data."
)
NO_RESULT_CODE = QT_TRANSLATE_NOOP(
    "Core", "KRA's API gateway's answer could not be understood: it has no result code."
)
HTTP_ERROR = QT_TRANSLATE_NOOP("Core", "KRA's API gateway answered with HTTP error {status} instead of data.")
REFUSED_SILENTLY = QT_TRANSLATE_NOOP("Core", "KRA's API gateway refused the request without saying why.")
REFUSED_SILENTLY_NEXT = QT_TRANSLATE_NOOP(
    "Core", "Check the sale or item, then send it again. If it keeps happening, contact support."
)
INTERNAL_ERROR = QT_TRANSLATE_NOOP("Core", "KRA's API gateway had an internal error.")
REFUSED = QT_TRANSLATE_NOOP("Core", "KRA refused it: {reason}")
REFUSED_NEXT = QT_TRANSLATE_NOOP("Core", "Correct what KRA names, then send it again.")
SLOW_DOWN = QT_TRANSLATE_NOOP("Core", "KRA's API gateway asked us to slow down (too many requests).")
STOPPED_BEFORE_ETIMS = QT_TRANSLATE_NOOP(
    "Core", "KRA's API gateway refused the call before it reached eTIMS (HTTP {status}): {reason}"
)
SALE_ENDPOINT = "saveTrnsSalesOsdc"  # Endpoint.SAVE_SALE's value: the client passes endpoint.value
REFUSED_CODE = "REFUSED"  # pseudo code of a 400 refusal that names no resultCd
SERVER_CRASH_RE = re.compile(r"[A-Za-z]+Exception\b")  # a Java exception name, e.g. NullPointerException
NOT_OUR_DEVICE_RE = re.compile(r"cmc\s*key|not\s+(a\s+)?valid\s+device", re.IGNORECASE)
INSTALLED_RE = re.compile(r"device\s+is\s+(already\s+)?installed|already\s+initiali[sz]ed", re.IGNORECASE)
NO_RESULT_RE = re.compile(r"\bno\s+(search\s+)?results?\b", re.IGNORECASE)


class AccessTokenRejected(GatewayAccessDenied):
    """HTTP 401: the access token is not (or no longer) accepted. The client renews it and retries once."""

    default_plain = "KRA's API gateway did not accept the access token."


def read_gateway_reply(
    status: int,
    content: bytes,
    *,
    endpoint: str,
    retry_after: float | None = None,
    content_type: str = "",
) -> Envelope:
    """The Envelope of a gateway reply, or the typed error it stands for (see the module docstring)."""
    payload = _json(content)
    if status == 401:
        raise AccessTokenRejected(endpoint=endpoint, detail=f"HTTP 401{_fault_detail(payload)}")
    if isinstance(payload, dict) and isinstance(payload.get("fault"), dict):
        raise _fault_error(status, payload["fault"], endpoint, retry_after)
    if not isinstance(payload, dict):
        if status == 200:
            what = "is not JSON" if payload is None else f"is a JSON {type(payload).__name__}, not an object"
            raise MalformedReply(
                NOT_JSON if payload is None else Said(NOT_AN_OBJECT, kind=type(payload).__name__),
                endpoint=endpoint,
                detail=f"answer {what}",
            )
        page = content.lstrip()[:1] == b"<" or "html" in content_type.lower()
        raise BadHttpStatus(
            Said(HTTP_ERROR_PAGE if page else HTTP_ERROR_EMPTY, status=status),
            status=status,
            endpoint=endpoint,
            detail=f"HTTP {status}, {content_type or 'no content type'}",
        )
    wrapped = "responseHeader" in payload or "responseBody" in payload
    header = payload.get("responseHeader") if wrapped else None
    header = header if isinstance(header, dict) else {}
    body = payload.get("responseBody") if wrapped else payload
    if isinstance(body, dict) and body.get("resultCd") not in (None, ""):
        code = normalise_result_code(body["resultCd"])
        if code in (SUCCESS, NO_RESULT) or status in (200, 400):
            return Envelope(
                code, _text(body.get("resultMsg")), body.get("resultDt"), body.get("data"), retry_after
            )
    header_code = normalise_result_code(header.get("responseCode")) if header.get("responseCode") else None
    reason = _text(header.get("debugMessage")) or _text(header.get("customerMessage"))
    if header_code == NO_RESULT or (status == 400 and reason and NO_RESULT_RE.search(reason)):
        return Envelope(NO_RESULT, reason, None, None, retry_after)
    if status == 200 and header_code == SUCCESS:
        return Envelope(SUCCESS, reason, None, None, retry_after)
    if status == 400:
        if header_code in RESULT_CODES:  # a classic result code in the header: read it as on the classic host
            error = error_for_result(header_code, reason, endpoint=endpoint, retry_after=retry_after)
            raise sale_refusal(error) if endpoint == SALE_ENDPOINT else error
        raise _refusal(reason, endpoint)
    if status == 200:
        raise MalformedReply(
            NO_RESULT_CODE,
            endpoint=endpoint,
            detail="answer has no resultCd",
        )
    raise BadHttpStatus(
        Said(HTTP_ERROR, status=status),
        status=status,
        endpoint=endpoint,
        kra_message=reason,
        detail=f"HTTP {status}",
    )


def _refusal(reason: str | None, endpoint: str) -> KraError:
    """HTTP 400 with no responseBody: KRA refused the request and said why only in words."""
    if not reason:
        return RequestRejected(
            REFUSED_SILENTLY,
            REFUSED_SILENTLY_NEXT,
            code=REFUSED_CODE,
            endpoint=endpoint,
        )
    if SERVER_CRASH_RE.search(reason):  # e.g. "java.lang.NullPointerException": KRA's fault, not ours
        return KraServerFault(INTERNAL_ERROR, code="GW_FAULT", kra_message=reason, endpoint=endpoint)
    if INSTALLED_RE.search(reason):
        return AlreadyInitialised(code=REFUSED_CODE, kra_message=reason, endpoint=endpoint)
    if NOT_OUR_DEVICE_RE.search(reason):
        return DeviceNotRecognised(code=REFUSED_CODE, kra_message=reason, endpoint=endpoint)
    error = RequestRejected(
        Said(REFUSED, reason=reason),
        REFUSED_NEXT,
        code=REFUSED_CODE,
        kra_message=reason,
        endpoint=endpoint,
    )
    # A sale's refusal may mean "already have it" or "numbers out of step" (errors.sale_refusal).
    return sale_refusal(error) if endpoint == SALE_ENDPOINT else error


def _fault_error(status: int, fault: dict[str, Any], endpoint: str, retry_after: float | None) -> KraError:
    """An Apigee fault: no eTIMS answer at all, only the gateway speaking."""
    text = _text(fault.get("faultstring")) or "no faultstring"
    detail = f"HTTP {status} fault: {text}"
    if status == 429:  # Apigee's spike arrest / quota
        return SlowDown(
            SLOW_DOWN,
            code="990",
            endpoint=endpoint,
            detail=detail,
            retry_after=retry_after,
        )
    if status >= 500 or status == 404:
        return UnknownEndpoint(status=status, endpoint=endpoint, detail=detail)
    return BadHttpStatus(
        Said(STOPPED_BEFORE_ETIMS, status=status, reason=text),
        status=status,
        endpoint=endpoint,
        detail=detail,
    )


def _fault_detail(payload: Any) -> str:
    if isinstance(payload, dict) and isinstance(payload.get("fault"), dict):
        return f" fault: {_text(payload['fault'].get('faultstring'))}"
    return ""


def _json(content: bytes) -> Any:
    """The JSON value of `content`, or None if it is empty or not JSON."""
    if not content.strip():
        return None
    try:
        return json.loads(content, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _text(value: Any) -> str | None:
    """A message as text without the spaces KRA leaves at its end ("Success "); None if empty."""
    if value is None:
        return None
    return redact(str(value).strip()) or None
