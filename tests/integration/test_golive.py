"""`etims-desktop golive`: KRA's certification flow against the simulator, evidence written, secrets masked."""

from __future__ import annotations

import json

import pytest
from test_cli import PIN, add_till, cli
from test_cli_gateway import add_gateway_till

from etims_desktop.kra.simulator import Simulator, SimulatorConfig


@pytest.fixture
def gateway():
    with Simulator(SimulatorConfig(mode="gateway")) as sim:  # refuses sales of goods without stock, as in 2026
        yield sim


STEPS = [
    "Initialise the device, or verify it",
    "Code lists (selectCodeList)",
    "Item classes (selectItemClsList)",
    "Branches (selectBhfList)",
    "Notices (selectNoticeList)",
    "Taxpayer lookup (selectCustomer)",
    "Register an item (saveItem) and list it (selectItemList)",
    "Opening stock (insertStockIO, saveStockMaster)",
    "Sale signed (saveTrnsSalesOsdc)",
    "Credit note signed",
    "Stock moved by the sale and the credit note",
    "Invoice lookup (selectInvoiceDetails)",
    "Suppliers' invoices (selectTrnsPurchaseSalesList)",
    "Customs imports (selectImportItemList)",
    "Purchase declared (insertTrnsPurchase)",
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
    assert [m["sarTyCd"] for m in gateway.stock_movements(PIN, "00")] == ["06", "11", "03", "02"]
    assert [p["regTyCd"] for p in gateway.purchases(PIN, "00")] == ["M"]
    first = report["steps"][0]
    assert first["detail"].startswith("Initialised with KRA")
    urls = [e["url"] for e in first["exchanges"]]
    assert any(u.endswith("/etims-oscu/api/v1/initialize") for u in urls)
    sale = report["steps"][8]["exchanges"]
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


def test_a_failed_step_is_evidence_and_its_dependants_say_why_they_did_not_run(
    tmp_path, key_store, gateway, run, monkeypatch
):
    from decimal import Decimal

    from etims_desktop.app import golive
    from etims_desktop.bootstrap import build_services
    from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
    from etims_desktop.domain.gateway_credentials import GatewayCredentials
    from etims_desktop.domain.sale import TaxType
    from etims_desktop.kra.client import DEFAULT_LIMITS, make_http_client, tls_context
    from etims_desktop.kra.recording import RecordingTransport
    from etims_desktop.kra.transport import AiohttpTransport
    from etims_desktop.paths import resolve_data_paths

    monkeypatch.setattr(golive, "TEST_ITEM", ("Unknown class item", "99999999", TaxType.B, Decimal("10.00")))
    gateway.approve(PIN, "00", "GL-1", "OSCU")

    async def scenario():
        recorder = RecordingTransport(AiohttpTransport(verify=tls_context(), limits=DEFAULT_LIMITS))
        services = build_services(
            resolve_data_paths(tmp_path / "data"),
            key_store=key_store,
            http=make_http_client(transport=recorder),
        )
        try:
            device = await services.devices.add_device(
                Device(None, "GL", DeviceType.OSCU, PIN, "00", "GL-1", Environment.CUSTOM, gateway.api_url,
                       EndpointStyle.GATEWAY)
            )  # fmt: skip
            await services.devices.set_gateway_credentials(
                device.id, GatewayCredentials(*gateway.gateway_credentials)
            )
            return await golive.GoLiveCheck(services, recorder).run(device.id)
        finally:
            await services.aclose()

    report = run(scenario())
    verdicts = {s.name: (s.passed, s.detail) for s in report.steps}
    assert not report.passed
    item_ok, item_detail = verdicts["Register an item (saveItem) and list it (selectItemList)"]
    assert not item_ok and "itemClsCd" in item_detail  # KRA's own reason, in the report
    assert verdicts["Sale signed (saveTrnsSalesOsdc)"] == (
        False,
        "Not run: it needs an earlier step, which failed.",
    )
    assert verdicts["Code lists (selectCodeList)"][0]
    item_step = next(s for s in report.steps if s.name.startswith("Register"))
    assert item_step.exchanges and item_step.exchanges[-1]["status"] == 400
