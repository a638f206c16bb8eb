"""Fuzzing the gateway's replies: any status, any bytes, any wrapping - an Envelope or a typed KraError,
never anything else, never a secret in the error."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from etims_desktop.kra.envelope import Envelope
from etims_desktop.kra.errors import KraError
from etims_desktop.kra.gateway_replies import read_gateway_reply
from etims_desktop.kra.redaction import register_secret

SECRET = "gw-fuzz-secret-7f3a9c"
register_secret(SECRET)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30) | st.just(SECRET),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
TEXT = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.sampled_from(
        [
            "Invalid invcNo sequence, expected: 12 but found: 13",
            "Invalid invcNo sequence, expected: 13 but found: 12",
            "Insufficient Stock",
            "Success ",
            "There is no search result ",
            f"bad key {SECRET}",
            "java.lang.NullPointerException",
        ]
    ),
)
CODES = st.one_of(st.sampled_from(["000", "001", "400", "901", "910", "994", "999", "", None]), JSON)
WRAPPED = st.fixed_dictionaries(
    {},
    optional={
        "responseHeader": st.one_of(
            JSON,
            st.fixed_dictionaries(
                {}, optional={"responseCode": CODES, "debugMessage": TEXT, "customerMessage": TEXT}
            ),
        ),
        "responseBody": st.one_of(
            JSON,
            st.fixed_dictionaries(
                {}, optional={"resultCd": CODES, "resultMsg": TEXT, "resultDt": JSON, "data": JSON}
            ),
        ),
        "fault": st.one_of(JSON, st.fixed_dictionaries({}, optional={"faultstring": TEXT})),
    },
)
BODIES = st.one_of(
    st.binary(max_size=80),
    WRAPPED.map(lambda value: json.dumps(value).encode()),
    JSON.map(lambda value: json.dumps(value).encode()),
)
STATUSES = st.sampled_from([200, 201, 204, 302, 400, 401, 403, 404, 429, 500, 502, 503])


@settings(max_examples=400, deadline=None)
@given(status=STATUSES, content=BODIES, endpoint=st.sampled_from(["saveTrnsSalesOsdc", "selectCodeList"]))
def test_any_gateway_reply_is_an_envelope_or_a_typed_error(status, content, endpoint):
    try:
        envelope = read_gateway_reply(status, content, endpoint=endpoint, content_type="application/json")
    except KraError as err:
        shown = f"{err} {err!r} {err.kra_message} {err.detail} {err.next_step}"
        assert SECRET not in shown
        return
    assert isinstance(envelope, Envelope)
    assert isinstance(envelope.code, str) and envelope.code
    assert envelope.message is None or SECRET not in envelope.message
