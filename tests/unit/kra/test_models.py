"""Request models go out exactly as KRA expects; reply models read every shape servers send."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pydantic import ValidationError

from etims_desktop.kra.models import (
    CodeClass,
    InitInfo,
    InitRequest,
    InvoiceDetails,
    ItemSaveRequest,
    LookupRequest,
    SaleReply,
    SaleRequest,
)

from .helpers import KEY, SIGNED, sale_body


def test_amounts_leave_as_json_numbers_rounded_to_cents():
    body = sale_body(totTaxAmt=Decimal("1120.005"), totAmt=Decimal("8120.004"))
    wire = SaleRequest.model_validate(body).wire()
    text = json.dumps(wire)
    assert wire["totTaxAmt"] == 1120.01 and wire["totAmt"] == 8120.0  # half-up to 2 dp
    assert isinstance(wire["taxblAmtB"], float)
    assert '"taxblAmtB": 7000.0' in text and '"7000' not in text  # a number, never a string
    line = wire["itemList"][0]
    assert line["qty"] == 2.0 and line["taxAmt"] == 1120.0 and line["dcRt"] == 0.0


def test_a_cent_value_survives_the_float_on_the_wire():
    wire = SaleRequest.model_validate(sale_body(totTaxAmt=Decimal("2799.84"))).wire()
    assert json.dumps(wire["totTaxAmt"]) == "2799.84"
    assert Decimal(json.dumps(wire["totTaxAmt"])) == Decimal("2799.84")


def test_sale_keeps_kra_names_integers_and_dates():
    wire = SaleRequest.model_validate(sale_body(invc_no=41)).wire()
    assert wire["invcNo"] == 41 and isinstance(wire["invcNo"], int)
    assert wire["orgInvcNo"] == 0 and wire["totItemCnt"] == 1
    assert wire["cfmDt"] == "20240415153000" and wire["salesDt"] == "20240415"
    assert wire["receipt"]["rcptPbctDt"] == "20240415153000"
    assert set(wire) >= {f"{p}{t}" for p in ("taxblAmt", "taxRt", "taxAmt") for t in "ABCDE"}
    assert "stockRlsDt" not in wire  # None fields are left out, as Odoo does


def test_sale_accepts_aware_datetimes_and_sends_them_in_nairobi_time():
    when = datetime(2024, 4, 15, 21, 30, tzinfo=UTC)
    body = sale_body(cfmDt=when, salesDt=when)
    body["receipt"] = {**body["receipt"], "rcptPbctDt": when}
    wire = SaleRequest.model_validate(body).wire()
    assert wire["cfmDt"] == "20240416003000"
    assert wire["salesDt"] == "20240416"
    assert wire["receipt"]["rcptPbctDt"] == "20240416003000"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"invcNo": "INV001"}, "invcNo"),
        ({"cfmDt": "2024-04-15 15:30:00"}, "cfmDt"),
        ({"salesDt": "15042024"}, "salesDt"),
        ({"totItemCnt": 3}, "totItemCnt"),
        ({"tolAmt": 1}, "tolAmt"),  # a typo is caught here, not by KRA
        ({"totAmt": "NaN"}, "totAmt"),
    ],
)
def test_sale_refuses_what_kra_would_refuse(change, field):
    with pytest.raises(ValidationError) as exc:
        SaleRequest.model_validate(sale_body(**change))
    assert field in str(exc.value)


def test_snake_case_names_build_the_same_request():
    by_alias = LookupRequest.model_validate({"lastReqDt": "20180101000000"})
    by_name = LookupRequest(last_req_dt="20180101000000")
    assert by_alias.wire() == by_name.wire() == {"lastReqDt": "20180101000000"}


def test_item_request_numbers_as_strings_and_prices_as_numbers():
    item = ItemSaveRequest.model_validate(
        {
            "itemCd": "KE2NTU0000001",
            "itemClsCd": 5059690800,
            "itemTyCd": 2,
            "itemNm": "Maize flour 2kg",
            "orgnNatCd": "KE",
            "pkgUnitCd": "NT",
            "qtyUnitCd": "U",
            "taxTyCd": "B",
            "dftPrc": Decimal("3500"),
            "regrId": "a",
            "regrNm": "a",
            "modrId": "a",
            "modrNm": "a",
        }
    )
    wire = item.wire()
    assert wire["itemClsCd"] == "5059690800" and wire["itemTyCd"] == "2"
    assert wire["dftPrc"] == 3500.0 and wire["isrcAplcbYn"] == "N" and wire["useYn"] == "Y"


# --- replies ----------------------------------------------------------------------------------------------


def test_init_info_never_shows_its_key():
    info = InitInfo.model_validate({"cmcKey": KEY, "sdcId": "KRACU0100000123", "mrcNo": "WIS01000150"})
    assert info.cmc_key_value == KEY
    assert info.sdc_id == "KRACU0100000123" and info.mrc_no == "WIS01000150"
    for text in (repr(info), str(info), info.model_dump_json(), repr(info.model_dump())):
        assert KEY not in text


def test_init_info_tolerates_numbers_and_odd_values():
    info = InitInfo.model_validate({"dvcId": 450471, "hqYn": "Y", "bhfOpenDt": 20240101, "mgrNm": None})
    assert info.dvc_id == "450471" and info.bhf_open_dt == "20240101"
    assert info.cmc_key_value is None


def test_sale_reply_reads_oscu_names_and_strings():
    reply = SaleReply.model_validate({**SIGNED, "curRcptNo": "169", "totRcptNo": "170"})
    assert reply.cur_rcpt_no == 169 and reply.tot_rcpt_no == 170
    assert reply.sdc_date_time == datetime(2024, 4, 15, 12, 30, 39, tzinfo=UTC)


def test_sale_reply_reads_vscu_names():
    reply = SaleReply.model_validate(
        {
            "rcptNo": 12,
            "totRcptNo": 40,
            "vsdcRcptPbctDate": "20240415153039",
            "intrlData": "A" * 26,
            "rcptSign": "B" * 16,
            "sdcId": "KRACU0300000222",
            "mrcNo": "KRA00000001",
        }
    )
    assert reply.cur_rcpt_no == 12 and reply.sdc_id == "KRACU0300000222" and reply.mrc_no == "KRA00000001"
    assert reply.sdc_date_time is not None and reply.sdc_date_time.hour == 15


def test_code_list_reads_rates_and_skips_junk_rows():
    cls = CodeClass.model_validate(
        {
            "cdCls": "04",
            "cdClsNm": "Taxation Type",
            "unknownField": 1,
            "dtlList": [{"cd": "B", "cdNm": "B-VAT 16%", "srtOrd": "2", "userDfnCd1": 16}, "junk", None],
        }
    )
    assert [c.cd for c in cls.dtl_list] == ["B"]
    assert cls.dtl_list[0].user_dfn_cd1 == "16" and cls.dtl_list[0].srt_ord == 2


def test_invoice_details_reads_odoo_recorded_shape():
    details = InvoiceDetails.model_validate(
        {
            "invcNo": 2,
            "orgInvcNo": 0,
            "trdInvcNo": "INV/2024/0002",
            "totAmt": 1.04,
            "itemList": [{"itemSeq": 1, "itemCd": False, "qty": "1.0", "taxAmt": 0.14}],
            "receipt": {
                "custTin": "A000123456F",
                "curRcptNo": 169,
                "totRcptNo": 169,
                "intrlData": "GRKJVWYCFBPTYQ225X2UEYONVE",
                "rcptSign": "123456789ODOOGR3",
                "sdcDateTime": "2024-04-15 15:30:39.0",
            },
        }
    )
    assert details.invc_no == 2 and details.trd_invc_no == "INV/2024/0002"
    assert details.cur_rcpt_no == 169 and details.rcpt_sign == "123456789ODOOGR3"
    assert details.sdc_date_time == datetime(2024, 4, 15, 12, 30, 39, tzinfo=UTC)
    assert details.item_list[0].item_cd is None and details.item_list[0].qty == Decimal("1.0")
    assert details.tot_amt == Decimal("1.04")


def test_invoice_details_signature_next_to_the_header_is_found():
    details = InvoiceDetails.model_validate({"invcNo": "3", "rcptSign": "C" * 16, "curRcptNo": "4"})
    assert details.invc_no == 3 and details.rcpt_sign == "C" * 16 and details.cur_rcpt_no == 4


def test_the_json_sent_means_what_the_model_says():
    """What leaves (wire_json, serialised by pydantic-core) equals the model's own JSON-mode dump."""
    request = SaleRequest.model_validate(sale_body(totTaxAmt=Decimal("1120.005"), remark="Café ✓"))
    sent = request.wire_json()
    assert json.loads(sent) == request.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert "Café ✓".encode() in sent  # UTF-8 text, as httpx's json= sent it


def test_a_prefix_goes_first_and_never_twice():
    lookup = LookupRequest(last_req_dt="20180101000000")
    prefix = {"tin": "P051234567A", "bhfId": "00"}
    assert lookup.wire_json(prefix) == b'{"tin":"P051234567A","bhfId":"00","lastReqDt":"20180101000000"}'
    init = InitRequest(tin="P051234567A", bhf_id="00", dvc_srl_no="SN-1")
    body = json.loads(init.wire_json(prefix))
    assert body == {"tin": "P051234567A", "bhfId": "00", "dvcSrlNo": "SN-1"}
    assert init.wire_json(prefix).count(b'"tin"') == 1
