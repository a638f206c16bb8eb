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
    waiting = json.loads(queued.stdout)
    assert {d["state"] for d in waiting} == {"queued"} and len(waiting) == 4  # 3 movements, 1 balance
    synced = cli(tmp_path, "sync", "--json")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    device = json.loads(synced.stdout)["devices"][0]
    assert device["documents_sent"] == {"stock": 4}  # 3 movements; 1 balance (the newest quantity)
    assert [m["sarTyCd"] for m in kra.stock_movements(PIN, "00")] == ["06", "15", "16"]
    assert kra.stock_levels(PIN, "00") == {sugar: 5}
    sent = cli(tmp_path, "documents", "list", "--json")
    assert sent.returncode == 0 and {d["state"] for d in json.loads(sent.stdout)} == {"sent"}

    cancel = cli(tmp_path, "documents", "cancel", "1")
    assert cancel.returncode == 3 and "may already be recorded" in cancel.stderr


def test_purchases_from_the_command_line(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-P", "OSCU")
    assert add_till(tmp_path, kra, "Till 1", "CLI-P").returncode == 0
    kra.add_supplier_invoice(PIN, [("Sugar 50kg bag", "2", "5800", "B")])
    kra.add_supplier_invoice(PIN, supplier_name="Not Our Supplier", supplier_pin="P000000009S")

    listed = cli(tmp_path, "purchases", "list", "--device", "1", "--json")
    assert listed.returncode == 2, listed.stderr  # new invoices wait for your decision
    rows = {r["supplier"]: r for r in json.loads(listed.stdout)}
    ours = rows["Wholesale Supplies Ltd"]
    assert ours["totals_by_tax_type"] == {"B": "11600.0"} and ours["state"] == "new"

    accepted = cli(tmp_path, "purchases", "accept", str(ours["id"]), "--json")
    assert accepted.returncode == 0, accepted.stderr
    (sugar,) = json.loads(accepted.stdout)["created_items"]
    again = cli(tmp_path, "purchases", "reject", str(ours["id"]))
    assert again.returncode == 3 and "already accepted" in again.stderr
    assert cli(tmp_path, "purchases", "reject", str(rows["Not Our Supplier"]["id"])).returncode == 0
    manual = cli(
        tmp_path, "purchases", "add", "--device", "1", "--supplier", "Market stall",
        "--line", f"{sugar}:3:5000", "--date", "2026-12-02",
    )  # fmt: skip
    assert manual.returncode == 0, manual.stderr
    text = cli(tmp_path, "purchases", "list", "--device", "1")
    assert "Nothing new from KRA." in text.stdout and "Market stall" in text.stdout and text.returncode == 0

    synced = cli(tmp_path, "sync", "--json")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert json.loads(synced.stdout)["devices"][0]["documents_sent"] == {"purchases": 3, "stock": 3}
    assert [(p["regTyCd"], p["pchsSttsCd"]) for p in kra.purchases(PIN, "00")] == [
        ("A", "02"),
        ("A", "04"),
        ("M", "02"),
    ]
    stock = json.loads(cli(tmp_path, "stock", "list", "--device", "1", "--json").stdout)
    assert [(r["name"], r["quantity"]) for r in stock] == [("Sugar 50kg bag", "5.0")]


def test_imports_from_the_command_line(tmp_path, kra):
    kra.approve(PIN, "00", "CLI-I", "OSCU")
    assert add_till(tmp_path, kra, "Till 1", "CLI-I").returncode == 0
    kra.add_import_line(PIN, "00", task_code="T-9", name="Motor oil 5l", qty="12")
    imports = json.loads(cli(tmp_path, "imports", "list", "--device", "1", "--json").stdout)
    assert [(i["task_code"], i["name"], i["quantity"]) for i in imports] == [("T-9", "Motor oil 5l", "12.0")]
    half = cli(tmp_path, "imports", "accept", str(imports[0]["id"]), "--class-code", "15101505")
    assert half.returncode == 3 and "needs both --class-code and --price" in half.stderr
    took = cli(
        tmp_path, "imports", "accept", str(imports[0]["id"]), "--class-code", "15101505", "--price", "1450"
    )
    assert took.returncode == 0 and "New item: Motor oil 5l" in took.stdout
    synced = cli(tmp_path, "sync", "--json")
    assert json.loads(synced.stdout)["devices"][0]["documents_sent"] == {"imports": 1, "stock": 2}
    status = cli(tmp_path, "status", "--json")
    assert json.loads(status.stdout)[0]["pending_by_kind"] == {
        "sales": 0,
        "purchases": 0,
        "imports": 0,
        "stock": 0,
    }
