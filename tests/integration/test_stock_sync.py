"""Stock through the document queue, end to end: real services, a real SQLite file, real HTTP to the
simulator. Every signed sale and credit note moves stock; adjustments too; insertStockIO then
saveStockMaster go in order, after the sale, gap-free sarNo, never lost, never twice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from keyrings.alt.file import PlaintextKeyring
from sync_shop import PIN, open_shop

from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.stock import StockReason
from etims_desktop.kra.simulator import Simulator, SimulatorConfig
from etims_desktop.kra.simulator.faults import FaultKind
from etims_desktop.storage.secrets import KeyStore
from etims_desktop.storage.stock import moved_line


@pytest.fixture
def key_store(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return KeyStore(backend=PlaintextKeyring())


async def _opening(shop, device_id: int, index: int, qty: str) -> int:
    return await shop.services.store.adjust_stock(
        device_id, [moved_line(shop.items[index], Decimal(qty))], StockReason.OPENING, "first count"
    )


def test_sales_and_adjustments_reach_kra_in_order(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            await _opening(shop, device.id, 0, "10")
            await shop.services.sales.record(device.id, shop.sale((0, "2"), (2, "3")), send_now=False)
            report = await shop.services.sync.sync()
            balances = {b.item_code: b.quantity for b in await shop.services.store.stock_balances(device.id)}
            documents = await shop.services.store.list_documents(device.id)
            return shop.items, report.devices[0], balances, documents
        finally:
            await shop.services.aclose()

    items, report, balances, documents = run(scenario())
    moves = kra.stock_movements(PIN, "00")
    assert [m["sarNo"] for m in moves] == [1, 2]
    assert [m["sarTyCd"] for m in moves] == ["06", "11"]  # opening stock in, then the sale out
    assert [m["regTyCd"] for m in moves] == ["M", "A"]
    assert [line["itemCd"] for line in moves[1]["itemList"]] == [items[0].code, items[2].code]
    assert (
        kra.stock_masters_accepted(PIN, "00") == 3
    )  # item 0 after the opening, items 0 and 2 after the sale
    assert kra.stock_levels(PIN, "00")[items[0].code] == Decimal("8")
    assert balances[items[0].code] == Decimal("8") and balances[items[2].code] == Decimal("-3")
    assert balances[items[1].code] == 0  # stocked, never moved
    assert {d.state for d in documents} == {DocumentState.SENT}
    assert report.documents_sent == {"stock": 5}
    assert "Stock reports sent: 5." in report.summary()
    assert report.outcome.value == "all_signed"


def test_credit_note_brings_stock_back(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            sale_id = (
                await shop.services.sales.record(device.id, shop.sale((0, "4")), send_now=False)
            ).sale_id
            await shop.services.sync.sync()
            note = shop.sale((0, "1"))
            from dataclasses import replace

            from etims_desktop.domain.sale import ReceiptType

            note = replace(
                note, receipt_type=ReceiptType.CREDIT_NOTE, original_sale_id=sale_id, refund_reason_code="06"
            )
            await shop.services.sales.record(device.id, note, send_now=False)
            await shop.services.sync.sync()
            return shop.items, await shop.services.store.stock_balance(device.id, shop.items[0].code)
        finally:
            await shop.services.aclose()

    items, balance = run(scenario())
    assert balance == Decimal("-3")
    assert [m["sarTyCd"] for m in kra.stock_movements(PIN, "00")] == ["11", "03"]
    assert kra.stock_levels(PIN, "00")[items[0].code] == Decimal("-3")


def test_offline_then_sync_keeps_order_and_numbers(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.go_offline()
            await _opening(shop, device.id, 1, "5")
            for n in range(3):
                await shop.services.sales.record(
                    device.id, shop.sale((1, "1"), (0, str(n + 1))), send_now=False
                )
            offline = (await shop.services.sync.sync()).devices[0]
            waiting = await shop.services.store.list_documents(device.id)
            kra.go_online()
            online = (await shop.services.sync.sync()).devices[0]
            sent = await shop.services.store.list_documents(device.id, kinds=[DocumentKind.STOCK_IO])
            return shop.items, offline, waiting, online, sent
        finally:
            await shop.services.aclose()

    items, offline, waiting, online, sent = run(scenario())
    assert offline.outcome.value == "nothing_sent"
    assert offline.documents_pending == {
        "purchases": 0,
        "imports": 0,
        "stock": 2,
    }  # the opening stock, its balance
    assert {d.number for d in waiting} == {None}  # nothing numbered while nothing could be sent
    moves = kra.stock_movements(PIN, "00")
    # The opening stock, then the three sales' stock-out as one movement (sent after them): each item's
    # quantities added up, at its price.
    assert [m["sarNo"] for m in moves] == [1, 2]
    assert [m["sarTyCd"] for m in moves] == ["06", "11"]
    assert [(line["itemCd"], line["qty"]) for line in moves[1]["itemList"]] == [
        (items[1].code, 3),
        (items[0].code, 6),
    ]
    assert moves[1]["totItemCnt"] == 2
    assert moves[1]["totAmt"] == sum(line["totAmt"] for line in moves[1]["itemList"])
    stock_out = sent[0]  # newest first
    assert stock_out.summary.startswith("Stock out for the sales up to ")
    assert kra.stock_levels(PIN, "00") == {items[1].code: Decimal("2"), items[0].code: Decimal("-6")}
    assert online.documents_pending["stock"] == 0 and online.outcome.value == "all_signed"


def test_lost_answer_resends_the_same_sar_no_and_is_recorded_once(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.faults.once("insertStockIO", FaultKind.DROP_AFTER_PROCESSING)
            await _opening(shop, device.id, 0, "7")
            first = (await shop.services.sync.sync()).devices[0]
            io = (await shop.services.store.list_documents(device.id, kinds=[DocumentKind.STOCK_IO]))[0]
            second = (await shop.services.sync.sync()).devices[0]
            history = await shop.services.store.document_history(io.id)
            return first, io, second, history
        finally:
            await shop.services.aclose()

    first, io, second, history = run(scenario())
    # The answer was lost; the same document (sarNo 1) went again at once and KRA said it has it.
    assert first.unconfirmed == 1 and first.documents_sent == {"stock": 2}
    assert io.state is DocumentState.SENT and io.number == 1 and io.body["sarNo"] == 1
    reasons = [h.reason for h in history]
    assert any(r.startswith("sent, no usable answer") for r in reasons)
    assert reasons[-2:] == [
        "sending again: KRA's answer to the last send was lost",
        "KRA already had it: an earlier send arrived",
    ]
    assert [m["sarNo"] for m in kra.stock_movements(PIN, "00")] == [1]  # once
    assert kra.stock_masters_accepted(PIN, "00") == 1
    assert second.documents_sent == {} and second.outcome.value == "up_to_date"


def test_kill_between_send_and_answer_resends_the_same_sar_no(tmp_path, kra, run, key_store):
    """The app stops (kill -9) after the request left and before the answer was recorded: the document
    is left SENDING with its number committed. After a restart it goes again, same body, recorded once."""

    async def send_then_die():
        shop = await open_shop(tmp_path, key_store)
        device = await shop.add_device(kra, "T1")
        await _opening(shop, device.id, 0, "3")
        claimed = await shop.services.store.claim_document(device.id, shop.services.sync.clock())
        client = await shop.services.connections.client_for(device)
        from etims_desktop.sync.document_drain import ENDPOINTS

        await shop.services.sync.drain.documents._register_items(device, client, claimed, set())
        await client.send_document(ENDPOINTS[claimed.kind], claimed.body)  # KRA has it; no answer recorded
        await shop.services.aclose()
        return device.id, claimed

    async def restart(device_id):
        shop = await open_shop(tmp_path, key_store)
        try:
            report = (await shop.services.sync.sync()).devices[0]
            return report, await shop.services.store.list_documents(device_id)
        finally:
            await shop.services.aclose()

    device_id, claimed = run(send_then_die())
    assert claimed.state is DocumentState.SENDING and claimed.body["sarNo"] == 1
    report, documents = run(restart(device_id))
    assert {d.state for d in documents} == {DocumentState.SENT}
    assert [m["sarNo"] for m in kra.stock_movements(PIN, "00")] == [1]
    assert kra.stock_masters_accepted(PIN, "00") == 1
    assert report.outcome.value == "all_signed"


def test_a_refused_movement_needs_a_fix_holds_its_group_and_gives_its_number_back(
    tmp_path, kra, run, key_store
):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.faults.once("insertStockIO", FaultKind.RESULT_CODE, code="910")
            await _opening(shop, device.id, 0, "3")
            await _opening(shop, device.id, 1, "4")
            refused = (await shop.services.sync.sync()).devices[0]
            documents = await shop.services.store.list_documents(device.id)
            stuck = next(d for d in documents if d.state is DocumentState.NEEDS_FIX)
            await shop.services.store.resend_document(stuck.id)
            fixed = (await shop.services.sync.sync()).devices[0]
            return refused, documents, stuck, fixed, await shop.services.store.list_documents(device.id)
        finally:
            await shop.services.aclose()

    refused, documents, stuck, fixed, after = run(scenario())
    assert refused.documents_refused == {"stock": 1} and refused.documents_need_fix["stock"] == 1
    assert refused.outcome.value == "needs_fix"
    assert stuck.kind is DocumentKind.STOCK_IO and stuck.number is None  # its number went back
    assert "KRA refused the stock movement" in stuck.last_error_message
    assert "wait until it is sent again or cancelled" in stuck.last_error_message
    assert {d.state for d in documents} == {DocumentState.NEEDS_FIX, DocumentState.QUEUED}  # the rest waited
    assert "Stock reports that need your fix: 1." in refused.summary()
    assert {d.state for d in after} == {DocumentState.SENT}
    assert [m["sarNo"] for m in kra.stock_movements(PIN, "00")] == [1, 2]  # gap-free after the refusal
    assert fixed.outcome.value == "all_signed"


@pytest.mark.parametrize("enforced", [True, False])
def test_insufficient_stock_refusal_reads_plainly_and_stock_fixes_it(tmp_path, run, key_store, enforced):
    """KRA's 2026 gateway refuses a sale of goods without reported stock (a setting; both readings)."""
    with Simulator(SimulatorConfig(mode="oscu", insufficient_stock=enforced)) as sim:

        async def scenario():
            shop = await open_shop(tmp_path, key_store)
            try:
                device = await shop.add_device(sim, "T1")
                sale_id = (
                    await shop.services.sales.record(device.id, shop.sale((0, "2")), send_now=False)
                ).sale_id
                first = (await shop.services.sync.sync()).devices[0]
                entry = await shop.services.store.get_entry(sale_id)
                if entry.state is OutboxState.NEEDS_FIX:
                    await _opening(shop, device.id, 0, "5")
                    await shop.services.store.resend_sale(sale_id)
                    await shop.services.sync.sync()
                return first, entry, await shop.services.store.get_entry(sale_id)
            finally:
                await shop.services.aclose()

        first, entry, final = run(scenario())
        assert final.state is OutboxState.SIGNED
        if enforced:
            assert entry.state is OutboxState.NEEDS_FIX and first.rejected == 1
            assert "too little stock" in entry.last_error_message
            assert "opening stock adjustment" in entry.last_error_message
            assert [m["sarTyCd"] for m in sim.stock_movements(PIN, "00")] == ["06", "11"]
        else:
            assert entry.state is OutboxState.SIGNED


@pytest.mark.parametrize("order_check", [True, False])
@pytest.mark.parametrize("amounts_check", [True, False])
def test_app_passes_both_readings_of_the_uncertain_stock_rules(
    tmp_path, run, key_store, order_check, amounts_check
):
    config = SimulatorConfig(mode="oscu", stock_order_check=order_check, check_stock_amounts=amounts_check)
    with Simulator(config) as sim:

        async def scenario():
            shop = await open_shop(tmp_path, key_store)
            try:
                device = await shop.add_device(sim, "T1")
                await _opening(shop, device.id, 1, "12.5")
                await shop.services.sales.record(device.id, shop.sale((1, "2"), (0, "1")), send_now=False)
                await shop.services.sync.sync()
                client = await shop.services.connections.client_for(device)
                from etims_desktop.kra import errors as kra_errors
                from etims_desktop.kra.endpoints import Endpoint

                refusals = []
                # What another app might send: a balance of an item never moved, and zero money fields.
                await shop.services.sync.drain.documents._register_items(
                    device, client, _Doc(shop.items[2].code), set()
                )
                for endpoint, body in (
                    (
                        Endpoint.SAVE_STOCK_MASTER,
                        {"itemCd": shop.items[2].code, "rsdQty": 1, "regrId": "x", "regrNm": "x"},
                    ),
                    (Endpoint.SAVE_STOCK_IO, _zero_money_io(shop.items[0].code, 3)),
                ):
                    try:
                        await client.send_document(endpoint, body)
                        refusals.append(None)
                    except kra_errors.BusinessRejection as exc:
                        refusals.append(exc.kra_message)
                return await shop.services.store.list_documents(device.id), refusals
            finally:
                await shop.services.aclose()

        documents, refusals = run(scenario())
        assert {d.state for d in documents} == {DocumentState.SENT}  # the app's own documents pass either way
        assert (refusals[0] is not None) == order_check
        assert (refusals[1] is not None) == amounts_check


class _Doc:
    def __init__(self, code: str) -> None:
        self.body = {"itemCd": code}


def _zero_money_io(item_code: str, sar_no: int) -> dict:
    """Navari's way: the movement with every money field 0."""
    return {
        "sarNo": sar_no, "orgSarNo": 0, "regTyCd": "M", "sarTyCd": "06", "ocrnDt": "20261203", "totItemCnt": 1,
        "totTaxblAmt": 0, "totTaxAmt": 0, "totAmt": 0, "regrId": "x", "regrNm": "x", "modrId": "x", "modrNm": "x",
        "itemList": [{"itemSeq": 1, "itemCd": item_code, "itemClsCd": "50161800", "itemNm": "Sugar", "pkgUnitCd": "NT",
                      "pkg": 1, "qtyUnitCd": "U", "qty": 1, "prc": 180, "splyAmt": 0, "totDcAmt": 0, "taxblAmt": 0,
                      "taxTyCd": "B", "taxAmt": 0, "totAmt": 0}],
    }  # fmt: skip


def test_board_counts_per_kind_and_selling_below_zero_only_warns(tmp_path, kra, run, key_store):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            await shop.services.stock.adjust(device.id, shop.items[0].code, Decimal("1"), StockReason.OPENING)
            sale = shop.sale((0, "3"), (1, "1"))
            warnings = await shop.services.stock.shortages(device.id, sale)
            recorded = await shop.services.sales.record(device.id, sale, send_now=False)  # never blocked
            kra.go_offline()
            before = (await shop.services.board.entries())[0]
            kra.go_online()
            await shop.services.sync.sync()
            after = (await shop.services.board.entries())[0]
            return shop.items, warnings, recorded, before, after
        finally:
            await shop.services.aclose()

    items, warnings, recorded, before, after = run(scenario())
    assert recorded.created
    assert len(warnings) == 2
    assert warnings[0].startswith(f"{items[0].name}: 1 in stock, this sale takes 3.")
    assert "The sale is recorded anyway" in warnings[0]
    assert before.pending_by_kind == {"sales": 1, "purchases": 0, "imports": 0, "stock": 2}
    assert before.pending_documents == 2
    assert after.pending_by_kind == {"sales": 0, "purchases": 0, "imports": 0, "stock": 0}
    assert after.needs_fix_by_kind["stock"] == 0


def test_only_the_newest_balance_of_an_item_is_sent_when_several_wait(tmp_path, kra, run, key_store):
    """Offline, ten sales of sugar: their stock-outs gather into one movement, and one balance waits,
    takes each new quantity and goes after it; KRA's level is ours."""

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.go_offline()
            for _ in range(10):
                await shop.services.sales.record(device.id, shop.sale((0, "1")), send_now=False)
            await shop.services.sync.sync()
            kra.go_online()
            await shop.services.sync.sync()
            return shop.items, await shop.services.store.list_documents(device.id)
        finally:
            await shop.services.aclose()

    items, documents = run(scenario())
    masters = [d for d in documents if d.kind is DocumentKind.STOCK_MASTER]
    assert [d.state for d in masters] == [DocumentState.SENT]
    assert masters[0].body["rsdQty"] == -10
    assert [m["sarNo"] for m in kra.stock_movements(PIN, "00")] == [
        1
    ]  # the ten sales' stock-out: one movement
    assert kra.stock_movements(PIN, "00")[0]["itemList"][0]["qty"] == 10
    assert kra.stock_masters_accepted(PIN, "00") == 1
    assert kra.stock_levels(PIN, "00")[items[0].code] == Decimal("-10")


def test_the_scheduler_sends_waiting_stock_reports_without_a_sale(tmp_path, kra, run, key_store):
    """An adjustment alone (no sale waiting) is sent by the scheduler's next round, like a sale."""

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            await _opening(shop, device.id, 0, "6")
            await shop.services.scheduler.tick()
            return await shop.services.store.list_documents(device.id)
        finally:
            await shop.services.aclose()

    documents = run(scenario())
    assert {d.state for d in documents} == {DocumentState.SENT}
    assert [m["sarTyCd"] for m in kra.stock_movements(PIN, "00")] == ["06"]


def test_sales_signed_after_a_write_off_gather_into_one_stock_out_after_it(tmp_path, kra, run, key_store):
    """Offline: two sales, a damage write-off, two more sales. A sale moves stock when KRA signs it, so
    KRA gets the damage first, then the four sales' stock-out as one movement - the stock-out never joins
    a movement of another kind, and never one recorded before it that is still to be sent behind it."""

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.go_offline()
            for n in range(4):
                if n == 2:
                    await shop.services.store.adjust_stock(
                        device.id, [moved_line(shop.items[0], Decimal("-1"))], StockReason.DAMAGE, "dropped"
                    )
                await shop.services.sales.record(device.id, shop.sale((0, "1")), send_now=False)
            await shop.services.sync.sync()
            kra.go_online()
            return shop.items, (await shop.services.sync.sync()).devices[0]
        finally:
            await shop.services.aclose()

    items, online = run(scenario())
    moves = kra.stock_movements(PIN, "00")
    assert [(m["sarNo"], m["sarTyCd"], m["itemList"][0]["qty"]) for m in moves] == [
        (1, "15", 1),
        (2, "11", 4),
    ]
    assert kra.stock_levels(PIN, "00") == {items[0].code: Decimal("-5")}
    assert online.documents_pending["stock"] == 0


def test_gathering_stock_outs_can_be_turned_off(tmp_path, kra, run, key_store):
    """`gather_stock_outs` false (settings.json, "sync"): a backlog sends one movement per sale, in order."""
    from etims_desktop.sync.settings import SyncSettings

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            shop.services.sync.apply_settings(SyncSettings(gather_stock_outs=False))
            device = await shop.add_device(kra, "T1")
            kra.go_offline()
            for n in range(3):
                await shop.services.sales.record(device.id, shop.sale((0, str(n + 1))), send_now=False)
            await shop.services.sync.sync()
            kra.go_online()
            await shop.services.sync.sync()
        finally:
            await shop.services.aclose()

    run(scenario())
    moves = kra.stock_movements(PIN, "00")
    assert [(m["sarNo"], m["itemList"][0]["qty"]) for m in moves] == [(1, 1), (2, 2), (3, 3)]
    assert kra.stock_masters_accepted(PIN, "00") == 1


def test_a_credit_note_in_a_backlog_splits_the_gathered_stock_out_in_order(tmp_path, kra, run, key_store):
    """Sales, a credit note, more sales, all signed in one Sync: KRA gets the first sales' stock-out as one
    movement, then the credit note's stock back in, then the later sales' stock-out - never the later
    sales gathered into the movement sent before the credit note."""
    from dataclasses import replace

    from etims_desktop.domain.sale import ReceiptType

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            first = await shop.services.sales.record(device.id, shop.sale((0, "5")), send_now=False)
            await shop.services.sync.sync()  # the sale to credit is signed; its stock-out sent
            for qty in ("1", "2"):
                await shop.services.sales.record(device.id, shop.sale((0, qty)), send_now=False)
            note = replace(
                shop.sale((0, "3")),
                receipt_type=ReceiptType.CREDIT_NOTE,
                original_sale_id=first.sale_id,
                refund_reason_code="06",
            )
            await shop.services.sales.record(device.id, note, send_now=False)
            for qty in ("4", "6"):
                await shop.services.sales.record(device.id, shop.sale((0, qty)), send_now=False)
            await shop.services.sync.sync()
            return shop.items, await shop.services.store.stock_balance(device.id, shop.items[0].code)
        finally:
            await shop.services.aclose()

    items, balance = run(scenario())
    moves = kra.stock_movements(PIN, "00")
    assert [(m["sarNo"], m["sarTyCd"], m["itemList"][0]["qty"]) for m in moves] == [
        (1, "11", 5),
        (2, "11", 3),  # the two sales before the credit note
        (3, "03", 3),  # the credit note's stock back in
        (4, "11", 10),  # the two sales after it
    ]
    assert balance == Decimal("-15") == kra.stock_levels(PIN, "00")[items[0].code]
