"""Rows to domain values and back. Everything that leaves storage/ passes through here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from etims_desktop.domain.device import Device
from etims_desktop.domain.item import Item
from etims_desktop.domain.outbox import OutboxEntry, SignedReceipt
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.domain.status import DeviceStatus
from etims_desktop.storage.models import DeviceRow, ItemRow, SaleLineRow, SaleRow
from etims_desktop.storage.records import ItemDraft


def device_from_row(row: DeviceRow) -> Device:
    return Device(
        id=row.id,
        name=row.name,
        type=row.type,
        pin=row.pin,
        branch_id=row.branch_id,
        serial=row.serial,
        environment=row.environment,
        base_url=row.base_url,
        endpoint_style=row.endpoint_style,
        scu_id=row.scu_id,
        mrc_no=row.mrc_no,
        practice=row.practice,
        retired_at=row.retired_at,
    )


def device_row(device: Device, now: datetime) -> DeviceRow:
    return DeviceRow(
        name=device.name.strip(),
        type=device.type,
        pin=device.pin,
        branch_id=device.branch_id,
        serial=device.serial,
        environment=device.environment,
        base_url=device.base_url,
        endpoint_style=device.endpoint_style,
        scu_id=device.scu_id,
        mrc_no=device.mrc_no,
        practice=device.practice,
        last_invc_no=0,
        created_at=now,
    )


def status_from_row(row: DeviceRow) -> DeviceStatus:
    return DeviceStatus(
        kind=row.status_kind,
        checked_at=row.status_checked_at,
        rtt_ms=row.status_rtt_ms,
        code=row.status_code,
        plain=row.status_plain,
        next_step=row.status_next_step,
    )


def write_status(row: DeviceRow, status: DeviceStatus) -> None:
    row.status_kind = status.kind
    row.status_checked_at = status.checked_at
    row.status_rtt_ms = status.rtt_ms
    row.status_code = status.code
    row.status_plain = status.plain
    row.status_next_step = status.next_step


# The rates a sale was priced with when queued (Sale.priced_with) ride in the sales row's JSON `extra`
# under this key, {"A": "0", "B": "16", ...}: the schema needs no new column for them.
PRICED_WITH = "_priced_with"


def _extra_values(sale: Sale) -> dict[str, Any]:
    values: dict[str, Any] = dict(sale.extra)
    if sale.priced_with is not None:
        values[PRICED_WITH] = {tax_type.value: str(rate) for tax_type, rate in sale.priced_with.items()}
    return values


def _priced_with(extra: Mapping[str, Any] | None) -> Mapping[TaxType, Decimal] | None:
    kept = (extra or {}).get(PRICED_WITH)
    if not isinstance(kept, dict):
        return None
    return {TaxType(code): Decimal(rate) for code, rate in kept.items()}


def sale_values(sale: Sale, total: Decimal, total_tax: Decimal) -> dict[str, Any]:
    """The sales row of a sale (without id, device and created_at)."""
    return {
        "trader_invoice_no": sale.trader_invoice_no,
        "receipt_type": sale.receipt_type,
        "sold_at": sale.sold_at,
        "prices_include_vat": sale.prices_include_vat,
        "buyer_pin": sale.buyer_pin,
        "buyer_name": sale.buyer_name,
        "payment_type": sale.payment_type,
        "original_sale_id": sale.original_sale_id,
        "refund_reason_code": sale.refund_reason_code,
        "remark": sale.remark,
        "extra": _extra_values(sale),
        "total": total,
        "total_tax": total_tax,
    }


def line_values(sale_id: int, sale: Sale) -> list[dict[str, Any]]:
    """The sale_lines rows of a sale, numbered from 1."""
    return [
        {
            "sale_id": sale_id,
            "line_no": number,
            "item_code": line.item_code,
            "item_class_code": line.item_class_code,
            "name": line.name,
            "qty": line.qty,
            "unit_price": line.unit_price,
            "tax_type": line.tax_type,
            "pkg_unit_code": line.pkg_unit_code,
            "qty_unit_code": line.qty_unit_code,
            "discount_rate": line.discount_rate,
            "barcode": line.barcode,
        }
        for number, line in enumerate(sale.lines, start=1)
    ]


def sale_from_row(row: SaleRow, lines: Iterable[SaleLineRow]) -> Sale:
    """A sale from its row and its line rows (ORM objects or Core rows alike)."""
    return Sale(
        trader_invoice_no=row.trader_invoice_no,
        lines=tuple(
            SaleLine(
                item_code=line.item_code,
                item_class_code=line.item_class_code,
                name=line.name,
                qty=line.qty,
                unit_price=line.unit_price,
                tax_type=line.tax_type,
                pkg_unit_code=line.pkg_unit_code,
                qty_unit_code=line.qty_unit_code,
                discount_rate=line.discount_rate,
                barcode=line.barcode,
            )
            for line in lines
        ),
        sold_at=row.sold_at,
        prices_include_vat=row.prices_include_vat,
        receipt_type=row.receipt_type,
        buyer_pin=row.buyer_pin,
        buyer_name=row.buyer_name,
        payment_type=row.payment_type,
        original_sale_id=row.original_sale_id,
        refund_reason_code=row.refund_reason_code,
        remark=row.remark,
        extra={k: v for k, v in (row.extra or {}).items() if k != PRICED_WITH},
        priced_with=_priced_with(row.extra),
    )


def receipt_values(receipt: SignedReceipt) -> dict[str, Any]:
    """The outbox columns that hold a signed sale's receipt."""
    return {
        "receipt_no": receipt.receipt_no,
        "total_receipt_no": receipt.total_receipt_no,
        "internal_data": receipt.internal_data,
        "signature": receipt.signature,
        "signed_at": receipt.signed_at,
        "receipt_scu_id": receipt.scu_id,
        "receipt_mrc_no": receipt.mrc_no,
        "receipt_complete": receipt.complete,
    }


def receipt_from_row(row: Any) -> SignedReceipt | None:
    """The receipt held by an outbox row (a Core row), if the sale is signed."""
    if row.receipt_complete is None or row.invc_no is None:
        return None
    return SignedReceipt(
        invc_no=row.invc_no,
        receipt_no=row.receipt_no,
        total_receipt_no=row.total_receipt_no,
        internal_data=row.internal_data,
        signature=row.signature,
        signed_at=row.signed_at,
        scu_id=row.receipt_scu_id,
        mrc_no=row.receipt_mrc_no,
        complete=row.receipt_complete,
    )


def entry_from_row(
    row: Any, sale: Sale, original_invc_no: int | None = None, total: Decimal | None = None
) -> OutboxEntry:
    """An outbox row (a Core row) with its sale (and its total as stored when queued), as the entry the
    sync engine works on."""
    return OutboxEntry(
        id=row.sale_id,
        sale_id=row.sale_id,
        device_id=row.device_id,
        state=row.state,
        sale=sale,
        invc_no=row.invc_no,
        original_invc_no=original_invc_no,
        wait_reason=row.wait_reason,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error_code=row.last_error_code,
        last_error_message=row.last_error_message,
        receipt=receipt_from_row(row),
        created_at=row.created_at,
        total=total,
    )


def item_from_row(row: ItemRow) -> Item:
    return Item(
        code=row.code,
        name=row.name,
        item_class_code=row.item_class_code,
        tax_type=row.tax_type,
        price=row.price,
        item_type=row.item_type,
        origin_country=row.origin_country,
        pkg_unit_code=row.pkg_unit_code,
        qty_unit_code=row.qty_unit_code,
        barcode=row.barcode,
        active=row.active,
    )


ITEM_FIELDS = (
    "name",
    "item_class_code",
    "tax_type",
    "price",
    "item_type",
    "origin_country",
    "pkg_unit_code",
    "qty_unit_code",
    "barcode",
    "active",
)


def write_item(row: ItemRow, item: Item | ItemDraft) -> bool:
    """Copy an Item or ItemDraft onto its row. True when anything KRA knows about it changed."""
    changed = False
    for name in ITEM_FIELDS:
        value = getattr(item, name)
        if getattr(row, name, None) != value:
            setattr(row, name, value)
            changed = True
    return changed
