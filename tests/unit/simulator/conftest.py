"""Simulators on loopback and plain httpx clients that talk to them (no project client code)."""

from __future__ import annotations

import ssl

import httpx
import pytest

from etims_desktop.kra.simulator import Simulator, SimulatorConfig

from .documents import BRANCH, PIN, SERIAL, dumps, item_doc

# Plain HTTP on loopback never uses TLS, but every httpx client builds a context (~30 ms): share one.
SHARED_TLS = ssl.create_default_context()


def http_client(**kwargs) -> httpx.Client:
    return httpx.Client(verify=SHARED_TLS, **kwargs)


def post(url: str, body: object = None, headers: dict | None = None, **kwargs) -> httpx.Response:
    """One request on its own connection."""
    content = body if isinstance(body, bytes) else dumps(body if body is not None else {})
    with http_client() as client:
        return client.post(url, content=content, headers=headers, **kwargs)


class Api:
    """A keep-alive httpx client for one simulator, speaking as one branch."""

    def __init__(
        self, sim: Simulator, headers: dict[str, str], *, body_ids: bool = False, timeout: float = 5.0
    ):
        self.sim = sim
        self.body_ids = body_ids  # VSCU: tin and bhfId go in the body
        self.http = http_client(base_url=sim.api_url, headers=headers, timeout=timeout)

    def raw(self, path: str, body: object = None, **kwargs) -> httpx.Response:
        if isinstance(body, dict) and self.body_ids:
            body = {"tin": PIN, "bhfId": BRANCH, **body}
        content = body if isinstance(body, bytes) else dumps(body if body is not None else {})
        return self.http.post(path, content=content, **kwargs)

    def call(self, path: str, body: object = None, **kwargs) -> dict:
        response = self.raw(path, body, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def make_sim():
    """Start simulators with given settings; all are closed after the test."""
    started: list[Simulator] = []

    def make(**settings) -> Simulator:
        sim = Simulator(SimulatorConfig(**settings)).start()
        started.append(sim)
        return sim

    yield make
    for sim in started:
        sim.close()


@pytest.fixture
def make_api(make_sim):
    """An initialised device on a fresh simulator plus a client for it (items registered if asked)."""
    clients: list[Api] = []

    def make(*, items: tuple[str, ...] = ("KE2NTU0000001",), timeout: float = 5.0, **settings) -> Api:
        sim = make_sim(**settings)
        key = sim.preinitialise(PIN, BRANCH, SERIAL)
        if sim.config.vscu:
            api = Api(sim, {}, body_ids=True, timeout=timeout)
        else:
            api = Api(sim, {"tin": PIN, "bhfId": BRANCH, "cmcKey": key}, timeout=timeout)
        api.key = key
        clients.append(api)
        for code in items:
            assert (
                api.call("/saveItem" if not sim.config.vscu else "/items/saveItems", item_doc(code))[
                    "resultCd"
                ]
                == "000"
            )
        return api

    yield make
    for api in clients:
        api.close()


@pytest.fixture
def api(make_api) -> Api:
    """Default: an OSCU simulator, one initialised device, one registered item (KE2NTU0000001)."""
    return make_api()
