"""Receipts printed before KRA signed them live in the database (migration 0010): they survive a restart
and go into a backup with the sales; an older version's printed-while-pending.json is moved in once."""

from __future__ import annotations

import asyncio
import json
import logging

from etims_desktop.app.receipts import PENDING_PRINTS_FILE, PendingPrints, receipt_view
from etims_desktop.storage.backups import make_backup
from etims_desktop.storage.store import Store


def test_printed_while_pending_survives_a_restart_and_a_cancelled_sale_drops_out(shop_factory, tmp_path):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            kept = await shop.record("INV-K", [(sugar, 1, 0)])
            cancelled = await shop.record("INV-C", [(sugar, 1, 0)])
            prints = PendingPrints(shop.store, tmp_path)
            for sale_id in (kept, cancelled):
                await prints.record_print(await receipt_view(shop.store, sale_id))
            await shop.store.cancel_sale(cancelled)
            # the same database opened again (a restart), and a backup of it: the marks are in both
            backup = make_backup(tmp_path / "shop.sqlite3", tmp_path / "backups").backup.path
            remembered = []
            for path in (tmp_path / "shop.sqlite3", backup):
                again = Store.open(path)
                try:
                    remembered.append(set(await again.printed_while_pending()))
                finally:
                    await again.aclose()
            await shop.send()
            due = await PendingPrints(shop.store, tmp_path).due_for_reprint()
            left = await shop.store.printed_while_pending()
            return kept, cancelled, remembered, due, left

    kept, cancelled, remembered, due, left = asyncio.run(main())
    assert remembered == [{kept, cancelled}, {kept, cancelled}]
    assert due == [kept]
    assert set(left) == {kept}  # the cancelled sale is forgotten, the signed one waits for its reprint
    assert not (tmp_path / PENDING_PRINTS_FILE).exists()


def test_an_older_versions_file_is_moved_in_once_and_removed(shop_factory, tmp_path):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            first = await shop.record("INV-1", [(sugar, 1, 0)])
            second = await shop.record("INV-2", [(sugar, 1, 0)])
            # as the older version wrote it (storage/settings_file.write_json), with a sale this
            # database does not hold (e.g. from before a restore)
            old = tmp_path / PENDING_PRINTS_FILE
            old.write_text(json.dumps({"sale_ids": [first, second, 9999]}), encoding="utf-8")
            due_before = await PendingPrints(shop.store, tmp_path).due_for_reprint()
            gone = not old.exists()
            moved = await shop.store.printed_while_pending()
            await shop.send()
            due_after = await PendingPrints(shop.store, tmp_path).due_for_reprint()
            return first, second, due_before, gone, moved, due_after

    first, second, due_before, gone, moved, due_after = asyncio.run(main())
    assert gone
    assert set(moved) == {first, second}  # 9999 is no sale of this database: skipped
    assert due_before == []  # still waiting for KRA
    assert due_after == [first, second]


def test_an_unreadable_old_file_is_left_and_named_never_guessed(shop_factory, tmp_path, caplog):
    async def main():
        async with shop_factory() as shop:
            sugar = await shop.item()
            sale_id = await shop.record("INV-1", [(sugar, 1, 0)])
            old = tmp_path / PENDING_PRINTS_FILE
            old.write_text('{"sale_ids": [' + str(sale_id), encoding="utf-8")  # cut off mid-write
            with caplog.at_level(logging.WARNING):
                due = await PendingPrints(shop.store, tmp_path).due_for_reprint()
            return due, old.exists(), await shop.store.printed_while_pending()

    due, kept, moved = asyncio.run(main())
    assert due == [] and moved == {}
    assert kept  # nothing in it was lost
    assert any(
        PENDING_PRINTS_FILE in r.getMessage() and "could not be read" in r.getMessage()
        for r in caplog.records
    )
