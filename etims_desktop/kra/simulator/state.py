"""What the simulated KRA remembers: approved devices, items, signed sales, counters.

Every change is an *event* (a plain JSON-able dict) applied by `SimulatorState.apply`. The same code
path rebuilds the state from disk, so what is saved is exactly what was live. CMC keys are never kept,
only their SHA-256 (KRA checks the key; it does not need to store it in clear).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from etims_desktop.kra.simulator.wire import kra_datetime, parse_kra_datetime


def key_hash(cmc_key: str) -> str:
    return hashlib.sha256(cmc_key.encode()).hexdigest()


@dataclass
class DeviceRecord:
    """An approved (tin, bhfId, dvcSrlNo) triple and, once initialised, its identities."""

    tin: str
    bhf_id: str
    serial: str
    device_type: str  # "OSCU" or "VSCU": which server may initialise it
    approved_at: datetime
    taxpayer_name: str | None = None
    branch_name: str | None = None
    dvc_id: str | None = None
    sdc_id: str | None = None
    mrc_no: str | None = None
    key_sha256: str | None = field(default=None, repr=False)
    initialised_at: datetime | None = None

    @property
    def initialised(self) -> bool:
        return self.sdc_id is not None

    def key_matches(self, cmc_key: str) -> bool:
        return self.key_sha256 is not None and hmac.compare_digest(self.key_sha256, key_hash(cmc_key))


@dataclass
class SaleRecord:
    """A signed sale or credit note: the full document as received plus what the SCU gave back."""

    invc_no: int
    document: dict
    cur_rcpt_no: int
    tot_rcpt_no: int
    intrl_data: str
    rcpt_sign: str
    sdc_at: datetime  # SCU time (aware, Nairobi)
    accepted_at: datetime  # UTC
    sdc_id: str | None = None
    mrc_no: str | None = None
    forwarded_at: datetime | None = None  # VSCU: when it reached the simulated KRA upstream

    @property
    def receipt_type(self) -> str:
        return self.document["rcptTyCd"]


@dataclass
class Branch:
    """One (tin, bhfId): its invoice sequence, receipt counters and ledger."""

    tin: str
    bhf_id: str
    sales: dict[int, SaleRecord] = field(default_factory=dict)
    last_invc_no: int = 0
    receipt_counts: dict[str, int] = field(default_factory=dict)  # per rcptTyCd: curRcptNo
    total_receipts: int = 0  # totRcptNo
    credited: dict[int, dict[str, Decimal]] = field(default_factory=dict)  # orgInvcNo -> itemCd -> qty
    unforwarded: dict[int, None] = field(default_factory=dict)  # VSCU: signed, not yet at KRA (ordered)
    stock_io: dict[int, dict] = field(default_factory=dict)  # sarNo -> document
    stock: dict[str, Decimal] = field(default_factory=dict)  # itemCd -> on hand as KRA knows it
    stock_masters: int = 0  # saveStockMaster calls accepted
    purchases: dict[int, dict] = field(default_factory=dict)  # our purchase invcNo -> insertTrnsPurchase
    import_answers: dict[tuple[str, int], dict] = field(default_factory=dict)  # (taskCd, itemSeq) -> answer


@dataclass
class ItemRecord:
    document: dict
    bhf_id: str
    changed_at: datetime


class SimulatorState:
    """All records, keyed the way KRA keys them. Not thread-safe by itself: the Simulator holds one lock."""

    def __init__(self) -> None:
        self.secret = b""  # signs receipts; created once and persisted (it is not a CMC key)
        self.devices: dict[tuple[str, str, str], DeviceRecord] = {}
        self.branches: dict[tuple[str, str], Branch] = {}
        self.items: dict[str, dict[str, ItemRecord]] = {}  # tin -> itemCd -> record
        # What KRA lists to a taxpayer: suppliers' invoices to its PIN, customs import lines (seeded).
        self.supplier_invoices: list[dict] = []  # {"buyerTin", "doc", "at"}
        self.import_lines: list[dict] = []  # {"tin", "bhfId", "doc", "at"}

    # -- queries ------------------------------------------------------------------------------------
    def branch(self, tin: str, bhf_id: str) -> Branch:
        found = self.branches.get((tin, bhf_id))
        if found is None:
            found = self.branches[(tin, bhf_id)] = Branch(tin, bhf_id)
        return found

    def devices_of_branch(self, tin: str, bhf_id: str) -> list[DeviceRecord]:
        return [d for d in self.devices.values() if d.tin == tin and d.bhf_id == bhf_id]

    def initialised_count(self) -> int:
        return sum(1 for d in self.devices.values() if d.initialised)

    # -- applying events ----------------------------------------------------------------------------
    def apply(self, event: dict) -> None:
        getattr(self, f"_apply_{event['kind']}")(event)

    def _apply_secret(self, e: dict) -> None:
        self.secret = bytes.fromhex(e["value"])

    def _apply_approve(self, e: dict) -> None:
        triple = (e["tin"], e["bhfId"], e["serial"])
        known = self.devices.get(triple)
        if known is not None:
            known.device_type = e["type"]
            return
        self.devices[triple] = DeviceRecord(
            tin=e["tin"],
            bhf_id=e["bhfId"],
            serial=e["serial"],
            device_type=e["type"],
            approved_at=datetime.fromisoformat(e["at"]),
            taxpayer_name=e.get("taxprNm"),
            branch_name=e.get("bhfNm"),
        )

    def _apply_init(self, e: dict) -> None:
        device = self.devices[(e["tin"], e["bhfId"], e["serial"])]
        device.dvc_id, device.sdc_id, device.mrc_no = e["dvcId"], e["sdcId"], e["mrcNo"]
        device.key_sha256 = e["keySha256"]
        device.initialised_at = datetime.fromisoformat(e["at"])

    def _apply_rekey(self, e: dict) -> None:
        self.devices[(e["tin"], e["bhfId"], e["serial"])].key_sha256 = e["keySha256"]

    def _apply_item(self, e: dict) -> None:
        doc = e["doc"]
        self.items.setdefault(e["tin"], {})[doc["itemCd"]] = ItemRecord(
            doc, e["bhfId"], datetime.fromisoformat(e["at"])
        )

    def _apply_sale(self, e: dict) -> None:
        branch = self.branch(e["tin"], e["bhfId"])
        doc = e["doc"]
        record = SaleRecord(
            invc_no=doc["invcNo"],
            document=doc,
            cur_rcpt_no=e["curRcptNo"],
            tot_rcpt_no=e["totRcptNo"],
            intrl_data=e["intrlData"],
            rcpt_sign=e["rcptSign"],
            sdc_at=parse_kra_datetime(e["sdcDateTime"]),
            accepted_at=datetime.fromisoformat(e["at"]),
            sdc_id=e.get("sdcId"),
            mrc_no=e.get("mrcNo"),
            forwarded_at=datetime.fromisoformat(e["forwardedAt"]) if e.get("forwardedAt") else None,
        )
        branch.sales[record.invc_no] = record
        branch.last_invc_no = max(branch.last_invc_no, record.invc_no)
        rtype = record.receipt_type
        branch.receipt_counts[rtype] = max(branch.receipt_counts.get(rtype, 0), record.cur_rcpt_no)
        branch.total_receipts = max(branch.total_receipts, record.tot_rcpt_no)
        if rtype == "R":
            credited = branch.credited.setdefault(doc["orgInvcNo"], {})
            for line in doc["itemList"]:
                credited[line["itemCd"]] = credited.get(line["itemCd"], Decimal(0)) + Decimal(line["qty"])
        if e.get("pending"):
            branch.unforwarded[record.invc_no] = None
        sign = (
            1 if rtype == "R" else -1
        )  # what KRA believes is on hand: a sale takes, a credit note gives back
        for line in doc["itemList"]:
            code = line["itemCd"]
            branch.stock[code] = branch.stock.get(code, Decimal(0)) + sign * Decimal(str(line["qty"]))

    def _apply_forwarded(self, e: dict) -> None:
        branch = self.branch(e["tin"], e["bhfId"])
        at = datetime.fromisoformat(e["at"])
        for invc_no in e["invcNos"]:
            branch.unforwarded.pop(invc_no, None)
            branch.sales[invc_no].forwarded_at = at

    def _apply_stock_io(self, e: dict) -> None:
        self.branch(e["tin"], e["bhfId"]).stock_io[e["doc"]["sarNo"]] = e["doc"]

    def _apply_supplier_invoice(self, e: dict) -> None:
        self.supplier_invoices.append(e)

    def _apply_import_line(self, e: dict) -> None:
        self.import_lines.append(e)

    def _apply_purchase(self, e: dict) -> None:
        self.branch(e["tin"], e["bhfId"]).purchases[e["doc"]["invcNo"]] = e["doc"]

    def _apply_import_answer(self, e: dict) -> None:
        doc = e["doc"]
        self.branch(e["tin"], e["bhfId"]).import_answers[(doc["taskCd"], int(doc["itemSeq"]))] = doc

    def _apply_stock_master(self, e: dict) -> None:
        branch = self.branch(e["tin"], e["bhfId"])
        branch.stock[e["itemCd"]] = Decimal(e["rsdQty"])
        branch.stock_masters += 1

    def _apply_stock_levels(self, e: dict) -> None:
        branch = self.branch(e["tin"], e["bhfId"])
        branch.stock = {code: Decimal(qty) for code, qty in e["levels"].items()}
        branch.stock_masters = e.get("masters", 0)

    # -- compact export (what a snapshot holds) -----------------------------------------------------
    def events(self) -> Iterator[dict]:
        """The shortest event list that rebuilds this state."""
        yield {"kind": "secret", "value": self.secret.hex()}
        for d in self.devices.values():
            yield {
                "kind": "approve",
                "tin": d.tin,
                "bhfId": d.bhf_id,
                "serial": d.serial,
                "type": d.device_type,
                "taxprNm": d.taxpayer_name,
                "bhfNm": d.branch_name,
                "at": d.approved_at.isoformat(),
            }
            if d.initialised:
                yield {
                    "kind": "init",
                    "tin": d.tin,
                    "bhfId": d.bhf_id,
                    "serial": d.serial,
                    "dvcId": d.dvc_id,
                    "sdcId": d.sdc_id,
                    "mrcNo": d.mrc_no,
                    "keySha256": d.key_sha256,
                    "at": d.initialised_at.isoformat(),
                }
        for tin, items in self.items.items():
            for item in items.values():
                yield {
                    "kind": "item",
                    "tin": tin,
                    "bhfId": item.bhf_id,
                    "doc": item.document,
                    "at": item.changed_at.isoformat(),
                }
        yield from self.supplier_invoices
        yield from self.import_lines
        for branch in self.branches.values():
            for doc in branch.purchases.values():
                yield {"kind": "purchase", "tin": branch.tin, "bhfId": branch.bhf_id, "doc": doc}
            for doc in branch.import_answers.values():
                yield {"kind": "import_answer", "tin": branch.tin, "bhfId": branch.bhf_id, "doc": doc}
            for sale in sorted(branch.sales.values(), key=lambda s: s.tot_rcpt_no):
                yield sale_event(branch.tin, branch.bhf_id, sale, pending=sale.invc_no in branch.unforwarded)
            for doc in branch.stock_io.values():
                yield {"kind": "stock_io", "tin": branch.tin, "bhfId": branch.bhf_id, "doc": doc}
            yield {  # last: the sales above moved the levels; these are the levels as they were
                "kind": "stock_levels",
                "tin": branch.tin,
                "bhfId": branch.bhf_id,
                "levels": {code: str(qty) for code, qty in branch.stock.items()},
                "masters": branch.stock_masters,
            }


def sale_event(tin: str, bhf_id: str, sale: SaleRecord, *, pending: bool) -> dict:
    """The event that records a signed sale (pending: VSCU, not yet forwarded to KRA)."""
    return {
        "kind": "sale",
        "tin": tin,
        "bhfId": bhf_id,
        "doc": sale.document,
        "curRcptNo": sale.cur_rcpt_no,
        "totRcptNo": sale.tot_rcpt_no,
        "intrlData": sale.intrl_data,
        "rcptSign": sale.rcpt_sign,
        "sdcDateTime": kra_datetime(sale.sdc_at),
        "sdcId": sale.sdc_id,
        "mrcNo": sale.mrc_no,
        "at": sale.accepted_at.isoformat(),
        "forwardedAt": sale.forwarded_at.isoformat() if sale.forwarded_at else None,
        "pending": pending,
    }
