"""After a restore, a device's first drain checks its numbers with KRA - and sends nothing until it could."""

from __future__ import annotations

from sync_shop import PIN, open_shop

from etims_desktop.kra.simulator import FaultKind
from etims_desktop.storage.backups import make_backup
from etims_desktop.storage.restore import finish_restore, prepare_restore
from etims_desktop.sync.number_check import CHECKING


def test_the_number_check_waits_for_kra_then_moves_past_its_numbers(tmp_path, key_store, kra, run):
    async def before_restore():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "NC-1")
            await shop.services.store.enqueue_sale(device.id, shop.sale(), *_totals())
            await shop.services.sync.sync()
            paths = shop.services.paths
            backup = make_backup(paths.database, paths.backups).backup
            for _ in range(6):  # KRA will hold numbers 2 to 7 that the backup does not know
                await shop.services.store.enqueue_sale(device.id, shop.sale(), *_totals())
            await shop.services.sync.sync()
            return paths, backup, shop.counter
        finally:
            await shop.services.aclose()

    paths, backup, counter = run(before_restore())
    assert [s.invc_no for s in kra.signed_sales(PIN, "00")] == [1, 2, 3, 4, 5, 6, 7]
    prepared = prepare_restore(backup.path, paths.database)
    finish_restore(prepared, paths.database, paths.backups, accept_older=True)

    async def after_restore():
        shop = await open_shop(tmp_path, key_store)
        shop.counter = counter
        store = shop.services.store
        try:
            [device] = await store.list_devices()
            assert await store.number_check_pending(device.id)
            kra.faults.once("selectInvoiceDetails", FaultKind.HTTP_502)  # KRA cannot be asked right now
            report = (await shop.services.sync.sync()).devices[0]
            assert report.signed == 0 and report.waiting_reason == CHECKING
            assert await store.number_check_pending(device.id)  # asked again at the next sync

            await shop.services.sync.sync()  # nothing of ours waits: only where KRA's numbers end matters
            assert not await store.number_check_pending(device.id)
            result = await store.number_check_result(device.id)
            assert "KRA already had eTIMS numbers 2 to 7" in result and "next sale gets number 8" in result

            await store.enqueue_sale(device.id, shop.sale(), *_totals())
            report = (await shop.services.sync.sync()).devices[0]
            assert report.signed == 1
        finally:
            await shop.services.aclose()

    run(after_restore())
    assert [s.invc_no for s in kra.signed_sales(PIN, "00")] == [1, 2, 3, 4, 5, 6, 7, 8]


def _totals():
    from decimal import Decimal

    return Decimal("180.00"), Decimal("24.83")
