"""`etims-desktop device add --connection gateway` and `device gateway` against the simulator's gateway mode."""

from __future__ import annotations

import json

import pytest
from test_cli import PIN, cli

from etims_desktop.kra.simulator import Simulator, SimulatorConfig


@pytest.fixture
def gateway():
    with Simulator(SimulatorConfig(mode="gateway", insufficient_stock=False)) as sim:
        yield sim


def add_gateway_till(tmp_path, sim, secret: str, *extra: str):
    key, _, app_id = sim.gateway_credentials
    return cli(
        tmp_path, "device", "add", "--name", "Till G", "--type", "OSCU", "--pin", PIN, "--serial", "CLI-G1",
        "--url", sim.api_url, "--connection", "gateway", "--consumer-key", key, "--apigee-app-id", app_id,
        "--secrets-stdin", *extra,
        stdin=f"{secret}\nINTEGRATION-TOKEN-987654\n",
    )  # fmt: skip


def test_cli_adds_tests_and_initialises_a_gateway_device(tmp_path, gateway):
    gateway.approve(PIN, "00", "CLI-G1", "OSCU")
    added = add_gateway_till(tmp_path, gateway, gateway.gateway_credentials[1], "--init")
    assert added.returncode == 0, added.stderr
    assert "gateway accepted the consumer key and secret" in added.stdout
    assert "Initialised with KRA: SCU id KRACU" in added.stdout
    assert gateway.gateway_credentials[1] not in added.stdout + added.stderr
    status = json.loads(cli(tmp_path, "status", "--json").stdout)
    assert status[0]["status"] == "online"
    again = cli(tmp_path, "device", "init", "1")
    assert again.returncode == 3 and "already initialised" in again.stderr
    assert [r.endpoint for r in gateway.request_log].count("selectInitOsdcInfo") == 1


def test_cli_refuses_wrong_gateway_credentials_and_saves_nothing(tmp_path, gateway):
    added = add_gateway_till(tmp_path, gateway, "not-the-secret")
    assert added.returncode == 3
    assert "consumer key and secret" in added.stderr
    assert json.loads(cli(tmp_path, "device", "list", "--json").stdout) == []


def test_cli_replaces_gateway_credentials_only_when_kra_accepts_them(tmp_path, gateway):
    gateway.approve(PIN, "00", "CLI-G1", "OSCU")
    key, secret, app_id = gateway.gateway_credentials
    assert add_gateway_till(tmp_path, gateway, secret, "--init").returncode == 0

    def replace(new_secret: str):
        return cli(
            tmp_path, "device", "gateway", "1", "--consumer-key", key, "--apigee-app-id", app_id,
            "--secrets-stdin", stdin=f"{new_secret}\nNEW-INTEGRATION-TOKEN-1\n",
        )  # fmt: skip

    refused = replace("not-the-secret")
    assert refused.returncode == 3 and "consumer key and secret" in refused.stderr
    accepted = replace(secret)
    assert accepted.returncode == 0, accepted.stderr
    assert "tested and saved" in accepted.stdout
    backup = cli(
        tmp_path, "keys", "export", str(tmp_path / "keys.bak"), "--password-stdin", stdin="backup pass 123\n"
    )
    assert backup.returncode == 0, backup.stderr
    assert "1 CMC key(s) and the KRA gateway credentials of 1 device(s)" in backup.stdout
    assert json.loads(cli(tmp_path, "device", "list", "--json").stdout)[0]["connection"] == "gateway"
