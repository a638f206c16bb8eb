"""Fuzzing KRA's replies: whatever comes back (status, headers, bytes, JSON of any shape, result codes),
the client returns a typed reply or raises a typed KraError - never anything else, never a key."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.domain.tax import compute_amounts
from etims_desktop.kra.client import KraClient, make_http_client
from etims_desktop.kra.errors import KraError, error_for_result
from etims_desktop.kra.models import InvoiceDetails, Lookup, SaleReply, SaleRequest
from etims_desktop.sync.payloads import sale_request

BASE = "http://127.0.0.1:9/etims-api"  # MockTransport answers; nothing leaves the process
PIN, BRANCH = "P051234567X", "00"
KEY = "f00dfeedcafe4bad0123456789abcdef"

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)
RESULT_CODES = st.one_of(
    st.sampled_from(
        ["000", "001", "0", "00", "0000", "894", "901", "910", "913", "921", "990", "994", "999", "", None]
    ),
    st.text(max_size=6),
    st.integers(-10, 10_000),
    JSON,
)
SALE_DATA = st.fixed_dictionaries(
    {},
    optional={
        "curRcptNo": JSON | st.integers(),
        "totRcptNo": JSON | st.integers(),
        "intrlData": JSON | st.text(max_size=40),
        "rcptSign": JSON | st.text(max_size=20),
        "sdcDateTime": JSON | st.sampled_from(["20240415153039", "2024-04-15 15:30:39.0", "garbage", ""]),
        "salesList": JSON,
    },
)
ENVELOPES = st.fixed_dictionaries(
    {},
    optional={
        "resultCd": RESULT_CODES,
        "resultMsg": JSON | st.just(f"bad key {KEY}"),
        "resultDt": JSON | st.sampled_from(["20240415153039", "2024-04-15 15:30:39", "x"]),
        "data": JSON | SALE_DATA | st.fixed_dictionaries({"salesList": st.lists(SALE_DATA, max_size=2)}),
    },
)
BODIES = st.one_of(
    ENVELOPES.map(lambda e: json.dumps(e).encode()),
    JSON.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=300),
    st.sampled_from(
        [b"", b"<html><body>502 Bad Gateway</body></html>", b"\xff\xfe{", b"{" * 5000, b"[]", b"null"]
    ),
)
HEADERS = st.dictionaries(
    st.sampled_from(["content-type", "retry-after", "content-encoding"]),
    st.sampled_from(["application/json", "text/html", "gzip", "br", "-1", "1e309", "Wed, 21 Oct", "nan", ""]),
)


def make_sale_request() -> SaleRequest:
    """A valid saveTrnsSalesOsdc body, built the way the outbox drain builds it."""
    device = Device(1, "Till 1", DeviceType.OSCU, PIN, BRANCH, "SN-1", Environment.CUSTOM, BASE)
    line = SaleLine("KE2NTU0000001", "50161800", "Sugar 1kg", Decimal(2), Decimal("180.00"), TaxType.B)
    sale = Sale("INV-1", (line,), datetime.now(UTC))
    return sale_request(device, sale, compute_amounts(sale, {}), 7, None, datetime.now(UTC))


SALE_REQUEST = make_sale_request()


def call_with(status: int, headers: dict, body: bytes, call: str):
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, content=body)

    async def run():
        async with make_http_client(transport=httpx.MockTransport(answer)) as http:
            client = KraClient(http, BASE, tin=PIN, bhf_id=BRANCH, cmc_key=KEY)
            if call == "save_sale":
                return await client.save_sale(SALE_REQUEST)
            if call == "invoice":
                return await client.select_invoice_details(7)
            if call == "codes":
                return await client.select_codes(None)
            if call == "check":
                return await client.check()
            return await client.initialise("SN-1")

    return asyncio.run(run())


@settings(max_examples=400, deadline=None)
@given(
    status=st.sampled_from([200, 200, 200, 201, 204, 301, 400, 404, 429, 500, 502, 503]),
    headers=HEADERS,
    body=BODIES,
    call=st.sampled_from(["save_sale", "invoice", "codes", "check", "initialise"]),
)
def test_any_reply_is_a_typed_result_or_a_typed_error(status, headers, body, call):
    try:
        result = call_with(status, headers, body, call)
    except KraError as error:
        event(f"{call}: {type(error).__name__}")
        assert error.code and error.plain.strip() and error.next_step.strip()
        for text in (str(error), repr(error), error.kra_message or "", error.detail or ""):
            assert KEY not in text
        return
    event(f"{call}: reply")
    expected = {"save_sale": SaleReply, "invoice": (InvoiceDetails, type(None)), "codes": Lookup,
                "check": float, "initialise": object}[call]  # fmt: skip
    assert isinstance(result, expected)
    if call == "save_sale":
        assert result.rcpt_sign  # a "success" without a signature is never accepted


@settings(max_examples=400, deadline=None)
@given(
    code=st.sampled_from(["000", "000", "000", "001", "0", "910", "994", "990", "999"]),
    message=JSON,
    data=SALE_DATA | st.fixed_dictionaries({"salesList": st.lists(SALE_DATA, max_size=2)}) | JSON,
    call=st.sampled_from(["save_sale", "invoice", "codes", "check"]),
)
def test_any_well_formed_envelope_with_hostile_data_is_typed(code, message, data, call):
    body = json.dumps(
        {"resultCd": code, "resultMsg": message, "resultDt": "20240415153039", "data": data}
    ).encode()
    test_any_reply_is_a_typed_result_or_a_typed_error.hypothesis.inner_test(
        status=200, headers={"content-type": "application/json"}, body=body, call=call
    )


@settings(max_examples=300, deadline=None)
@given(code=st.text(max_size=8) | st.integers().map(str), message=st.none() | st.text(max_size=200))
def test_every_result_code_maps_to_a_typed_error(code, message):
    error = error_for_result(code, message, endpoint="saveTrnsSalesOsdc")
    assert isinstance(error, KraError)
    assert error.plain.strip() and error.next_step.strip()


def test_a_huge_reply_is_read():
    rows = [
        {"cdCls": f"{n:02d}", "cdClsNm": "x" * 50, "dtlList": [{"cd": str(n), "cdNm": "y"}]}
        for n in range(20_000)
    ]
    body = json.dumps(
        {"resultCd": "000", "resultMsg": "ok", "resultDt": "20240415153039", "data": {"clsList": rows}}
    )
    codes = call_with(200, {"content-type": "application/json"}, body.encode(), "codes")
    assert len(codes.items) == 20_000


def test_a_deeply_nested_reply_is_a_malformed_reply():
    with pytest.raises(KraError) as raised:
        call_with(200, {"content-type": "application/json"}, b"[" * 100_000, "save_sale")
    assert raised.value.code == "BODY"
