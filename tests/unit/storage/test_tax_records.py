"""Signed sales are tax records: the database itself refuses to delete or change them, and keeps the
document KRA signed with the receipt header as printed then. Upgrades keep old signed sales honest."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from decimal import Decimal

import pytest

from etims_desktop.domain.outbox import OutboxState, SignedReceipt
from etims_desktop.domain.receipt import BusinessDetails
from etims_desktop.storage.database import make_engine
from etims_desktop.storage.migrate import SCHEMA_HEAD, current_revision, upgrade
from etims_desktop.storage.store import Store

from .conftest import enqueue, make_device, make_sale
from .test_migrations import REVISION_1_DATA

pytestmark = pytest.mark.anyio

REQUEST = b'{"invcNo":1,"trdInvcNo":"INV-1","totAmt":116.0}'
REPLY = b'{"resultCd":"000","resultMsg":"Successful","data":{"rcptSign":"ABCDEFGHIJKLMNOP"}}'


async def signed_and_cancelled(store: Store) -> tuple[int, int, int]:
    """A device with one signed sale (with its document) and one cancelled sale."""
    device = await store.add_device(make_device())
    signed = await enqueue(store, device.id, "INV-1")
    await store.assign_number(signed)
    await store.mark_signed(
        signed,
        SignedReceipt(invc_no=1, signature="ABCDEFGHIJKLMNOP", request_body=REQUEST, reply_body=REPLY),
    )
    cancelled = await enqueue(store, device.id, "INV-2")
    await store.cancel_sale(cancelled)
    return device.id, signed, cancelled


TAMPERING = [
    "DELETE FROM outbox WHERE sale_id = {signed}",
    "DELETE FROM sales WHERE id = {signed}",
    "DELETE FROM sale_lines WHERE sale_id = {signed}",
    "DELETE FROM outbox_events WHERE sale_id = {signed}",
    "DELETE FROM signed_documents WHERE sale_id = {signed}",
    "DELETE FROM devices WHERE id = {device}",  # the cascade reaches the signed sale: refused too
    "UPDATE sales SET total = '1.00' WHERE id = {signed}",
    "UPDATE sales SET buyer_pin = 'P000000000Z' WHERE id = {signed}",
    "UPDATE sale_lines SET qty = '9' WHERE sale_id = {signed}",
    "INSERT INTO sale_lines (sale_id, line_no, item_code, item_class_code, name, qty, unit_price, tax_type, "
    "pkg_unit_code, qty_unit_code, discount_rate) VALUES ({signed}, 2, 'X', '1', 'X', '1', '1', 'B', 'NT', "
    "'U', '0')",
    "UPDATE outbox SET signature = 'FORGEDFORGEDFORG' WHERE sale_id = {signed}",
    "UPDATE outbox SET invc_no = 7 WHERE sale_id = {signed}",
    "UPDATE outbox SET state = 'cancelled' WHERE sale_id = {signed}",
    "UPDATE signed_documents SET request_body = x'00' WHERE sale_id = {signed}",
    "UPDATE signed_documents SET business_name = 'Other' WHERE sale_id = {signed}",
]


@pytest.mark.parametrize("statement", TAMPERING)
async def test_the_database_refuses_to_delete_or_change_a_signed_sale(store, db_path, statement):
    device_id, signed, _ = await signed_and_cancelled(store)
    with closing(sqlite3.connect(db_path)) as raw:  # whatever program: not our code, the file itself says no
        raw.execute("PRAGMA foreign_keys=ON")
        with pytest.raises(sqlite3.IntegrityError, match="tax record"):
            raw.execute(statement.format(signed=signed, device=device_id))
    entry = await store.get_entry(signed)
    assert entry.state is OutboxState.SIGNED and entry.receipt.signature == "ABCDEFGHIJKLMNOP"
    assert entry.sale.lines[0].qty == Decimal("1") and len(entry.sale.lines) == 1
    assert (await store.signed_document(signed)).request_body == REQUEST
    assert len(await store.history(signed)) == 3


async def test_unsigned_rows_stay_free_to_change(store, db_path):
    _, signed, cancelled = await signed_and_cancelled(store)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as raw:
        raw.execute("PRAGMA foreign_keys=ON")
        raw.execute(
            "UPDATE outbox SET last_error_message = 'note' WHERE sale_id = ?", (signed,)
        )  # no content
        raw.execute("UPDATE sales SET remark = 'typo' WHERE id = ?", (cancelled,))
        raw.execute("DELETE FROM sales WHERE id = ?", (cancelled,))
        assert raw.execute("SELECT count(*) FROM sales").fetchone() == (1,)


async def test_the_signed_document_keeps_the_header_as_printed_at_signing(store):
    await store.save_business_details(
        BusinessDetails(name="Duka La Mama", address="Moi Avenue", phone="0700")
    )
    _, signed, _ = await signed_and_cancelled(store)
    await store.save_business_details(BusinessDetails(name="New Name Ltd", address="Elsewhere"))

    document = await store.signed_document(signed)
    assert document.request_body == REQUEST and document.reply_body == REPLY and not document.rebuilt
    assert document.business.name == "Duka La Mama" and document.business.address == "Moi Avenue"
    assert (document.pin, document.branch_id, document.device_name) == ("P051234567X", "00", "Till 1")
    assert (await store.business_details()).name == "New Name Ltd"  # today's header: for new sales only


async def test_a_sale_kra_only_confirmed_keeps_a_document_marked_rebuilt(store):
    device = await store.add_device(make_device())
    sale_id = await enqueue(store, device.id, "INV-1")
    await store.assign_number(sale_id)
    await store.mark_signed(sale_id, SignedReceipt(invc_no=1, complete=False))
    document = await store.signed_document(sale_id)
    assert document.rebuilt and document.request_body is None
    assert await store.signed_document(await enqueue(store, device.id, "INV-2")) is None  # not signed


def make_revision_2_database(path) -> None:
    engine = make_engine(path)
    try:
        upgrade(engine, "0002")
        with engine.begin() as connection:
            for sql in REVISION_1_DATA:
                connection.exec_driver_sql(sql)
        assert current_revision(engine) == "0002"
    finally:
        engine.dispose()


async def test_upgrade_from_revision_2_keeps_signed_sales_and_marks_their_reprints_rebuilt(db_path, clock):
    make_revision_2_database(db_path)
    settings = db_path.parent / "settings.json"
    settings.write_text(
        json.dumps({"sync": {"vscu_batch_size": 20}, "business": {"name": "Duka", "phone": "0711 111111"}})
    )

    store = Store.open(db_path, backup_dir=db_path.parent / "backups", clock=clock)
    try:
        assert current_revision(store.engine) == SCHEMA_HEAD
        # settings.json's receipt header moved into the database, once.
        business = await store.business_details()
        assert business == BusinessDetails(name="Duka", phone="0711 111111")
        settings.write_text(json.dumps({"business": {"name": "Ignored now"}}))
        assert (await store.business_details()).name == "Duka"

        # The old signed sale: intact, its document honestly marked as not kept.
        signed = await store.get_entry(1)
        assert signed.state is OutboxState.SIGNED and signed.receipt.signature == "ABCDEFGHIJKLMNOP"
        document = await store.signed_document(1)
        assert document.rebuilt and document.request_body is None and document.reply_body is None
        assert document.business.name == "Duka" and document.device_name == "Till 1"
        assert await store.signed_document(2) is None  # queued: nothing signed yet

        # The triggers guard the upgraded file too; devices gained retirement.
        with (
            closing(sqlite3.connect(db_path)) as raw,
            pytest.raises(sqlite3.IntegrityError, match="tax record"),
        ):
            raw.execute("DELETE FROM sales WHERE id = 1")
        assert [d.retired for d in await store.list_devices()] == [False]

        # New sales are signed with their document.
        entry = await store.claim_next(1, clock())
        await store.mark_signed(entry.id, SignedReceipt(invc_no=entry.invc_no, request_body=REQUEST))
        assert not (await store.signed_document(entry.id)).rebuilt
        await store.enqueue_sale(1, make_sale("INV-9"), Decimal("1"), Decimal("0"))
    finally:
        await store.aclose()
