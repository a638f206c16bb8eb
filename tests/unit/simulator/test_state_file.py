"""The state file: devices, keys, items and sales survive restarts and crashes; no CMC key on disk."""

from __future__ import annotations

import json

import pytest

from etims_desktop.kra.simulator import Simulator, SimulatorConfig

from .conftest import Api
from .documents import BRANCH, PIN, SERIAL, dumps, item_doc, sale_doc

EVERYTHING = {"lastReqDt": "20180101000000"}


def start(path, **settings) -> Simulator:
    return Simulator(SimulatorConfig(state_file=path, **settings)).start()


def client(sim: Simulator, key: str) -> Api:
    return Api(sim, {"tin": PIN, "bhfId": BRANCH, "cmcKey": key})


def test_everything_survives_a_restart(tmp_path):
    path = tmp_path / "practice-kra.json"
    with start(path) as sim:
        key = sim.preinitialise(PIN, BRANCH, SERIAL)
        sim.approve("P052223334Q", "00", "WAITING")
        api = client(sim, key)
        api.call("/saveItem", item_doc())
        first = api.call("/saveTrnsSalesOsdc", sale_doc(1, buyer_pin="P052223334Q"))["data"]
        api.close()
    assert path.exists()
    with start(path) as again:
        api = client(again, key)
        assert api.call("/selectNoticeList", EVERYTHING)["resultCd"] == "000"  # the old key still works
        assert [d.serial for d in again.approved_devices()] == [SERIAL, "WAITING"]
        assert [i["itemCd"] for i in again.items(PIN)] == ["KE2NTU0000001"]
        details = api.call("/selectInvoiceDetails", {"invcNo": 1})["data"]["salesList"][0]
        assert details["receipt"]["rcptSign"] == first["rcptSign"]
        assert api.call("/saveTrnsSalesOsdc", sale_doc(1))["resultCd"] == "994"
        second = api.call("/saveTrnsSalesOsdc", sale_doc(2))["data"]  # the sequence continues
        assert (second["curRcptNo"], second["totRcptNo"]) == (2, 2)
        credit = sale_doc(3, receipt_type="R", original=1, buyer_pin="P052223334Q")
        assert api.call("/saveTrnsSalesOsdc", credit)["resultCd"] == "000"
        init = {"tin": PIN, "bhfId": BRANCH, "dvcSrlNo": SERIAL}
        assert api.call("/selectInitOsdcInfo", init)["resultCd"] == "902"
        api.close()


def test_the_state_file_never_holds_the_cmc_key(tmp_path):
    path = tmp_path / "state.json"
    with start(path) as sim:
        key = sim.preinitialise(PIN, BRANCH, SERIAL)
        api = client(sim, key)
        api.call("/saveItem", {**item_doc(), "cmcKey": key})
        api.close()
        journal = path.with_name(path.name + ".journal").read_bytes()
    assert key.encode() not in path.read_bytes()
    assert key.encode() not in journal
    assert json.loads(path.read_bytes())["format"] == "etims-desktop practice KRA state"


def test_every_answered_change_is_on_disk_before_the_answer(tmp_path):
    """Read the files while the first simulator still runs (no close, no snapshot): as after a kill -9."""
    path = tmp_path / "state.json"
    with start(path) as running:
        key = running.preinitialise(PIN, BRANCH, SERIAL)
        api = client(running, key)
        api.call("/saveItem", item_doc())
        for n in (1, 2, 3):
            assert api.call("/saveTrnsSalesOsdc", sale_doc(n))["resultCd"] == "000"
        api.close()
        from_disk = Simulator(SimulatorConfig(state_file=path))  # loads, never started
        assert [s.invc_no for s in from_disk.signed_sales(PIN, BRANCH)] == [1, 2, 3]
        assert [s.receipt for s in from_disk.signed_sales(PIN, BRANCH)] == [
            s.receipt for s in running.signed_sales(PIN, BRANCH)
        ]


def test_a_torn_last_journal_line_is_ignored(tmp_path):
    path = tmp_path / "state.json"
    with start(path) as sim:
        sim.preinitialise(PIN, BRANCH, SERIAL)
    journal = path.with_name(path.name + ".journal")
    journal.write_bytes(dumps({"kind": "approve", "seq": 99})[:15])  # a write cut short by a crash
    with start(path) as again:
        assert len(again.approved_devices()) == 1


def test_journal_events_already_in_the_snapshot_are_not_replayed_twice(tmp_path):
    path = tmp_path / "state.json"
    with start(path) as sim:
        key = sim.preinitialise(PIN, BRANCH, SERIAL)
        api = client(sim, key)
        api.call("/saveItem", item_doc())
        api.call("/saveTrnsSalesOsdc", sale_doc(1))
        api.close()
        old_journal = path.with_name(path.name + ".journal").read_bytes()
    # Crash between writing the snapshot and emptying the journal: the old lines are still there.
    path.with_name(path.name + ".journal").write_bytes(old_journal)
    with start(path) as again:
        sales = again.signed_sales(PIN, BRANCH)
        assert [(s.invc_no, s.receipt.total_receipt_no) for s in sales] == [(1, 1)]


def test_vscu_pending_sales_stay_pending_across_a_restart(tmp_path):
    path = tmp_path / "jar.json"
    with start(path, mode="vscu") as jar:
        jar.preinitialise(PIN, BRANCH, SERIAL)
        jar.set_upstream_online(False)
        api = Api(jar, {}, body_ids=True)
        api.call("/items/saveItems", item_doc())
        assert api.call("/trnsSales/saveSales", sale_doc(1))["resultCd"] == "000"
        api.close()
    again = Simulator(SimulatorConfig(state_file=path, mode="vscu"))
    assert again.vscu_unforwarded(PIN, BRANCH) == 1
    with again.start():
        assert again.wait_forwarded(timeout=5)
        assert again.signed_sales(PIN, BRANCH)[0].forwarded_at is not None


def answer_with(sim: Simulator, key: str) -> str:
    api = client(sim, key)
    try:
        return api.call("/selectNoticeList", EVERYTHING)["resultCd"]
    finally:
        api.close()


def test_a_reissued_key_replaces_the_old_one_and_survives_a_restart(tmp_path):
    path = tmp_path / "state.json"
    with start(path) as sim:
        old = sim.preinitialise(PIN, BRANCH, SERIAL)
        new = sim.reissue_key(PIN, BRANCH, SERIAL)
        assert new != old
        assert (answer_with(sim, old), answer_with(sim, new)) == ("901", "000")
        with pytest.raises(KeyError):
            sim.reissue_key(PIN, BRANCH, "NEVER-INITIALISED")
    with start(path) as again:
        assert (answer_with(again, old), answer_with(again, new)) == ("901", "000")
    assert new.encode() not in path.read_bytes()
