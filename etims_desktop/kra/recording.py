"""An httpx transport that keeps every exchange (for the Go-Live evidence report), secrets masked.

It wraps the real transport: requests go out unchanged; what is kept is a copy with credential
headers replaced by "***" and the body as text. Masking of secrets inside bodies (a CMC key in an
initialisation reply, an access token) happens when the report is written (`masked_exchange`),
when every secret of the run has been registered with the redaction filter.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import httpx

from etims_desktop.kra.redaction import redact

SECRET_HEADERS = frozenset({"authorization", "cmckey", "proxy-authorization"})
SECRET_FIELDS = frozenset(
    {"cmckey", "access_token", "consumer_secret", "integration_token", "signkey", "intrlkey"}
)
MAX_BODY = 20_000  # characters kept per body (item class lists are large)


@dataclass(frozen=True)
class RecordedExchange:
    method: str
    url: str
    request_headers: dict[str, str]
    request_body: str
    status: int | None  # None: no answer (the error says why)
    response_body: str
    seconds: float
    error: str | None = None


class RecordingTransport(httpx.AsyncBaseTransport):
    """Sends through `inner` and appends a RecordedExchange to `exchanges` for every request."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.exchanges: list[RecordedExchange] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        headers = {
            name: ("***" if name.lower() in SECRET_HEADERS else value)
            for name, value in request.headers.items()
        }
        body = (request.content or b"").decode("utf-8", "replace")
        try:
            response = await self.inner.handle_async_request(request)
            content = await response.aread()
        except httpx.HTTPError as exc:
            self.exchanges.append(
                RecordedExchange(
                    request.method, str(request.url), headers, body, None, "", time.perf_counter() - started,
                    f"{type(exc).__name__}: {exc}",
                )
            )  # fmt: skip
            raise
        self.exchanges.append(
            RecordedExchange(
                request.method, str(request.url), headers, body, response.status_code,
                content.decode("utf-8", "replace"), time.perf_counter() - started,
            )
        )  # fmt: skip
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=httpx.ByteStream(content),
            request=request,
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


def masked_exchange(exchange: RecordedExchange) -> dict[str, Any]:
    """The exchange as plain JSON values, every registered secret and every secret field masked."""
    return {
        "method": exchange.method,
        "url": redact(exchange.url),
        "request_headers": {k: redact(v) for k, v in exchange.request_headers.items()},
        "request_body": _masked_body(exchange.request_body),
        "status": exchange.status,
        "response_body": _masked_body(exchange.response_body),
        "ms": round(exchange.seconds * 1000, 1),
        "error": redact(exchange.error),
    }


def _masked_body(text: str) -> Any:
    try:
        value = json.loads(text) if text.strip() else None
    except ValueError:
        return redact(text[:MAX_BODY])
    masked = _mask(value)
    if len(json.dumps(masked, default=str)) > MAX_BODY:
        return (redact(json.dumps(masked, default=str)[:MAX_BODY]) or "") + " ... (cut)"
    return masked


def _mask(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: "***" if k.lower() in SECRET_FIELDS and v else _mask(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(v) for v in value]
    if isinstance(value, str):
        return redact(value)
    return value
