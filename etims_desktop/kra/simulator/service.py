"""The simulated KRA (or VSCU jar) itself: endpoint logic over SimulatorState, no HTTP.

`handle(endpoint, body, headers)` returns the answer for one call. One lock guards the state; every
change goes through `_record`, which applies the event and journals it before the answer is sent.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from etims_desktop.kra.simulator.config import SimulatorConfig
from etims_desktop.kra.simulator.fields import Fields
from etims_desktop.kra.simulator.sale_document import SaleDocument, check_amounts, read_sale
from etims_desktop.kra.simulator.seed import SeedData
from etims_desktop.kra.simulator.signing import device_identities, new_cmc_key, sign_receipt
from etims_desktop.kra.simulator.state import DeviceRecord, SaleRecord, SimulatorState, key_hash, sale_event
from etims_desktop.kra.simulator.wire import (
    EAT,
    Rejection,
    kra_datetime,
    kra_lookup_datetime,
    loads,
    now_utc,
    parse_kra_datetime,
)

log = logging.getLogger("etims_desktop.kra.simulator")

NO_AUTH = frozenset({"selectInitOsdcInfo", "selectServerTime", "echoTest"})
NO_BODY = frozenset({"selectServerTime", "echoTest"})
ITEM_FIELDS = tuple(
    "itemCd itemClsCd itemTyCd itemNm itemStdNm orgnNatCd pkgUnitCd qtyUnitCd taxTyCd btchNo bcd dftPrc grpPrcL1 "
    "grpPrcL2 grpPrcL3 grpPrcL4 grpPrcL5 addInfo sftyQty isrcAplcbYn useYn".split()
)  # selectItemList answers with these (plus tin, regBhfId, rraModYn)
DEFAULT_PLACE = {
    "prvncNm": "NAIROBI",
    "dstrtNm": "WESTLANDS",
    "sctrNm": "WESTLANDS",
    "locDesc": "Practice Street",
}


@dataclass(frozen=True)
class Answer:
    code: str
    data: Any = None
    message: str | None = None  # None: the standard message for `code`
    debug: str | None = None  # gateway mode: its own wording of a refusal (debugMessage), if different


NOTHING_FOUND = Answer("001")


@dataclass(frozen=True)
class Call:
    endpoint: str
    body: dict
    tin: str
    bhf_id: str
    now: datetime


class EtimsService:
    """Answers eTIMS calls as KRA's OSCU server (mode oscu) or as a shop's VSCU jar (mode vscu)."""

    def __init__(
        self,
        config: SimulatorConfig,
        state: SimulatorState,
        seed: SeedData,
        record: Callable[[dict], None],
    ) -> None:
        self.config = config
        self.state = state
        self.seed = seed
        self._journal = record
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)  # notified after every recorded change
        self.vscu = config.vscu
        self.gateway = config.gateway  # OSCU behind KRA's API gateway: its wording and stricter rules
        self.upstream_online = True  # VSCU: can the jar reach KRA?
        self.last_kra_contact: datetime | None = None

    # -- entry point --------------------------------------------------------------------------------
    def handle(self, endpoint: str, raw_body: bytes, headers: Mapping[str, str]) -> Answer:
        now = now_utc()
        try:
            body = self._parse(endpoint, raw_body)
            with self.lock:
                tin, bhf_id = ("", "") if endpoint in NO_AUTH else self._authenticate(body, headers)
                result = getattr(self, f"_{endpoint}")(Call(endpoint, body, tin, bhf_id, now))
        except Rejection as rejection:
            return Answer(rejection.code, None, rejection.message, rejection.debug)
        except Exception:  # a simulator bug must still answer, the way KRA does
            log.exception("simulator failed on %s", endpoint)
            return Answer("999")
        return result if isinstance(result, Answer) else Answer("000", result)

    def _parse(self, endpoint: str, raw: bytes) -> dict:
        if not raw.strip():
            if endpoint in NO_BODY:
                return {}
            raise Rejection("911")
        try:
            body = loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise Rejection("910", "the body is not valid JSON") from None
        if not isinstance(body, dict):
            raise Rejection("910", "the body must be a JSON object")
        body.pop("cmcKey", None)  # some SDKs repeat the key in the body: never store or echo it
        return body

    def _authenticate(self, body: dict, headers: Mapping[str, str]) -> tuple[str, str]:
        if self.vscu:
            # The jar holds the key itself; the TIS names the branch in the body (or, leniently, headers).
            tin, bhf_id = body.get("tin") or headers.get("tin"), body.get("bhfId") or headers.get("bhfId")
            if not tin or not bhf_id:
                raise Rejection("910", "tin and bhfId are required")
            if self._scu(tin, bhf_id) is None:
                raise Rejection("901", "this VSCU has not been initialised for that PIN and branch")
            return tin, bhf_id
        tin, bhf_id, key = headers.get("tin"), headers.get("bhfId"), headers.get("cmcKey")
        if not (tin and bhf_id and key):
            raise Rejection("900")
        if not any(d.initialised and d.key_matches(key) for d in self.state.devices_of_branch(tin, bhf_id)):
            raise Rejection("901")
        return tin, bhf_id

    def _record(self, event: dict) -> None:
        self.state.apply(event)
        self._journal(event)
        self.changed.notify_all()

    def _scu(self, tin: str, bhf_id: str) -> DeviceRecord | None:
        """The initialised device of this server's type that signs for a branch."""
        wanted = "VSCU" if self.vscu else "OSCU"
        for device in self.state.devices_of_branch(tin, bhf_id):
            if device.initialised and device.device_type == wanted:
                return device
        return None

    # -- devices ------------------------------------------------------------------------------------
    def approve(
        self,
        tin: str,
        bhf_id: str,
        serial: str,
        device_type: str,
        taxpayer_name: str | None,
        branch_name: str | None,
    ) -> None:
        """Record that KRA approved this device (idempotent; a second call may change its type)."""
        with self.lock:
            self._record(
                {
                    "kind": "approve",
                    "tin": tin,
                    "bhfId": bhf_id,
                    "serial": serial,
                    "type": device_type,
                    "taxprNm": taxpayer_name,
                    "bhfNm": branch_name,
                    "at": now_utc().isoformat(),
                }
            )

    def _selectInitOsdcInfo(self, call: Call) -> dict:
        f = Fields(call.body)
        tin, bhf_id, serial = (
            f.text("tin", max_len=11),
            f.text("bhfId", max_len=2),
            f.text("dvcSrlNo", max_len=100),
        )
        device = self.state.devices.get((tin, bhf_id, serial))
        if device is None:
            raise Rejection("901")
        wanted = "VSCU" if self.vscu else "OSCU"
        if device.device_type != wanted:
            raise Rejection("903", None if not self.vscu else "Only VSCU device can be verified.")
        if device.initialised:
            if self.gateway:
                # Seen on KRA's gateway: initialising an installed device again breaks it (its key
                # stops working). The simulator does the same, so the app must never do it.
                self._rekey(device)
            raise Rejection("902", debug="This device is installed")
        if self.vscu:
            if not self.upstream_online:
                raise Rejection("894", "the VSCU could not reach KRA to fetch its keys")
            self.last_kra_contact = call.now
        key = new_cmc_key()
        ids = device_identities(self.state.initialised_count() + 1)
        self._record(
            {
                "kind": "init",
                "tin": tin,
                "bhfId": bhf_id,
                "serial": serial,
                **ids,
                "keySha256": key_hash(key),
                "at": call.now.isoformat(),
            }
        )
        return {"info": {**self._branch_info(device), **ids, "cmcKey": key}}

    def reissue_key(self, tin: str, bhf_id: str, serial: str) -> str:
        """A new CMC key for an initialised device (what KRA support does for a lost key); the old one stops working."""
        with self.lock:
            device = self.state.devices.get((tin, bhf_id, serial))
            if device is None or not device.initialised:
                raise KeyError(f"{tin}/{bhf_id}/{serial} is not an initialised device")
            return self._rekey(device)

    def _rekey(self, device: DeviceRecord) -> str:
        key = new_cmc_key()
        self._record(
            {
                "kind": "rekey",
                "tin": device.tin,
                "bhfId": device.bhf_id,
                "serial": device.serial,
                "keySha256": key_hash(key),
                "at": now_utc().isoformat(),
            }
        )
        return key

    def _branch_info(self, device: DeviceRecord) -> dict:
        known = self.seed.taxpayers.get(device.tin, {})
        place = {k: known.get(k, v) for k, v in DEFAULT_PLACE.items()}
        name = device.taxpayer_name or known.get("taxprNm") or "Practice Shop Ltd"
        return {
            "tin": device.tin,
            "taxprNm": name,
            "bsnsActv": "Retail trade",
            "bhfId": device.bhf_id,
            "bhfNm": device.branch_name
            or ("Headquarter" if device.bhf_id == "00" else f"Branch {device.bhf_id}"),
            "bhfOpenDt": device.approved_at.astimezone(EAT).strftime("%Y%m%d"),
            **place,
            "hqYn": "Y" if device.bhf_id == "00" else "N",
            "mgrNm": name,
            "mgrTelNo": "0700000000",
            "mgrEmail": "manager@example.co.ke",
        }

    # -- reference data -----------------------------------------------------------------------------
    @staticmethod
    def _since(call: Call) -> datetime:
        return parse_kra_datetime(Fields(call.body).timestamp("lastReqDt"))

    @staticmethod
    def _changed(moment: datetime, since: datetime) -> bool:
        # Whole seconds, inclusive: a change in the same second as the last fetch is sent again rather than lost.
        return moment.replace(microsecond=0) >= since

    def _selectCodeList(self, call: Call) -> dict | Answer:
        if not self._changed(self.seed.published_at, self._since(call)):
            return NOTHING_FOUND
        return {"clsList": list(self.seed.code_classes)}

    def _selectItemClsList(self, call: Call) -> dict | Answer:
        if not self._changed(self.seed.published_at, self._since(call)):
            return NOTHING_FOUND
        return {"itemClsList": list(self.seed.item_classes)}

    def _selectNoticeList(self, call: Call) -> dict | Answer:
        since = self._since(call)
        notices = [n for n in self.seed.notices if self._changed(parse_kra_datetime(n["regDt"]), since)]
        return {"noticeList": notices} if notices else NOTHING_FOUND

    def _selectBhfList(self, call: Call) -> dict | Answer:
        since = self._since(call)
        first_of_branch: dict[str, DeviceRecord] = {}
        for device in sorted(self.state.devices.values(), key=lambda d: d.approved_at):
            if device.tin == call.tin:
                first_of_branch.setdefault(device.bhf_id, device)
        branches = [
            {
                key: info[key]
                for key in ("tin", "bhfId", "bhfNm", *DEFAULT_PLACE, "mgrNm", "mgrTelNo", "mgrEmail", "hqYn")
            }
            | {"bhfSttsCd": "01"}
            for device in first_of_branch.values()
            if self._changed(device.approved_at, since)
            for info in [self._branch_info(device)]
        ]
        return {"bhfList": branches} if branches else NOTHING_FOUND

    def _selectCustomer(self, call: Call) -> dict | Answer:
        pin = Fields(call.body).text("custmTin", max_len=11)
        known = self.seed.taxpayers.get(pin)
        if known is None:
            device = next((d for d in self.state.devices.values() if d.tin == pin), None)
            if device is None:
                return NOTHING_FOUND
            info = self._branch_info(device)
            known = {"tin": pin, "taxprNm": info["taxprNm"], "taxprSttsCd": "A"}
            known |= {k: info[k] for k in DEFAULT_PLACE}
        return {"custList": [known]}

    # -- items --------------------------------------------------------------------------------------
    def _audit(self, f: Fields) -> None:
        f.audit(strict=self.config.strictness == "strict")

    def _saveItem(self, call: Call) -> None:
        f = Fields(call.body)
        f.text("itemCd", max_len=20)
        f.item_class("itemClsCd", self.seed, check=self.config.check_item_classes)
        f.code("itemTyCd", "24", self.seed)
        f.text("itemNm", max_len=200)
        f.text("itemStdNm", required=False, max_len=200)
        f.code("orgnNatCd", "05", self.seed)
        f.code("pkgUnitCd", "17", self.seed)
        f.code("qtyUnitCd", "10", self.seed)
        f.code("taxTyCd", "04", self.seed)
        f.text("btchNo", required=False, max_len=10)
        f.text("bcd", required=False, max_len=20)
        f.number("dftPrc")
        for optional in ("grpPrcL1", "grpPrcL2", "grpPrcL3", "grpPrcL4", "grpPrcL5", "sftyQty"):
            f.number(optional, required=False)
        f.text("addInfo", required=False, max_len=7)
        f.flag("isrcAplcbYn")
        f.flag("useYn")
        self._audit(f)
        self._record(
            {
                "kind": "item",
                "tin": call.tin,
                "bhfId": call.bhf_id,
                "doc": call.body,
                "at": call.now.isoformat(),
            }
        )

    def _selectItemList(self, call: Call) -> dict | Answer:
        since = self._since(call)
        items = [
            {
                "tin": call.tin,
                **{k: item.document.get(k) for k in ITEM_FIELDS},
                "regBhfId": item.bhf_id,
                "rraModYn": "N",
            }
            for item in self.state.items.get(call.tin, {}).values()
            if self._changed(item.changed_at, since)
        ]
        return {"itemList": items} if items else NOTHING_FOUND

    def _require_item(self, tin: str, item_code: str | None, field: str) -> None:
        if self.config.require_registered_items and item_code not in self.state.items.get(tin, {}):
            raise Rejection("910", f"itemCd does not exist ({field} = {item_code})")

    def _saveItemComposition(self, call: Call) -> None:
        f = Fields(call.body)
        self._require_item(call.tin, f.text("itemCd"), "itemCd")
        self._require_item(call.tin, f.text("cpstItemCd"), "cpstItemCd")
        f.number("cpstQty")
        f.text("regrId")
        f.text("regrNm")

    # -- sales --------------------------------------------------------------------------------------
    def _saveTrnsSalesOsdc(self, call: Call) -> dict:
        cfg = self.config
        doc = read_sale(
            call.body, self.seed, strictness=cfg.strictness, check_item_classes=cfg.check_item_classes
        )
        check_amounts(doc, self.seed.tax_rates, cfg.tolerance, cfg.strictness)
        branch = self.state.branch(call.tin, call.bhf_id)
        if self.gateway:
            self._gateway_sale_rules(doc)
        if doc.invc_no in branch.sales:
            raise self._duplicate(doc.invc_no, branch.last_invc_no)
        if cfg.require_sequence and doc.invc_no != branch.last_invc_no + 1:
            raise Rejection(
                "910",
                f"invcNo {doc.invc_no} is out of sequence: the next invoice number of this branch is "
                f"{branch.last_invc_no + 1}",
            )
        for line in doc.lines:
            self._require_item(call.tin, line.item_code, f"{line.path}.itemCd")
        if doc.receipt_type == "R":
            self._check_credit_note(doc, branch.sales, branch.credited)
        elif self.config.refuses_insufficient_stock:
            self._check_stock(call.tin, branch.stock, doc)

        scu = self._scu(call.tin, call.bhf_id)
        cur = branch.receipt_counts.get(doc.receipt_type, 0) + 1
        tot = branch.total_receipts + 1
        sdc_at = call.now.astimezone(EAT).replace(microsecond=0)
        sdc_text = kra_datetime(sdc_at)
        essentials = (
            f"{call.tin}|{call.bhf_id}|{scu.sdc_id if scu else ''}|{doc.invc_no}|{doc.receipt_type}|{cur}|{tot}|"
            f"{sdc_text}|{doc.total_taxable}|{doc.total_tax}|{doc.total}|{doc.buyer_pin or ''}"
        )
        intrl_data, rcpt_sign = sign_receipt(self.state.secret, essentials)
        record = SaleRecord(
            invc_no=doc.invc_no,
            document=call.body,
            cur_rcpt_no=cur,
            tot_rcpt_no=tot,
            intrl_data=intrl_data,
            rcpt_sign=rcpt_sign,
            sdc_at=sdc_at,
            accepted_at=call.now,
            sdc_id=scu.sdc_id if scu else None,
            mrc_no=scu.mrc_no if scu else None,
        )
        self._record(sale_event(call.tin, call.bhf_id, record, pending=self.vscu))
        if self.vscu:
            return {
                "rcptNo": cur,
                "totRcptNo": tot,
                "vsdcRcptPbctDate": sdc_text,
                "intrlData": intrl_data,
                "rcptSign": rcpt_sign,
                "sdcId": record.sdc_id,
                "mrcNo": record.mrc_no,
            }
        return {
            "curRcptNo": cur,
            "totRcptNo": tot,
            "intrlData": intrl_data,
            "rcptSign": rcpt_sign,
            "sdcDateTime": sdc_text,
        }

    def _duplicate(self, invc_no: int, last_invc_no: int) -> Rejection:
        """The answer to a resent invcNo this branch already has, in the configured host's words."""
        style = self.config.duplicate_answer
        if style == "exists":
            return Rejection("910", f"Invoice number {invc_no} already exists")
        if style == "sequence":
            return Rejection(
                "910", f"Invalid invcNo sequence, expected: {last_invc_no + 1} but found: {invc_no}"
            )
        return Rejection(
            self.config.vscu_duplicate_code if self.vscu else "994", f"invcNo {invc_no} was already received"
        )

    def _check_credit_note(
        self, doc: SaleDocument, sales: dict[int, SaleRecord], credited: dict[int, dict[str, Decimal]]
    ) -> None:
        original = sales.get(doc.org_invc_no)
        if original is None:
            raise Rejection("910", f"orgInvcNo {doc.org_invc_no}: there is no such original invoice")
        if original.receipt_type != "S":
            raise Rejection("910", f"orgInvcNo {doc.org_invc_no} is a credit note, not an invoice")
        original_pin = original.document.get("custTin") or None
        if (doc.buyer_pin or None) != original_pin:
            raise Rejection(
                "910", f"custTin must be the buyer PIN of the original invoice ({original_pin or 'none'})"
            )
        if doc.sales_date < original.document["salesDt"]:
            raise Rejection("910", "salesDt of a credit note cannot be before the original invoice's")
        if not self.config.check_credit_limits:
            return
        sold: dict[str, Decimal] = {}
        for line in original.document["itemList"]:
            sold[line["itemCd"]] = sold.get(line["itemCd"], Decimal(0)) + Decimal(line["qty"])
        already = credited.get(doc.org_invc_no, {})
        asked: dict[str, Decimal] = {}
        for line in doc.lines:
            if line.item_code not in sold:
                raise Rejection("910", f"{line.path}.itemCd {line.item_code} is not on the original invoice")
            asked[line.item_code] = asked.get(line.item_code, Decimal(0)) + line.qty
            remaining = sold[line.item_code] - already.get(line.item_code, Decimal(0))
            if asked[line.item_code] > remaining:
                raise Rejection(
                    "910", f"{line.path}.qty credits more than remains on the original ({remaining})"
                )

    def _check_stock(self, tin: str, on_hand: dict[str, Decimal], doc: SaleDocument) -> None:
        """KRA's 2026 gateway: a sale of goods needs the stock reported for it (HTTP 400 "Insufficient Stock")."""
        sold: dict[str, Decimal] = {}
        for line in doc.lines:
            sold[line.item_code] = sold.get(line.item_code, Decimal(0)) + line.qty
        items = self.state.items.get(tin, {})
        for code, qty in sold.items():
            item = items.get(code)
            if item is not None and str(item.document.get("itemTyCd")) == "3":
                continue  # a service carries no stock
            have = on_hand.get(code, Decimal(0))
            if have < qty:
                raise Rejection(
                    "910",
                    f"Insufficient Stock: item {code} has {have} on hand, the sale needs {qty}",
                    debug="Insufficient Stock",
                )

    def _selectInvoiceDetails(self, call: Call) -> dict | Answer:
        invc_no = Fields(call.body).integer("invcNo", minimum=1)
        sale = self.state.branch(call.tin, call.bhf_id).sales.get(invc_no)
        if sale is None:
            return NOTHING_FOUND
        receipt = {
            **(sale.document.get("receipt") or {}),
            "curRcptNo": sale.cur_rcpt_no,
            "totRcptNo": sale.tot_rcpt_no,
            "intrlData": sale.intrl_data,
            "rcptSign": sale.rcpt_sign,
            "sdcDateTime": kra_lookup_datetime(sale.sdc_at),
        }
        return {"salesList": [{**sale.document, "receipt": receipt}]}

    # -- VSCU upstream ------------------------------------------------------------------------------
    def forward_pending(self) -> int:
        """One round of the VSCU's upstream worker: send every unforwarded sale to KRA (if reachable)."""
        with self.lock:
            if not self.upstream_online:
                return 0
            now = now_utc()
            self.last_kra_contact = now
            sent = 0
            for branch in self.state.branches.values():
                if branch.unforwarded:
                    numbers = list(branch.unforwarded)
                    self._record(
                        {
                            "kind": "forwarded",
                            "tin": branch.tin,
                            "bhfId": branch.bhf_id,
                            "invcNos": numbers,
                            "at": now.isoformat(),
                        }
                    )
                    sent += len(numbers)
            return sent

    def unforwarded(self, tin: str | None = None, bhf_id: str | None = None) -> int:
        with self.lock:
            return sum(
                len(b.unforwarded)
                for (t, b_id), b in self.state.branches.items()
                if tin in (None, t) and bhf_id in (None, b_id)
            )

    # -- branch records, stock, purchases (accepted with light checks) ------------------------------
    def _saveBhfCustomer(self, call: Call) -> None:
        f = Fields(call.body)
        f.text("custNo", max_len=14)
        f.text("custTin", max_len=11)
        f.text("custNm", max_len=60)
        f.flag("useYn")
        self._audit(f)

    def _saveBhfUser(self, call: Call) -> None:
        f = Fields(call.body)
        f.text("userId", max_len=20)
        f.text("userNm", max_len=60)
        f.text("pwd", max_len=255)
        f.flag("useYn")
        self._audit(f)

    def _saveBhfInsurance(self, call: Call) -> None:
        f = Fields(call.body)
        f.text("isrccCd", max_len=10)
        f.text("isrccNm", max_len=100)
        f.number("isrcRt")
        f.flag("useYn")
        self._audit(f)

    def _insertStockIO(self, call: Call) -> None:
        f = Fields(call.body)
        sar_no = f.integer("sarNo", minimum=1)
        f.integer("orgSarNo", minimum=0)
        f.code("sarTyCd", "12", self.seed)
        f.date("ocrnDt")
        if f.text("regTyCd") not in ("A", "M"):
            raise Rejection("910", "regTyCd must be A or M")
        lines = f.children("itemList")
        if f.integer("totItemCnt") != len(lines):
            raise Rejection("910", "totItemCnt must be the number of itemList lines")
        for line in lines:
            self._require_item(call.tin, line.text("itemCd"), line.name("itemCd"))
            line.number("qty")
        if self.config.check_stock_amounts:
            self._check_stock_amounts(f, lines)
        self._audit(f)
        branch = self.state.branch(call.tin, call.bhf_id)
        if sar_no in branch.stock_io:
            raise Rejection("994", f"sarNo {sar_no} was already received")
        last = max(branch.stock_io, default=0)
        if self.config.stock_sequence and sar_no != last + 1:
            raise Rejection(
                "910",
                f"sarNo {sar_no} is out of sequence: the next stock number of this branch is {last + 1}",
            )
        self._record({"kind": "stock_io", "tin": call.tin, "bhfId": call.bhf_id, "doc": call.body})

    def _check_stock_amounts(self, f: Fields, lines: list[Fields]) -> None:
        """One reading of an UNCERTAIN rule (kra-etims-api.md 5.14): the money fields must add up."""
        tol = self.config.tolerance
        totals = [Decimal(0), Decimal(0), Decimal(0)]
        for line in lines:
            qty, price = line.number("qty"), line.number("prc")
            supply, taxable, tax, total = (
                line.number(k) for k in ("splyAmt", "taxblAmt", "taxAmt", "totAmt")
            )
            assert qty is not None and price is not None and supply is not None
            assert taxable is not None and tax is not None and total is not None
            if abs(qty * price - supply) > tol:
                raise Rejection("910", f"{line.name('splyAmt')} must be prc x qty")
            if abs(taxable + tax - total) > tol:
                raise Rejection("910", f"{line.name('totAmt')} must be taxblAmt + taxAmt")
            totals = [totals[0] + taxable, totals[1] + tax, totals[2] + total]
        for key, expected in zip(("totTaxblAmt", "totTaxAmt", "totAmt"), totals, strict=True):
            value = f.number(key)
            assert value is not None
            if abs(value - expected) > tol * len(lines):
                raise Rejection("910", f"{key} must be the sum of the lines' {key[3].lower()}{key[4:]}")

    def _saveStockMaster(self, call: Call) -> None:
        f = Fields(call.body)
        item_code = f.text("itemCd")
        self._require_item(call.tin, item_code, "itemCd")
        rsd_qty = f.number("rsdQty")
        self._audit(f)
        branch = self.state.branch(call.tin, call.bhf_id)
        if self.config.stock_order_check and not any(
            line.get("itemCd") == item_code for doc in branch.stock_io.values() for line in doc["itemList"]
        ):
            raise Rejection("910", f"stock in/out of item {item_code} must be sent before its stock master")
        self._record(
            {
                "kind": "stock_master",
                "tin": call.tin,
                "bhfId": call.bhf_id,
                "itemCd": item_code,
                "rsdQty": str(rsd_qty),
            }
        )

    def _insertTrnsPurchase(self, call: Call) -> None:
        f = Fields(call.body)
        invc_no = f.integer("invcNo", minimum=1)
        f.integer("orgInvcNo", minimum=0)
        reg_type = f.text("regTyCd")
        if reg_type not in ("A", "M"):
            raise Rejection("910", "regTyCd must be A or M")
        if f.text("rcptTyCd") not in ("P", "R"):
            raise Rejection("910", "rcptTyCd must be P or R")
        f.code("pchsTyCd", "14", self.seed)
        f.code("pmtTyCd", "07", self.seed)
        f.code("pchsSttsCd", "34", self.seed)
        f.timestamp("cfmDt")
        f.date("pchsDt")
        f.text("spplrNm", max_len=60)
        lines = f.children("itemList")
        if f.integer("totItemCnt") != len(lines):
            raise Rejection("910", "totItemCnt must be the number of itemList lines")
        for line in lines:
            item_code = line.text("itemCd", required=False)
            if item_code:
                self._require_item(call.tin, item_code, line.name("itemCd"))
            line.number("qty")
            line.code("taxTyCd", "04", self.seed)
        self._audit(f)
        branch = self.state.branch(call.tin, call.bhf_id)
        if invc_no in branch.purchases:
            raise Rejection("994", f"purchase invcNo {invc_no} was already received")
        last = max(branch.purchases, default=0)
        if self.config.require_sequence and invc_no != last + 1:
            raise Rejection(
                "910",
                f"purchase invcNo {invc_no} is out of sequence: the next purchase number of this branch is {last + 1}",
            )
        if reg_type == "A":
            key = (call.body.get("spplrTin"), call.body.get("spplrInvcNo"))
            if not any(
                (e["doc"].get("spplrTin"), e["doc"].get("spplrInvcNo")) == key
                for e in self.state.supplier_invoices
                if e["buyerTin"] == call.tin
            ):
                raise Rejection("910", f"there is no invoice {key[1]} of supplier {key[0]} to this PIN")
            if any(
                (p.get("spplrTin"), p.get("spplrInvcNo")) == key and p.get("regTyCd") == "A"
                for p in branch.purchases.values()
            ):
                raise Rejection("910", f"invoice {key[1]} of supplier {key[0]} was already confirmed")
        self._record({"kind": "purchase", "tin": call.tin, "bhfId": call.bhf_id, "doc": call.body})

    def _updateImportItem(self, call: Call) -> None:
        f = Fields(call.body)
        task = f.text("taskCd", max_len=50)
        seq = f.integer("itemSeq", minimum=1)
        status = f.code("imptItemSttsCd", "26", self.seed)
        if status not in ("3", "4"):
            raise Rejection("910", "imptItemSttsCd must be 3 (approved) or 4 (rejected)")
        if status == "3":
            self._require_item(call.tin, f.text("itemCd"), "itemCd")
        f.text("remark", required=False, max_len=400)
        branch = self.state.branch(call.tin, call.bhf_id)
        if not any(
            (e["doc"].get("taskCd"), int(e["doc"].get("itemSeq") or 0)) == (task, seq)
            for e in self.state.import_lines
            if (e["tin"], e["bhfId"]) == (call.tin, call.bhf_id)
        ):
            raise Rejection("910", f"there is no import item {task}/{seq} for this branch")
        answered = branch.import_answers.get((str(task), int(seq or 0)))
        if answered is not None:
            if answered.get("imptItemSttsCd") == status and answered.get("itemCd") == call.body.get("itemCd"):
                raise Rejection("994", f"import item {task}/{seq} was already answered")
            raise Rejection("910", f"import item {task}/{seq} was already answered differently")
        self._record({"kind": "import_answer", "tin": call.tin, "bhfId": call.bhf_id, "doc": call.body})

    def _selectTrnsPurchaseSalesList(self, call: Call) -> dict | Answer:
        since = self._since(call)
        sales = [
            e["doc"]
            for e in self.state.supplier_invoices
            if e["buyerTin"] == call.tin and self._changed(datetime.fromisoformat(e["at"]), since)
        ]
        return {"saleList": sales} if sales else NOTHING_FOUND

    def _selectImportItemList(self, call: Call) -> dict | Answer:
        since = self._since(call)
        answered = self.state.branch(call.tin, call.bhf_id).import_answers
        lines = [
            {**e["doc"], "imptItemsttsCd": answered.get((e["doc"]["taskCd"], int(e["doc"]["itemSeq"])), {}).get(
                "imptItemSttsCd", "2"
            )}
            for e in self.state.import_lines
            if (e["tin"], e["bhfId"]) == (call.tin, call.bhf_id)
            and self._changed(datetime.fromisoformat(e["at"]), since)
        ]  # fmt: skip
        return {"itemList": lines} if lines else NOTHING_FOUND

    def add_supplier_invoice(self, buyer_tin: str, doc: dict) -> None:
        """Seed a sale another taxpayer made to `buyer_tin`: listed by selectTrnsPurchaseSalesList."""
        with self.lock:
            self._record(
                {"kind": "supplier_invoice", "buyerTin": buyer_tin, "doc": doc, "at": now_utc().isoformat()}
            )

    def add_import_line(self, tin: str, bhf_id: str, doc: dict) -> None:
        """Seed a customs import line for a branch: listed by selectImportItemList."""
        with self.lock:
            self._record(
                {"kind": "import_line", "tin": tin, "bhfId": bhf_id, "doc": doc, "at": now_utc().isoformat()}
            )

    def _empty_since(self, call: Call) -> Answer:
        self._since(call)  # validates lastReqDt
        return NOTHING_FOUND  # no other branch moves stock to a practice branch

    _selectStockMoveList = _empty_since

    # -- the gateway's own rules and calls ------------------------------------------------------------
    def _gateway_sale_rules(self, doc: SaleDocument) -> None:
        """What the gateway refuses on top of the classic checks, in its words (integration logs, 2026):
        zero amounts, pkg below 1, and a taxblAmt that is not the VAT-inclusive line total without its
        VAT ("Invalid taxblAmt on item: 1. Expected: 86.21, But Found: 100.00")."""
        if doc.total <= 0:
            raise Rejection(
                "910", "totAmt must be more than zero", debug="Invalid totAmt: zero amounts are not allowed"
            )
        for n, line in enumerate(doc.lines, start=1):
            if line.pkg < 1:
                raise Rejection(
                    "910", f"{line.path}.pkg must be at least 1", debug=f"Invalid pkg on item: {n}"
                )
            if line.total <= 0:
                raise Rejection(
                    "910", f"{line.path}.totAmt must be more than zero", debug=f"Invalid totAmt on item: {n}"
                )
            rate = self.seed.tax_rates[line.tax_type]
            expected = (line.total * 100 / (100 + rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)
            if self.config.strictness != "off" and abs(line.taxable - expected) > self.config.tolerance:
                raise Rejection(
                    "910",
                    f"{line.path}.taxblAmt must be the line total without VAT ({expected})",
                    debug=f"Invalid taxblAmt on item: {n}. Expected: {expected:.2f}, But Found: {line.taxable:.2f}",
                )

    def _selectTaxPayerInfo(self, call: Call) -> dict:
        device = next(d for d in self.state.devices_of_branch(call.tin, call.bhf_id) if d.initialised)
        info = self._branch_info(device)
        return {"taxpayerInfo": {k: info[k] for k in ("tin", "taxprNm", "bsnsActv", *DEFAULT_PLACE)}}

    def _selectTrnsSalesList(self, call: Call) -> dict | Answer:
        since = self._since(call)
        sales = [
            {**sale.document, "rcptSign": sale.rcpt_sign, "curRcptNo": sale.cur_rcpt_no}
            for sale in self.state.branch(call.tin, call.bhf_id).sales.values()
            if self._changed(sale.accepted_at, since)
        ]
        return {"salesList": sales} if sales else NOTHING_FOUND

    _selectCustomerList = _empty_since

    # -- VSCU jar utilities -------------------------------------------------------------------------
    def _selectServerTime(self, call: Call) -> str:
        return kra_datetime(call.now)

    def _echoTest(self, call: Call) -> dict:
        return call.body
