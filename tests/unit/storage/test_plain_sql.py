"""Plain sqlite3 statements (storage/plain_sql.py) store every value exactly as SQLAlchemy does,
and read back what SQLAlchemy wrote: the models' column types stay the one definition."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from etims_desktop.domain.outbox import OutboxState, WaitReason
from etims_desktop.domain.sale import ReceiptType
from etims_desktop.storage.database import make_engine
from etims_desktop.storage.mapping import device_row
from etims_desktop.storage.migrate import migrate
from etims_desktop.storage.models import OutboxRow, SaleRow
from etims_desktop.storage.plain_sql import driver_connection, plain_table

from .conftest import make_device

SALES, OUTBOX = SaleRow.__table__, OutboxRow.__table__
EAT = timezone(timedelta(hours=3))


def sale_values(sale_id: int, device_id: int) -> dict:
    return {
        "id": sale_id,
        "device_id": device_id,
        "trader_invoice_no": f"INV-{sale_id}",
        "receipt_type": ReceiptType.SALE,
        "sold_at": datetime(2026, 3, 2, 12, 30, 15, 123456, tzinfo=EAT),  # not UTC: stored as UTC
        "prices_include_vat": True,
        "buyer_pin": None,
        "buyer_name": "Wanjiku",
        "payment_type": "01",
        "original_sale_id": None,
        "refund_reason_code": None,
        "remark": "ünïcode ✓",
        "extra": {"note": "x", "n": [1, 2]},
        "total": Decimal("1160.10"),
        "total_tax": Decimal("160.01"),
        "created_at": datetime(2026, 3, 2, 9, 0, tzinfo=UTC),  # no microseconds: still six digits
    }


def test_plain_and_core_write_and_read_the_same_values(tmp_path):
    engine = make_engine(tmp_path / "db.sqlite3")
    migrate(engine, None)
    try:
        with Session(engine) as session, session.begin():
            device = device_row(make_device(), datetime.now(UTC))
            session.add(device)
            session.flush()
            device_id = device.id
        with engine.begin() as connection:
            sql = driver_connection(connection)
            sales = plain_table(SALES, connection.dialect)
            plain_written, core_written = sale_values(1, device_id), sale_values(2, device_id)
            sales.insert(sql, plain_written)
            connection.execute(insert(SALES), core_written)

            cursor = sql.execute("SELECT * FROM sales ORDER BY id")
            names = [column[0] for column in cursor.description]
            plain_raw, core_raw = (
                {**dict(zip(names, row, strict=True)), "id": 0, "trader_invoice_no": ""} for row in cursor
            )
            assert plain_raw == core_raw  # byte for byte what SQLAlchemy stores (but the id and number)
            by_core = {row.id: row for row in connection.execute(select(SALES))}
            by_plain = {row.id: row for row in sales.select_in(sql, "id", [1, 2])}
            for sale_id in (1, 2):
                for column in SALES.columns:
                    assert getattr(by_plain[sale_id], column.name) == getattr(by_core[sale_id], column.name)
            assert by_plain[1].total == Decimal("1160.10") and str(by_plain[1].total) == "1160.10"
            assert by_plain[1].sold_at == plain_written["sold_at"] and by_plain[1].sold_at.tzinfo is UTC

            outbox = plain_table(OUTBOX, connection.dialect)
            now = datetime(2026, 3, 2, 9, 5, tzinfo=UTC)
            outbox.insert(sql, {"sale_id": 1, "device_id": device_id, "state": OutboxState.QUEUED,
                                "queue_seq": 1, "attempts": 0, "created_at": now, "state_changed_at": now})  # fmt: skip
            changed = outbox.update(sql, "sale_id", 1, {"state": OutboxState.WAITING,
                                    "wait_reason": WaitReason.NO_INTERNET, "receipt_complete": False,
                                    "next_attempt_at": now + timedelta(minutes=1)})  # fmt: skip
            assert changed == 1
            row = connection.execute(select(OUTBOX).where(OUTBOX.c.sale_id == 1)).one()
            assert row.state is OutboxState.WAITING and row.wait_reason is WaitReason.NO_INTERNET
            assert row.receipt_complete is False and row.next_attempt_at == now + timedelta(minutes=1)
            narrow = plain_table(OUTBOX, connection.dialect, ("sale_id", "state"))
            assert narrow.first(sql, "sale_id = ?", (1,)) == narrow.record(1, OutboxState.WAITING)
    finally:
        engine.dispose()


def test_plain_conversions_refuse_what_sqlalchemy_refuses(tmp_path):
    """A naive datetime, a float amount, a value that is no member of the enum: refused before any SQL."""
    import pytest

    engine = make_engine(tmp_path / "db.sqlite3")
    try:
        with engine.connect() as connection:
            sales = plain_table(SALES, connection.dialect)
            assert (
                sales.to_db("sold_at", datetime(2026, 3, 2, 12, 0, tzinfo=EAT))
                == "2026-03-02 09:00:00.000000"
            )
            assert sales.to_db("receipt_type", "S") == sales.to_db("receipt_type", ReceiptType.SALE) == "S"
            assert sales.to_db("buyer_pin", None) is None and sales.to_db("total", None) is None
            with pytest.raises(ValueError, match="time zone"):
                sales.to_db("sold_at", datetime(2026, 3, 2, 12, 0))
            with pytest.raises(TypeError, match="never float"):
                sales.to_db("total", 1.1)
            with pytest.raises(KeyError):
                sales.to_db("receipt_type", "no such type")
    finally:
        engine.dispose()
