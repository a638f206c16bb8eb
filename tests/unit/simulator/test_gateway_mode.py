"""The simulator's gateway mode on the wire, with a plain httpx client (no project client code)."""

from __future__ import annotations

import httpx
import pytest

from etims_desktop.kra.simulator import Simulator, SimulatorConfig

from .conftest import http_client
from .documents import BRANCH, PIN, SERIAL, dumps, item_doc, line, sale_doc

PREFIX = "/etims-oscu/api/v1"


@pytest.fixture
def sim():
    with Simulator(SimulatorConfig(mode="gateway", insufficient_stock=False)) as simulator:
        yield simulator


def token(sim: Simulator, key: str | None = None, secret: str | None = None) -> httpx.Response:
    good_key, good_secret, _ = sim.gateway_credentials
    with http_client() as http:
        return http.get(
            sim.token_url,
            params={"grant_type": "client_credentials"},
            auth=(key or good_key, secret or good_secret),
        )


@pytest.fixture
def gw(sim):
    """An httpx client with a token and an initialised device's headers."""
    key = sim.preinitialise(PIN, BRANCH, SERIAL)
    bearer = token(sim).json()["access_token"]
    headers = {
        "Authorization": f"Bearer {bearer}",
        "apigee_app_id": sim.gateway_credentials[2],
        "tin": PIN,
        "bhfId": BRANCH,
        "cmcKey": key,
    }
    with http_client(base_url=sim.base_url, headers=headers) as http:
        yield http


def post(http: httpx.Client, name: str, body: dict) -> httpx.Response:
    return http.post(f"{PREFIX}/{name}", content=dumps(body))


def test_token_endpoint(sim):
    reply = token(sim)
    assert reply.status_code == 200
    assert reply.json()["expires_in"] == "3599" and len(reply.json()["access_token"]) > 20
    wrong = token(sim, secret="nope")
    assert (wrong.status_code, wrong.content) == (400, b"")


def test_calls_need_a_valid_token_and_app_id(sim, gw):
    no_token = http_client(base_url=sim.base_url)
    with no_token:
        reply = no_token.post(f"{PREFIX}/selectCodeList", content=dumps({"lastReqDt": "20180101000000"}))
    assert reply.status_code == 401 and "fault" in reply.json()
    reply = gw.post(
        f"{PREFIX}/selectCodeList",
        content=dumps({"lastReqDt": "20180101000000"}),
        headers={"apigee_app_id": "x"},
    )
    assert reply.status_code == 403
    sim.expire_tokens()
    reply = post(gw, "selectCodeList", {"lastReqDt": "20180101000000"})
    assert reply.status_code == 401 and reply.json()["fault"]["faultstring"] == "Access Token expired"


def test_success_is_wrapped_with_trailing_spaces(gw):
    reply = post(gw, "selectCodeList", {"lastReqDt": "20180101000000"})
    assert reply.status_code == 200
    payload = reply.json()
    assert payload["responseHeader"]["customerMessage"] == "Success "
    assert payload["responseHeader"]["responseRefID"]
    assert payload["responseBody"]["resultCd"] == "000"
    assert payload["responseBody"]["resultMsg"] == "Successful "
    assert payload["responseBody"]["data"]["clsList"]


@pytest.mark.parametrize(
    ("alias", "classic"),
    [("selectNotices", "selectNoticeList"), ("branchList", "selectBhfList"), ("itemInfo", "selectItemList")],
)
def test_aliases_and_classic_names_are_both_served(sim, gw, alias, classic):
    post(gw, "saveItem", item_doc())
    for name in (alias, classic):
        reply = post(gw, name, {"lastReqDt": "20180101000000"})
        assert reply.status_code in (200, 400) and reply.json()["responseBody"]["resultCd"] in ("000", "001")
    assert [r.endpoint for r in sim.request_log][-2:] == [classic, classic]


def test_gateway_only_calls(gw):
    reply = post(gw, "selectTaxPayerInfo", {})
    assert reply.json()["responseBody"]["data"]["taxpayerInfo"]["tin"] == PIN
    post(gw, "saveItem", item_doc())
    assert post(gw, "sendSalesTransaction", sale_doc(1)).status_code == 200
    listed = post(gw, "selectTrnsSalesList", {"lastReqDt": "20180101000000"}).json()["responseBody"]["data"]
    assert [s["invcNo"] for s in listed["salesList"]] == [1]


def test_unknown_path_is_an_apigee_fault(gw):
    reply = gw.post(f"{PREFIX}/noSuchCall", content=b"{}")
    assert reply.status_code == 500
    assert "Unable to identify proxy" in reply.json()["fault"]["faultstring"]


def test_no_result_alternates_between_200_and_400(gw):
    statuses = [post(gw, "selectInvoiceDetail", {"invcNo": 99}).status_code for _ in range(4)]
    assert statuses == [200, 400, 200, 400]
    body = post(gw, "selectInvoiceDetail", {"invcNo": 99}).json()["responseBody"]
    assert (body["resultCd"], body["data"]) == ("001", None)


def test_out_of_sequence_and_duplicate_come_as_400_with_debug_message(gw):
    post(gw, "saveItem", item_doc())
    assert post(gw, "sendSalesTransaction", sale_doc(1)).status_code == 200
    reply = post(gw, "sendSalesTransaction", sale_doc(3))
    assert reply.status_code == 400
    assert reply.json()["responseBody"] is None
    assert (
        reply.json()["responseHeader"]["debugMessage"] == "Invalid invcNo sequence, expected: 2 but found: 3"
    )
    again = post(gw, "sendSalesTransaction", sale_doc(1))
    assert again.status_code == 400 and "already exists" in again.json()["responseHeader"]["debugMessage"]


def test_pkg_below_one_and_zero_amounts_are_refused(gw):
    post(gw, "saveItem", item_doc())
    doc = sale_doc(1)
    doc["itemList"][0]["pkg"] = 0
    reply = post(gw, "sendSalesTransaction", doc)
    assert (
        reply.status_code == 400
        and reply.json()["responseHeader"]["debugMessage"] == "Invalid pkg on item: 1"
    )


def test_taxable_amount_must_be_the_line_total_without_vat(gw):
    """The logged case: a 100.00 VAT-inclusive line sent with taxblAmt 100.00 instead of 86.21."""
    post(gw, "saveItem", item_doc())
    reply = post(gw, "sendSalesTransaction", sale_doc(1, [line(price=100, convention="inclusive")]))
    assert reply.status_code == 400
    assert reply.json()["responseHeader"]["debugMessage"] == (
        "Invalid taxblAmt on item: 1. Expected: 86.21, But Found: 100.00"
    )
    assert post(gw, "sendSalesTransaction", sale_doc(1, [line(price=100, qty=3)])).status_code == 200


def test_reinitialising_an_installed_device_breaks_its_key(sim, gw):
    assert post(gw, "selectCodeList", {"lastReqDt": "20180101000000"}).status_code == 200
    again = post(gw, "initialize", {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL})
    assert (
        again.status_code == 400
        and again.json()["responseHeader"]["debugMessage"] == "This device is installed"
    )
    broken = post(gw, "selectCodeList", {"lastReqDt": "20180101000000"})
    assert broken.status_code == 400 and "valid device" in broken.json()["responseHeader"]["debugMessage"]


def test_command_runs_the_gateway_mode():
    import signal

    from .test_cli import launch

    proc, url, lines = launch(
        "--mode", "gateway", "--approve", f"{PIN}/{BRANCH}/{SERIAL}", "--token-lifetime", "60"
    )
    try:
        assert "developer.go.ke gateway" in lines[0]
        assert f"  endpoints under {url}{PREFIX}/" in lines
        assert any(line.startswith(f"  access tokens from {url}/v1/token/generate") for line in lines)
        with http_client() as http:
            reply = http.get(
                f"{url}/v1/token/generate",
                params={"grant_type": "client_credentials"},
                auth=("practice-consumer-key", "practice-consumer-secret"),
            )
        assert reply.json()["expires_in"] == "60"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    assert proc.returncode == 0
