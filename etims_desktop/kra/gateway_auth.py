"""KRA's API gateway (developer.go.ke): the app's credentials and the OAuth2 access token.

The gateway wants `Authorization: Bearer <token>` on every call. A token comes from
`GET <host>/v1/token/generate?grant_type=client_credentials` with HTTP Basic (consumer key : secret)
and lives `expires_in` seconds (KRA answers "3599", as a string). `AccessTokens` fetches one when
first needed, renews it shortly before it expires, and again when the gateway answers 401 (the
client retries that call once). Concurrent calls share one fetch.

Tokens, the consumer key and secret and the integration token are registered with the log
redaction filter and never appear in an error message.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

import httpx

from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP, Said
from etims_desktop.kra.errors import ConnectFailed, GatewayAccessDenied
from etims_desktop.kra.loop_lock import ThreadSafeLock
from etims_desktop.kra.redaction import forget_secret, redact, register_secret

__all__ = ["AccessTokens", "GatewayCredentials"]

NO_TOKEN = QT_TRANSLATE_NOOP("Core", "Could not get an access token from KRA's API gateway.")
NO_TOKEN_NEXT = QT_TRANSLATE_NOOP(
    "Core", "Check the internet connection. Sales wait safely and go as soon as it is back."
)
TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "Core", "KRA's API gateway did not hand out an access token (HTTP {status})."
)
TOKEN_REFUSED_NEXT = QT_TRANSLATE_NOOP(
    "Core", "Nothing to do: the app tries again later. If it lasts, check KRA's status on developer.go.ke."
)

log = logging.getLogger("etims_desktop.kra")

TOKEN_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
DEFAULT_LIFETIME = 3599.0  # what KRA's sandbox answers; used when expires_in is missing or unreadable
RENEW_MARGIN = 60.0  # renew this long before expiry (a tenth of the lifetime if that is shorter)


class AccessTokens:
    """One gateway app's access token: fetched on demand, renewed before expiry or when rejected."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        token_url: str,
        credentials: GatewayCredentials,
        *,
        clock: Callable[[], float] = time.monotonic,
        timeout: httpx.Timeout = TOKEN_TIMEOUT,
    ) -> None:
        self._http = http
        self.token_url = token_url
        self._credentials = credentials
        self._clock = clock
        self._timeout = timeout
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = ThreadSafeLock()  # the window's loop and a Sync run's loop may both ask
        self.fetches = 0  # how many tokens were fetched (for tests and the Go-Live report)

    @property
    def apigee_app_id(self) -> str:
        return self._credentials.apigee_app_id

    def __repr__(self) -> str:
        return f"AccessTokens({self.token_url!r}, token={'set' if self._token else 'none'})"

    async def get(self) -> str:
        """A token valid for at least the renewal margin; fetched if there is none or it is old."""
        if self._token is not None and self._clock() < self._renew_at:
            return self._token
        async with self._lock:
            if self._token is None or self._clock() >= self._renew_at:
                await self._fetch()
            assert self._token is not None  # _fetch sets it or raises
            return self._token

    def invalidate(self, token: str) -> None:
        """The gateway refused `token` (401): the next get() fetches a new one."""
        if token == self._token:
            self._token = None
            forget_secret(token)

    async def _fetch(self) -> None:
        try:
            response = await self._http.get(
                self.token_url,
                params={"grant_type": "client_credentials"},
                auth=httpx.BasicAuth(self._credentials.consumer_key, self._credentials.consumer_secret),
                timeout=self._timeout,
            )
        except (httpx.RequestError, httpx.InvalidURL) as exc:
            # Only the token request was tried: the call it was for has not been sent at all.
            raise ConnectFailed(
                NO_TOKEN,
                NO_TOKEN_NEXT,
                endpoint="token",
                detail=redact(f"{type(exc).__name__}: {exc}"),
            ) from None
        status = response.status_code
        if status in (400, 401, 403):  # KRA answers wrong credentials with 400 and an empty body
            raise GatewayAccessDenied(endpoint="token", detail=f"token request: HTTP {status}")
        token, lifetime = _read_token(response) if status == 200 else (None, 0.0)
        if not token:
            raise ConnectFailed(
                Said(TOKEN_REFUSED, status=status),
                TOKEN_REFUSED_NEXT,
                code="TOKEN",
                endpoint="token",
                detail=f"token request: HTTP {status}",
            )
        register_secret(token)
        if self._token:
            forget_secret(self._token)
        self._token = token
        self._renew_at = self._clock() + lifetime - min(RENEW_MARGIN, lifetime / 10)
        self.fetches += 1
        log.debug("gateway access token fetched, valid for %.0f s", lifetime)


def _read_token(response: httpx.Response) -> tuple[str | None, float]:
    try:
        payload = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None, DEFAULT_LIFETIME
    if not isinstance(payload, dict):
        return None, DEFAULT_LIFETIME
    token = payload.get("access_token")
    try:
        lifetime = float(str(payload.get("expires_in", DEFAULT_LIFETIME)).strip())
    except ValueError:
        lifetime = DEFAULT_LIFETIME
    if lifetime <= 0:
        lifetime = DEFAULT_LIFETIME
    return (token.strip() if isinstance(token, str) and token.strip() else None), lifetime
