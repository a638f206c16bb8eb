"""How a simulator behaves: OSCU or VSCU, how strict it is, where it keeps its state."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from etims_desktop.kra.simulator.sale_document import STRICTNESS_LEVELS

MODES = (
    "oscu",
    "vscu",
    "gateway",
)  # gateway: OSCU behind KRA's API gateway (developer.go.ke), see gateway.py

# The practice gateway app's credentials (the simulator accepts only these unless told otherwise).
PRACTICE_CONSUMER_KEY = "practice-consumer-key"
PRACTICE_CONSUMER_SECRET = "practice-consumer-secret"
PRACTICE_APP_ID = "practice-apigee-app"

# How a host answers a resent invcNo it already has: its own duplicate code (994; a VSCU jar's
# vscu_duplicate_code), a 910 "already exists" message, or a 910 strict-sequence message
# ("expected: N+1 but found: N", as KRA's 2026 gateway words it).
DUPLICATE_ANSWERS = ("code", "exists", "sequence")


@dataclass(frozen=True)
class SimulatorConfig:
    """Settings fixed for a simulator's life. Latency, faults and upstream state change at run time."""

    mode: str = "oscu"  # "oscu": KRA's OSCU API; "vscu": a shop's VSCU jar in front of a simulated KRA;
    # "gateway": KRA's OSCU API behind the developer.go.ke gateway (token, wrapped replies, aliases)
    host: str = "127.0.0.1"  # loopback only
    port: int = 0  # 0: a free port, chosen at start (and kept across go_offline/go_online)
    state_file: Path | None = None  # JSON snapshot (+ .journal) kept across restarts; None: memory only
    fsync: bool = False  # fsync the journal on every change (survives power loss, costs throughput)
    require_sequence: bool = True  # invcNo must be the branch's last accepted + 1
    require_registered_items: bool = True  # sale lines must name items saved with saveItem (910)
    check_item_classes: bool = True  # itemClsCd must be in the item class list (913)
    check_credit_limits: bool = True  # credit notes may not credit more quantity than remains
    strictness: str = "lenient"  # arithmetic checks: "off" | "lenient" | "strict" (see sale_document.py)
    tolerance: Decimal = Decimal("0.01")  # allowed difference between lines, buckets and totals
    latency: float = 0.0  # seconds added to every request
    slow_seconds: float = 5.0  # how long a SLOW fault holds the answer back
    slow_processed: bool = True  # does a SLOW request get processed (before the wait)?
    trickle_seconds: float = 3.0  # a TRICKLE fault sends one byte of the answer this often
    refuse_window: float = 0.5  # seconds a REFUSE fault keeps the server from listening
    seed: int | None = None  # seed for random fault rates
    vscu_duplicate_code: str = "994"  # VSCU answer to a reused invcNo (LINKD reports 899 on some jars)
    duplicate_answer: str = "code"  # see DUPLICATE_ANSWERS
    invoice_lookup: bool = True  # False: selectInvoiceDetails answers HTTP 404, like hosts that lack it
    vscu_forward_interval: float = 0.1  # seconds between the VSCU's upstream rounds
    request_log_size: int = 100_000  # request_log keeps this many latest entries
    # stock (kra-etims-api.md 5.14; the UNCERTAIN rules are settings, see docs/RELIABILITY.md "Stock")
    stock_sequence: bool = True  # sarNo must be the branch's last accepted + 1 (like invcNo)
    # Refuse a sale of goods (item types 1, 2) whose reported stock is below the quantity sold, as KRA's
    # 2026 gateway does (HTTP 400 "Insufficient Stock"). None: on in gateway mode, off otherwise.
    insufficient_stock: bool | None = None
    stock_order_check: bool = False  # refuse saveStockMaster for an item no insertStockIO moved yet
    check_stock_amounts: bool = False  # insertStockIO money fields must add up (splyAmt, totAmt, totals)
    # gateway mode
    consumer_key: str = PRACTICE_CONSUMER_KEY
    consumer_secret: str = PRACTICE_CONSUMER_SECRET
    apigee_app_id: str = PRACTICE_APP_ID
    token_lifetime: float = 3599.0  # seconds, as KRA's sandbox answers ("expires_in": "3599")
    flaky_no_result: bool = True  # "no result" (001) alternates between HTTP 200 and HTTP 400, as seen

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        if self.duplicate_answer not in DUPLICATE_ANSWERS:
            raise ValueError(f"duplicate_answer must be one of {DUPLICATE_ANSWERS}")
        if self.strictness not in STRICTNESS_LEVELS:
            raise ValueError(f"strictness must be one of {STRICTNESS_LEVELS}")
        if self.host != "localhost" and not ipaddress.ip_address(self.host).is_loopback:
            raise ValueError("the simulator listens on loopback only (127.0.0.1, ::1 or localhost)")
        object.__setattr__(self, "tolerance", Decimal(self.tolerance))
        if self.state_file is not None:
            object.__setattr__(self, "state_file", Path(self.state_file))

    @property
    def refuses_insufficient_stock(self) -> bool:
        return self.gateway if self.insufficient_stock is None else self.insufficient_stock

    @property
    def vscu(self) -> bool:
        return self.mode == "vscu"

    @property
    def gateway(self) -> bool:
        return self.mode == "gateway"
