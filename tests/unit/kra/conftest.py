from __future__ import annotations

import httpx
import pytest
import respx

from etims_desktop.domain.device import EndpointStyle
from etims_desktop.kra.client import KraClient, make_http_client

from .helpers import BASE, BRANCH, KEY, PIN


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def http():
    client = make_http_client()
    yield client
    await client.aclose()


@pytest.fixture
def kra_api():
    """respx router for BASE; unmatched requests fail the test instead of going anywhere."""
    # using="httpx": respx stands in for whatever transport the shared client has (ours is aiohttp)
    with respx.mock(base_url=BASE, assert_all_called=False, assert_all_mocked=True, using="httpx") as router:
        yield router


@pytest.fixture
def make_client(http):
    def make(
        *,
        base_url: str = BASE,
        style: EndpointStyle = EndpointStyle.FLAT,
        vscu: bool = False,
        cmc_key: str | None = KEY,
        timeout: httpx.Timeout | None = None,
    ) -> KraClient:
        return KraClient(
            http, base_url, tin=PIN, bhf_id=BRANCH, cmc_key=cmc_key, style=style, vscu=vscu, timeout=timeout
        )

    return make


@pytest.fixture
def kra(make_client) -> KraClient:
    return make_client()
