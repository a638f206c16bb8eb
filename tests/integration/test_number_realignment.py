"""Numbers KRA has that this database never knew of (another till on the same device, an old backup, a power
cut): the app asks KRA what it holds, moves past it, and never signs anything twice (issues 23.5, 18.2)."""

from __future__ import annotations

import pytest
from sync_shop import PIN, open_shop

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.kra.simulator import Simulator, SimulatorConfig


@pytest.mark.parametrize("lookup", [True, False], ids=["with-lookup", "lookup-missing"])
def test_a_till_that_missed_kras_numbers_moves_past_them(tmp_path, key_store, run, lookup):
    with Simulator(SimulatorConfig(mode="oscu", invoice_lookup=lookup)) as kra:

        async def scenario():
            other = await open_shop(tmp_path / "other-till", key_store)
            try:  # another program signs 3 sales on this device: KRA holds numbers 1-3
                device = await other.add_device(kra, "T1")
                for _ in range(3):
                    await other.services.sales.record(device.id, other.sale(), send_now=False)
                assert (await other.services.sync.sync()).devices[0].signed == 3
            finally:
                await other.services.aclose()

            shop = await open_shop(tmp_path / "this-till", key_store)
            shop.counter = 100  # its own invoice numbers
            try:
                cmc_key = key_store.get_key(device)
                mine = await shop.services.devices.add_device(
                    device.__class__(**{**device.__dict__, "id": None})
                )
                mine = await shop.services.devices.enter_existing_key(mine.id, cmc_key, device.scu_id)
                for _ in range(2):
                    await shop.services.sales.record(mine.id, shop.sale(), send_now=False)
                report = await shop.services.sync.sync()
                dev = report.devices[0]
                assert (dev.signed, dev.still_pending, dev.needs_check_total) == (2, 0, 0), dev
                assert report.exit_code == 0
                entries = sorted(await shop.services.store.list_outbox(mine.id), key=lambda e: e.invc_no)
                assert [e.invc_no for e in entries] == [4, 5]
                assert all(e.state is OutboxState.SIGNED and e.receipt.complete for e in entries)
                history = " | ".join(h.reason for h in await shop.services.store.history(entries[0].sale_id))
                assert "KRA already has a different sale with eTIMS number 1" in history
                assert "it gets a number after the ones KRA holds" in history
                assert await shop.services.store.last_invc_no(mine.id) == 5
            finally:
                await shop.services.aclose()

        run(scenario())
        signed = kra.signed_sales(PIN, "00")
        assert [s.invc_no for s in signed] == [1, 2, 3, 4, 5]  # no gap, nothing twice
        traders = [s.document["trdInvcNo"] for s in signed]
        assert len(set(traders)) == 5
