"""`etims-desktop simulator` in a subprocess: starts on a free port, serves, stops on Ctrl-C, keeps state."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import pytest

from etims_desktop.kra.simulator import Simulator, SimulatorConfig
from etims_desktop.kra.simulator.cli import parse_approval, parse_rates

from .conftest import http_client
from .documents import BRANCH, PIN, dumps, item_doc, sale_doc

SERIAL = "ODOO/P051234567X/0"  # serials may contain slashes


def launch(*args: str) -> tuple[subprocess.Popen, str, list[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "etims_desktop", "simulator", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    while not lines or lines[-1] != "Stop with Ctrl-C.":
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"simulator exited early: {proc.wait()} {proc.stderr.read()}")
        lines.append(line.rstrip("\n"))
    url = re.search(r"http://127\.0\.0\.1:\d+", lines[0]).group(0)
    return proc, url, lines


def sell(url: str, count: int) -> list[dict]:
    with http_client(base_url=f"{url}/etims-api") as http:
        init = http.post(
            "/selectInitOsdcInfo", content=dumps({"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL})
        )
        key = init.json()["data"]["info"]["cmcKey"]
        http.headers.update({"tin": PIN, "bhfId": BRANCH, "cmcKey": key})
        assert http.post("/saveItem", content=dumps(item_doc())).json()["resultCd"] == "000"
        return [
            http.post("/saveTrnsSalesOsdc", content=dumps(sale_doc(n))).json() for n in range(1, count + 1)
        ]


def test_command_serves_until_ctrl_c_and_keeps_its_state(tmp_path):
    state = tmp_path / "practice-kra.json"
    proc, url, lines = launch(
        "--state", str(state), "--approve", f"{PIN}/{BRANCH}/{SERIAL}:OSCU", "--seed", "3"
    )
    try:
        assert lines[0] == f"Practice KRA (OSCU) listening on {url}"
        assert f"  {PIN}/{BRANCH}/{SERIAL}  OSCU  not initialised" in lines
        assert [r["resultCd"] for r in sell(url, 2)] == ["000", "000"]
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Practice KRA stopped." in out
    kept = Simulator(SimulatorConfig(state_file=state))
    assert [s.invc_no for s in kept.signed_sales(PIN, BRANCH)] == [1, 2]
    assert kept.approved_devices()[0].initialised


def test_command_state_survives_kill_9(tmp_path):
    state = tmp_path / "practice-kra.json"
    proc, url, _ = launch("--state", str(state), "--approve", f"{PIN}/{BRANCH}/{SERIAL}")
    try:
        replies = sell(url, 3)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    kept = Simulator(SimulatorConfig(state_file=state))
    assert [s.receipt.signature for s in kept.signed_sales(PIN, BRANCH)] == [
        r["data"]["rcptSign"] for r in replies
    ]


def test_command_runs_a_vscu_jar_with_random_faults():
    proc, url, lines = launch(
        "--mode", "vscu", "--approve", f"{PIN}/{BRANCH}/TILL-9", "--no-sequence-check", "--fault-rate",
        "code_990=1.0", "--seed", "1",
    )  # fmt: skip
    try:
        assert "VSCU jar" in lines[0] and "  random faults: code_990=1.0" in lines
        assert f"  {PIN}/{BRANCH}/TILL-9  VSCU  not initialised" in lines
        with http_client(base_url=url) as http:
            reply = http.post("/trnsSales/saveSales", content=dumps({"tin": PIN, "bhfId": BRANCH}))
            assert reply.json()["resultCd"] == "990"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    assert proc.returncode == 0


def test_command_can_relax_the_sequence_and_arithmetic_checks():
    proc, url, _ = launch(
        "--approve", f"{PIN}/{BRANCH}/{SERIAL}", "--no-sequence-check", "--strictness", "off"
    )
    try:
        with http_client(base_url=f"{url}/etims-api") as http:
            init = http.post(
                "/selectInitOsdcInfo", content=dumps({"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL})
            )
            http.headers.update(
                {"tin": PIN, "bhfId": BRANCH, "cmcKey": init.json()["data"]["info"]["cmcKey"]}
            )
            http.post("/saveItem", content=dumps(item_doc()))
            odd = sale_doc(7, totAmt=1)  # out of sequence and not adding up
            assert http.post("/saveTrnsSalesOsdc", content=dumps(odd)).json()["resultCd"] == "000"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)


def test_command_reports_bad_arguments():
    bad = subprocess.run(
        [sys.executable, "-m", "etims_desktop", "simulator", "--port", "0", "--approve", "NOT-A-PIN/00/X"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 3
    assert "KRA PIN" in bad.stderr


def test_approval_and_rate_parsing():
    assert parse_approval("p051234567x/00/TILL-1") == ("P051234567X", "00", "TILL-1", None)
    assert parse_approval(f"{PIN}/01/{SERIAL}:vscu") == (PIN, "01", SERIAL, "VSCU")
    assert parse_approval(f"{PIN}/01/A:B") == (PIN, "01", "A:B", None)
    with pytest.raises(ValueError):
        parse_approval("P051234567X-00")
    assert parse_rates(["drop_after=0.02", "code_999=0.5"]) == {"drop_after": 0.02, "code_999": 0.5}
    with pytest.raises(ValueError):
        parse_rates(["drop_after"])
