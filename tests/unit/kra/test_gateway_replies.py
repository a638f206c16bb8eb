"""The gateway reply normaliser, on reply shapes taken from public integration logs (2026)."""

from __future__ import annotations

import json

import pytest

from etims_desktop.kra import errors
from etims_desktop.kra.gateway_replies import AccessTokenRejected, read_gateway_reply


def wrapped(body=None, *, debug="Success ", code="000", **header) -> bytes:
    head = {"responseCode": code, "responseRefID": "a1b2c3", "customerMessage": debug, "debugMessage": debug}
    return json.dumps({"responseHeader": head | header, "responseBody": body}).encode()


def result(code="000", data=None, msg="Successful ") -> dict:
    return {"resultCd": code, "resultMsg": msg, "resultDt": "20260415153039", "data": data}


def read(status: int, content: bytes, endpoint: str = "saveTrnsSalesOsdc"):
    return read_gateway_reply(status, content, endpoint=endpoint)


def refusal(debug: str) -> bytes:
    return wrapped(None, debug=debug, code="400")


def test_success_is_unwrapped_and_messages_lose_trailing_spaces():
    envelope = read(200, wrapped(result(data={"rcptSign": "X"})))
    assert (envelope.code, envelope.message, envelope.data) == ("000", "Successful", {"rcptSign": "X"})
    assert envelope.result_dt == "20260415153039"


def test_a_classic_envelope_is_read_as_it_is():
    envelope = read(200, json.dumps(result("001", msg="There is no search result")).encode())
    assert envelope.code == "001" and envelope.data is None


@pytest.mark.parametrize("status", [200, 400])
def test_no_result_is_empty_at_either_status(status):
    assert read(status, wrapped(result("001", msg="There is no search result "))).code == "001"


def test_no_result_said_only_in_the_header_is_empty():
    assert read(400, wrapped(None, debug="There is no search result ", code="001")).code == "001"


def test_sequence_refusal_becomes_sequence_out_of_step():
    with pytest.raises(errors.SequenceOutOfStep) as caught:
        read(400, refusal("Invalid invcNo sequence, expected: 12 but found: 13"))
    err = caught.value
    assert (err.expected, err.found) == (12, 13)
    assert isinstance(err, errors.BusinessRejection)
    assert err.kra_message == "Invalid invcNo sequence, expected: 12 but found: 13"


def test_expected_the_next_number_means_kra_has_ours():
    """'expected: 13 but found: 12': KRA already holds 12 (errors.sale_refusal's rule)."""
    with pytest.raises(errors.AlreadyRecorded):
        read(400, refusal("Invalid invcNo sequence, expected: 13 but found: 12"))


@pytest.mark.parametrize(
    "debug",
    ["Insufficient Stock", "Invalid taxblAmt on item: 1. Expected: 86.21, But Found: 100.00"],
)
def test_other_refusals_carry_kras_reason(debug):
    with pytest.raises(errors.RequestRejected) as caught:
        read(400, refusal(debug))
    assert caught.value.kra_message == debug
    assert debug in caught.value.plain
    assert not isinstance(caught.value, errors.SequenceOutOfStep)


def test_already_exists_is_already_recorded():
    with pytest.raises(errors.AlreadyRecorded):
        read(400, refusal("Invoice number 7 already exists "))


def test_already_exists_on_another_call_is_a_plain_refusal():
    with pytest.raises(errors.RequestRejected):
        read(400, refusal("Item KE2NTU0000001 already exists"), endpoint="saveItem")


def test_a_sale_code_in_the_header_with_sequence_words_is_out_of_step():
    with pytest.raises(errors.SequenceOutOfStep) as caught:
        read(400, wrapped(None, debug="Invalid invcNo sequence, expected: 3 but found: 5", code="910"))
    assert (caught.value.expected, caught.value.found) == (3, 5)


def test_a_known_result_code_in_the_header_is_honoured():
    with pytest.raises(errors.DeviceNotRecognised):
        read(400, wrapped(None, debug="It is not valid device", code="901"))


def test_a_crash_wrapped_in_a_400_is_a_temporary_kra_fault():
    with pytest.raises(errors.KraServerFault):
        read(400, refusal("java.lang.NullPointerException"))


def test_a_refusal_without_reason_is_still_a_refusal():
    with pytest.raises(errors.RequestRejected):
        read(400, refusal(""))


def test_a_business_code_in_a_wrapped_body_maps_like_the_classic_host():
    envelope = read(200, wrapped(result("910", msg="Request parameter error ")))
    assert envelope.code == "910"  # the client raises error_for_result, as for the classic host


def test_apigee_fault_on_unknown_path_is_unknown_endpoint():
    body = {"fault": {"faultstring": "Unable to identify proxy for host: default and url: /x", "detail": {}}}
    with pytest.raises(errors.UnknownEndpoint) as caught:
        read(500, json.dumps(body).encode())
    assert caught.value.status == 500 and "Unable to identify proxy" in caught.value.detail


def test_401_asks_for_a_new_token():
    with pytest.raises(AccessTokenRejected) as caught:
        read(401, json.dumps({"fault": {"faultstring": "Invalid access token"}}).encode())
    assert isinstance(caught.value, errors.CredentialError)


def test_429_fault_means_slow_down():
    with pytest.raises(errors.SlowDown):
        read(429, json.dumps({"fault": {"faultstring": "Spike arrest violation"}}).encode())


@pytest.mark.parametrize(
    ("status", "content", "error"),
    [
        (200, b"not json", errors.MalformedReply),
        (200, b"[]", errors.MalformedReply),
        (502, b"<html>Bad Gateway</html>", errors.BadHttpStatus),
        (503, b"", errors.BadHttpStatus),
    ],
)
def test_unreadable_replies_are_transport_errors(status, content, error):
    with pytest.raises(error):
        read(status, content)


def test_insufficient_stock_says_what_to_do_next():
    """The 2026 gateway's refusal of a sale of goods without reported stock: plain words, a next step."""
    with pytest.raises(errors.InsufficientStock) as caught:
        read(400, refusal("Insufficient Stock"))
    assert "too little stock" in caught.value.plain
    assert "opening stock adjustment" in caught.value.next_step and "send the sale again" in caught.value.next_step
