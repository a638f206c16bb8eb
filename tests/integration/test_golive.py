"""`etims-desktop golive`: KRA's certification flow against the simulator, evidence written, secrets masked."""

from __future__ import annotations

import json

import pytest
from test_cli import PIN, add_till, cli
from test_cli_gateway import add_gateway_till

from etims_desktop.kra.simulator import Simulator, SimulatorConfig


@pytest.fixture
def gateway():
    with Simulator(SimulatorConfig(mode="gateway")) as sim:
        yield sim


STEPS = [
    "Initialise the device, or verify it",
    "Code lists (selectCodeList)",
    "Item classes (selectItemClsList)",
    "Branches (selectBhfList)",
    "Notices (selectNoticeList)",
    "Taxpayer lookup (selectCustomer)",
    "Register an item (saveItem) and list it (selectItemList)",
    "Sale signed (saveTrnsSalesOsdc)",
    "Credit note signed",
    "Invoice lookup (selectInvoiceDetails)",
]


def test_golive_on_the_gateway_writes_json_and_pdf_evidence(tmp_path, gateway):
    gateway.approve(PIN, "00", "CLI-G1", "OSCU")
    assert (
        add_gateway_till(tmp_path, gateway, gateway.gateway_credentials[1]).returncode == 0
    )  # not initialised
    report_path, pdf_path = tmp_path / "golive.json", tmp_path / "golive.pdf"
    run = cli(tmp_path, "golive", "--device", "1", "--report", str(report_path), "--pdf", str(pdf_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Go-Live check all steps passed" in run.stdout
    report = json.loads(report_path.read_text())
    assert [s["name"] for s in report["steps"]] == STEPS
    assert all(s["passed"] for s in report["steps"]), [
        s["detail"] for s in report["steps"] if not s["passed"]
    ]
    assert report["device"]["connection"] == "gateway"
    first = report["steps"][0]
    assert first["detail"].startswith("Initialised with KRA")
    urls = [e["url"] for e in first["exchanges"]]
    assert any(u.endswith("/etims-oscu/api/v1/initialize") for u in urls)
    sale = report["steps"][7]["exchanges"]
    assert any(e["url"].endswith("/sendSalesTransaction") and e["status"] == 200 for e in sale)
    text = report_path.read_text()
    assert gateway.gateway_credentials[1] not in text  # consumer secret
    assert '"cmcKey": "***"' in text and '"Authorization": "***"' in text.replace(
        "authorization", "Authorization"
    )
    assert '"access_token": "***"' in text
    assert pdf_path.read_bytes().startswith(b"%PDF")
    # a second run verifies the device, never initialises it again
    again = cli(tmp_path, "golive", "--device", "1", "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "verified, not initialised again" in json.loads(again.stdout)["steps"][0]["detail"]
    assert [r.endpoint for r in gateway.request_log].count("selectInitOsdcInfo") == 1


def test_golive_on_the_classic_host(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-C1", "OSCU")
    assert add_till(tmp_path, kra, "Till C", "CLI-C1").returncode == 0
    run = cli(tmp_path, "golive", "--device", "1")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("PASS") == len(STEPS)


def test_golive_refuses_a_production_device(tmp_path):
    added = cli(
        tmp_path, "device", "add", "--name", "Real till", "--type", "OSCU", "--pin", PIN,
        "--serial", "REAL-1", "--environment", "production",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    run = cli(tmp_path, "golive", "--device", "1")
    assert run.returncode == 3 and "never production" in run.stderr
