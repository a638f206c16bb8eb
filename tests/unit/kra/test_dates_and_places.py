"""Wire dates in Nairobi time; base URLs, receipt-check URLs and endpoint paths."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
from etims_desktop.kra.dates import NAIROBI, format_date, format_datetime, parse_date, parse_datetime
from etims_desktop.kra.endpoints import NESTED_PATHS, Endpoint, path_for
from etims_desktop.kra.environments import (
    PRODUCTION_BASE_URL,
    SANDBOX_BASE_URL,
    base_url_for,
    receipt_check_url,
)

# --- dates -----------------------------------------------------------------------------------------------


def test_utc_is_sent_as_nairobi_time():
    assert format_datetime(datetime(2024, 4, 15, 12, 30, 39, tzinfo=UTC)) == "20240415153039"


def test_the_kra_day_is_the_nairobi_day():
    late_evening_utc = datetime(2024, 4, 15, 22, 0, tzinfo=UTC)  # 01:00 on the 16th in Nairobi
    assert format_date(late_evening_utc) == "20240416"
    assert format_date(date(2024, 4, 15)) == "20240415"


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        format_datetime(datetime(2024, 4, 15, 12, 0))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20240415153039", datetime(2024, 4, 15, 15, 30, 39)),
        ("2024-04-15 15:30:39.0", datetime(2024, 4, 15, 15, 30, 39)),
        ("2023-12-12 15:36:25", datetime(2023, 12, 12, 15, 36, 25)),
        ("20240415", datetime(2024, 4, 15)),
        ("2024-04-15", datetime(2024, 4, 15)),
        ("2024-04-15T15:30:39", datetime(2024, 4, 15, 15, 30, 39)),
    ],
)
def test_every_server_shape_parses_as_nairobi_time(text, expected):
    parsed = parse_datetime(text)
    assert parsed.tzinfo is NAIROBI
    assert parsed.replace(tzinfo=None) == expected


def test_a_shape_with_an_offset_is_converted():
    parsed = parse_datetime("2024-04-15T12:30:39Z")
    assert parsed == datetime(2024, 4, 15, 12, 30, 39, tzinfo=UTC)
    assert parsed.hour == 15 and parsed.tzinfo is NAIROBI
    assert parse_datetime("2024-04-15T15:30:39+03:00") == parsed


@pytest.mark.parametrize("text", ["", "2024/04/15", "15-04-2024", "202404151530", "yesterday"])
def test_unknown_shapes_are_refused(text):
    with pytest.raises(ValueError):
        parse_datetime(text)


def test_round_trip_through_the_wire_keeps_the_instant():
    when = datetime(2024, 1, 31, 21, 5, 9, tzinfo=timezone(timedelta(hours=-5)))
    assert parse_datetime(format_datetime(when)) == when
    assert parse_date("20240201") == date(2024, 2, 1)


# --- environments ----------------------------------------------------------------------------------------


def _device(**kw) -> Device:
    return Device(None, "Till 1", kw.pop("type", DeviceType.OSCU), "P051234567X", "00", "SN-1", **kw)


def test_oscu_base_urls_per_environment():
    assert base_url_for(_device(environment=Environment.SANDBOX)) == SANDBOX_BASE_URL
    assert base_url_for(_device(environment=Environment.PRODUCTION)) == PRODUCTION_BASE_URL
    assert SANDBOX_BASE_URL == "https://etims-api-sbx.kra.go.ke/etims-api"
    assert PRODUCTION_BASE_URL == "https://etims-api.kra.go.ke/etims-api"


def test_custom_and_vscu_use_the_device_address():
    custom = _device(environment=Environment.CUSTOM, base_url="http://127.0.0.1:8088/")
    assert base_url_for(custom) == "http://127.0.0.1:8088"
    assert base_url_for(_device(type=DeviceType.VSCU)) == "http://localhost:8088"
    vscu_lan = _device(type=DeviceType.VSCU, base_url="http://192.168.1.5:9000")
    assert base_url_for(vscu_lan) == "http://192.168.1.5:9000"


def test_receipt_check_url_is_prefix_pin_branch_signature():
    url = receipt_check_url(Environment.PRODUCTION, "P051234567X", "00", "QUII27MATATSHFRB")
    assert url == (
        "https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data="
        "P051234567X00QUII27MATATSHFRB"
    )
    assert len(url) == 106  # kra-etims-api.md 9.1: 77 + 11 + 2 + 16
    sandbox = receipt_check_url(Environment.SANDBOX, "P051234567X", "01", "X" * 16)
    assert sandbox.startswith("https://etims-sbx.kra.go.ke/") and sandbox.endswith("P051234567X01" + "X" * 16)
    assert receipt_check_url(Environment.CUSTOM, "P051234567X", "01", "X" * 16) == sandbox


# --- endpoints -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("endpoint", "flat", "nested"),
    [
        (Endpoint.INITIALISE, "/selectInitOsdcInfo", "/initializer/selectInitInfo"),
        (Endpoint.CODES, "/selectCodeList", "/code/selectCodes"),
        (Endpoint.ITEM_CLASSES, "/selectItemClsList", "/itemClass/selectItemsClass"),
        (Endpoint.SAVE_ITEM, "/saveItem", "/items/saveItems"),
        (Endpoint.ITEMS, "/selectItemList", "/items/selectItems"),
        (Endpoint.BRANCHES, "/selectBhfList", "/branches/selectBranches"),
        (Endpoint.NOTICES, "/selectNoticeList", "/notices/selectNotices"),
        (Endpoint.CUSTOMER, "/selectCustomer", "/customers/selectCustomer"),
        (Endpoint.SAVE_SALE, "/saveTrnsSalesOsdc", "/trnsSales/saveSales"),
        (Endpoint.INVOICE_DETAILS, "/selectInvoiceDetails", "/trnsSales/selectInvoiceDetails"),
        (Endpoint.SAVE_STOCK_IO, "/insertStockIO", "/stock/saveStockItems"),
        (Endpoint.SAVE_PURCHASE, "/insertTrnsPurchase", "/trnsPurchase/savePurchases"),
    ],
)
def test_paths_per_style(endpoint, flat, nested):
    assert path_for(endpoint, EndpointStyle.FLAT) == flat
    assert path_for(endpoint, EndpointStyle.NESTED) == nested


def test_every_endpoint_has_a_nested_path():
    assert set(NESTED_PATHS) == set(Endpoint)
