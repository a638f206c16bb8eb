"""Code lists, item classes, notices, branches, customers and items, with lastReqDt."""

from __future__ import annotations

import pytest

from .conftest import Api
from .documents import BRANCH, PIN, item_doc

EVERYTHING = {"lastReqDt": "20180101000000"}
FUTURE = {"lastReqDt": "20991231235959"}


def codes(api: Api) -> dict[str, dict[str, dict]]:
    reply = api.call("/selectCodeList", EVERYTHING)
    return {c["cdCls"]: {d["cd"]: d for d in c["dtlList"]} for c in reply["data"]["clsList"]}


def test_code_lists_carry_kra_values(api: Api):
    tables = codes(api)
    assert {"04", "05", "07", "09", "10", "11", "12", "14", "17", "24", "32", "37"} <= set(tables)
    rates = {cd: d["userDfnCd1"] for cd, d in tables["04"].items()}
    assert rates == {"A": "0", "B": "16", "C": "0", "D": "0", "E": "8"}
    assert {"KE", "UG", "TZ", "CN"} <= set(tables["05"])
    assert set(tables["07"]) == {"01", "02", "03", "04", "05", "06", "07"}
    assert {"4B", "BA", "BG", "BX", "CA", "CMT", "DZ", "GRM", "KG", "L", "LTR", "M", "M2", "M3", "NO", "PA",
            "SET", "TNE", "U", "YRD"} <= set(tables["10"])  # fmt: skip
    assert {"AM", "BA", "BG", "CA", "CR", "CT", "CTN", "DR", "JR", "NT", "OU", "PG", "RO", "SK", "TN"} <= set(
        tables["17"]
    )
    assert len(tables["17"]) == 52 and len(tables["10"]) == 43
    assert "U" not in tables["17"]  # a quantity unit, not a packing unit
    assert set(tables["24"]) == {"1", "2", "3"}
    assert set(tables["32"]) == {f"{n:02d}" for n in range(1, 14)}
    assert set(tables["37"]) == {"S", "R"}
    assert tables["04"]["B"]["userDfnCd2"] == "B-16%"


@pytest.mark.parametrize(
    ("path", "list_name"),
    [
        ("/selectCodeList", "clsList"),
        ("/selectItemClsList", "itemClsList"),
        ("/selectNoticeList", "noticeList"),
    ],
)
def test_lookups_honour_last_request_date(api: Api, path: str, list_name: str):
    assert api.call(path, EVERYTHING)["data"][list_name]
    nothing = api.call(path, FUTURE)
    assert (nothing["resultCd"], nothing["data"]) == ("001", None)
    assert api.call(path, {})["resultCd"] == "910"
    bad = api.call(path, {"lastReqDt": "2018-01-01"})
    assert bad["resultCd"] == "910" and "lastReqDt" in bad["resultMsg"]


def test_item_classes_include_the_usual_codes(api: Api):
    classes = {c["itemClsCd"]: c for c in api.call("/selectItemClsList", EVERYTHING)["data"]["itemClsList"]}
    assert len(classes) >= 36
    assert {"81121500", "5059690800", "5020230500"} <= set(classes)
    assert set(classes["81121500"]) == {"itemClsCd", "itemClsNm", "itemClsLvl", "taxTyCd", "mjrTgYn", "useYn"}


def test_notices_are_filtered_by_their_registration_date(api: Api):
    notices = api.call("/selectNoticeList", {"lastReqDt": "20240201000000"})["data"]["noticeList"]
    assert [n["noticeNo"] for n in notices] == [2, 3]


def test_branches_list_the_approved_branches_of_the_taxpayer(api: Api):
    api.sim.approve(PIN, "01", "OTHER-TILL", branch_name="Nakuru shop")
    api.sim.approve("P052223334Q", "00", "NOT-OURS")
    branches = api.call("/selectBhfList", EVERYTHING)["data"]["bhfList"]
    assert [(b["bhfId"], b["bhfSttsCd"], b["hqYn"]) for b in branches] == [
        ("00", "01", "Y"),
        ("01", "01", "N"),
    ]
    assert branches[1]["bhfNm"] == "Nakuru shop"
    assert api.call("/selectBhfList", FUTURE)["resultCd"] == "001"


def test_customer_lookup_by_pin(api: Api):
    known = api.call("/selectCustomer", {"custmTin": "P052223334Q"})
    assert known["resultCd"] == "000"
    assert known["data"]["custList"][0]["taxprNm"] == "Jua Kali Hardware Ltd"
    assert known["data"]["custList"][0]["taxprSttsCd"] == "A"
    unknown = api.call("/selectCustomer", {"custmTin": "P099999999Z"})
    assert (unknown["resultCd"], unknown["data"]) == ("001", None)
    assert api.call("/selectCustomer", {"custTin": "P052223334Q"})["resultCd"] == "910"  # it is custmTin


def test_save_item_upserts_by_item_code_and_select_lists_changes(api: Api):
    listed = api.call("/selectItemList", EVERYTHING)["data"]["itemList"]
    assert [i["itemCd"] for i in listed] == ["KE2NTU0000001"]
    assert listed[0]["tin"] == PIN and listed[0]["regBhfId"] == BRANCH and listed[0]["dftPrc"] == 100
    assert api.call("/saveItem", item_doc("KE2NTU0000001", itemNm="Renamed", dftPrc=120))["resultCd"] == "000"
    assert api.call("/saveItem", item_doc("KE2NTU0000002"))["resultCd"] == "000"
    listed = {i["itemCd"]: i for i in api.call("/selectItemList", EVERYTHING)["data"]["itemList"]}
    assert set(listed) == {"KE2NTU0000001", "KE2NTU0000002"}
    assert (listed["KE2NTU0000001"]["itemNm"], listed["KE2NTU0000001"]["dftPrc"]) == ("Renamed", 120)
    assert api.call("/selectItemList", FUTURE)["resultCd"] == "001"
    assert len(api.sim.items(PIN)) == 2


@pytest.mark.parametrize("field", ["itemCd", "itemClsCd", "itemTyCd", "itemNm", "orgnNatCd", "pkgUnitCd",
                                   "qtyUnitCd", "taxTyCd", "dftPrc", "isrcAplcbYn", "useYn", "regrId"])  # fmt: skip
def test_save_item_names_a_missing_required_field(api: Api, field: str):
    reply = api.call("/saveItem", item_doc("KE2NTU0000009", **{field: None}))
    assert reply["resultCd"] == "910"
    assert field in reply["resultMsg"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("pkgUnitCd", "U"), ("qtyUnitCd", "XX"), ("taxTyCd", "F"), ("itemTyCd", "4"), ("orgnNatCd", "ZZ"),
     ("itemClsCd", "12345678")],
)  # fmt: skip
def test_save_item_rejects_values_outside_the_code_lists(api: Api, field: str, value: str):
    reply = api.call("/saveItem", item_doc("KE2NTU0000009", **{field: value}))
    assert reply["resultCd"] == "913"
    assert reply["resultMsg"] == f"Code value error among request parameters: [<{field}>]"


def test_save_item_checks_types(api: Api):
    assert api.call("/saveItem", item_doc("KE2NTU0000009", dftPrc="100"))["resultCd"] == "910"
    assert api.call("/saveItem", item_doc("KE2NTU0000009", useYn="yes"))["resultCd"] == "910"
    too_long = api.call("/saveItem", item_doc("X" * 21))
    assert too_long["resultCd"] == "910" and "itemCd" in too_long["resultMsg"]


def test_item_class_check_can_be_switched_off(make_api):
    api = make_api(check_item_classes=False, items=())
    assert api.call("/saveItem", item_doc("KE2NTU0000009", itemClsCd="12345678"))["resultCd"] == "000"
