"""Typed eTIMS requests and replies (pydantic v2), with KRA's field names as aliases.

Python names are snake_case; the wire names are their camelCase (`cur_rcpt_no` <-> `curRcptNo`), so
models can be built either way. Requests are strict where KRA is (integer invcNo, 14-digit dates) and
forbid unknown keys, so a typo in a payload fails here and not at KRA. Amounts are Decimal in Python
and leave as JSON numbers rounded half-up to 2 decimals.

Replies are tolerant: unknown keys are ignored, numbers may come as strings, dates in any shape KRA
uses, and a value that cannot be read becomes None instead of failing the whole answer (a lost
initialisation reply would lose a CMC key that KRA issues only once).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import Annotated, Any, Generic, Literal, Self, TypeVar

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    SecretStr,
    model_validator,
)
from pydantic.alias_generators import to_camel

from etims_desktop.kra.dates import DATE_RE, DATETIME_RE, format_date, format_datetime, parse_datetime

CENT = Decimal("0.01")

# --- wire types for requests -------------------------------------------------------------------------


def _wire_amount(value: Decimal) -> float:
    # A JSON number, not a string. float() of a 2-dp Decimal below 10**13 prints back exactly.
    return float(value.quantize(CENT, rounding=ROUND_HALF_UP))


Amount = Annotated[
    Decimal,
    Field(allow_inf_nan=False),
    PlainSerializer(_wire_amount, return_type=float, when_used="json"),
]


def _wire_datetime(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return format_datetime(value)
    text = str(value).strip()
    if DATETIME_RE.match(text):
        parse_datetime(text)  # a real instant, not just 14 digits
        return text
    raise ValueError("expected a timezone-aware datetime or yyyyMMddHHmmss text")


def _wire_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return format_date(value)
    text = str(value).strip()
    if DATE_RE.match(text):
        parse_datetime(text)  # a real day: 15042024 (ddMMyyyy) fails here
        return text
    raise ValueError("expected a date, an aware datetime or yyyyMMdd text")


WireDateTime = Annotated[str, BeforeValidator(_wire_datetime)]
OptionalWireDateTime = Annotated[str | None, BeforeValidator(_wire_datetime)]
WireDate = Annotated[str, BeforeValidator(_wire_date)]
OptionalWireDate = Annotated[str | None, BeforeValidator(_wire_date)]
YesNo = Literal["Y", "N"]


class KraRequest(BaseModel):
    """Base of request bodies. `wire()` is the JSON-ready dict (KRA names, amounts as numbers)."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="forbid",
        coerce_numbers_to_str=True,
    )

    def wire_json(self, prefix: dict[str, str] | None = None) -> bytes:
        """The body that is sent, as JSON bytes serialised in one pass by pydantic-core: KRA's names,
        None fields left out (as Odoo does), amounts as 2-dp numbers. `prefix`: keys to put first
        unless the model has them itself (the VSCU service wants tin and bhfId in every body)."""
        body = self.model_dump_json(by_alias=True, exclude_none=True).encode()
        extra = {k: v for k, v in (prefix or {}).items() if k not in _wire_names(type(self))}
        if not extra:
            return body
        head = json.dumps(extra, ensure_ascii=False, separators=(",", ":")).encode()
        return head if body == b"{}" else head[:-1] + b"," + body[1:]

    def wire(self) -> dict[str, Any]:
        """The body that is sent (`wire_json`), read back: for looking at it, e.g. in tests."""
        wire: dict[str, Any] = json.loads(self.wire_json())
        return wire


class KeptBody(KraRequest):
    """A request whose body was built and stored before it was sent (the document queue keeps every
    document's body as sent): it goes, and goes again, exactly as stored."""

    _body: dict[str, Any] = PrivateAttr(default_factory=dict)

    @classmethod
    def of(cls, body: dict[str, Any]) -> KeptBody:
        request = cls()
        request._body = body
        return request

    def wire_json(self, prefix: dict[str, str] | None = None) -> bytes:
        extra = {k: v for k, v in (prefix or {}).items() if k not in self._body}
        return json.dumps({**extra, **self._body}, ensure_ascii=False, separators=(",", ":")).encode()


@cache
def _wire_names(model: type[KraRequest]) -> frozenset[str]:
    return frozenset(field.alias or name for name, field in model.model_fields.items())


class InitRequest(KraRequest):
    """selectInitOsdcInfo body (no auth headers)."""

    tin: str
    bhf_id: str
    dvc_srl_no: str


class LookupRequest(KraRequest):
    """Body of every select*List call: records changed after `last_req_dt`."""

    last_req_dt: WireDateTime


class CustomerRequest(KraRequest):
    """selectCustomer body (note KRA's spelling custmTin)."""

    custm_tin: str


class InvoiceDetailsRequest(KraRequest):
    """selectInvoiceDetails body."""

    invc_no: int


class ItemSaveRequest(KraRequest):
    """saveItem: register or update an item (kra-etims-api.md 5.8)."""

    item_cd: str
    item_cls_cd: str
    item_ty_cd: str
    item_nm: str
    item_std_nm: str | None = None
    orgn_nat_cd: str
    pkg_unit_cd: str
    qty_unit_cd: str
    tax_ty_cd: str
    btch_no: str | None = None
    bcd: str | None = None
    dft_prc: Amount
    grp_prc_l1: Amount | None = None
    grp_prc_l2: Amount | None = None
    grp_prc_l3: Amount | None = None
    grp_prc_l4: Amount | None = None
    grp_prc_l5: Amount | None = None
    add_info: str | None = None
    sfty_qty: Amount | None = None
    isrc_aplcb_yn: YesNo = "N"
    use_yn: YesNo = "Y"
    regr_id: str
    regr_nm: str
    modr_id: str
    modr_nm: str


class SaleItem(KraRequest):
    """One line of a sale (itemList[])."""

    item_seq: int
    item_cd: str
    item_cls_cd: str
    item_nm: str
    bcd: str | None = None
    pkg_unit_cd: str
    pkg: Amount
    qty_unit_cd: str
    qty: Amount
    prc: Amount
    sply_amt: Amount
    dc_rt: Amount = Decimal("0")
    dc_amt: Amount = Decimal("0")
    isrcc_cd: str | None = None
    isrcc_nm: str | None = None
    isrc_rt: Amount | None = None
    isrc_amt: Amount | None = None
    tax_ty_cd: str
    taxbl_amt: Amount
    tax_amt: Amount
    tot_amt: Amount


class SaleReceipt(KraRequest):
    """The sale's `receipt` object."""

    cust_tin: str | None = None
    cust_mbl_no: str | None = None
    rpt_no: int | None = None
    rcpt_pbct_dt: WireDateTime
    trde_nm: str | None = None
    adrs: str | None = None
    top_msg: str | None = None
    btm_msg: str | None = None
    prchr_acptc_yn: YesNo = "N"


class SaleRequest(KraRequest):
    """saveTrnsSalesOsdc (VSCU: /trnsSales/saveSales): a sale or credit note (kra-etims-api.md 5.11)."""

    invc_no: int
    org_invc_no: int = 0
    trd_invc_no: str
    cust_tin: str | None = None
    cust_nm: str | None = None
    sales_ty_cd: str | None = None
    rcpt_ty_cd: str
    pmt_ty_cd: str | None = None
    sales_stts_cd: str = "02"
    cfm_dt: WireDateTime
    sales_dt: WireDate
    stock_rls_dt: OptionalWireDateTime = None
    cncl_req_dt: OptionalWireDateTime = None
    cncl_dt: OptionalWireDateTime = None
    rfd_dt: OptionalWireDateTime = None
    rfd_rsn_cd: str | None = None
    tot_item_cnt: int
    taxbl_amt_a: Amount
    taxbl_amt_b: Amount
    taxbl_amt_c: Amount
    taxbl_amt_d: Amount
    taxbl_amt_e: Amount
    tax_rt_a: Amount
    tax_rt_b: Amount
    tax_rt_c: Amount
    tax_rt_d: Amount
    tax_rt_e: Amount
    tax_amt_a: Amount
    tax_amt_b: Amount
    tax_amt_c: Amount
    tax_amt_d: Amount
    tax_amt_e: Amount
    tot_taxbl_amt: Amount
    tot_tax_amt: Amount
    tot_amt: Amount
    prchr_acptc_yn: YesNo = "N"
    remark: str | None = None
    regr_id: str
    regr_nm: str
    modr_id: str
    modr_nm: str
    receipt: SaleReceipt
    item_list: list[SaleItem]

    @model_validator(mode="after")
    def _count_matches_lines(self) -> SaleRequest:
        if self.tot_item_cnt != len(self.item_list):
            raise ValueError(
                f"totItemCnt is {self.tot_item_cnt} but itemList has {len(self.item_list)} lines"
            )
        return self


# --- tolerant types for replies ------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None or value is False:  # Odoo's recorded invoice details carry "itemCd": false
        return None
    return value if isinstance(value, str) else str(value)


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _integer(value: Any) -> int | None:
    number = _number(value)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else None
    text = _text(value)
    if not text:
        return None
    try:
        return parse_datetime(text)
    except ValueError:
        return None


def _records(value: Any) -> list[Any]:
    if isinstance(value, dict | BaseModel):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict | BaseModel)]


Text = Annotated[str | None, BeforeValidator(_text)]
Number = Annotated[Decimal | None, BeforeValidator(_number)]
Integer = Annotated[int | None, BeforeValidator(_integer)]
When = Annotated[datetime | None, BeforeValidator(_when)]
T = TypeVar("T")
Records = Annotated[list[T], BeforeValidator(_records)]


class KraReply(BaseModel):
    """Base of reply models: tolerant, immutable."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        extra="ignore",
        frozen=True,
    )

    # The HTTP exchange the reply came from, byte for byte (set by the client, never read from JSON).
    _request_body: bytes | None = PrivateAttr(default=None)
    _reply_body: bytes | None = PrivateAttr(default=None)

    @property
    def request_body(self) -> bytes | None:
        """The request body that was sent (only where it is the document signed: save_sale)."""
        return self._request_body

    @property
    def reply_body(self) -> bytes | None:
        """The answer as received: the whole JSON envelope."""
        return self._reply_body

    def kept(self, request_body: bytes | None, reply_body: bytes | None) -> Self:
        self._request_body = request_body
        self._reply_body = reply_body
        return self


class InitInfo(KraReply):
    """selectInitOsdcInfo reply `data.info`. The CMC key is a SecretStr: repr and JSON dumps mask it."""

    tin: Text = None
    taxpr_nm: Text = None
    bsns_actv: Text = None
    bhf_id: Text = None
    bhf_nm: Text = None
    bhf_open_dt: Text = None
    prvnc_nm: Text = None
    dstrt_nm: Text = None
    sctr_nm: Text = None
    loc_desc: Text = None
    hq_yn: Text = None
    mgr_nm: Text = None
    mgr_tel_no: Text = None
    mgr_email: Text = None
    dvc_id: Text = None
    sdc_id: Text = None
    mrc_no: Text = None
    cmc_key: Annotated[SecretStr | None, BeforeValidator(_text)] = None

    @property
    def cmc_key_value(self) -> str | None:
        """The key itself: hand it straight to the key store, never to a log."""
        return self.cmc_key.get_secret_value() if self.cmc_key else None


class Code(KraReply):
    """One code of a code class (dtlList[]). For class 04, `user_dfn_cd1` is the tax rate."""

    cd: Text = None
    cd_nm: Text = None
    cd_desc: Text = None
    use_yn: Text = None
    srt_ord: Integer = None
    user_dfn_cd1: Text = None
    user_dfn_cd2: Text = None
    user_dfn_cd3: Text = None


class CodeClass(KraReply):
    """selectCodeList reply clsList[]."""

    cd_cls: Text = None
    cd_cls_nm: Text = None
    cd_cls_desc: Text = None
    use_yn: Text = None
    user_dfn_nm1: Text = None
    user_dfn_nm2: Text = None
    user_dfn_nm3: Text = None
    dtl_list: Records[Code] = []


class ItemClass(KraReply):
    """selectItemClsList reply itemClsList[]."""

    item_cls_cd: Text = None
    item_cls_nm: Text = None
    item_cls_lvl: Integer = None
    tax_ty_cd: Text = None
    mjr_tg_yn: Text = None
    use_yn: Text = None


class Branch(KraReply):
    """selectBhfList reply bhfList[]."""

    tin: Text = None
    bhf_id: Text = None
    bhf_nm: Text = None
    bhf_stts_cd: Text = None
    prvnc_nm: Text = None
    dstrt_nm: Text = None
    sctr_nm: Text = None
    loc_desc: Text = None
    mgr_nm: Text = None
    mgr_tel_no: Text = None
    mgr_email: Text = None
    hq_yn: Text = None


class Notice(KraReply):
    """selectNoticeList reply noticeList[]."""

    notice_no: Integer = None
    title: Text = None
    cont: Text = None
    dtl_url: Text = None
    regr_nm: Text = None
    reg_dt: When = None


class Customer(KraReply):
    """selectCustomer reply custList[]: a registered taxpayer."""

    tin: Text = None
    taxpr_nm: Text = None
    taxpr_stts_cd: Text = None
    prvnc_nm: Text = None
    dstrt_nm: Text = None
    sctr_nm: Text = None
    loc_desc: Text = None

    @property
    def active(self) -> bool:
        return (self.taxpr_stts_cd or "").upper() == "A"


class RegisteredItem(KraReply):
    """selectItemList reply itemList[]: an item as KRA holds it."""

    tin: Text = None
    item_cd: Text = None
    item_cls_cd: Text = None
    item_ty_cd: Text = None
    item_nm: Text = None
    item_std_nm: Text = None
    orgn_nat_cd: Text = None
    pkg_unit_cd: Text = None
    qty_unit_cd: Text = None
    tax_ty_cd: Text = None
    btch_no: Text = None
    reg_bhf_id: Text = None
    bcd: Text = None
    dft_prc: Number = None
    grp_prc_l1: Number = None
    grp_prc_l2: Number = None
    grp_prc_l3: Number = None
    grp_prc_l4: Number = None
    grp_prc_l5: Number = None
    add_info: Text = None
    sfty_qty: Number = None
    isrc_aplcb_yn: Text = None
    rra_mod_yn: Text = None
    use_yn: Text = None


def _either(*names: str) -> Any:
    return Field(default=None, validation_alias=AliasChoices(*names))


class SaleReply(KraReply):
    """saveTrnsSalesOsdc reply `data`. Also reads the VSCU names (rcptNo, vsdcRcptPbctDate, sdcId, mrcNo)."""

    cur_rcpt_no: Integer = _either("curRcptNo", "rcptNo", "cur_rcpt_no")
    tot_rcpt_no: Integer = _either("totRcptNo", "tot_rcpt_no")
    intrl_data: Text = _either("intrlData", "intrl_data")
    rcpt_sign: Text = _either("rcptSign", "rcpt_sign")
    sdc_date_time: When = _either("sdcDateTime", "vsdcRcptPbctDate", "VSCURcptPbctDate", "sdc_date_time")
    sdc_id: Text = _either("sdcId", "sdc_id")
    mrc_no: Text = _either("mrcNo", "mrc_no")


class InvoiceReceipt(SaleReply):
    """The `receipt` object of selectInvoiceDetails: the sale's receipt fields plus KRA's signature."""

    cust_tin: Text = None
    cust_mbl_no: Text = None
    rpt_no: Integer = None
    rcpt_pbct_dt: When = None
    trde_nm: Text = None
    adrs: Text = None
    top_msg: Text = None
    btm_msg: Text = None
    prchr_acptc_yn: Text = None


class InvoiceLine(KraReply):
    """An echoed sale line of selectInvoiceDetails."""

    item_seq: Integer = None
    item_cd: Text = None
    item_cls_cd: Text = None
    item_nm: Text = None
    bcd: Text = None
    pkg_unit_cd: Text = None
    pkg: Number = None
    qty_unit_cd: Text = None
    qty: Number = None
    prc: Number = None
    sply_amt: Number = None
    dc_rt: Number = None
    dc_amt: Number = None
    tax_ty_cd: Text = None
    taxbl_amt: Number = None
    tax_amt: Number = None
    tot_amt: Number = None


_SIGNATURE_KEYS = (
    "curRcptNo",
    "rcptNo",
    "totRcptNo",
    "intrlData",
    "rcptSign",
    "sdcDateTime",
    "sdcId",
    "mrcNo",
)


class InvoiceDetails(KraReply):
    """selectInvoiceDetails reply `data.salesList[0]`: the sale as KRA recorded it, with its signature.

    The signature fields live in `receipt`; the properties below read them like a SaleReply, so
    either can be turned into a stored receipt the same way.
    """

    invc_no: Integer = None
    org_invc_no: Integer = None
    trd_invc_no: Text = None
    cust_tin: Text = None
    cust_nm: Text = None
    sales_ty_cd: Text = None
    rcpt_ty_cd: Text = None
    pmt_ty_cd: Text = None
    sales_stts_cd: Text = None
    cfm_dt: When = None
    sales_dt: Text = None
    tot_item_cnt: Integer = None
    tot_taxbl_amt: Number = None
    tot_tax_amt: Number = None
    tot_amt: Number = None
    receipt: InvoiceReceipt = InvoiceReceipt()
    item_list: Records[InvoiceLine] = []

    @model_validator(mode="before")
    @classmethod
    def _signature_may_sit_at_top(cls, data: Any) -> Any:
        # Defensive: a server that puts the signature next to the header instead of inside `receipt`.
        if not isinstance(data, dict) or isinstance(data.get("receipt"), BaseModel):
            return data
        receipt = data.get("receipt")
        receipt = dict(receipt) if isinstance(receipt, dict) else {}
        for key in _SIGNATURE_KEYS:
            if key in data and receipt.get(key) is None:
                receipt[key] = data[key]
        return {**data, "receipt": receipt}

    @property
    def cur_rcpt_no(self) -> int | None:
        return self.receipt.cur_rcpt_no

    @property
    def tot_rcpt_no(self) -> int | None:
        return self.receipt.tot_rcpt_no

    @property
    def intrl_data(self) -> str | None:
        return self.receipt.intrl_data

    @property
    def rcpt_sign(self) -> str | None:
        return self.receipt.rcpt_sign

    @property
    def sdc_date_time(self) -> datetime | None:
        return self.receipt.sdc_date_time

    @property
    def sdc_id(self) -> str | None:
        return self.receipt.sdc_id

    @property
    def mrc_no(self) -> str | None:
        return self.receipt.mrc_no


@dataclass(frozen=True)
class Lookup(Generic[T]):
    """The answer of an incremental select*List call.

    `result_dt` is KRA's resultDt (yyyyMMddHHmmss, Nairobi time): store it and pass it as the next
    `last_req_dt` to get only what changed since. None when KRA sent none (keep the previous one).
    """

    items: list[T]
    result_dt: str | None = None

    @property
    def result_at(self) -> datetime | None:
        return parse_datetime(self.result_dt) if self.result_dt else None


class SupplierInvoiceLine(InvoiceLine):
    """One line of a supplier's invoice (selectTrnsPurchaseSalesList itemList[]): the fields of a sale line."""


class SupplierInvoice(KraReply):
    """A sale another eTIMS taxpayer made to our PIN (selectTrnsPurchaseSalesList saleList[]): a purchase
    to confirm (or reject) with insertTrnsPurchase. Keyed by spplrSdcId + spplrInvcNo."""

    spplr_tin: Text = None
    spplr_nm: Text = None
    spplr_bhf_id: Text = None
    spplr_invc_no: Integer = None
    spplr_sdc_id: Text = None
    spplr_mrc_no: Text = None
    rcpt_ty_cd: Text = None
    pmt_ty_cd: Text = None
    cfm_dt: Text = None
    sales_dt: Text = None
    stock_rls_dt: Text = None
    tot_item_cnt: Integer = None
    tot_taxbl_amt: Number = None
    tot_tax_amt: Number = None
    tot_amt: Number = None
    remark: Text = None
    item_list: Records[SupplierInvoiceLine] = []


class ImportItem(KraReply):
    """A customs import line addressed to us (selectImportItemList itemList[]). Keyed by taskCd + itemSeq."""

    task_cd: Text = None
    dcl_de: Text = None  # ddMMyyyy or yyyyMMdd (kra-etims-api.md 3.3): kept as sent
    item_seq: Integer = None
    dcl_no: Text = None
    hs_cd: Text = None
    item_nm: Text = None
    impt_itemstts_cd: Text = None
    orgn_nat_cd: Text = None
    expt_nat_cd: Text = None
    pkg: Number = None
    pkg_unit_cd: Text = None
    qty: Number = None
    qty_unit_cd: Text = None
    tot_wt: Number = None
    net_wt: Number = None
    spplr_nm: Text = None
    agnt_nm: Text = None
    invc_fcur_amt: Number = None
    invc_fcur_cd: Text = None
    invc_fcur_excrt: Number = None
