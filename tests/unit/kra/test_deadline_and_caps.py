"""A host that trickles its answer, or sends a huge one, never holds a device or the memory; a CMC key
never goes out over plain http to another computer. Real sockets on 127.0.0.1 (respx only where no
byte may leave)."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from etims_desktop.domain.addresses import sends_in_clear
from etims_desktop.domain.device import EndpointStyle
from etims_desktop.kra import errors as e
from etims_desktop.kra.client import DEFAULT_DEADLINE, KraClient, make_http_client, tls_context
from etims_desktop.kra.models import SaleRequest
from etims_desktop.kra.transport import MAX_REPLY_BYTES, AiohttpTransport

from .helpers import BRANCH, KEY, PIN, Loopback, envelope, sale_body

pytestmark = pytest.mark.anyio


def sale() -> SaleRequest:
    return SaleRequest.model_validate(sale_body())


def client(http, url: str, **kwargs) -> KraClient:
    return KraClient(http, url, tin=PIN, bhf_id=BRANCH, cmc_key=KEY, **kwargs)


async def test_a_trickled_answer_past_the_deadline_is_an_unknown_outcome(http):
    async with Loopback(None) as server:
        server.behaviour = server.trickle(every=0.2)
        kra = client(http, server.url, timeout=httpx.Timeout(5.0), deadline=1.0)  # read timeout never trips
        started = time.monotonic()
        with pytest.raises(e.OutcomeUnknown) as caught:
            await kra.save_sale(sale())
        elapsed = time.monotonic() - started
        assert len(server.requests) == 1 and server.trickled >= 3  # sent, and bytes kept coming
    assert 1.0 <= elapsed < 3.0, elapsed
    assert caught.value.code == "TIMEOUT"
    assert "within 1 seconds" in caught.value.plain and "may or may not have arrived" in caught.value.plain


async def test_every_client_has_a_deadline(http):
    assert client(http, "https://x.invalid").deadline == DEFAULT_DEADLINE <= 60
    assert client(http, "https://x.invalid", deadline=-1).deadline == DEFAULT_DEADLINE  # a bad setting


@pytest.fixture
async def capped_http():
    limits = httpx.Limits(max_connections=4)
    http = make_http_client(
        transport=AiohttpTransport(verify=tls_context(), limits=limits, max_reply_bytes=100_000)
    )
    yield http
    await http.aclose()


async def test_an_answer_announced_over_the_cap_is_not_read(capped_http):
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400000000\r\n\r\n"
    async with Loopback(None) as server:
        server.behaviour = server.trickle(every=5.0, head=head)
        with pytest.raises(e.MalformedReply) as caught:
            await client(capped_http, server.url, deadline=10).save_sale(sale())
        assert server.trickled <= 2  # refused by its header, not after waiting for the body
    assert "far larger than any eTIMS answer" in caught.value.plain
    assert "may or may not have arrived" in caught.value.plain


async def test_an_endless_answer_is_cut_at_the_cap(capped_http):
    async with Loopback(None) as server:
        server.behaviour = server.flood()
        with pytest.raises(e.MalformedReply, match="far larger"):
            await client(capped_http, server.url, deadline=10).check()
        await asyncio.wait_for(server.hung_up.wait(), 5)  # the client dropped the connection, unread


async def test_an_answer_under_the_cap_is_read(capped_http):
    padding = "x" * 90_000
    async with Loopback(Loopback.reply(200, envelope(data={"noticeList": []}, msg=padding))) as server:
        assert await client(capped_http, server.url).check() >= 0
    assert MAX_REPLY_BYTES == 16 * 1024 * 1024


@pytest.mark.parametrize(
    ("url", "in_clear"),
    [
        ("http://192.0.2.10:8088/etims-api", True),
        ("http://kra.example.com/etims-api", True),
        ("HTTP://10.0.0.5", True),
        ("http://localhost:8088", False),
        ("http://127.0.0.1:8088/etims-api", False),
        ("http://127.8.9.10", False),
        ("http://[::1]:8088", False),
        ("https://etims-api.kra.go.ke/etims-api", False),
        ("https://192.0.2.10", False),
    ],
)
def test_which_addresses_send_in_clear(url, in_clear):
    assert sends_in_clear(url) is in_clear


async def test_an_oscu_key_is_refused_over_plain_http_before_anything_is_sent(http):
    import respx

    with respx.mock(assert_all_mocked=True, assert_all_called=False, using="httpx") as router:
        route = router.post("http://192.0.2.10/etims-api/selectNoticeList").respond(json=envelope())
        with pytest.raises(e.InsecureAddress) as caught:
            await client(http, "http://192.0.2.10/etims-api").check()
        assert not route.called
    assert isinstance(caught.value, e.CredentialError)  # the drain keeps the sale waiting, unsent
    assert "not encrypted" in caught.value.plain and "https://" in caught.value.next_step
    assert KEY not in str(caught.value)


async def test_a_vscu_on_the_shops_network_gets_no_key(http):
    import respx

    with respx.mock(assert_all_mocked=True, assert_all_called=False, using="httpx") as router:
        route = router.post("http://192.0.2.10:8088/notices/selectNotices").respond(json=envelope("001"))
        kra = client(http, "http://192.0.2.10:8088", vscu=True, style=EndpointStyle.NESTED)
        await kra.check()
        sent = route.calls.last.request
    assert "cmcKey" not in sent.headers and sent.headers["tin"] == PIN
