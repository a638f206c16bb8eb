"""Concurrency and clean shutdown: one lock around state; close() leaves no thread or socket behind."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from etims_desktop.kra.simulator import FaultKind, Simulator, SimulatorConfig

from .conftest import Api, http_client
from .documents import BRANCH, PIN, dumps, item_doc, sale_doc

EVERYTHING = {"lastReqDt": "20180101000000"}


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_close_joins_every_thread_and_closes_every_socket():
    threads_before, fds_before = set(threading.enumerate()), open_fds()
    sim = Simulator(SimulatorConfig(mode="vscu", slow_seconds=60, refuse_window=60)).start()
    sim.preinitialise(PIN, BRANCH, "T1")
    idle = Api(sim, {}, body_ids=True)
    assert idle.call("/selectNoticeList", EVERYTHING)["resultCd"] == "000"  # a kept-alive connection
    impatient = Api(sim, {}, body_ids=True, timeout=0.2)
    sim.faults.once("selectCodeList", FaultKind.SLOW)
    with pytest.raises(httpx.ReadTimeout):
        impatient.call("/selectCodeList", EVERYTHING)  # its server thread now waits 60 s
    sim.faults.once("selectItemClsList", FaultKind.REFUSE)
    with pytest.raises(httpx.HTTPError):
        impatient.call("/selectItemClsList", EVERYTHING)  # a 60 s re-open timer is pending
    sim.close()
    assert set(threading.enumerate()) - threads_before == set()
    idle.close()
    impatient.close()
    assert open_fds() == fds_before
    sim.close()  # twice is fine


def test_branches_sell_concurrently_and_every_sale_is_signed_once(make_sim):
    sim = make_sim()
    branches = [f"{n:02d}" for n in range(4)]
    keys = {b: sim.preinitialise(PIN, b, f"TILL-{b}") for b in branches}

    def sell(branch: str) -> list[str]:
        with http_client(
            base_url=sim.api_url, headers={"tin": PIN, "bhfId": branch, "cmcKey": keys[branch]}
        ) as h:
            h.post("/saveItem", content=dumps(item_doc()))  # items belong to the taxpayer: an upsert
            return [
                h.post("/saveTrnsSalesOsdc", content=dumps(sale_doc(n))).json()["resultCd"]
                for n in range(1, 31)
            ]

    with ThreadPoolExecutor(len(branches)) as pool:
        results = list(pool.map(sell, branches))
    assert all(codes == ["000"] * 30 for codes in results)
    for branch in branches:
        signed = sim.signed_sales(PIN, branch)
        assert [s.invc_no for s in signed] == list(range(1, 31))
        assert [s.receipt.total_receipt_no for s in signed] == list(range(1, 31))
    signatures = {s.receipt.signature for b in branches for s in sim.signed_sales(PIN, b)}
    assert len(signatures) == 120


def test_the_same_invoice_sent_twice_at_once_is_signed_once(api: Api):
    barrier = threading.Barrier(8)

    def send(_: int) -> str:
        with http_client(base_url=api.sim.api_url, headers=dict(api.http.headers)) as h:
            barrier.wait()
            return h.post("/saveTrnsSalesOsdc", content=dumps(sale_doc(1))).json()["resultCd"]

    with ThreadPoolExecutor(8) as pool:
        codes = sorted(pool.map(send, range(8)))
    assert codes == ["000"] + ["994"] * 7
    assert len(api.sim.signed_sales(PIN, BRANCH)) == 1
