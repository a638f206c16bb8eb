"""Injected faults, latency, offline windows - and what a client really sees over HTTP."""

from __future__ import annotations

import time

import httpx
import pytest

from etims_desktop.kra.simulator import Fault, FaultKind

from .conftest import Api
from .documents import BRANCH, PIN, dumps, sale_doc

EVERYTHING = {"lastReqDt": "20180101000000"}


def signed_numbers(api: Api) -> list[int]:
    return [s.invc_no for s in api.sim.signed_sales(PIN, BRANCH)]


def test_drop_before_processing_stores_nothing_and_gives_no_answer(api: Api):
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.DROP_BEFORE_PROCESSING)
    with pytest.raises(httpx.RemoteProtocolError):
        api.raw("/saveTrnsSalesOsdc", sale_doc(1))
    assert signed_numbers(api) == []
    assert api.call("/selectInvoiceDetails", {"invcNo": 1})["resultCd"] == "001"
    assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "000"  # once means once
    assert api.sim.fault_counts == {"drop_before": 1}


def test_drop_after_processing_signs_the_sale_but_gives_no_answer(api: Api):
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.DROP_AFTER_PROCESSING)
    with pytest.raises(httpx.RemoteProtocolError):
        api.raw("/saveTrnsSalesOsdc", sale_doc(1))
    assert signed_numbers(api) == [1]
    recovered = api.call("/selectInvoiceDetails", {"invcNo": 1})
    assert (
        recovered["data"]["salesList"][0]["receipt"]["rcptSign"]
        == api.sim.signed_sales(PIN, BRANCH)[0].receipt.signature
    )
    assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "994"
    assert [r.outcome for r in api.sim.request_log][-3:] == ["drop_after", "000", "994"]


@pytest.mark.parametrize(("kind", "status", "words"), [(FaultKind.HTTP_500, 500, b"Internal Server Error"),
                                                       (FaultKind.HTTP_502, 502, b"Bad Gateway")])  # fmt: skip
def test_http_error_pages(api: Api, kind: FaultKind, status: int, words: bytes):
    api.sim.faults.once("saveTrnsSalesOsdc", kind)
    response = api.raw("/saveTrnsSalesOsdc", sale_doc(1))
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert words in response.content
    assert signed_numbers(api) == []


@pytest.mark.parametrize("code", ["990", "999", "921"])
def test_any_result_code(api: Api, code: str):
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, code=code)
    reply = api.call("/saveTrnsSalesOsdc", sale_doc(1))
    assert (reply["resultCd"], reply["data"]) == (code, None)
    assert signed_numbers(api) == []
    assert api.sim.fault_counts == {f"code_{code}": 1}


def test_result_code_faults_need_a_code():
    with pytest.raises(ValueError):
        Fault(FaultKind.RESULT_CODE)
    with pytest.raises(ValueError):
        Fault(FaultKind.HTTP_500, "500")


def test_slow_answer_is_processed_by_default(make_api):
    api = make_api(timeout=0.2, slow_seconds=30)
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.SLOW)
    with pytest.raises(httpx.ReadTimeout):
        api.raw("/saveTrnsSalesOsdc", sale_doc(1))
    assert signed_numbers(api) == [1]


def test_slow_answer_can_be_left_unprocessed(make_api):
    api = make_api(timeout=0.2, slow_seconds=30, slow_processed=False)
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.SLOW)
    with pytest.raises(httpx.ReadTimeout):
        api.raw("/saveTrnsSalesOsdc", sale_doc(1))
    assert signed_numbers(api) == []
    assert api.call("/selectInvoiceDetails", {"invcNo": 1})["resultCd"] == "001"


def test_a_slow_answer_arrives_for_a_patient_client(make_api):
    api = make_api(slow_seconds=0.3)
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.SLOW)
    started = time.perf_counter()
    assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "000"
    assert time.perf_counter() - started >= 0.3


def test_a_trickled_answer_signs_the_sale_and_never_trips_a_read_timeout(make_api):
    api = make_api(timeout=1.0, trickle_seconds=0.05)
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.TRICKLE)
    started = time.perf_counter()
    with api.http.stream("POST", "/saveTrnsSalesOsdc", content=dumps(sale_doc(1))) as response:
        assert response.status_code == 200  # the headers came at once
        received = b"".join(response.iter_bytes())
    elapsed = time.perf_counter() - started
    assert received.startswith(b'{"resultCd":"000"') and len(received) > 40
    assert elapsed >= 0.05 * len(received) * 0.9  # a byte at a time, each well within the 1 s read timeout
    assert signed_numbers(api) == [1] and api.sim.fault_counts["trickle"] == 1


def test_refuse_drops_the_request_and_refuses_connections_for_a_while(make_api):
    api = make_api(refuse_window=60)
    api.sim.faults.once("saveTrnsSalesOsdc", FaultKind.REFUSE)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.raw("/saveTrnsSalesOsdc", sale_doc(1))
    assert signed_numbers(api) == []
    assert not api.sim.online
    with pytest.raises(httpx.ConnectError):
        api.raw("/selectNoticeList", EVERYTHING)
    api.sim.go_online()
    assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "000"


def test_refuse_window_ends_by_itself(make_api):
    api = make_api(refuse_window=0.2)
    api.sim.faults.once("*", FaultKind.REFUSE)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.raw("/selectNoticeList", EVERYTHING)
    assert api.sim.wait_online(timeout=5)
    assert api.call("/selectNoticeList", EVERYTHING)["resultCd"] == "000"


def test_go_offline_refuses_and_cuts_kept_alive_connections_then_comes_back_on_the_same_port(api: Api):
    assert api.call("/selectNoticeList", EVERYTHING)["resultCd"] == "000"  # a pooled keep-alive connection
    port = api.sim.port
    api.sim.go_offline()
    assert not api.sim.online
    with pytest.raises(httpx.ConnectError):
        api.raw("/selectNoticeList", EVERYTHING)
    api.sim.go_online()
    assert api.sim.port == port and api.sim.online
    assert api.call("/selectNoticeList", EVERYTHING)["resultCd"] == "000"


def test_latency_is_added_to_every_request(api: Api):
    api.sim.set_latency(0.15)
    started = time.perf_counter()
    assert api.call("/selectNoticeList", EVERYTHING)["resultCd"] == "000"
    assert time.perf_counter() - started >= 0.15
    api.sim.set_latency(0)
    started = time.perf_counter()
    api.call("/selectNoticeList", EVERYTHING)
    assert time.perf_counter() - started < 0.15


def test_programmed_faults_count_always_any_endpoint_and_paths(api: Api):
    faults = api.sim.faults
    faults.add("selectNoticeList", FaultKind.RESULT_CODE, count=2, code="990")
    outcomes = [api.call("/selectNoticeList", EVERYTHING)["resultCd"] for _ in range(3)]
    assert outcomes == ["990", "990", "000"]
    faults.always("/etims-api/selectCodeList", FaultKind.RESULT_CODE, code="999")  # a path names it too
    assert [api.call("/selectCodeList", EVERYTHING)["resultCd"] for _ in range(3)] == ["999"] * 3
    faults.clear("selectCodeList")
    assert api.call("/selectCodeList", EVERYTHING)["resultCd"] == "000"
    faults.once("*", FaultKind.HTTP_502)
    assert api.raw("/selectItemClsList", EVERYTHING).status_code == 502
    assert api.sim.fault_counts == {"code_990": 2, "code_999": 3, "http_502": 1}
    with pytest.raises(ValueError):
        faults.once("noSuchEndpoint", FaultKind.HTTP_500)


def run_random(api: Api, n: int) -> list[str]:
    outcomes = []
    for _ in range(n):
        try:
            response = api.raw("/selectNoticeList", EVERYTHING)
            outcomes.append(
                str(response.status_code)
                + ":"
                + (response.json()["resultCd"] if response.status_code == 200 else "")
            )
        except httpx.HTTPError as error:
            outcomes.append(type(error).__name__)
    return outcomes


def test_random_faults_are_reproducible_for_a_seed_and_counted(make_api):
    rates = {"drop_before": 0.05, "drop_after": 0.05, "http_500": 0.05, "http_502": 0.05, "code_990": 0.05,
             "code_999": 0.05}  # fmt: skip
    first, second, other = make_api(), make_api(), make_api()
    first.sim.faults.set_rates(seed=7, **rates)
    second.sim.faults.set_rates(seed=7, **rates)
    other.sim.faults.set_rates(seed=8, **rates)
    a, b, c = run_random(first, 200), run_random(second, 200), run_random(other, 200)
    assert a == b
    assert a != c
    counts = first.sim.fault_counts
    assert set(counts) == set(rates)
    assert 30 <= sum(counts.values()) <= 100  # 30 % of 200, give or take
    logged = [r.outcome for r in first.sim.request_log if r.endpoint == "selectNoticeList"]
    assert sum(1 for o in logged if o != "000") == sum(counts.values())


def test_random_faults_can_target_some_endpoints(api: Api):
    api.sim.faults.set_rates(seed=1, endpoints=["saveTrnsSalesOsdc"], code_990=1.0)
    assert api.call("/selectNoticeList", EVERYTHING)["resultCd"] == "000"
    assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "990"
    api.sim.faults.clear()
    assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "000"


def test_rates_are_checked(api: Api):
    with pytest.raises(ValueError):
        api.sim.faults.set_rates(drop_before=0.7, drop_after=0.7)
    with pytest.raises(ValueError):
        api.sim.faults.set_rates(explode=0.1)


def test_request_log_records_path_endpoint_and_outcome(api: Api):
    api.call("/selectNoticeList", {"lastReqDt": "20991231000000"})
    last = api.sim.request_log[-1]
    assert (last.path, last.endpoint, last.outcome) == (
        "/etims-api/selectNoticeList",
        "selectNoticeList",
        "001",
    )
    assert last.time.tzinfo is not None
