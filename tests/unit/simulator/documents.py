"""Valid eTIMS request documents for simulator tests, built with the arithmetic KRA expects."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

PIN = "P051234567X"
BRANCH = "00"
SERIAL = "SIM-TEST-1"
CENT = Decimal("0.01")
RATES = {"A": Decimal(0), "B": Decimal(16), "C": Decimal(0), "D": Decimal(0), "E": Decimal(8)}
AUDIT = {"regrId": "tester", "regrNm": "Tester", "modrId": "tester", "modrNm": "Tester"}


def money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


def dumps(body: object) -> bytes:
    """JSON with Decimals as numbers (as a real client must send them)."""
    return json.dumps(body, default=lambda d: float(d) if isinstance(d, Decimal) else str(d)).encode()


def item_doc(code: str = "KE2NTU0000001", **overrides: object) -> dict:
    doc = {
        "itemCd": code,
        "itemClsCd": "5020230500",
        "itemTyCd": "2",
        "itemNm": f"Item {code}",
        "itemStdNm": None,
        "orgnNatCd": "KE",
        "pkgUnitCd": "NT",
        "qtyUnitCd": "U",
        "taxTyCd": "B",
        "btchNo": None,
        "bcd": None,
        "dftPrc": Decimal("100.00"),
        "isrcAplcbYn": "N",
        "useYn": "Y",
        **AUDIT,
    }
    doc.update(overrides)
    return doc


def line(
    item_code: str = "KE2NTU0000001",
    qty: str | int = 1,
    price: str | int = 100,
    tax: str = "B",
    *,
    convention: str = "net",
    discount_rate: str | int = 0,
) -> dict:
    """One itemList line; `convention` is "net" or "inclusive" (kra-etims-api.md 6.2)."""
    qty, price, rate = Decimal(qty), Decimal(price), RATES[tax]
    supply = money(price * qty)
    discount = money(supply * Decimal(discount_rate) / 100)
    taxable = supply - discount
    if convention == "net":
        tax_amount = money(taxable * rate / 100)
        total = taxable + tax_amount
    else:
        tax_amount = money(taxable * rate / (100 + rate))
        total = taxable
    return {
        "itemCd": item_code,
        "itemClsCd": "5020230500",
        "itemNm": f"Item {item_code}",
        "bcd": None,
        "pkgUnitCd": "NT",
        "pkg": qty,
        "qtyUnitCd": "U",
        "qty": qty,
        "prc": price,
        "splyAmt": supply,
        "dcRt": Decimal(discount_rate),
        "dcAmt": discount,
        "isrccCd": None,
        "isrccNm": None,
        "isrcRt": None,
        "isrcAmt": None,
        "taxTyCd": tax,
        "taxblAmt": taxable,
        "taxAmt": tax_amount,
        "totAmt": total,
    }


def sale_doc(
    invc_no: int,
    lines: list[dict] | None = None,
    *,
    receipt_type: str = "S",
    original: int = 0,
    buyer_pin: str | None = None,
    sales_date: str = "20240415",
    **overrides: object,
) -> dict:
    """A complete saveTrnsSalesOsdc body whose buckets and totals are the sums of its lines."""
    lines = lines or [line()]
    for seq, item in enumerate(lines, 1):
        item["itemSeq"] = seq
    doc = {
        "invcNo": invc_no,
        "orgInvcNo": original,
        "trdInvcNo": f"INV/{invc_no:05d}",
        "custTin": buyer_pin,
        "custNm": "Buyer" if buyer_pin else None,
        "salesTyCd": "N",
        "rcptTyCd": receipt_type,
        "pmtTyCd": "01",
        "salesSttsCd": "02",
        "cfmDt": f"{sales_date}120000",
        "salesDt": sales_date,
        "stockRlsDt": None,
        "cnclReqDt": None,
        "cnclDt": None,
        "rfdDt": f"{sales_date}120000" if receipt_type == "R" else None,
        "rfdRsnCd": "06" if receipt_type == "R" else None,
        "totItemCnt": len(lines),
        "prchrAcptcYn": "N",
        "remark": None,
        **AUDIT,
        "receipt": {"custTin": buyer_pin, "rcptPbctDt": f"{sales_date}120000", "prchrAcptcYn": "N"},
        "itemList": lines,
    }
    for tax in RATES:
        of_type = [x for x in lines if x["taxTyCd"] == tax]
        doc[f"taxblAmt{tax}"] = sum((x["taxblAmt"] for x in of_type), Decimal(0))
        doc[f"taxRt{tax}"] = RATES[tax]
        doc[f"taxAmt{tax}"] = sum((x["taxAmt"] for x in of_type), Decimal(0))
    doc["totTaxblAmt"] = sum(doc[f"taxblAmt{t}"] for t in RATES)
    doc["totTaxAmt"] = sum(doc[f"taxAmt{t}"] for t in RATES)
    doc["totAmt"] = sum(x["totAmt"] for x in lines)
    doc.update(overrides)
    return doc
