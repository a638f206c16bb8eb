"""Fixtures for the store tests: a real SQLite file in tmp_path, a controllable clock, sample data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from etims_desktop.domain.device import Device, DeviceType
from etims_desktop.domain.sale import ReceiptType, Sale, SaleLine, TaxType
from etims_desktop.storage.store import Store


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "etims.sqlite3"


@pytest.fixture
def store(db_path, clock):
    store = Store.open(db_path, backup_dir=db_path.parent / "backups", clock=clock)
    yield store
    store.close()


def make_device(serial: str = "SN-1", type: DeviceType = DeviceType.OSCU, name: str = "Till 1") -> Device:
    return Device(None, name, type, "P051234567X", "00", serial)


def make_sale(
    number: str,
    *,
    qty: str = "1",
    price: str = "116.00",
    item_code: str = "KE2NTU0000001",
    original_sale_id: int | None = None,
    sold_at: datetime | None = None,
) -> Sale:
    line = SaleLine(
        item_code=item_code,
        item_class_code="99010000",
        name="Sugar 1kg",
        qty=Decimal(qty),
        unit_price=Decimal(price),
        tax_type=TaxType.B,
    )
    credit = original_sale_id is not None
    return Sale(
        trader_invoice_no=number,
        lines=(line,),
        sold_at=sold_at or datetime(2026, 3, 2, 12, 30, tzinfo=UTC),
        receipt_type=ReceiptType.CREDIT_NOTE if credit else ReceiptType.SALE,
        original_sale_id=original_sale_id,
        refund_reason_code="06" if credit else None,
    )


async def enqueue(store: Store, device_id: int, number: str, **kwargs) -> int:
    sale_id, created = await store.enqueue_sale(
        device_id, make_sale(number, **kwargs), Decimal("116.00"), Decimal("16.00")
    )
    assert created
    return sale_id
