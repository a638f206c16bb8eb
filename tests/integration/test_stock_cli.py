"""`etims-desktop stock list|adjust` and `documents list|resend|cancel` end to end (subprocesses, the real
simulator, a real database), with --json and plain errors."""

from __future__ import annotations

import json

from test_cli import PIN, add_till, cli


def test_stock_adjustments_reach_kra_from_the_command_line(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-S", "OSCU")
    assert add_till(tmp_path, kra, "Till 1", "CLI-S").returncode == 0
    for name, item_type in (("Sugar 1kg", "2"), ("Delivery", "3")):
        added = cli(
            tmp_path, "item", "add", "--name", name, "--class-code", "50161800", "--tax", "B", "--price", "180",
            "--type", item_type,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    items = {i["name"]: i["code"] for i in json.loads(cli(tmp_path, "item", "list", "--json").stdout)}
    sugar = items["Sugar 1kg"]

    opening = cli(tmp_path, "stock", "adjust", sugar, "10", "--device", "1", "--reason", "opening", "--json")
    assert opening.returncode == 0, opening.stderr
    assert json.loads(opening.stdout)["balance"] == "10"
    damaged = cli(
        tmp_path, "stock", "adjust", sugar, "2", "--device", "1", "--reason", "damage", "--note", "wet"
    )
    assert damaged.returncode == 0 and "now 8 in stock" in damaged.stdout
    counted = cli(tmp_path, "stock", "adjust", sugar, "5", "--device", "1", "--reason", "count", "--json")
    assert json.loads(counted.stdout)["change"] == "-3"

    service = cli(tmp_path, "stock", "adjust", items["Delivery"], "1", "--device", "1", "--reason", "opening")
    assert service.returncode == 3
    assert "services carry no stock" in service.stderr and "Traceback" not in service.stderr
    nothing = cli(tmp_path, "stock", "adjust", sugar, "0", "--device", "1", "--reason", "received")
    assert nothing.returncode == 3 and "above 0" in nothing.stderr

    listed = json.loads(cli(tmp_path, "stock", "list", "--device", "1", "--json").stdout)
    assert listed == [
        {"code": sugar, "name": "Sugar 1kg", "quantity": "5", "last_moved_at": listed[0]["last_moved_at"]}
    ]

    queued = cli(tmp_path, "documents", "list", "--json")
    assert queued.returncode == 1  # waiting for the next sync
    assert {d["state"] for d in json.loads(queued.stdout)} == {"queued"}
    synced = cli(tmp_path, "sync", "--json")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    device = json.loads(synced.stdout)["devices"][0]
    assert device["documents_sent"] == {"stock": 6}
    assert [m["sarTyCd"] for m in kra.stock_movements(PIN, "00")] == ["06", "15", "16"]
    assert kra.stock_levels(PIN, "00") == {sugar: 5}
    sent = cli(tmp_path, "documents", "list", "--json")
    assert sent.returncode == 0 and {d["state"] for d in json.loads(sent.stdout)} == {"sent"}

    cancel = cli(tmp_path, "documents", "cancel", "1")
    assert cancel.returncode == 3 and "may already be recorded" in cancel.stderr
