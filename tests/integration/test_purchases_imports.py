"""Purchases and customs imports end to end: fetched from the simulator over real HTTP (incrementally,
stored once), accepted or rejected, confirmed through the document queue with their own numbering, and
the stock they bring in sent after the confirmation."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from keyrings.alt.file import PlaintextKeyring
from sync_shop import PIN, open_shop

from etims_desktop.app.imports import NewItem
from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.kra.simulator.faults import FaultKind
from etims_desktop.storage.secrets import KeyStore


@pytest.fixture
def key_store(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return KeyStore(backend=PlaintextKeyring())


def test_suppliers_invoices_fetched_once_accepted_confirmed_and_stocked(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            first = kra.add_supplier_invoice(
                PIN, [("Sugar 1kg", "10", "150.00", "B"), ("Rice 5kg", "4", "800", "A")]
            )
            kra.add_supplier_invoice(PIN, supplier_name="Other Supplier", supplier_pin="P000000002S")
            purchases = shop.services.purchases
            fetched = await purchases.fetch(device.id)
            again = await purchases.fetch(device.id)  # incremental: nothing new, nothing stored twice
            kra.add_supplier_invoice(PIN, invoice_no=first["spplrInvcNo"] + 7)
            later = await purchases.fetch(device.id)
            listed = await purchases.list(device.id)
            target = next(
                p
                for p in listed
                if (p.supplier_pin, p.supplier_invoice_no) == (first["spplrTin"], first["spplrInvcNo"])
            )
            other = next(p for p in listed if p.supplier_name == "Other Supplier")
            accepted = await purchases.accept(target.id)  # Sugar 1kg matches the master; Rice is created
            rejected = await purchases.reject(other.id)
            with pytest.raises(DomainValidationError, match="already accepted"):
                await purchases.reject(target.id)
            report = (await shop.services.sync.sync()).devices[0]
            balances = {b.name: b.quantity for b in await shop.services.stock.balances(device.id)}
            return shop.items, (fetched, again, later), accepted, rejected, report, balances
        finally:
            await shop.services.aclose()

    items, counts, accepted, rejected, report, balances = run(scenario())
    assert counts == (2, 0, 1)
    assert accepted.purchase.state == "accepted" and [i.name for i in accepted.created_items] == ["Rice 5kg"]
    assert accepted.purchase.totals_by_tax_type == {"B": Decimal("1500.0"), "A": Decimal("3200.0")}
    confirmations = kra.purchases(PIN, "00")
    assert [p["invcNo"] for p in confirmations] == [1, 2]  # its own sequence, not the sales one
    assert [(p["regTyCd"], p["pchsSttsCd"]) for p in confirmations] == [("A", "02"), ("A", "04")]
    assert confirmations[0]["itemList"][0]["itemCd"] == items[0].code
    assert confirmations[0]["itemList"][0]["spplrItemNm"] == "Sugar 1kg"
    assert balances["Sugar 1kg"] == Decimal("10") and balances["Rice 5kg"] == Decimal("4")
    moves = kra.stock_movements(PIN, "00")
    assert [m["sarTyCd"] for m in moves] == ["02"]  # purchase in; the rejected one moves nothing
    assert report.documents_sent == {"purchases": 2, "stock": 3}
    assert rejected.purchase.state == "rejected"
    assert "Purchase confirmations sent: 2." in report.summary()


def test_manual_purchase_is_declared_with_reg_type_m(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            done = await shop.services.purchases.record_manual(
                device.id,
                "Mama Mboga market stall",
                [(shop.items[1].code, Decimal("3"), Decimal("200"))],
                purchased_on=datetime(2026, 12, 2, tzinfo=UTC),
            )
            await shop.services.sync.sync()
            return shop.items, done, await shop.services.stock.balances(device.id)
        finally:
            await shop.services.aclose()

    items, done, balances = run(scenario())
    assert done.purchase.source == "manual" and done.purchase.state == "accepted"
    (confirmation,) = kra.purchases(PIN, "00")
    assert confirmation["regTyCd"] == "M" and confirmation["spplrNm"] == "Mama Mboga market stall"
    assert confirmation["pchsDt"] == "20261202" and confirmation["totAmt"] == 600
    assert {b.item_code: b.quantity for b in balances}[items[1].code] == Decimal("3")


def test_purchase_confirmation_offline_then_lost_answer_is_sent_once(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.add_supplier_invoice(PIN)
            await shop.services.purchases.fetch(device.id)
            (purchase,) = await shop.services.purchases.list(device.id)
            await shop.services.purchases.accept(purchase.id)
            kra.go_offline()
            offline = (await shop.services.sync.sync()).devices[0]
            kra.go_online()
            kra.faults.once("insertTrnsPurchase", FaultKind.DROP_AFTER_PROCESSING)
            online = (await shop.services.sync.sync()).devices[0]
            docs = await shop.services.documents.list(device.id, [DocumentKind.PURCHASE])
            return offline, online, docs
        finally:
            await shop.services.aclose()

    offline, online, docs = run(scenario())
    assert offline.documents_pending["purchases"] == 1 and offline.documents_pending["stock"] == 3
    assert online.unconfirmed == 1 and online.documents_pending == {"purchases": 0, "imports": 0, "stock": 0}
    assert [p["invcNo"] for p in kra.purchases(PIN, "00")] == [1]  # once, though sent twice
    assert [d.state for d in docs] == [DocumentState.SENT]
    assert [m["sarTyCd"] for m in kra.stock_movements(PIN, "00")] == ["02"]


def test_import_lines_accepted_as_items_or_rejected(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.add_import_line(PIN, "00", task_code="T-1", item_seq=1, name="Motor oil 5l", qty="20")
            kra.add_import_line(PIN, "00", task_code="T-1", item_seq=2, name="Spare tyres", qty="4")
            kra.add_import_line(PIN, "00", task_code="T-1", item_seq=3, name="Sugar (bulk)", qty="100")
            imports = shop.services.imports
            fetched = (await imports.fetch(device.id), await imports.fetch(device.id))
            lines = {line.item_seq: line for line in await imports.list(device.id)}
            new = await imports.accept(
                lines[1].id, new_item=NewItem(item_class_code="15101505", price=Decimal("1450"))
            )
            mapped = await imports.accept(lines[3].id, item_code=shop.items[0].code)
            refused = await imports.reject(lines[2].id, "not ours: wrong consignee")
            with pytest.raises(DomainValidationError, match="Say which item"):
                await imports.accept(lines[2].id)
            report = (await shop.services.sync.sync()).devices[0]
            balances = {b.name: b.quantity for b in await shop.services.stock.balances(device.id)}
            return shop.items, fetched, new, mapped, refused, report, balances
        finally:
            await shop.services.aclose()

    items, fetched, new, mapped, refused, report, balances = run(scenario())
    assert fetched == (3, 0)
    assert new.created_item is not None and new.created_item.name == "Motor oil 5l"
    answers = kra.import_answers(PIN, "00")
    assert (
        answers[("T-1", 1)]["imptItemSttsCd"] == "3"
        and answers[("T-1", 1)]["itemCd"] == new.created_item.code
    )
    assert answers[("T-1", 1)]["hsCd"] == "2710190000"
    assert answers[("T-1", 3)]["itemCd"] == items[0].code
    assert (
        answers[("T-1", 2)]["imptItemSttsCd"] == "4"
        and answers[("T-1", 2)]["remark"] == "not ours: wrong consignee"
    )
    assert balances["Motor oil 5l"] == Decimal("20") and balances[items[0].name] == Decimal("100")
    assert [m["sarTyCd"] for m in kra.stock_movements(PIN, "00")] == ["01", "01"]
    assert report.documents_sent == {"imports": 3, "stock": 4}
    assert refused.line.state == "rejected" and mapped.line.item_code == items[0].code
