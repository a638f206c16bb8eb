"""The sync engine end to end against the simulator over real HTTP."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sync_shop import PIN, open_shop

from etims_desktop.domain.device import DeviceType
from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import StatusKind
from etims_desktop.kra.simulator import FaultKind
from etims_desktop.sync.report import Outcome


def numbers(sim, branch="00"):
    return [s.invc_no for s in sim.signed_sales(PIN, branch)]


def test_oscu_sales_are_signed_at_once_in_order(tmp_path, key_store, kra, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            assert device.initialised and device.scu_id.startswith("KRACU")
            for _ in range(3):
                await shop.services.sales.record(device.id, shop.sale((0, "2"), (1, "1")))
            await shop.services.sales.wait_idle()
            counts = await shop.services.store.outbox_counts(device.id)
            assert counts.get(OutboxState.SIGNED) == 3
            entry = await shop.services.store.get_entry(1)
            assert entry.receipt.signature and len(entry.receipt.signature) == 16
            report = await shop.services.sync.sync()
            assert report.devices[0].outcome is Outcome.UP_TO_DATE
            assert report.exit_code == 0
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2, 3]
    assert len(kra.items(PIN)) == 2  # each item registered once


def test_offline_then_back_online(tmp_path, key_store, kra, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.go_offline()
            report = await shop.services.sync.sync()
            assert report.devices[0].status.kind is StatusKind.OFFLINE
            for _ in range(4):
                await shop.services.sales.record(device.id, shop.sale())
            await shop.services.sales.wait_idle()
            report = await shop.services.sync.sync()
            first = report.devices[0]
            assert first.outcome is Outcome.NOTHING_SENT and first.signed == 0
            assert "Nothing was sent" in first.summary() and "4 still waiting" in first.summary()
            assert report.exit_code == 1
            kra.go_online()
            report = await shop.services.sync.sync()
            assert report.devices[0].signed == 4 and report.devices[0].outcome is Outcome.ALL_SIGNED
            assert report.exit_code == 0
            runs = await shop.services.store.list_sync_runs()
            assert len(runs) == 3
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2, 3, 4]


def test_lost_answer_is_resolved_without_signing_twice(tmp_path, key_store, kra, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.faults.once("saveTrnsSalesOsdc", FaultKind.DROP_AFTER_PROCESSING)
            for _ in range(3):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            dev = report.devices[0]
            assert dev.signed == 3 and dev.already_recorded == 1
            entries = await shop.services.store.list_outbox(device.id)
            assert all(e.state is OutboxState.SIGNED and e.receipt.complete for e in entries)
            first = min(entries, key=lambda e: e.invc_no)
            history = [h.to_state for h in await shop.services.store.history(first.sale_id)]
            assert history[-2:] == [OutboxState.UNCERTAIN, OutboxState.SIGNED]
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2, 3]


def test_rejection_frees_its_number(tmp_path, key_store, kra, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.faults.once("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, code="910")
            for _ in range(3):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            dev = report.devices[0]
            assert dev.signed == 2 and dev.rejected == 1 and dev.needs_fix_total == 1
            assert report.exit_code == 2
            fix = [
                e
                for e in await shop.services.store.list_outbox(device.id)
                if e.state is OutboxState.NEEDS_FIX
            ]
            assert fix[0].invc_no is None and fix[0].last_error_message
            await shop.services.store.resend_sale(fix[0].sale_id)
            report = await shop.services.sync.sync()
            assert report.devices[0].signed == 1 and report.exit_code == 0
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2, 3]


def test_mixed_shop_one_device_down_the_other_syncs(tmp_path, key_store, kra, vscu, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            oscu_dev = await shop.add_device(kra, "T1")
            vscu_dev = await shop.add_device(vscu, "V1", DeviceType.VSCU)
            for _ in range(2):
                await shop.services.sales.record(oscu_dev.id, shop.sale(), send_now=False)
                await shop.services.sales.record(vscu_dev.id, shop.sale(), send_now=False)
            vscu.go_offline()
            report = await shop.services.sync.sync()
            by_type = {d.device_type: d for d in report.devices}
            assert by_type["OSCU"].signed == 2 and by_type["OSCU"].outcome is Outcome.ALL_SIGNED
            assert by_type["VSCU"].status.kind is StatusKind.SERVICE_DOWN
            assert by_type["VSCU"].outcome is Outcome.NOTHING_SENT and by_type["VSCU"].still_pending == 2
            assert report.exit_code == 1
            vscu.go_online()
            report = await shop.services.sync.sync([vscu_dev.id])
            assert report.devices[0].signed == 2
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2]
    assert numbers(vscu) == [1, 2]


def test_slow_down_pauses_the_device_and_keeps_the_number(tmp_path, key_store, kra, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.faults.once("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, code="990")
            for _ in range(2):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            dev = report.devices[0]
            assert dev.signed == 0 and dev.still_pending == 2
            assert "slow down" in dev.waiting_reason
            paused = await shop.services.store.paused_until(device.id)
            assert paused is not None and paused > datetime.now(UTC)
            waiting = [e for e in await shop.services.store.list_outbox(device.id) if e.invc_no]
            assert [e.invc_no for e in waiting] == [1] and waiting[0].state is OutboxState.WAITING
            # Time passes (the pause ends): the same number goes first, nothing was skipped.
            await shop.services.store.set_paused_until(device.id, None)
            shop.services.sync.clock = lambda: datetime.now(UTC) + timedelta(minutes=10)
            shop.services.sync.drain.clock = shop.services.sync.clock
            report = await shop.services.sync.sync()
            assert report.devices[0].signed == 2
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2]


def test_scheduler_wakes_oscu_queue_and_uploads_full_vscu_batches(tmp_path, key_store, kra, vscu, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        services = shop.services
        try:
            oscu_dev = await shop.add_device(kra, "T1")
            vscu_dev = await shop.add_device(vscu, "V1", DeviceType.VSCU)
            services.sync.apply_settings(
                replace(services.sync.settings, vscu_batch_size=3, vscu_upload_minutes=60)
            )
            kra.go_offline()
            await services.sync.checker.check(oscu_dev)
            await services.sales.record(oscu_dev.id, shop.sale())  # offline: waits in the outbox
            for _ in range(2):
                await services.sales.record(vscu_dev.id, shop.sale())  # batch not full yet
            await services.sales.wait_idle()
            now = datetime.now(UTC)
            scheduler = services.scheduler
            scheduler._last_upload[vscu_dev.id] = now  # the last upload was just now
            await scheduler.tick(now)
            assert (await services.store.pending_summary())[oscu_dev.id].pending == 1
            assert (await services.store.pending_summary())[vscu_dev.id].pending == 2
            kra.go_online()
            await services.sales.record(vscu_dev.id, shop.sale())  # the third fills the batch
            await services.sales.wait_idle()
            await scheduler.tick(now + timedelta(seconds=services.settings.live_check_seconds + 1))
            summary = await services.store.pending_summary()
            assert summary[oscu_dev.id].pending == 0  # the live check found KRA back and woke the queue
            assert summary[vscu_dev.id].pending == 0
        finally:
            await services.aclose()

    run(scenario())
    assert numbers(kra) == [1]
    assert numbers(vscu) == [1, 2, 3]


def test_sales_recorded_during_a_long_drain_queue_behind_it_in_order(tmp_path, key_store, kra, run):
    """A backlog after a day offline drains; meanwhile the cashier goes on recording sales (each tries
    to send at once). Recording works during the drain, and every new sale is signed after the backlog,
    in the order it was recorded: numbers follow the order the sales were made, none twice, none lost."""
    backlog, during = 30, 6

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            store, sales = shop.services.store, shop.services.sales
            queued = [
                (await sales.record(device.id, shop.sale(), send_now=False)).sale_id for _ in range(backlog)
            ]
            kra.set_latency(0.05)  # a round trip that leaves the drain running while the cashier works
            drain = asyncio.create_task(shop.services.sync.sync())
            while (await store.outbox_counts(device.id)).get(OutboxState.SIGNED, 0) < 2:
                await asyncio.sleep(0.01)
            recorded = []
            for _ in range(during):
                recorded.append((await sales.record(device.id, shop.sale())).sale_id)
                await asyncio.sleep(0)
            signed_so_far = (await store.outbox_counts(device.id)).get(OutboxState.SIGNED, 0)
            assert signed_so_far < backlog, "the drain had finished before the new sales were recorded"
            report = await drain
            await sales.wait_idle()
            kra.set_latency(0)
            assert (await store.outbox_counts(device.id)).get(OutboxState.SIGNED) == backlog + during
            assert report.devices[0].signed >= backlog  # the Sync run took the backlog (and maybe more)
            entries = [await store.get_entry(sale_id) for sale_id in queued + recorded]
            assert [e.invc_no for e in entries] == list(range(1, backlog + during + 1))
            return [e.sale.trader_invoice_no for e in entries]
        finally:
            await shop.services.aclose()

    traders = run(scenario())
    signed = kra.signed_sales(PIN, "00")
    assert [s.invc_no for s in signed] == list(range(1, backlog + during + 1))
    assert [s.document.get("trdInvcNo") for s in signed] == traders
