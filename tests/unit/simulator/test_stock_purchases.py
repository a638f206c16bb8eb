"""The simulator's stock, purchase and import rules over real HTTP, and that its state file keeps them."""

from __future__ import annotations

from decimal import Decimal

from etims_desktop.kra.simulator import Simulator, SimulatorConfig

from .conftest import Api
from .documents import BRANCH, PIN, sale_doc

ITEM = "KE2NTU0000001"


def stock_io(sar_no: int, qty: float = 5, **overrides: object) -> dict:
    body = {
        "sarNo": sar_no, "orgSarNo": 0, "regTyCd": "M", "sarTyCd": "06", "ocrnDt": "20261203", "totItemCnt": 1,
        "totTaxblAmt": 775.86, "totTaxAmt": 124.14, "totAmt": 900.0, "regrId": "t", "regrNm": "t",
        "itemList": [{"itemSeq": 1, "itemCd": ITEM, "itemClsCd": "5059690800", "itemNm": "Sugar", "pkgUnitCd": "NT",
                      "pkg": qty, "qtyUnitCd": "U", "qty": qty, "prc": 180.0, "splyAmt": 900.0, "totDcAmt": 0,
                      "taxblAmt": 775.86, "taxTyCd": "B", "taxAmt": 124.14, "totAmt": 900.0}],
    }  # fmt: skip
    return {**body, **overrides}


def master(qty: float) -> dict:
    return {"itemCd": ITEM, "rsdQty": qty, "regrId": "t", "regrNm": "t"}


def test_sar_no_is_a_strict_sequence_and_a_resend_is_994(api: Api):
    assert api.call("/insertStockIO", stock_io(1))["resultCd"] == "000"
    assert api.call("/insertStockIO", stock_io(1))["resultCd"] == "994"
    skipped = api.call("/insertStockIO", stock_io(3))
    assert skipped["resultCd"] == "910" and "next stock number of this branch is 2" in skipped["resultMsg"]


def test_insufficient_stock_refuses_goods_until_a_balance_is_reported(make_api):
    api = make_api(insufficient_stock=True)
    refused = api.call("/saveTrnsSalesOsdc", sale_doc(1))
    assert refused["resultCd"] == "910" and "Insufficient Stock" in refused["resultMsg"]
    assert api.call("/insertStockIO", stock_io(1, qty=50))["resultCd"] == "000"
    assert api.call("/saveStockMaster", master(50))["resultCd"] == "000"
    assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "000"
    assert api.sim.stock_levels(PIN, BRANCH)[ITEM] < Decimal(50)  # the sale took some


def test_the_gateway_refuses_with_its_own_words(make_sim):
    assert SimulatorConfig(mode="gateway").refuses_insufficient_stock
    assert not SimulatorConfig(mode="oscu").refuses_insufficient_stock
    assert not SimulatorConfig(mode="gateway", insufficient_stock=False).refuses_insufficient_stock


def test_state_file_keeps_stock_purchases_and_imports(tmp_path):
    path = tmp_path / "sim.json"
    sim = Simulator(SimulatorConfig(state_file=path)).start()
    try:
        key = sim.preinitialise(PIN, BRANCH, "SER-1")
        api = Api(sim, {"tin": PIN, "bhfId": BRANCH, "cmcKey": key})
        from .documents import item_doc

        assert api.call("/saveItem", item_doc(ITEM))["resultCd"] == "000"
        assert api.call("/insertStockIO", stock_io(1))["resultCd"] == "000"
        assert api.call("/saveStockMaster", master(5))["resultCd"] == "000"
        sim.add_supplier_invoice(PIN)
        sim.add_import_line(PIN, BRANCH)
        api.close()
        sim.save()
    finally:
        sim.close()
    again = Simulator(SimulatorConfig(state_file=path))
    assert [m["sarNo"] for m in again.stock_movements(PIN, BRANCH)] == [1]
    assert again.stock_levels(PIN, BRANCH) == {ITEM: Decimal(5)}
    assert again.stock_masters_accepted(PIN, BRANCH) == 1
    assert len(again._state.supplier_invoices) == 1 and len(again._state.import_lines) == 1
