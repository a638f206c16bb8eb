"""No usable answer: each way a call can fail on the wire becomes the right TransportError.

The real failures run against a misbehaving server on 127.0.0.1; the httpx exception mapping is
also checked one class at a time with respx.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import ssl
import subprocess

import aiohttp
import httpx
import pytest
from aiohttp.client_reqrep import ConnectionKey

from etims_desktop.domain.device import EndpointStyle
from etims_desktop.kra import errors as e
from etims_desktop.kra.client import (
    CHECK_TIMEOUT,
    DEFAULT_TIMEOUT,
    INIT_TIMEOUT,
    KraClient,
    make_http_client,
    tls_context,
)
from etims_desktop.kra.models import SaleRequest
from etims_desktop.kra.transport import AiohttpTransport, httpx_error_for

from .helpers import Loopback, envelope, sale_body

pytestmark = pytest.mark.anyio

CONNECTION_KEY = ConnectionKey("127.0.0.1", 9, False, True, None, None, None)
SHORT = httpx.Timeout(0.3)  # the server under test never answers: keep the wait short


def sale() -> SaleRequest:
    return SaleRequest.model_validate(sale_body())


@pytest.mark.parametrize(
    ("exc", "cls", "code"),
    [
        (httpx.ConnectError("refused"), e.ConnectFailed, "CONNECT"),
        (httpx.ConnectTimeout("connect timed out"), e.ConnectFailed, "CONNECT"),
        (httpx.PoolTimeout("no free connection"), e.ConnectFailed, "CONNECT"),
        (httpx.ReadTimeout("read timed out"), e.OutcomeUnknown, "TIMEOUT"),
        (httpx.WriteTimeout("write timed out"), e.OutcomeUnknown, "TIMEOUT"),
        (httpx.RemoteProtocolError("Server disconnected"), e.OutcomeUnknown, "DROPPED"),
        (httpx.ReadError("connection reset"), e.OutcomeUnknown, "DROPPED"),
        (httpx.WriteError("broken pipe"), e.OutcomeUnknown, "DROPPED"),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else None,
)
async def test_httpx_errors_map_to_transport_errors(kra_api, kra, exc, cls, code):
    kra_api.post("/saveTrnsSalesOsdc").mock(side_effect=exc)
    with pytest.raises(e.TransportError) as caught:
        await kra.save_sale(sale())
    assert type(caught.value) is cls and caught.value.code == code
    assert caught.value.detail.startswith(type(exc).__name__)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


async def test_connection_refused(make_client):
    with socket.socket() as sock:  # a port that nothing listens on any more
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    oscu = make_client(base_url=f"http://127.0.0.1:{port}/etims-api")
    with pytest.raises(e.ConnectFailed) as caught:
        await oscu.check()
    assert caught.value.plain == "Could not connect to KRA." and "internet" in caught.value.next_step
    vscu = make_client(base_url=f"http://127.0.0.1:{port}", vscu=True, style=EndpointStyle.NESTED)
    with pytest.raises(e.ConnectFailed) as caught:
        await vscu.save_sale(sale())
    assert f"VSCU service at http://127.0.0.1:{port}" in caught.value.plain
    assert "Start the KRA VSCU service" in caught.value.next_step


async def test_invalid_address_is_a_connect_failure(make_client):
    with pytest.raises(e.ConnectFailed, match="not a valid web address"):
        await make_client(base_url="ftp://127.0.0.1:21").check()


async def test_no_answer_in_time_is_an_unknown_outcome(make_client):
    async with Loopback(None) as server:
        server.behaviour = server.hang()
        with pytest.raises(e.OutcomeUnknown) as caught:
            await make_client(base_url=server.url, timeout=SHORT).save_sale(sale())
        assert len(server.requests) == 1  # it WAS sent: KRA may have signed it
    assert caught.value.code == "TIMEOUT" and "may or may not" in caught.value.plain
    assert "asks KRA whether it arrived" in caught.value.next_step


@pytest.mark.parametrize("behaviour", [Loopback.drop, Loopback.half_answer], ids=["no-status", "half-body"])
async def test_connection_dropped_mid_way_is_an_unknown_outcome(make_client, behaviour):
    async with Loopback(behaviour) as server:
        with pytest.raises(e.OutcomeUnknown) as caught:
            await make_client(base_url=server.url, timeout=httpx.Timeout(5.0)).save_sale(sale())
        assert len(server.requests) == 1
    assert caught.value.code == "DROPPED"


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (500, "<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html"),
        (502, "<html>Bad Gateway</html>", "text/html"),
        (404, envelope("000"), "application/json"),  # a KRA-looking body does not make a 404 an answer
        (200, "<!DOCTYPE html><html>Maintenance</html>", "text/html"),
        (200, "<html>Maintenance</html>", "application/json"),
    ],
    ids=["500-html", "502-html", "404-json", "200-html", "200-html-mislabelled"],
)
async def test_http_errors_and_html_pages(make_client, status, body, content_type):
    async with Loopback(Loopback.reply(status, body, content_type)) as server:
        with pytest.raises(e.BadHttpStatus) as caught:
            await make_client(base_url=server.url).save_sale(sale())
    assert caught.value.status == status and caught.value.code == "HTTP"
    assert "instead of data" in caught.value.plain


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("resultCd=000", "is not JSON"),
        ("", "is not JSON"),
        ('{"resultCd": "000"', "is not JSON"),
        ('[{"resultCd": "000"}]', "is a JSON list"),
        ('"000"', "is a JSON str"),
        ('{"resultMsg": "Successful", "data": null}', "has no result code"),
        ('{"resultCd": null, "resultMsg": "Successful"}', "has no result code"),
    ],
    ids=["text", "empty", "truncated", "list", "string", "no-resultCd", "null-resultCd"],
)
async def test_malformed_bodies(make_client, body, why):
    async with Loopback(Loopback.reply(200, body)) as server:
        with pytest.raises(e.MalformedReply) as caught:
            await make_client(base_url=server.url).save_sale(sale())
    assert why in caught.value.plain and caught.value.code == "BODY"


async def test_json_labelled_as_html_is_still_read(make_client):
    data = {"curRcptNo": 2, "rcptSign": "S" * 16}
    async with Loopback(Loopback.reply(200, envelope(data=data), "text/html;charset=UTF-8")) as server:
        reply = await make_client(base_url=server.url).save_sale(sale())
    assert reply.cur_rcpt_no == 2


async def test_a_broken_compressed_body_is_malformed(make_client):
    async def bad_gzip(writer):
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 8\r\n\r\nnot gzip")
        await writer.drain()

    async with Loopback(bad_gzip) as server:
        with pytest.raises(e.MalformedReply, match="could not be decoded"):
            await make_client(base_url=server.url).save_sale(sale())


async def test_a_real_answer_over_loopback(make_client):
    """The same server plumbing, answering properly: the client reads it."""
    data = {
        "curRcptNo": 1,
        "totRcptNo": 1,
        "intrlData": "I" * 26,
        "rcptSign": "S" * 16,
        "sdcDateTime": "20240415153039",
    }
    async with Loopback(Loopback.reply(200, envelope(data=data))) as server:
        reply = await make_client(base_url=server.url).save_sale(sale())
        head = server.requests[0][0].decode().lower()
    assert reply.rcpt_sign == "S" * 16
    assert head.startswith("post /etims-api/savetrnssalesosdc http/1.1") and "cmckey:" in head


async def test_shared_http_client_verifies_tls_and_has_explicit_limits():
    async with make_http_client() as http:
        assert (
            http.timeout == DEFAULT_TIMEOUT
            and DEFAULT_TIMEOUT.read == 120.0
            and DEFAULT_TIMEOUT.connect == 10.0
        )
        assert not http.follow_redirects
        transport = http._transport  # httpx keeps it private; what it was given is what matters
        assert isinstance(transport, AiohttpTransport)
        assert transport.ssl_context is tls_context() and transport.limits.max_connections == 20
    context = tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname


async def test_a_self_signed_kra_is_refused_before_anything_is_sent(make_client, tmp_path):
    """TLS verification is on in the transport that really sends: an unverifiable server gets nothing."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    received: list[bytes] = []

    async def serve(reader, writer):
        try:
            received.append(await reader.read(100))
        except (ssl.SSLError, ConnectionError):
            pass
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=server_context)
    port = server.sockets[0].getsockname()[1]
    try:
        with pytest.raises(e.ConnectFailed) as caught:
            await make_client(base_url=f"https://127.0.0.1:{port}/etims-api").save_sale(sale())
    finally:
        server.close()
        await server.wait_closed()
    assert "certificate" in caught.value.detail.lower()
    assert not any(received)  # not a byte of the sale (or the key) reached the impostor


@pytest.mark.parametrize(
    ("failure", "means"),
    [
        (lambda a: a.ClientConnectorError(CONNECTION_KEY, OSError(111, "refused")), httpx.ConnectError),
        (lambda a: a.ClientConnectorCertificateError(CONNECTION_KEY, ssl.SSLError()), httpx.ConnectError),
        (lambda a: a.ClientProxyConnectionError(CONNECTION_KEY, OSError()), httpx.ProxyError),
        (lambda a: a.ConnectionTimeoutError("no connection in time"), httpx.ConnectTimeout),
        (lambda a: a.SocketTimeoutError("no answer in time"), httpx.ReadTimeout),
        (lambda a: a.ServerTimeoutError("no answer in time"), httpx.ReadTimeout),
        (lambda a: TimeoutError(), httpx.ReadTimeout),
        (lambda a: a.ServerDisconnectedError(), httpx.RemoteProtocolError),
        (lambda a: a.ClientOSError(104, "connection reset"), httpx.ReadError),
        (lambda a: a.ClientPayloadError("half a body"), httpx.ReadError),
        (
            lambda a: a.ClientResponseError(None, (), status=400, message="garbled status line"),
            httpx.RemoteProtocolError,
        ),  # fmt: skip
        (lambda a: ConnectionResetError(), httpx.ReadError),
        (lambda a: a.InvalidUrlClientError("ftp://x"), httpx.UnsupportedProtocol),
        (lambda a: ValueError("a bug"), None),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else "",
)
def test_aiohttp_failures_keep_their_meaning(failure, means):
    """'Nothing was sent' and 'it may have arrived' stay apart whatever aiohttp raises."""
    assert httpx_error_for(failure(aiohttp)) is means


async def test_per_client_timeouts(http):
    plain = KraClient(http, "http://127.0.0.1:9", tin="P051234567X", bhf_id="00")
    assert (plain.timeout, plain.init_timeout, plain.check_timeout) == (
        DEFAULT_TIMEOUT,
        INIT_TIMEOUT,
        CHECK_TIMEOUT,
    )
    assert INIT_TIMEOUT.read == 30.0
    short = KraClient(http, "http://127.0.0.1:9", tin="P051234567X", bhf_id="00", timeout=SHORT)
    assert short.timeout == short.init_timeout == short.check_timeout == SHORT


async def test_the_client_keeps_no_cookies(make_client):
    """A server setting a cookie does not get it back: the client stores none (and reads none)."""
    answer = json.dumps(envelope(data={"noticeList": []})).encode()

    async def with_cookie(writer):
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: session=abc; Path=/\r\n"
            + f"Content-Length: {len(answer)}\r\nConnection: close\r\n\r\n".encode()
            + answer
        )
        await writer.drain()

    async with Loopback(with_cookie) as server:
        kra = make_client(base_url=server.url)
        await kra.check()
        await kra.check()
        second_head = server.requests[1][0].decode().lower()
    assert "cookie:" not in second_head
    with pytest.raises(ValueError, match="no cookies"):
        kra._http.cookies = {"session": "abc"}
