"""A saveTrnsSalesOsdc document as KRA checks it on its own: fields, codes and arithmetic.

Rules that need KRA's records (duplicates, sequence, registered items, credit notes) live in service.py.

Arithmetic (kra-etims-api.md 6.2): a document may use the net convention (taxAmt = taxblAmt x rate/100,
totAmt = taxblAmt + taxAmt) or the VAT-inclusive one (taxAmt = taxblAmt x rate/(100+rate), totAmt =
taxblAmt), but every line and the header must agree on one. Strictness "off" skips arithmetic,
"lenient" checks lines, buckets and totals, "strict" also checks prc x qty, discounts, header rates,
line numbering, audit fields and the refund reason of credit notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from etims_desktop.kra.simulator.fields import Fields
from etims_desktop.kra.simulator.seed import TAX_TYPES, SeedData
from etims_desktop.kra.simulator.wire import Rejection

STRICTNESS_LEVELS = ("off", "lenient", "strict")
HUNDRED = Decimal(100)
HALF_CENT = Decimal("0.005")


@dataclass(frozen=True)
class SaleLine:
    path: str  # itemList[n], for messages
    seq: int
    item_code: str
    qty: Decimal
    price: Decimal
    supply: Decimal
    discount_rate: Decimal
    discount: Decimal
    tax_type: str
    taxable: Decimal
    tax: Decimal
    total: Decimal
    pkg: Decimal = Decimal(1)  # package count (the gateway refuses less than 1)


@dataclass(frozen=True)
class SaleDocument:
    invc_no: int
    org_invc_no: int
    receipt_type: str  # S sale, R credit note
    buyer_pin: str | None
    sales_date: str  # yyyyMMdd
    lines: tuple[SaleLine, ...]
    taxable_by_type: dict[str, Decimal]
    rate_by_type: dict[str, Decimal]
    tax_by_type: dict[str, Decimal]
    total_taxable: Decimal
    total_tax: Decimal
    total: Decimal


def read_sale(body: object, seed: SeedData, *, strictness: str, check_item_classes: bool) -> SaleDocument:
    """Check fields, types and code values (910/913); return the typed document."""
    head = Fields(body)
    strict = strictness == "strict"
    invc_no = head.integer("invcNo", minimum=1)
    receipt_type = head.code("rcptTyCd", "37", seed)
    org_invc_no = head.integer("orgInvcNo", minimum=0)
    if receipt_type == "R" and org_invc_no == 0:
        raise Rejection("910", "orgInvcNo must name the original invoice of a credit note")
    head.text("trdInvcNo", max_len=50)
    buyer_pin = head.text("custTin", required=False, max_len=11)
    head.text("custNm", required=False, max_len=60)
    head.code("salesTyCd", "14", seed, required=False)
    head.code("pmtTyCd", "07", seed, required=False)
    head.code("salesSttsCd", "11", seed)
    head.timestamp("cfmDt")
    sales_date = head.date("salesDt")
    for optional in ("stockRlsDt", "cnclReqDt", "cnclDt", "rfdDt"):
        head.timestamp(optional, required=False)
    head.code("rfdRsnCd", "32", seed, required=strict and receipt_type == "R")
    head.flag("prchrAcptcYn")
    head.text("remark", required=False, max_len=400)
    head.audit(strict=strict)

    receipt = head.child("receipt")
    receipt.timestamp("rcptPbctDt")
    receipt.flag("prchrAcptcYn")
    receipt.text("custTin", required=False, max_len=11)

    lines = tuple(_read_line(f, seed, check_item_classes) for f in head.children("itemList"))
    count = head.integer("totItemCnt", minimum=1)
    if count != len(lines):
        raise Rejection("910", f"totItemCnt is {count} but itemList has {len(lines)} lines")
    if strict and [line.seq for line in lines] != list(range(1, len(lines) + 1)):
        raise Rejection("910", "itemList itemSeq must number the lines 1, 2, 3, ...")

    return SaleDocument(
        invc_no=invc_no,
        org_invc_no=org_invc_no,
        receipt_type=receipt_type,
        buyer_pin=buyer_pin,
        sales_date=sales_date,
        lines=lines,
        taxable_by_type={t: head.number(f"taxblAmt{t}") for t in TAX_TYPES},
        rate_by_type={t: head.number(f"taxRt{t}") for t in TAX_TYPES},
        tax_by_type={t: head.number(f"taxAmt{t}") for t in TAX_TYPES},
        total_taxable=head.number("totTaxblAmt"),
        total_tax=head.number("totTaxAmt"),
        total=head.number("totAmt"),
    )


def _read_line(line: Fields, seed: SeedData, check_item_classes: bool) -> SaleLine:
    seq = line.integer("itemSeq", minimum=1)
    item_code = line.text("itemCd", max_len=20)
    line.item_class("itemClsCd", seed, check=check_item_classes)
    line.text("itemNm", max_len=200)
    line.text("bcd", required=False, max_len=20)
    line.code("pkgUnitCd", "17", seed)
    pkg = line.number("pkg")
    line.code("qtyUnitCd", "10", seed)
    qty = line.number("qty")
    if qty <= 0:
        raise Rejection("910", f"{line.name('qty')} must be positive (credit notes too)")
    tax_type = line.code("taxTyCd", "04", seed)
    return SaleLine(
        path=".".join(line.path),
        seq=seq,
        item_code=item_code,
        qty=qty,
        price=line.number("prc"),
        supply=line.number("splyAmt"),
        discount_rate=line.number("dcRt"),
        discount=line.number("dcAmt"),
        tax_type=tax_type,
        taxable=line.number("taxblAmt"),
        tax=line.number("taxAmt"),
        total=line.number("totAmt"),
        pkg=pkg,
    )


def check_amounts(doc: SaleDocument, rates: dict[str, Decimal], tolerance: Decimal, strictness: str) -> None:
    """Lines, per-type buckets and totals must agree within `tolerance` (910 naming the first field that doesn't)."""
    if strictness == "off":
        return

    def near(actual: Decimal, expected: Decimal) -> bool:
        return abs(actual - expected) <= tolerance

    # Which convention(s) do the lines satisfy? Collect each one's disagreements.
    misfits: dict[str, list[tuple[str, Decimal]]] = {"net": [], "VAT-inclusive": []}
    for line in doc.lines:
        rate = rates[line.tax_type]
        net_tax = line.taxable * rate / HUNDRED
        inclusive_tax = line.taxable * rate / (HUNDRED + rate)
        if not near(line.tax, net_tax):
            misfits["net"].append((f"{line.path}.taxAmt", net_tax))
        if not near(line.total, line.taxable + line.tax):
            misfits["net"].append((f"{line.path}.totAmt", line.taxable + line.tax))
        if not near(line.tax, inclusive_tax):
            misfits["VAT-inclusive"].append((f"{line.path}.taxAmt", inclusive_tax))
        if not near(line.total, line.taxable):
            misfits["VAT-inclusive"].append((f"{line.path}.totAmt", line.taxable))
    if all(misfits.values()):
        convention, found = min(misfits.items(), key=lambda kv: len(kv[1]))
        raise _does_not_add_up(*found[0], convention)

    taxable_sums = dict.fromkeys(TAX_TYPES, Decimal(0))
    tax_sums = dict.fromkeys(TAX_TYPES, Decimal(0))
    for line in doc.lines:
        taxable_sums[line.tax_type] += line.taxable
        tax_sums[line.tax_type] += line.tax
    for tax_type in TAX_TYPES:
        if not near(doc.taxable_by_type[tax_type], taxable_sums[tax_type]):
            raise Rejection(
                "910", f"taxblAmt{tax_type} is not the sum of its lines ({_money(taxable_sums[tax_type])})"
            )
        if not near(doc.tax_by_type[tax_type], tax_sums[tax_type]):
            raise Rejection(
                "910", f"taxAmt{tax_type} is not the sum of its lines ({_money(tax_sums[tax_type])})"
            )
    bucket_taxable = sum(doc.taxable_by_type.values(), Decimal(0))
    bucket_tax = sum(doc.tax_by_type.values(), Decimal(0))
    if not near(doc.total_taxable, bucket_taxable):
        raise Rejection("910", f"totTaxblAmt is not the sum of taxblAmtA..E ({_money(bucket_taxable)})")
    # totTaxAmt may exceed the A-E buckets (excise duty is tax too, and KRA accepts it), never fall short.
    if doc.total_tax < bucket_tax and not near(doc.total_tax, bucket_tax):
        raise Rejection("910", f"totTaxAmt is less than the sum of taxAmtA..E ({_money(bucket_tax)})")

    # The header total follows the lines' convention.
    expected_totals = {"net": doc.total_taxable + doc.total_tax, "VAT-inclusive": doc.total_taxable}
    fitting = [c for c, found in misfits.items() if not found]
    if not any(near(doc.total, expected_totals[c]) for c in fitting):
        raise _does_not_add_up("totAmt", expected_totals[fitting[0]], fitting[0])

    if strictness == "strict":
        _check_strict(doc, rates, tolerance)


def _check_strict(doc: SaleDocument, rates: dict[str, Decimal], tolerance: Decimal) -> None:
    for line in doc.lines:
        # prc is itself rounded to the cent, so prc x qty can only match splyAmt to qty x half a cent.
        if abs(line.supply - line.price * line.qty) > tolerance + line.qty * HALF_CENT:
            raise Rejection("910", f"{line.path}.splyAmt must be prc x qty ({_money(line.price * line.qty)})")
        expected_discount = line.supply * line.discount_rate / HUNDRED
        if abs(line.discount - expected_discount) > 2 * tolerance:  # two rounded amounts meet here
            raise Rejection(
                "910", f"{line.path}.dcAmt must be splyAmt x dcRt / 100 ({_money(expected_discount)})"
            )
        if abs(line.taxable - (line.supply - line.discount)) > tolerance:
            raise Rejection("910", f"{line.path}.taxblAmt must be splyAmt - dcAmt")
    for tax_type in TAX_TYPES:
        if doc.taxable_by_type[tax_type] and doc.rate_by_type[tax_type] != rates[tax_type]:
            raise Rejection("910", f"taxRt{tax_type} must be {rates[tax_type]} (code class 04)")


def _does_not_add_up(field: str, expected: Decimal, convention: str) -> Rejection:
    return Rejection(
        "910", f"{field} does not add up (expected {_money(expected)} under the {convention} convention)"
    )


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))
