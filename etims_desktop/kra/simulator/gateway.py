"""KRA's API gateway (developer.go.ke) in front of the simulated OSCU server: mode "gateway".

What it does, as public integration logs of 2026 show the real one doing:
- `GET /v1/token/generate?grant_type=client_credentials` with HTTP Basic (consumer key : secret)
  -> 200 {"access_token", "expires_in": "3599"}; wrong credentials -> 400 with an empty body;
- every API call needs `Authorization: Bearer <token>` (missing, unknown or expired -> 401 with an
  Apigee fault) and the app's `apigee_app_id` header (wrong -> 403 fault);
- a path it has no service for -> 500 with an Apigee `fault`;
- replies are wrapped: {"responseHeader": {...}, "responseBody": {resultCd, resultMsg, resultDt, data}},
  messages with a trailing space ("Success ");
- a refusal -> 400 with responseBody null and the reason only in debugMessage ("Invalid invcNo
  sequence, expected: 12 but found: 13"); KRA-side failures (999, 99x, 894) -> 500, same shape;
- "no result" (001, data null) comes as HTTP 200 or HTTP 400, alternating (flaky_no_result).
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from etims_desktop.kra.simulator.config import SimulatorConfig
from etims_desktop.kra.simulator.routes import TOKEN_PATH, Route
from etims_desktop.kra.simulator.service import Answer
from etims_desktop.kra.simulator.wire import MESSAGES, dumps, kra_datetime, now_utc

# The classic service's words -> the gateway's (as integration logs show them).
OUT_OF_SEQUENCE = re.compile(
    r"invcNo (\d+) is out of sequence: the next invoice number of this branch is (\d+)"
)
ALREADY_RECEIVED = re.compile(r"invcNo (\d+) was already received")
SERVER_SIDE = frozenset({"894", "991", "992", "993", "995", "999"})  # KRA's own failures: HTTP 500


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    label: str  # what the request log records


def fault(faultstring: str, errorcode: str) -> bytes:
    return dumps({"fault": {"faultstring": faultstring, "detail": {"errorcode": errorcode}}})


def gateway_words(message: str) -> str:
    """A refusal as the gateway words it: "Invalid invcNo sequence, expected: 12 but found: 13"."""
    if match := OUT_OF_SEQUENCE.search(message):
        return f"Invalid invcNo sequence, expected: {match[2]} but found: {match[1]}"
    if match := ALREADY_RECEIVED.search(message):
        return f"Sales invoice with invcNo {match[1]} already exists"
    return message


class GatewayFront:
    """Tokens, gateway checks and reply wrapping. Thread-safe."""

    def __init__(self, config: SimulatorConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._clock = clock
        self._tokens: dict[str, float] = {}  # token -> when it expires (clock time)
        self._lock = threading.Lock()
        self._no_results = 0
        self.tokens_issued = 0

    # -- before the eTIMS service -------------------------------------------------------------------
    def screen(self, method: str, path: str, headers: Mapping[str, str], route: Route | None) -> Reply | None:
        """The gateway's own answer (token, unknown path, refused token), or None to pass the call on."""
        if urlsplit(path).path.rstrip("/") == TOKEN_PATH:
            return self._token(method, path, headers)
        if route is None:
            return Reply(
                500,
                fault(
                    f"Unable to identify proxy for host: default and url: {urlsplit(path).path}",
                    "messaging.adaptors.http.flow.ApplicationNotFound",
                ),
                "gateway_unknown_path",
            )
        scheme, _, token = (headers.get("authorization") or "").partition(" ")
        with self._lock:
            expires = self._tokens.get(token.strip()) if scheme.lower() == "bearer" else None
            if expires is not None and self._clock() >= expires:
                del self._tokens[token.strip()]
                return Reply(
                    401,
                    fault("Access Token expired", "keymanagement.service.access_token_expired"),
                    "gateway_401_expired",
                )
        if expires is None:
            return Reply(401, fault("Invalid access token", "oauth.v2.InvalidAccessToken"), "gateway_401")
        if (headers.get("apigee_app_id") or "").strip() != self.config.apigee_app_id:
            return Reply(403, fault("Invalid apigee_app_id", "gateway.InvalidAppId"), "gateway_403")
        return None

    def _token(self, method: str, path: str, headers: Mapping[str, str]) -> Reply:
        query = parse_qs(urlsplit(path).query)
        if method != "GET" or query.get("grant_type") != ["client_credentials"]:
            return Reply(400, b"", "token_400")
        if self._basic(headers.get("authorization")) != (
            self.config.consumer_key,
            self.config.consumer_secret,
        ):
            return Reply(400, b"", "token_400")  # KRA: wrong credentials -> 400, empty body
        token = secrets.token_urlsafe(24)
        with self._lock:
            now = self._clock()
            self._tokens = {t: e for t, e in self._tokens.items() if e > now}  # forget expired ones
            self._tokens[token] = now + self.config.token_lifetime
            self.tokens_issued += 1
        lifetime = f"{self.config.token_lifetime:.0f}"
        return Reply(200, dumps({"access_token": token, "expires_in": lifetime}), "token")

    @staticmethod
    def _basic(value: str | None) -> tuple[str, str] | None:
        scheme, _, encoded = (value or "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, sep, password = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return (user, password) if sep else None

    def expire_tokens(self) -> None:
        """Every token issued so far stops working now (what expiry does after an hour)."""
        with self._lock:
            now = self._clock()
            self._tokens = {t: min(e, now) for t, e in self._tokens.items()}

    # -- after it -----------------------------------------------------------------------------------
    def wrap(self, answer: Answer) -> tuple[int, bytes]:
        """The gateway's HTTP status and body for the eTIMS service's answer."""
        header = {"responseCode": "000", "responseRefID": secrets.token_hex(8)}
        message = answer.message or MESSAGES.get(answer.code, "Request failed")
        result = {"resultCd": answer.code, "resultMsg": f"{message} ", "resultDt": kra_datetime(now_utc())}
        if answer.code == "000":
            header |= {"customerMessage": "Success ", "debugMessage": "Success "}
            return 200, dumps({"responseHeader": header, "responseBody": {**result, "data": answer.data}})
        if answer.code == "001":
            with self._lock:
                self._no_results += 1
                status = 400 if self.config.flaky_no_result and self._no_results % 2 == 0 else 200
            header |= {"responseCode": "001", "customerMessage": f"{message} ", "debugMessage": f"{message} "}
            return status, dumps({"responseHeader": header, "responseBody": {**result, "data": None}})
        status = 500 if answer.code in SERVER_SIDE else 400
        header |= {
            "responseCode": str(status),
            "customerMessage": "Request failed ",
            "debugMessage": answer.debug or gateway_words(message),
        }
        return status, dumps({"responseHeader": header, "responseBody": None})
