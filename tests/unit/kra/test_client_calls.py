"""Every endpoint: the request that leaves (path per style, headers, body) and the reply as parsed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from etims_desktop.domain.device import EndpointStyle
from etims_desktop.kra.dates import NAIROBI
from etims_desktop.kra.endpoints import Endpoint, path_for
from etims_desktop.kra.errors import MissingCredentials
from etims_desktop.kra.models import ItemSaveRequest, SaleRequest

from .helpers import BASE, BRANCH, KEY, PIN, SIGNED, envelope, sale_body

pytestmark = pytest.mark.anyio

ITEM = {
    "itemCd": "KE2NTU0000001",
    "itemClsCd": "5059690800",
    "itemTyCd": "2",
    "itemNm": "Maize flour 2kg",
    "orgnNatCd": "KE",
    "pkgUnitCd": "NT",
    "qtyUnitCd": "U",
    "taxTyCd": "B",
    "dftPrc": Decimal("3500.5"),
    "regrId": "etims-desktop",
    "regrNm": "etims-desktop",
    "modrId": "etims-desktop",
    "modrNm": "etims-desktop",
}
INIT_INFO = {
    "tin": PIN,
    "taxprNm": "WANJIKU STORES LTD",
    "bhfId": BRANCH,
    "bhfNm": "Headquarter",
    "bhfOpenDt": "20230101",
    "hqYn": "Y",
    "dvcId": "9999000011112222",
    "sdcId": "KRACU0100000123",
    "mrcNo": "WIS01000150",
    "cmcKey": KEY,
}
DETAILS = {"salesList": [{"invcNo": 7, "trdInvcNo": "INV/2024/0007", "receipt": SIGNED}]}

# method, arguments, endpoint, reply data
CALLS = [
    ("initialise", ("SN-1",), Endpoint.INITIALISE, {"info": INIT_INFO}),
    ("select_codes", (None,), Endpoint.CODES, {"clsList": []}),
    ("select_item_classes", (None,), Endpoint.ITEM_CLASSES, {"itemClsList": []}),
    ("select_branches", (None,), Endpoint.BRANCHES, {"bhfList": []}),
    ("select_notices", (None,), Endpoint.NOTICES, {"noticeList": []}),
    ("select_items", (None,), Endpoint.ITEMS, {"itemList": []}),
    ("select_customer", ("A000123456F",), Endpoint.CUSTOMER, {"custList": []}),
    ("save_item", (ItemSaveRequest.model_validate(ITEM),), Endpoint.SAVE_ITEM, None),
    ("save_sale", (SaleRequest.model_validate(sale_body()),), Endpoint.SAVE_SALE, SIGNED),
    ("select_invoice_details", (7,), Endpoint.INVOICE_DETAILS, DETAILS),
    ("check", (), Endpoint.NOTICES, None),
]


def sent(route) -> tuple[httpx.Request, dict]:
    request = route.calls.last.request
    return request, json.loads(request.content)


@pytest.mark.parametrize("style", list(EndpointStyle))
@pytest.mark.parametrize(("method", "args", "endpoint", "data"), CALLS, ids=[c[0] for c in CALLS])
async def test_each_call_posts_to_its_path(kra_api, make_client, style, method, args, endpoint, data):
    route = kra_api.post(path_for(endpoint, style)).respond(json=envelope(data=data))
    await getattr(make_client(style=style), method)(*args)
    request, _ = sent(route)
    assert request.method == "POST"
    assert str(request.url) == BASE + path_for(endpoint, style)
    assert request.headers["content-type"] == "application/json"


@pytest.mark.parametrize(("method", "args", "endpoint", "data"), CALLS[1:], ids=[c[0] for c in CALLS[1:]])
async def test_authenticated_calls_carry_the_three_headers(kra_api, kra, method, args, endpoint, data):
    route = kra_api.post(path_for(endpoint, EndpointStyle.FLAT)).respond(json=envelope(data=data))
    await getattr(kra, method)(*args)
    request, body = sent(route)
    assert (request.headers["tin"], request.headers["bhfId"], request.headers["cmcKey"]) == (PIN, BRANCH, KEY)
    assert "cmcKey" not in body and "tin" not in body  # OSCU: credentials are headers only


async def test_initialise_sends_credentials_in_the_body_only(kra_api, kra):
    route = kra_api.post("/selectInitOsdcInfo").respond(json=envelope(data={"info": INIT_INFO}))
    info = await kra.initialise("SN-1")
    request, body = sent(route)
    assert body == {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": "SN-1"}
    assert not {"tin", "bhfid", "cmckey"} & {name.lower() for name in request.headers}
    assert info.cmc_key_value == KEY and info.sdc_id == "KRACU0100000123" and info.mrc_no == "WIS01000150"
    assert info.dvc_id == "9999000011112222" and info.taxpr_nm == "WANJIKU STORES LTD"


async def test_initialise_works_without_a_key(kra_api, make_client):
    kra_api.post("/selectInitOsdcInfo").respond(json=envelope(data={"info": INIT_INFO}))
    info = await make_client(cmc_key=None).initialise("SN-1")
    assert info.cmc_key_value == KEY


async def test_vscu_puts_tin_and_branch_in_the_body_and_needs_no_key(kra_api, make_client):
    route = kra_api.post("/trnsSales/saveSales").respond(
        json=envelope(data={"rcptNo": 3, "totRcptNo": 3, "rcptSign": "S" * 16, "intrlData": "I" * 26})
    )
    vscu = make_client(style=EndpointStyle.NESTED, vscu=True, cmc_key=None)
    reply = await vscu.save_sale(SaleRequest.model_validate(sale_body()))
    request, body = sent(route)
    assert body["tin"] == PIN and body["bhfId"] == BRANCH and body["invcNo"] == 7
    assert request.headers["tin"] == PIN and "cmckey" not in {n.lower() for n in request.headers}
    assert reply.cur_rcpt_no == 3


async def test_oscu_without_a_key_sends_nothing(kra_api, make_client):
    route = kra_api.post("/selectNoticeList").respond(json=envelope())
    with pytest.raises(MissingCredentials) as exc:
        await make_client(cmc_key=None).check()
    assert exc.value.code == "NO_KEY" and "CMC key" in exc.value.plain
    assert not route.called


# --- bodies ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_req_dt", "expected"),
    [
        (None, "20180101000000"),
        (datetime(2024, 4, 15, 9, 0, tzinfo=UTC), "20240415120000"),
        ("20240501000000", "20240501000000"),
    ],
)
async def test_lookups_send_last_req_dt_in_nairobi_time(kra_api, kra, last_req_dt, expected):
    route = kra_api.post("/selectCodeList").respond(json=envelope(data={"clsList": []}))
    await kra.select_codes(last_req_dt)
    assert sent(route)[1] == {"lastReqDt": expected}


async def test_customer_lookup_uses_custm_tin(kra_api, kra):
    route = kra_api.post("/selectCustomer").respond(json=envelope("001", msg="There is no search result"))
    assert await kra.select_customer("A000123456F") is None
    assert sent(route)[1] == {"custmTin": "A000123456F"}


async def test_save_item_body(kra_api, kra):
    route = kra_api.post("/saveItem").respond(json=envelope())
    assert await kra.save_item(ItemSaveRequest.model_validate(ITEM)) is None
    body = sent(route)[1]
    assert (
        body["itemCd"] == "KE2NTU0000001" and body["dftPrc"] == 3500.5 and isinstance(body["dftPrc"], float)
    )
    assert body["useYn"] == "Y" and body["regrId"] == "etims-desktop"


async def test_save_sale_body_on_the_wire(kra_api, kra):
    route = kra_api.post("/saveTrnsSalesOsdc").respond(json=envelope(data=SIGNED))
    await kra.save_sale(SaleRequest.model_validate(sale_body(invc_no=41, totTaxAmt=Decimal("1120.00"))))
    request, body = sent(route)
    raw = request.content.decode()
    assert body["invcNo"] == 41 and '"invcNo":41' in raw  # an integer, not "41"
    assert body["totTaxAmt"] == 1120.0 and '"totTaxAmt":1120.0' in raw  # a number, not "1120.00"
    assert body["cfmDt"] == "20240415153000" and body["salesDt"] == "20240415"
    assert body["itemList"][0]["prc"] == 3500.0 and body["itemList"][0]["itemSeq"] == 1
    assert body["receipt"]["rcptPbctDt"] == "20240415153000"


async def test_invoice_details_sends_an_integer(kra_api, kra):
    route = kra_api.post("/selectInvoiceDetails").respond(json=envelope(data=DETAILS))
    await kra.select_invoice_details(7)
    assert sent(route)[0].content == b'{"invcNo":7}'


async def test_check_asks_for_recent_notices_and_times_itself(kra_api, kra):
    route = kra_api.post("/selectNoticeList").respond(json=envelope("001", msg="There is no search result"))
    seconds = await kra.check()
    sent_at = datetime.strptime(sent(route)[1]["lastReqDt"], "%Y%m%d%H%M%S").replace(tzinfo=NAIROBI)
    assert timedelta(minutes=9) < datetime.now(UTC) - sent_at < timedelta(minutes=11)
    assert 0 < seconds < 5


# --- replies -------------------------------------------------------------------------------------------


async def test_codes_reply(kra_api, kra):
    data = {
        "clsList": [
            {
                "cdCls": "04",
                "cdClsNm": "Taxation Type",
                "useYn": "Y",
                "userDfnNm1": "Tax Rate",
                "dtlList": [
                    {"cd": "A", "cdNm": "A-Exempt", "srtOrd": 1, "userDfnCd1": "0", "userDfnCd2": "A-EX"},
                    {"cd": "B", "cdNm": "B-VAT 16%", "srtOrd": 2, "userDfnCd1": "16", "userDfnCd2": "B-16%"},
                ],
            }
        ]
    }
    kra_api.post("/selectCodeList").respond(json=envelope(data=data, dt="20240424114721"))
    lookup = await kra.select_codes(None)
    assert [c.cd_cls for c in lookup.items] == ["04"]
    assert {c.cd: c.user_dfn_cd1 for c in lookup.items[0].dtl_list} == {"A": "0", "B": "16"}
    assert lookup.result_dt == "20240424114721"
    assert lookup.result_at == datetime(2024, 4, 24, 11, 47, 21, tzinfo=NAIROBI)


async def test_item_classes_reply(kra_api, kra):
    data = {"itemClsList": [{"itemClsCd": "81121500", "itemClsNm": "Economic analysis", "itemClsLvl": "4"}]}
    kra_api.post("/selectItemClsList").respond(json=envelope(data=data))
    (cls,) = (await kra.select_item_classes(None)).items
    assert (cls.item_cls_cd, cls.item_cls_lvl, cls.tax_ty_cd) == ("81121500", 4, None)


async def test_branches_reply(kra_api, kra):
    data = {"bhfList": [{"tin": PIN, "bhfId": "01", "bhfNm": "MOMBASA", "bhfSttsCd": "01", "hqYn": "N"}]}
    kra_api.post("/selectBhfList").respond(json=envelope(data=data))
    (branch,) = (await kra.select_branches(None)).items
    assert (branch.bhf_id, branch.bhf_nm, branch.hq_yn) == ("01", "MOMBASA", "N")


async def test_notices_reply(kra_api, kra):
    data = {"noticeList": [{"noticeNo": 26, "title": "Tester", "cont": "Body", "regDt": "20240429204227"}]}
    kra_api.post("/selectNoticeList").respond(json=envelope(data=data))
    (notice,) = (await kra.select_notices("20240101000000")).items
    assert notice.notice_no == 26 and notice.title == "Tester"
    assert notice.reg_dt == datetime(2024, 4, 29, 20, 42, 27, tzinfo=NAIROBI)


async def test_items_reply(kra_api, kra):
    data = {"itemList": [{**ITEM, "dftPrc": "3500.50", "tin": PIN, "rraModYn": "N", "regBhfId": "00"}]}
    kra_api.post("/selectItemList").respond(json=envelope(data=data))
    (item,) = (await kra.select_items(None)).items
    assert item.item_cd == "KE2NTU0000001" and item.dft_prc == Decimal("3500.50") and item.reg_bhf_id == "00"


async def test_customer_reply(kra_api, kra):
    data = {
        "custList": [{"tin": "A000123456F", "taxprNm": "RALPH JR", "taxprSttsCd": "A", "prvncNm": "NAIROBI"}]
    }
    kra_api.post("/selectCustomer").respond(json=envelope(data=data))
    customer = await kra.select_customer("A000123456F")
    assert customer is not None and customer.taxpr_nm == "RALPH JR" and customer.active


async def test_sale_reply(kra_api, kra):
    kra_api.post("/saveTrnsSalesOsdc").respond(json=envelope(data=SIGNED))
    reply = await kra.save_sale(SaleRequest.model_validate(sale_body()))
    assert (reply.cur_rcpt_no, reply.tot_rcpt_no) == (169, 169)
    assert reply.intrl_data == "GRKJVWYCFBPTYQ225X2UEYONVE" and reply.rcpt_sign == "QUII27MATATSHFRB"
    assert reply.sdc_date_time == datetime(2024, 4, 15, 15, 30, 39, tzinfo=NAIROBI)


async def test_invoice_details_reply(kra_api, kra):
    data = {
        "salesList": [
            {
                "invcNo": 7,
                "trdInvcNo": "INV/2024/0007",
                "receipt": {**SIGNED, "sdcDateTime": "2024-04-15 15:30:39.0"},
            }
        ]
    }
    kra_api.post("/selectInvoiceDetails").respond(json=envelope(data=data))
    details = await kra.select_invoice_details(7)
    assert details is not None and details.invc_no == 7 and details.trd_invc_no == "INV/2024/0007"
    assert details.rcpt_sign == "QUII27MATATSHFRB" and details.cur_rcpt_no == 169
    assert details.sdc_date_time == datetime(2024, 4, 15, 15, 30, 39, tzinfo=NAIROBI)


# --- odd but valid shapes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["It is succeeded", "Successful", "", None])
@pytest.mark.parametrize("code", ["000", "00", "0000", "0", 0])
async def test_success_variants_and_messages(kra_api, kra, code, message):
    kra_api.post("/saveTrnsSalesOsdc").respond(json=envelope(code, data=SIGNED, msg=message))
    reply = await kra.save_sale(SaleRequest.model_validate(sale_body()))
    assert reply.rcpt_sign == "QUII27MATATSHFRB"


async def test_numbers_sent_as_strings(kra_api, kra):
    data = {**SIGNED, "curRcptNo": "1", "totRcptNo": "1"}
    kra_api.post("/saveTrnsSalesOsdc").respond(
        json={"resultCd": "000", "resultMsg": "It is succeeded", "data": data}
    )
    reply = await kra.save_sale(SaleRequest.model_validate(sale_body()))
    assert reply.cur_rcpt_no == 1 and reply.tot_rcpt_no == 1


@pytest.mark.parametrize(
    ("method", "args", "path", "empty"),
    [
        ("select_codes", (None,), "/selectCodeList", "lookup"),
        ("select_item_classes", (None,), "/selectItemClsList", "lookup"),
        ("select_branches", (None,), "/selectBhfList", "lookup"),
        ("select_notices", (None,), "/selectNoticeList", "lookup"),
        ("select_items", (None,), "/selectItemList", "lookup"),
        ("select_customer", ("A000123456F",), "/selectCustomer", None),
        ("select_invoice_details", (9,), "/selectInvoiceDetails", None),
    ],
)
async def test_001_is_an_empty_result_not_an_error(kra_api, kra, method, args, path, empty):
    kra_api.post(path).respond(json=envelope("001", msg="There is no search result", dt="20240507154417"))
    result = await getattr(kra, method)(*args)
    if empty == "lookup":
        assert result.items == [] and result.result_dt == "20240507154417"
    else:
        assert result is None


async def test_empty_sales_list_means_not_found(kra_api, kra):
    kra_api.post("/selectInvoiceDetails").respond(json=envelope(data={"salesList": []}))
    assert await kra.select_invoice_details(9) is None


async def test_result_dt_in_another_shape_is_normalised(kra_api, kra):
    kra_api.post("/selectBhfList").respond(json=envelope(data={"bhfList": []}, dt="2024-04-29 12:04:33.0"))
    assert (await kra.select_branches(None)).result_dt == "20240429120433"


async def test_repr_does_not_show_the_key(kra):
    assert KEY not in repr(kra) and "cmc_key=set" in repr(kra)
