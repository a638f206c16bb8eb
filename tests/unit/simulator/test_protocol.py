"""Envelope, paths, methods, headers, initialisation and authentication - over real HTTP."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from .conftest import Api, http_client, post
from .documents import BRANCH, PIN, SERIAL, dumps

EAT = timedelta(hours=3)


def test_envelope_has_result_code_message_eat_time_and_data(api: Api):
    before = datetime.now(UTC)
    reply = api.call("/selectNoticeList", {"lastReqDt": "20180101000000"})
    assert list(reply) == ["resultCd", "resultMsg", "resultDt", "data"]
    assert (reply["resultCd"], reply["resultMsg"]) == ("000", "Successful")
    assert re.fullmatch(r"\d{14}", reply["resultDt"])
    sent = datetime.strptime(reply["resultDt"], "%Y%m%d%H%M%S").replace(tzinfo=UTC) - EAT  # EAT = UTC+3
    assert before - timedelta(seconds=1) <= sent <= datetime.now(UTC)
    assert reply["data"]["noticeList"]


def test_classic_paths_answer_with_and_without_the_etims_api_prefix(api: Api):
    body = dumps({"lastReqDt": "20180101000000"})
    headers = dict(api.http.headers)
    with_prefix = post(f"{api.sim.base_url}/etims-api/selectCodeList", body, headers=headers)
    without = post(f"{api.sim.base_url}/selectCodeList", body, headers=headers)
    assert with_prefix.json()["resultCd"] == without.json()["resultCd"] == "000"
    assert with_prefix.json()["data"] == without.json()["data"]


def test_unknown_path_is_an_http_404_page_and_oscu_serves_no_jar_paths(api: Api):
    assert post(f"{api.sim.base_url}/etims-api/noSuchThing", b"{}").status_code == 404
    jar_path = post(f"{api.sim.base_url}/trnsSales/saveSales", b"{}")
    assert jar_path.status_code == 404
    assert api.sim.request_log[-1].outcome == "http_404"


def test_get_on_a_post_endpoint_is_912(api: Api):
    reply = api.http.get("/selectCodeList").json()
    assert reply["resultCd"] == "912"


def test_empty_body_is_911_and_broken_json_is_910(api: Api):
    assert api.call("/selectCodeList", b"")["resultCd"] == "911"
    broken = api.call("/selectCodeList", b"{not json")
    assert broken["resultCd"] == "910" and "JSON" in broken["resultMsg"]
    assert api.call("/selectCodeList", b"[1, 2]")["resultCd"] == "910"


def test_header_names_are_matched_case_insensitively(api: Api):
    odoo_style = {"TIN": PIN, "bhfid": BRANCH, "CMCKEY": api.key}  # Odoo sends bhfid
    reply = post(
        f"{api.sim.api_url}/selectNoticeList", dumps({"lastReqDt": "20180101000000"}), headers=odoo_style
    ).json()
    assert reply["resultCd"] == "000"


def test_missing_auth_headers_is_900_and_a_wrong_key_is_901(api: Api):
    body = dumps({"lastReqDt": "20180101000000"})
    url = f"{api.sim.api_url}/selectNoticeList"
    assert post(url, body).json()["resultCd"] == "900"
    assert post(url, body, headers={"tin": PIN, "bhfId": BRANCH}).json()["resultCd"] == "900"
    wrong = {"tin": PIN, "bhfId": BRANCH, "cmcKey": "0" * 32}
    assert post(url, body, headers=wrong).json()["resultCd"] == "901"
    other_branch = {"tin": PIN, "bhfId": "01", "cmcKey": api.key}
    assert post(url, body, headers=other_branch).json()["resultCd"] == "901"


def test_initialisation_gives_the_device_info_once(make_sim):
    sim = make_sim()
    sim.approve(PIN, BRANCH, SERIAL)
    body = {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL}
    with http_client(base_url=sim.api_url) as http:
        first = http.post("/selectInitOsdcInfo", content=dumps(body)).json()
        assert first["resultCd"] == "000"
        info = first["data"]["info"]
        for field in ("tin", "taxprNm", "bhfId", "bhfNm", "bhfOpenDt", "prvncNm", "dstrtNm", "sctrNm", "locDesc",
                      "hqYn", "mgrNm", "mgrTelNo", "mgrEmail", "dvcId", "sdcId", "mrcNo", "cmcKey"):  # fmt: skip
            assert info[field], field
        assert (info["tin"], info["bhfId"], info["hqYn"]) == (PIN, BRANCH, "Y")
        assert info["taxprNm"] == "Mama Mboga Traders Ltd"  # a known practice taxpayer
        assert re.fullmatch(r"KRACU\d{10}", info["sdcId"])
        assert re.fullmatch(r"[0-9a-f]{32}", info["cmcKey"])
        assert re.fullmatch(r"\d{8}", info["bhfOpenDt"])
        again = http.post("/selectInitOsdcInfo", content=dumps(body)).json()
        assert (again["resultCd"], again["data"]) == ("902", None)
        # The key from the first answer works; KRA never hands it out again.
        headers = {"tin": PIN, "bhfId": BRANCH, "cmcKey": info["cmcKey"]}
        check = http.post(
            "/selectNoticeList", content=dumps({"lastReqDt": "20180101000000"}), headers=headers
        )
        assert check.json()["resultCd"] == "000"


def test_unknown_triple_is_901_and_a_vscu_device_on_the_oscu_server_is_903(make_sim):
    sim = make_sim()
    sim.approve(PIN, BRANCH, SERIAL, "VSCU")
    with http_client(base_url=sim.api_url) as http:
        unknown = {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": "NOT-APPROVED"}
        assert http.post("/selectInitOsdcInfo", content=dumps(unknown)).json()["resultCd"] == "901"
        vscu = {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL}
        assert http.post("/selectInitOsdcInfo", content=dumps(vscu)).json()["resultCd"] == "903"


def test_an_oscu_device_on_a_vscu_jar_is_903(make_sim):
    sim = make_sim(mode="vscu")
    sim.approve(PIN, BRANCH, SERIAL, "OSCU")
    body = dumps({"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL})
    reply = post(f"{sim.api_url}/initializer/selectInitInfo", body).json()
    assert reply["resultCd"] == "903"
    assert "VSCU" in reply["resultMsg"]


def test_approve_rejects_a_malformed_pin(make_sim):
    from etims_desktop.domain.errors import DomainValidationError

    with pytest.raises(DomainValidationError):
        make_sim().approve("12345", BRANCH, SERIAL)


def test_a_cmc_key_sent_in_the_body_is_never_stored_or_echoed(api: Api):
    from .documents import sale_doc

    reply = api.call("/saveTrnsSalesOsdc", {**sale_doc(1), "cmcKey": api.key})
    assert reply["resultCd"] == "000"
    details = api.call("/selectInvoiceDetails", {"invcNo": 1})
    assert api.key not in str(details)
    assert "cmcKey" not in api.sim.signed_sales(PIN, BRANCH)[0].document


def test_chunked_bodies_are_read(api: Api):
    def chunks():
        yield b'{"lastReqDt": '
        yield b'"20180101000000"}'

    reply = api.http.post("/selectNoticeList", content=chunks())
    assert reply.request.headers["transfer-encoding"] == "chunked"
    assert reply.json()["resultCd"] == "000"


def raw_exchange(sim, request: bytes) -> bytes:
    import socket

    with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as conn:
        conn.sendall(request)
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
        return received


def test_a_malformed_request_gets_400_and_the_connection_closes(api: Api):
    assert raw_exchange(api.sim, b"NONSENSE\r\n\r\n").startswith(b"HTTP/1.1 400 Bad Request")


def test_http_1_0_and_expect_continue_are_understood(api: Api):
    body = b'{"tin": "x"}'
    request = (
        b"POST /etims-api/selectInitOsdcInfo HTTP/1.0\r\nContent-Type: application/json\r\n"
        b"Expect: 100-continue\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    received = raw_exchange(api.sim, request)  # returns only because the server closes an HTTP/1.0 exchange
    assert received.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK")
    assert b"Connection: close" in received and b'"resultCd":"910"' in received
