"""Turn a recorded sale (domain) into KRA's saveTrnsSalesOsdc request (kra models), and items into saveItem."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from etims_desktop.domain.device import Device
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import Sale, TaxType
from etims_desktop.domain.tax import SaleAmounts
from etims_desktop.kra.models import ItemSaveRequest, SaleRequest

AUDIT = {
    "regrId": "etims-desktop",
    "regrNm": "etims-desktop",
    "modrId": "etims-desktop",
    "modrNm": "etims-desktop",
}


def sale_request(
    device: Device,
    sale: Sale,
    amounts: SaleAmounts,
    invc_no: int,
    original_invc_no: int | None,
    confirmed_at: datetime,
) -> SaleRequest:
    """The wire document. Header buckets and totals come from SaleAmounts (sums of rounded lines).
    Dates go in as datetimes: the model formats them once (a formatted text would be parsed again)."""
    cfm = confirmed_at
    header: dict[str, Any] = {
        "invcNo": invc_no,
        "orgInvcNo": original_invc_no or 0,
        "trdInvcNo": sale.trader_invoice_no,
        "custTin": sale.buyer_pin or None,
        "custNm": sale.buyer_name or None,
        "salesTyCd": "N",
        "rcptTyCd": sale.receipt_type.value,
        "pmtTyCd": sale.payment_type,
        "salesSttsCd": "02",
        "cfmDt": cfm,
        "salesDt": sale.sold_at,
        "stockRlsDt": None,
        "cnclReqDt": None,
        "cnclDt": None,
        "rfdDt": cfm if sale.is_credit_note else None,
        "rfdRsnCd": sale.refund_reason_code if sale.is_credit_note else None,
        "totItemCnt": len(amounts.lines),
        "totTaxblAmt": amounts.total_taxable,
        "totTaxAmt": amounts.total_tax,
        "totAmt": amounts.total,
        "prchrAcptcYn": "N",
        "remark": sale.remark,
        **AUDIT,
        "receipt": {
            "custTin": sale.buyer_pin or None,
            "custMblNo": None,
            "rptNo": None,
            "rcptPbctDt": cfm,
            "trdeNm": None,
            "adrs": None,
            "topMsg": None,
            "btmMsg": None,
            "prchrAcptcYn": "N",
        },
        "itemList": [
            {
                "itemSeq": line.seq,
                "itemCd": line.line.item_code,
                "itemClsCd": line.line.item_class_code,
                "itemNm": line.line.name,
                "bcd": line.line.barcode,
                "pkgUnitCd": line.line.pkg_unit_code,
                "pkg": _package_count(device, line.qty),
                "qtyUnitCd": line.line.qty_unit_code,
                "qty": line.qty,
                "prc": line.unit_price,
                "splyAmt": line.supply_amount,
                "dcRt": line.discount_rate,
                "dcAmt": line.discount_amount,
                "isrccCd": None,
                "isrccNm": None,
                "isrcRt": None,
                "isrcAmt": None,
                "taxTyCd": line.line.tax_type.value,
                "taxblAmt": line.taxable_amount,
                "taxAmt": line.tax_amount,
                "totAmt": line.total_amount,
            }
            for line in amounts.lines
        ],
    }
    for tax_type in TaxType:
        header[f"taxblAmt{tax_type.value}"] = amounts.taxable_by_type[tax_type]
        header[f"taxRt{tax_type.value}"] = amounts.rate_by_type[tax_type]
        header[f"taxAmt{tax_type.value}"] = amounts.tax_by_type[tax_type]
    return SaleRequest.model_validate(header)


def _package_count(device: Device, qty: Decimal) -> Decimal:
    """pkg: the quantity, as ever; KRA's API gateway refuses less than 1 (e.g. 0.5 kg sold loose)."""
    if device.via_gateway and qty < 1:
        return Decimal(1)
    return qty


def item_request(item: Item) -> ItemSaveRequest:
    return ItemSaveRequest.model_validate(
        {
            "itemCd": item.code,
            "itemClsCd": item.item_class_code,
            "itemTyCd": item.item_type,
            "itemNm": item.name,
            "itemStdNm": None,
            "orgnNatCd": item.origin_country,
            "pkgUnitCd": item.pkg_unit_code,
            "qtyUnitCd": item.qty_unit_code,
            "taxTyCd": item.tax_type.value,
            "btchNo": None,
            "bcd": item.barcode,
            "dftPrc": item.price.quantize(Decimal("0.01")),
            "isrcAplcbYn": "N",
            "useYn": "Y" if item.active else "N",
            **AUDIT,
        }
    )
