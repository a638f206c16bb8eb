"""Fuzzing the wire itself: whatever bytes a server sends back on a real loopback socket - garbled status
lines, broken headers, lying lengths, half answers, silence - the real transport (httpx over aiohttp)
turns them into a typed reply or a typed KraError. Never another exception, never a hang."""

from __future__ import annotations

import asyncio
import json

import httpx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from etims_desktop.kra.client import KraClient, make_http_client
from etims_desktop.kra.errors import ConnectFailed, KraError
from etims_desktop.kra.models import SaleReply

PIN, BRANCH = "P051234567X", "00"
KEY = "0ddba11cafe4bad0123456789abcdef0"
GOOD = json.dumps(
    {"resultCd": "000", "resultMsg": "ok", "resultDt": "20240415153039",
     "data": {"curRcptNo": 1, "totRcptNo": 1, "intrlData": "I" * 26, "rcptSign": "S" * 16,
              "sdcDateTime": "20240415153039"}}
).encode()  # fmt: skip

STATUS_LINES = st.sampled_from(
    [b"HTTP/1.1 200 OK", b"HTTP/1.1 500 Oops", b"HTTP/1.0 200 OK", b"HTTP/1.1 200", b"HTTP/2 200 OK",
     b"HTTP/1.1 99 Odd", b"HTTP/1.1 abc OK", b"ICY 200 OK", b"", b"HTTP/1.1 200 OK\x00", b"\xff\xfe"]
) | st.binary(max_size=30)  # fmt: skip
HEADER_LINES = st.lists(
    st.sampled_from(
        [b"Content-Type: application/json", b"Content-Length: 5", b"Content-Length: 99999",
         b"Content-Length: -1", b"Content-Length: abc", b"Transfer-Encoding: chunked",
         b"Content-Encoding: gzip", b"Content-Encoding: br", b"Connection: close", b"Set-Cookie: a=b",
         b"X-Junk: \x01\x02", b"no colon here", b": empty name", b"Retry-After: soon"]
    ) | st.binary(max_size=40),
    max_size=6,
)  # fmt: skip
BODIES = st.sampled_from(
    [GOOD, b"", b"{", b"<html>down</html>", b"0\r\n\r\n", b"5\r\nhello\r\n0\r\n\r\n"]
) | st.binary(max_size=300)
ENDINGS = st.sampled_from(["close", "close", "hang"])  # hang: answer part, then say nothing more


def exchange(raw: bytes, ending: str):
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lengths = [line for line in head.lower().split(b"\r\n") if line.startswith(b"content-length:")]
            await reader.readexactly(int(lengths[0].split(b":")[1]) if lengths else 0)
            writer.write(raw)
            await writer.drain()
            if ending == "hang":
                await asyncio.sleep(1)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def run():
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/etims-api"
        try:
            async with make_http_client(timeout=httpx.Timeout(0.3)) as http:
                client = KraClient(http, url, tin=PIN, bhf_id=BRANCH, cmc_key=KEY)
                return await client.check()
        finally:
            server.close()

    return asyncio.run(run())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(status=STATUS_LINES, headers=HEADER_LINES, body=BODIES, ending=ENDINGS)
def test_any_bytes_on_the_wire_are_a_typed_result_or_a_typed_error(status, headers, body, ending):
    raw = status + b"\r\n" + b"".join(line + b"\r\n" for line in headers) + b"\r\n" + body
    try:
        exchange(raw, ending)
    except KraError as error:
        event(type(error).__name__)
        assert not isinstance(error, ConnectFailed)  # the request was sent: never "nothing left"
        assert error.code and error.plain.strip() and error.next_step.strip()
        assert KEY not in f"{error} {error!r} {error.detail or ''}"
        return
    event("reply")


def test_a_proper_answer_on_the_same_wire_is_read():
    """The fuzz server is not simply broken: a well-formed answer comes back as a reply."""
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
        len(GOOD),
        GOOD,
    )
    assert isinstance(exchange(raw, "close"), float)  # check() returns the round trip in seconds
    assert SaleReply.model_validate(json.loads(GOOD)["data"]).rcpt_sign == "S" * 16
