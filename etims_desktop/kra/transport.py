"""The wire under the shared httpx client: aiohttp's HTTP/1.1 (C parser, one write per request).

httpx stays the API - timeouts, limits, redirects off, TLS verification, respx in tests - and only
the byte work moves: a sale costs 0.67 ms of CPU instead of 1.26 ms through httpcore on this
project's machine (docs/PERFORMANCE.md), which is what lets 20 devices drain in parallel on 2 cores.

What matters most here is the error mapping. The client tells "nothing left this computer" (safe to
send again later) from "the request may have arrived" (ask KRA before anything else) by the httpx
exception class, so every aiohttp failure becomes the httpx class that means the same thing:

    could not connect (refused, DNS, TLS handshake)  -> httpx.ConnectError     (nothing sent)
    no connection in time (connect or pool wait)     -> httpx.ConnectTimeout   (nothing sent)
    no answer in time                                -> httpx.ReadTimeout      (outcome unknown)
    connection dropped, reset, half an answer        -> httpx.RemoteProtocolError / ReadError (unknown)
    an answer larger than MAX_REPLY_BYTES            -> ReplyTooLarge (a DecodingError: it may have arrived)

The total time a request may take is the caller's (KraClient's deadline), not this transport's: a
host that trickles one byte every few seconds never trips a read timeout, only a deadline.

aiohttp never retries a POST by itself (only idempotent methods), so a sale is sent once per call.
aiohttp is imported on the first request, not at start-up (~0.3 s of imports).
"""

from __future__ import annotations

import asyncio
import ssl
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:  # only for annotations: aiohttp itself is imported on the first request
    import aiohttp

# The largest answer read into memory. eTIMS' biggest reply, the full item-class list, is ~2 MB; a
# 400 MB answer once took 1.3 GB of RAM to read whole. Over the cap the answer is dropped unread.
MAX_REPLY_BYTES = 16 * 1024 * 1024


class ReplyTooLarge(httpx.DecodingError):
    """The answer was bigger than MAX_REPLY_BYTES: it is not read (it may still mean the request arrived)."""


@cache
def _aiohttp() -> ModuleType:
    import aiohttp  # noqa: PLC0415 - deferred to the first request: see the module docstring

    return aiohttp


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An httpx transport that sends through one aiohttp ClientSession (per event loop)."""

    def __init__(
        self, *, verify: ssl.SSLContext, limits: httpx.Limits, max_reply_bytes: int = MAX_REPLY_BYTES
    ) -> None:
        self.ssl_context = verify
        self.limits = limits
        self.max_reply_bytes = max_reply_bytes
        # One session per event loop: the window's loop, and the loop a Sync run started from the
        # window runs on in its own thread (ui/board/sync_controller.py). Each closes its own (aclose_this_loop).
        self._sessions: dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = {}

    def _session_for_this_loop(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._sessions.get(loop)
        if session is None or session.closed:
            for gone in [other for other in self._sessions if other.is_closed()]:
                del self._sessions[gone]  # a loop that has ended took its connections with it
            aiohttp = _aiohttp()
            connector = aiohttp.TCPConnector(
                ssl=self.ssl_context,  # our certificate-verifying context, never False
                limit=self.limits.max_connections or 0,
                keepalive_timeout=self.limits.keepalive_expiry,
            )
            session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),  # eTIMS sets no cookies; keep none
                auto_decompress=False,  # httpx decodes (and reports a broken body as DecodingError)
                trust_env=False,  # httpx routes proxied URLs to its own proxy transports
            )
            self._sessions[loop] = session
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session_for_this_loop()
        timeout = request.extensions.get("timeout", {})
        try:
            async with session.request(
                request.method,
                str(request.url),
                headers=request.headers.multi_items(),  # httpx's headers, as they are
                data=request.content or None,
                allow_redirects=False,
                timeout=_aiohttp().ClientTimeout(
                    total=None,
                    connect=_sum(timeout.get("pool"), timeout.get("connect")),  # a free connection, connected
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                ),
            ) as response:
                body = await _read_capped(response, self.max_reply_bytes)
                return httpx.Response(
                    status_code=response.status,
                    headers=response.raw_headers,
                    stream=httpx.ByteStream(body),
                    request=request,
                    extensions={
                        "http_version": b"HTTP/1.1",
                        "reason_phrase": (response.reason or "").encode("ascii", "replace"),
                    },
                )
        except ReplyTooLarge as exc:
            exc.request = request
            raise
        except Exception as exc:
            mapped = httpx_error_for(exc)
            if mapped is None:
                raise  # not a transport failure: a bug, let it show as itself
            raise mapped(str(exc) or type(exc).__name__, request=request) from exc

    async def aclose_this_loop(self) -> None:
        """Close the running loop's session (its connections); the other loops' stay open."""
        session = self._sessions.pop(asyncio.get_running_loop(), None)
        if session is not None and not session.closed:
            await session.close()

    async def aclose(self) -> None:
        await self.aclose_this_loop()
        self._sessions.clear()  # another loop's session can only be closed on its own loop


async def _read_capped(response: aiohttp.ClientResponse, limit: int) -> bytes:
    """The whole body, or ReplyTooLarge as soon as it is known to be over `limit` bytes."""
    if (response.content_length or 0) > limit:
        raise ReplyTooLarge(
            f"the answer announces {response.content_length} bytes, over the {limit} byte limit"
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_any():
        size += len(chunk)
        if size > limit:
            raise ReplyTooLarge(f"the answer is over the {limit} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _sum(*parts: float | None) -> float | None:
    known = [part for part in parts if part is not None]
    return None if len(known) < len(parts) else sum(known)


def httpx_error_for(exc: Exception) -> type[httpx.TransportError] | None:
    """The httpx error class that means what this aiohttp failure means (None: not a transport failure)."""
    aiohttp = _aiohttp()
    errors = aiohttp.client_exceptions
    # Order matters: ClientConnectorError is a ClientOSError, ConnectionTimeoutError a ServerTimeoutError.
    if isinstance(exc, errors.ClientProxyConnectionError):
        return httpx.ProxyError
    if isinstance(exc, errors.ClientConnectorError):
        return httpx.ConnectError
    if isinstance(exc, errors.ConnectionTimeoutError):
        return httpx.ConnectTimeout
    if isinstance(exc, errors.InvalidURL | errors.NonHttpUrlClientError):
        return httpx.UnsupportedProtocol
    if isinstance(exc, errors.ServerTimeoutError | TimeoutError):
        return httpx.ReadTimeout
    if isinstance(exc, errors.ClientPayloadError | errors.ClientOSError):
        return httpx.ReadError
    if isinstance(exc, aiohttp.ClientError):  # disconnected, a garbled answer, ...: it may have arrived
        return httpx.RemoteProtocolError
    if isinstance(exc, OSError):  # a socket error aiohttp did not wrap: assume the worst, it may have arrived
        return httpx.ReadError
    return None
