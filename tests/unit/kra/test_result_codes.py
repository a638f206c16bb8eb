"""Every KRA result code becomes its own typed error with a plain sentence and a next step."""

from __future__ import annotations

import pytest

from etims_desktop.kra import errors as e
from etims_desktop.kra.models import SaleRequest

from .helpers import envelope, sale_body

pytestmark = pytest.mark.anyio

# kra-etims-api.md 8.1 (spec table) and 8.2 (seen in the wild): code -> class, category
EXPECTED = {
    "891": (e.VscuServiceFault, e.TemporaryKraFault),
    "892": (e.VscuServiceFault, e.TemporaryKraFault),
    "893": (e.VscuServiceFault, e.TemporaryKraFault),
    "894": (e.KraServerFault, e.TemporaryKraFault),
    "895": (e.VscuServiceFault, e.TemporaryKraFault),
    "896": (e.VscuServiceFault, e.TemporaryKraFault),
    "899": (e.VscuServiceFault, e.TemporaryKraFault),
    "900": (e.MissingCredentials, e.CredentialError),
    "901": (e.DeviceNotRecognised, e.CredentialError),
    "902": (e.AlreadyInitialised, e.CredentialError),
    "903": (e.WrongDeviceType, e.CredentialError),
    "905": (e.WrongDeviceType, e.CredentialError),
    "910": (e.RequestRejected, e.BusinessRejection),
    "911": (e.RequestRejected, e.BusinessRejection),
    "912": (e.RequestRejected, e.BusinessRejection),
    "913": (e.RequestRejected, e.BusinessRejection),
    "834": (e.RequestRejected, e.BusinessRejection),
    "500": (e.RequestRejected, e.BusinessRejection),
    "921": (e.AlreadyRecorded, e.Duplicate),
    "922": (e.RequestRejected, e.BusinessRejection),
    "990": (e.SlowDown, e.TemporaryKraFault),
    "991": (e.KraServerFault, e.TemporaryKraFault),
    "992": (e.KraServerFault, e.TemporaryKraFault),
    "993": (e.KraServerFault, e.TemporaryKraFault),
    "994": (e.AlreadyRecorded, e.Duplicate),
    "995": (e.KraServerFault, e.TemporaryKraFault),
    "999": (e.KraServerFault, e.TemporaryKraFault),
}
SPEC_TABLE = (
    "891 892 893 894 895 896 899 900 901 902 903 910 911 912 921 922 990 991 992 993 994 995 999".split()
)
CATEGORIES = (e.BusinessRejection, e.Duplicate, e.CredentialError, e.TemporaryKraFault, e.TransportError)


def test_every_documented_code_is_mapped():
    assert set(SPEC_TABLE) | {"913", "834", "905", "500"} <= set(e.RESULT_CODES)
    assert set(EXPECTED) == set(e.RESULT_CODES)


@pytest.mark.parametrize("code", sorted(EXPECTED))
async def test_code_becomes_its_error(kra_api, kra, code):
    cls, category = EXPECTED[code]
    kra_api.post("/saveTrnsSalesOsdc").respond(json=envelope(code, msg=f"KRA text for {code}"))
    with pytest.raises(e.KraError) as caught:
        await kra.save_sale(SaleRequest.model_validate(sale_body()))
    err = caught.value
    assert type(err) is cls and isinstance(err, category)
    assert sum(isinstance(err, c) for c in CATEGORIES) == 1  # exactly one category
    assert err.code == code and err.endpoint == "saveTrnsSalesOsdc"
    assert err.kra_message == f"KRA text for {code}"
    assert str(err) == err.plain and len(err.plain) > 20 and "{" not in err.plain
    assert len(err.next_step) > 15


def test_plain_words_for_the_device_codes():
    assert "does not recognise this device" in e.error_for_result("901").plain
    assert "sandbox vs production" in e.error_for_result("901").plain
    assert "already initialised" in e.error_for_result("902").plain
    assert "OSCU vs VSCU" in e.error_for_result("903").plain
    assert "CMC key" in e.error_for_result("900").next_step


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("910", "itemCd does not exist"),
        ("913", "Code value error among request parameters [<itemList><pkgUnitCd>]"),
        ("500", "Check request body: invcNo"),
    ],
)
def test_rejections_keep_kras_message_naming_the_field(code, message):
    err = e.error_for_result(code, message)
    assert message in err.plain and isinstance(err, e.BusinessRejection)


def test_rejection_without_a_message_still_reads_well():
    assert e.error_for_result("910", "").plain.endswith("code 910")


@pytest.mark.parametrize("code", ["997", "E04", "E11", "123"])
async def test_unknown_codes_are_unexpected_results(kra_api, kra, code):
    kra_api.post("/selectNoticeList").respond(json=envelope(code, msg="Device/branch not found"))
    with pytest.raises(e.UnexpectedResult) as caught:
        await kra.select_notices(None)
    assert (
        caught.value.code == code
        and code in caught.value.plain
        and "Device/branch not found" in caught.value.plain
    )
    assert not isinstance(caught.value, CATEGORIES)


async def test_slow_down_carries_a_retry_hint(kra_api, kra):
    route = kra_api.post("/selectNoticeList")
    route.respond(json=envelope("990", msg="The maximum number of views are exceeded"))
    with pytest.raises(e.SlowDown) as caught:
        await kra.select_notices(None)
    assert caught.value.retry_after == e.DEFAULT_SLOW_DOWN_SECONDS
    route.respond(json=envelope("990"), headers={"Retry-After": "7"})
    with pytest.raises(e.SlowDown) as caught:
        await kra.select_notices(None)
    assert caught.value.retry_after == 7.0


async def test_already_initialised_keeps_what_kra_sent_along(kra_api, kra):
    kra_api.post("/selectInitOsdcInfo").respond(
        json=envelope("902", data={"info": {"sdcId": "KRACU0100000123"}}, msg="This device is installed")
    )
    with pytest.raises(e.AlreadyInitialised) as caught:
        await kra.initialise("SN-1")
    assert caught.value.info.sdc_id == "KRACU0100000123"


async def test_a_success_without_a_signature_is_not_a_signed_sale(kra_api, kra):
    kra_api.post("/saveTrnsSalesOsdc").respond(json=envelope(data={"curRcptNo": 1}))
    with pytest.raises(e.MalformedReply, match="no receipt signature"):
        await kra.save_sale(SaleRequest.model_validate(sale_body()))


@pytest.mark.parametrize(
    ("raw", "code"), [("000", "000"), (0, "000"), ("0000", "000"), ("1", "001"), (994, "994")]
)
def test_result_codes_are_normalised(raw, code):
    assert e.normalise_result_code(raw) == code


@pytest.mark.parametrize(
    ("code", "message", "expected_class"),
    [
        ("910", "Invoice number 12 already exists", e.AlreadyRecorded),
        ("910", "Duplicate invoice", e.AlreadyRecorded),
        ("910", "Invalid invcNo sequence, expected: 13 but found: 12", e.AlreadyRecorded),
        (
            "910",
            "invcNo 12 is out of sequence: the next invoice number of this branch is 13",
            e.AlreadyRecorded,
        ),
        ("910", "Invalid invcNo sequence, expected: 12 but found: 13", e.SequenceOutOfStep),
        ("910", "Invalid taxblAmt on item: 1. Expected: 86.21, But Found: 100.00", e.RequestRejected),
        ("913", "pkgUnitCd is not a valid code", e.RequestRejected),
        ("994", "invcNo 12 was already received", e.AlreadyRecorded),
    ],
)
def test_a_sale_refusal_is_read_for_what_it_means(code, message, expected_class):
    """Hosts word 'I already have number 12' differently; amounts' 'Expected ... But Found' is no sequence."""
    error = e.sale_refusal(e.error_for_result(code, message))
    assert type(error) is expected_class
    assert error.code == code and error.kra_message == message
    if isinstance(error, e.SequenceOutOfStep):
        assert (error.expected, error.found) == (12, 13)
