"""The client on KRA's API gateway, over real HTTP to the simulator in gateway mode."""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest

from etims_desktop.kra import errors
from etims_desktop.kra.client import KraClient
from etims_desktop.kra.environments import gateway_token_url
from etims_desktop.kra.gateway_auth import AccessTokens, GatewayCredentials
from etims_desktop.kra.models import SaleRequest
from etims_desktop.kra.simulator import Simulator, SimulatorConfig

from .helpers import BRANCH, PIN, sale_body

pytestmark = pytest.mark.anyio
SERIAL = "GW-TILL-1"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sim():
    config = SimulatorConfig(mode="gateway", require_registered_items=False, check_item_classes=False, insufficient_stock=False)
    with Simulator(config) as simulator:
        simulator.approve(PIN, BRANCH, SERIAL)
        yield simulator


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def tokens(http, sim, clock):
    return AccessTokens(
        http, gateway_token_url(sim.api_url), GatewayCredentials(*sim.gateway_credentials), clock=clock
    )


@pytest.fixture
def gateway(http, sim, tokens):
    """A client for an initialised device on the gateway."""
    key = sim.preinitialise(PIN, BRANCH, SERIAL)
    return KraClient(http, sim.api_url, tin=PIN, bhf_id=BRANCH, cmc_key=key, gateway=tokens)


def sale(invc_no: int, **overrides) -> SaleRequest:
    return SaleRequest.model_validate(sale_body(invc_no, **overrides))


async def test_initialise_through_the_gateway(http, sim, tokens):
    client = KraClient(http, sim.api_url, tin=PIN, bhf_id=BRANCH, gateway=tokens)
    info = await client.initialise(SERIAL)
    assert info.sdc_id.startswith("KRACU") and info.cmc_key_value
    assert [r.path for r in sim.request_log] == [
        "/v1/token/generate?grant_type=client_credentials",
        "/etims-oscu/api/v1/initialize",
    ]


async def test_one_token_serves_many_calls_and_is_renewed_before_it_expires(gateway, sim, tokens, clock):
    await gateway.select_codes(None)
    await gateway.select_item_classes(None)
    await gateway.check()
    assert sim.tokens_issued == 1
    clock.now += 3599 - 30  # inside the renewal margin: a new token before the old one runs out
    await gateway.check()
    assert sim.tokens_issued == 2
    assert not [r for r in sim.request_log if r.outcome.startswith("gateway_401")]


async def test_a_refused_token_is_renewed_and_the_call_sent_once_more(gateway, sim):
    await gateway.check()
    sim.expire_tokens()  # the gateway forgets it (as after its hour, or a restart)
    reply = await gateway.save_sale(sale(1))
    assert reply.rcpt_sign
    assert sim.tokens_issued == 2
    outcomes = [r.outcome for r in sim.request_log if r.endpoint == "saveTrnsSalesOsdc"]
    assert outcomes == ["gateway_401_expired", "000"]
    assert len(sim.signed_sales(PIN, BRANCH)) == 1


async def test_wrong_consumer_secret_is_a_credential_error(http, sim, clock):
    key, _, app_id = sim.gateway_credentials
    tokens = AccessTokens(
        http, gateway_token_url(sim.api_url), GatewayCredentials(key, "wrong-secret", app_id)
    )
    client = KraClient(http, sim.api_url, tin=PIN, bhf_id=BRANCH, gateway=tokens)
    with pytest.raises(errors.GatewayAccessDenied) as caught:
        await client.initialise(SERIAL)
    assert "consumer key and secret" in caught.value.plain
    assert not any(r.endpoint for r in sim.request_log)  # nothing reached eTIMS


async def test_wrong_app_id_is_refused_by_the_gateway(http, sim):
    key, secret, _ = sim.gateway_credentials
    tokens = AccessTokens(http, gateway_token_url(sim.api_url), GatewayCredentials(key, secret, "other-app"))
    client = KraClient(http, sim.api_url, tin=PIN, bhf_id=BRANCH, gateway=tokens)
    with pytest.raises(errors.BadHttpStatus) as caught:
        await client.initialise(SERIAL)
    assert caught.value.status == 403 and "apigee_app_id" in caught.value.plain


async def test_invoice_number_out_of_step_is_a_typed_refusal(gateway, sim):
    await gateway.save_sale(sale(1))
    with pytest.raises(errors.SequenceOutOfStep) as caught:
        await gateway.save_sale(sale(3))
    err = caught.value
    assert (err.expected, err.found) == (2, 3)
    assert isinstance(err, errors.BusinessRejection)
    assert err.kra_message == "Invalid invcNo sequence, expected: 2 but found: 3"
    assert "invoice number 2" in err.plain
    assert len(sim.signed_sales(PIN, BRANCH)) == 1


async def test_a_resent_sale_is_already_recorded(gateway):
    await gateway.save_sale(sale(1))
    with pytest.raises(errors.AlreadyRecorded) as caught:
        await gateway.save_sale(sale(1))
    assert "already exists" in caught.value.kra_message


async def test_no_result_is_empty_whether_it_comes_as_200_or_400(gateway, sim):
    first = await gateway.select_invoice_details(41)
    second = await gateway.select_invoice_details(42)
    assert first is None and second is None
    statuses = [r.outcome for r in sim.request_log if r.endpoint == "selectInvoiceDetails"]
    assert statuses == ["001", "001"]  # the simulator answered one as HTTP 200, the other as HTTP 400


async def test_invoice_lookup_and_codes_through_the_aliases(gateway):
    signed = await gateway.save_sale(sale(1))
    found = await gateway.select_invoice_details(1)
    assert found is not None and found.receipt.rcpt_sign == signed.rcpt_sign
    codes = await gateway.select_codes(None)
    assert codes.items and codes.result_dt


async def test_a_business_refusal_carries_kras_words(gateway):
    body = sale_body(1)
    body["itemList"][0]["pkg"] = Decimal("0.5")
    with pytest.raises(errors.RequestRejected) as caught:
        await gateway.save_sale(SaleRequest.model_validate(body))
    assert caught.value.kra_message == "Invalid pkg on item: 1"
    assert "Invalid pkg on item: 1" in caught.value.plain
    assert not isinstance(caught.value, errors.TransportError)


async def test_an_unknown_path_is_a_clear_unknown_endpoint_error(http, sim, tokens):
    key = sim.preinitialise(PIN, BRANCH, SERIAL)
    wrong = KraClient(
        http, f"{sim.base_url}/etims-oscu/api/v9", tin=PIN, bhf_id=BRANCH, cmc_key=key, gateway=tokens
    )
    with pytest.raises(errors.UnknownEndpoint) as caught:
        await wrong.check()
    assert caught.value.status == 500
    assert "does not know this address" in caught.value.plain


async def test_initialising_an_installed_device_again_breaks_it(gateway, http, sim, tokens):
    """Why the app never does it: on the gateway the old key stops working."""
    await gateway.check()
    again = KraClient(http, sim.api_url, tin=PIN, bhf_id=BRANCH, gateway=tokens)
    with pytest.raises(errors.AlreadyInitialised):
        await again.initialise(SERIAL)
    with pytest.raises(errors.CredentialError):
        await gateway.check()


async def test_secrets_never_reach_logs_or_errors(http, sim, caplog):
    caplog.set_level(logging.DEBUG, logger="etims_desktop")
    key, secret, app_id = sim.gateway_credentials
    tokens = AccessTokens(http, gateway_token_url(sim.api_url), GatewayCredentials(key, secret, app_id))
    cmc = sim.preinitialise(PIN, BRANCH, SERIAL)
    client = KraClient(http, sim.api_url, tin=PIN, bhf_id=BRANCH, cmc_key=cmc, gateway=tokens)
    await client.check()
    token = tokens._token
    sim.expire_tokens()
    with pytest.raises(errors.SequenceOutOfStep) as caught:
        await client.save_sale(sale(5))
    shown = caplog.text + repr(caught.value) + str(caught.value) + repr(client) + repr(tokens)
    for value in (secret, key, token, cmc):
        assert value not in shown
