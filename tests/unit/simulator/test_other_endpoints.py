"""Branch records, item compositions, stock, purchases and imports: what the simulator accepts."""

from __future__ import annotations

import pytest

from .conftest import Api
from .documents import AUDIT

EVERYTHING = {"lastReqDt": "20180101000000"}


def stock_io(sar_no: int, item_code: str = "KE2NTU0000001") -> dict:
    return {"sarNo": sar_no, "orgSarNo": 0, "regTyCd": "M", "sarTyCd": "11", "ocrnDt": "20240415", "totItemCnt": 1,
            "totTaxblAmt": 100, "totTaxAmt": 16, "totAmt": 116, **AUDIT,
            "itemList": [{"itemSeq": 1, "itemCd": item_code, "qty": 1}]}  # fmt: skip


@pytest.mark.parametrize(
    ("path", "body", "missing"),
    [
        ("/saveBhfCustomer", {"custNo": "1", "custTin": "P052223334Q", "custNm": "Jua Kali", "useYn": "Y", **AUDIT},
         "custNm"),
        ("/saveBhfUser", {"userId": "u1", "userNm": "Till one", "pwd": "secret", "useYn": "Y", **AUDIT}, "userId"),
        ("/saveBhfInsurance", {"isrccCd": "I1", "isrccNm": "Cover Ltd", "isrcRt": 5, "useYn": "Y", **AUDIT},
         "isrcRt"),
    ],
)  # fmt: skip
def test_branch_records_are_accepted_when_complete(api: Api, path: str, body: dict, missing: str):
    reply = api.call(path, body)
    assert (reply["resultCd"], reply["data"]) == ("000", None)
    reply = api.call(path, {**body, missing: None})
    assert reply["resultCd"] == "910" and missing in reply["resultMsg"]


def test_item_composition_needs_both_items_registered(make_api):
    api = make_api(items=("KE2NTU0000001", "KE1NTKG0000002"))
    body = {"itemCd": "KE2NTU0000001", "cpstItemCd": "KE1NTKG0000002", "cpstQty": 2, **AUDIT}
    assert api.call("/saveItemComposition", body)["resultCd"] == "000"
    unknown = api.call("/saveItemComposition", {**body, "cpstItemCd": "KE1NTKG0000404"})
    assert unknown["resultCd"] == "910" and "itemCd does not exist" in unknown["resultMsg"]


def test_stock_movements_are_unique_by_sar_number_and_need_registered_items(api: Api):
    assert api.call("/insertStockIO", stock_io(1))["resultCd"] == "000"
    assert api.call("/insertStockIO", stock_io(1))["resultCd"] == "994"
    assert api.call("/insertStockIO", stock_io(2, "KE2NTU0000404"))["resultCd"] == "910"
    assert api.call("/insertStockIO", {**stock_io(2), "sarTyCd": "99"})["resultCd"] == "913"


def test_stock_master_needs_a_registered_item(api: Api):
    assert (
        api.call("/saveStockMaster", {"itemCd": "KE2NTU0000001", "rsdQty": 10, **AUDIT})["resultCd"] == "000"
    )
    missing = api.call("/saveStockMaster", {"itemCd": "KE2NTU0000404", "rsdQty": 10, **AUDIT})
    assert missing["resultCd"] == "910" and "itemCd does not exist" in missing["resultMsg"]


@pytest.mark.parametrize(
    "path", ["/selectTrnsPurchaseSalesList", "/selectImportItemList", "/selectStockMoveList"]
)
def test_nothing_is_sold_imported_or_moved_to_a_branch_unless_seeded(api: Api, path: str):
    reply = api.call(path, EVERYTHING)
    assert (reply["resultCd"], reply["data"]) == ("001", None)
    assert api.call(path, {})["resultCd"] == "910"


def test_purchases_and_import_updates_are_checked(api: Api):
    """insertTrnsPurchase and updateImportItem are checked like sales (issue 15): fields, codes, numbers,
    and what they answer must exist (tests/unit/simulator/test_stock_purchases.py has the rest)."""
    invoice = api.sim.add_supplier_invoice("P051234567X", [("Sugar", "1", "100", "B")])
    purchase = {
        "invcNo": 1, "orgInvcNo": 0, "spplrTin": invoice["spplrTin"], "spplrNm": invoice["spplrNm"],
        "spplrInvcNo": invoice["spplrInvcNo"], "regTyCd": "A", "pchsTyCd": "N", "rcptTyCd": "P", "pmtTyCd": "01",
        "pchsSttsCd": "02", "cfmDt": "20261203120000", "pchsDt": "20261201", "totItemCnt": 1, **AUDIT,
        "itemList": [{"itemSeq": 1, "itemCd": "KE2NTU0000001", "qty": 1, "taxTyCd": "B"}],
    }  # fmt: skip
    assert api.call("/insertTrnsPurchase", {**purchase, "invcNo": "P1"})["resultCd"] == "910"
    assert (
        api.call("/insertTrnsPurchase", {**purchase, "spplrInvcNo": 99})["resultCd"] == "910"
    )  # no such invoice
    assert api.call("/insertTrnsPurchase", purchase)["resultCd"] == "000"
    assert api.call("/insertTrnsPurchase", purchase)["resultCd"] == "994"  # the same number again
    again = api.call("/insertTrnsPurchase", {**purchase, "invcNo": 2})
    assert again["resultCd"] == "910" and "already confirmed" in again["resultMsg"]
    update = {"taskCd": "T1", "itemSeq": 1, "itemCd": "KE2NTU0000001", "imptItemSttsCd": "3"}
    assert api.call("/updateImportItem", update)["resultCd"] == "910"  # KRA listed no such line
    api.sim.add_import_line("P051234567X", "00", task_code="T1", item_seq=1)
    assert api.call("/updateImportItem", {**update, "imptItemSttsCd": "9"})["resultCd"] == "913"
    assert api.call("/updateImportItem", update)["resultCd"] == "000"
    assert api.call("/updateImportItem", update)["resultCd"] == "994"
