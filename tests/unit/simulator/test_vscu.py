"""VSCU mode: the shop's jar signs locally, forwards to a simulated KRA, serves nested and flat paths."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from etims_desktop.kra.simulator import FaultKind

from .conftest import Api, http_client, post
from .documents import BRANCH, PIN, SERIAL, sale_doc

EVERYTHING = {"lastReqDt": "20180101000000"}


@pytest.fixture
def jar(make_api) -> Api:
    return make_api(mode="vscu")


def test_jar_initialises_with_body_ids_and_needs_no_key_afterwards(make_sim):
    sim = make_sim(mode="vscu")
    sim.approve(PIN, BRANCH, SERIAL)
    with http_client(base_url=sim.base_url) as http:
        init = http.post(
            "/initializer/selectInitInfo", json={"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL}
        )
        assert init.json()["resultCd"] == "000"
        assert re.fullmatch(r"KRACU\d{10}", init.json()["data"]["info"]["sdcId"])
        assert (
            http.post(
                "/initializer/selectInitInfo", json={"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL}
            ).json()["resultCd"]
            == "902"
        )
        assert sim.vscu_last_kra_contact() is not None
        reply = http.post("/code/selectCodes", json={"tin": PIN, "bhfId": BRANCH, **EVERYTHING}).json()
        assert reply["resultCd"] == "000"  # no cmcKey header
        other = http.post("/code/selectCodes", json={"tin": PIN, "bhfId": "09", **EVERYTHING}).json()
        assert other["resultCd"] == "901"  # not initialised on this jar
        missing = http.post("/code/selectCodes", json=EVERYTHING).json()
        assert missing["resultCd"] == "910"


def test_jar_initialisation_needs_kra_reachable(make_sim):
    sim = make_sim(mode="vscu")
    sim.approve(PIN, BRANCH, SERIAL)
    sim.set_upstream_online(False)
    reply = post(
        f"{sim.base_url}/initializer/selectInitInfo", {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL}
    )
    assert reply.json()["resultCd"] == "894"
    sim.set_upstream_online(True)
    assert (
        post(
            f"{sim.base_url}/initializer/selectInitInfo", {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL}
        ).json()["resultCd"]
        == "000"
    )


@pytest.mark.parametrize(
    "path",
    ["/code/selectCodes", "/itemClass/selectItemsClass", "/items/selectItems", "/branches/selectBranches",
     "/notices/selectNotices"],
)  # fmt: skip
def test_nested_lookup_paths(jar: Api, path: str):
    assert jar.call(path, EVERYTHING)["resultCd"] == "000"


def test_nested_and_flat_paths_are_the_same_endpoints(jar: Api):
    assert jar.call("/customers/selectCustomer", {"custmTin": "P052223334Q"})["resultCd"] == "000"
    assert jar.call("/selectCustomer", {"custmTin": "P052223334Q"})["resultCd"] == "000"
    assert jar.call("/etims-api/selectNoticeList", EVERYTHING)["resultCd"] == "000"
    assert jar.call("/trnsSales/saveSales", sale_doc(1))["resultCd"] == "000"
    assert jar.call("/saveTrnsSalesOsdc", sale_doc(2))["resultCd"] == "000"


def test_jar_utilities(jar: Api):
    time = jar.http.get("/main/selectServerTime").json()
    assert time["resultCd"] == "000" and re.fullmatch(r"\d{14}", time["data"])
    echo = jar.call("/test/echoTest", {"testStr": "hello"})
    assert echo["data"]["testStr"] == "hello"


def test_jar_signs_locally_with_vscu_reply_names(jar: Api):
    reply = jar.call("/trnsSales/saveSales", sale_doc(1))
    assert reply["resultCd"] == "000"
    data = reply["data"]
    assert set(data) == {"rcptNo", "totRcptNo", "vsdcRcptPbctDate", "intrlData", "rcptSign", "sdcId", "mrcNo"}
    assert (data["rcptNo"], data["totRcptNo"]) == (1, 1)
    assert re.fullmatch(r"[A-Z2-7]{26}", data["intrlData"]) and re.fullmatch(
        r"[A-Z2-7]{16}", data["rcptSign"]
    )
    assert re.fullmatch(r"\d{14}", data["vsdcRcptPbctDate"])
    assert data["sdcId"].startswith("KRACU") and data["mrcNo"]
    details = jar.call("/trnsSales/selectInvoiceDetails", {"invcNo": 1})
    assert details["data"]["salesList"][0]["receipt"]["rcptSign"] == data["rcptSign"]


def test_jar_forwards_sales_to_kra_in_the_background(jar: Api):
    for n in (1, 2, 3):
        assert jar.call("/trnsSales/saveSales", sale_doc(n))["resultCd"] == "000"
    assert jar.sim.wait_forwarded(timeout=5)
    assert jar.sim.vscu_unforwarded() == 0
    sales = jar.sim.signed_sales(PIN, BRANCH)
    assert all(s.forwarded_at is not None and s.forwarded_at >= s.accepted_at for s in sales)


def test_without_kra_the_jar_still_signs_but_nothing_is_forwarded(jar: Api):
    jar.sim.set_upstream_online(False)
    before = datetime.now(UTC)
    for n in (1, 2):
        assert jar.call("/trnsSales/saveSales", sale_doc(n))["resultCd"] == "000"
    assert jar.sim.vscu_unforwarded() == 2
    assert jar.sim.vscu_unforwarded(PIN, BRANCH) == 2 and jar.sim.vscu_unforwarded(PIN, "01") == 0
    assert not jar.sim.wait_forwarded(timeout=0.3)
    assert jar.sim.vscu_last_kra_contact() < before
    assert all(s.forwarded_at is None for s in jar.sim.signed_sales(PIN, BRANCH))
    jar.sim.set_upstream_online(True)
    assert jar.sim.wait_forwarded(timeout=5)
    assert jar.sim.vscu_last_kra_contact() >= before


def test_jar_duplicate_answer_is_configurable(make_api):
    default, odd_jar = make_api(mode="vscu"), make_api(mode="vscu", vscu_duplicate_code="899")
    for jar, code in ((default, "994"), (odd_jar, "899")):
        jar.call("/trnsSales/saveSales", sale_doc(1))
        assert jar.call("/trnsSales/saveSales", sale_doc(1))["resultCd"] == code


def test_faults_can_name_jar_paths(jar: Api):
    jar.sim.faults.once("/trnsSales/saveSales", FaultKind.RESULT_CODE, code="999")
    assert jar.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "999"
    assert jar.sim.fault_counts == {"code_999": 1}
