"""`Simulator`: a local KRA eTIMS OSCU server or VSCU jar on loopback, with faults on demand.

from etims_desktop.kra.simulator import FaultKind, Simulator, SimulatorConfig

with Simulator(SimulatorConfig(mode="oscu")) as sim:      # 127.0.0.1, a free port
    key = sim.preinitialise("P051234567X", "00", "SERIAL-1")
    sim.faults.once("saveTrnsSalesOsdc", FaultKind.DROP_AFTER_PROCESSING)
    ...  # POST f"{sim.api_url}/saveTrnsSalesOsdc" with headers tin, bhfId, cmcKey
    assert len(sim.signed_sales("P051234567X", "00")) == 1
"""

from __future__ import annotations

import copy
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import NamedTuple

from etims_desktop.domain.device import DeviceType, validate_branch_id, validate_pin, validate_serial
from etims_desktop.domain.outbox import SignedReceipt
from etims_desktop.kra.simulator.config import SimulatorConfig
from etims_desktop.kra.simulator.faults import Fault, FaultKind, FaultPlan
from etims_desktop.kra.simulator.gateway import GatewayFront
from etims_desktop.kra.simulator.routes import GATEWAY_PREFIX, TOKEN_PATH, Router
from etims_desktop.kra.simulator.seed import load_seed
from etims_desktop.kra.simulator.server import Exchange, HttpFront
from etims_desktop.kra.simulator.service import Answer, EtimsService
from etims_desktop.kra.simulator.signing import new_secret
from etims_desktop.kra.simulator.state import SimulatorState
from etims_desktop.kra.simulator.state_file import StateFile
from etims_desktop.kra.simulator.wire import dumps, envelope, now_utc

HTML = "text/html;charset=UTF-8"
ERROR_PAGES = {
    404: b"<html><body><h1>Whitelabel Error Page</h1><p>There was an unexpected error (type=Not Found, "
    b"status=404).</p></body></html>",
    500: b"<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal "
    b"Server Error</h1><p>The server encountered an internal error.</p></body></html>",
    502: b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
    b"<hr><center>nginx</center></body></html>",
}


class RequestRecord(NamedTuple):
    """One request as the simulator saw it. `outcome`: the resultCd sent, or the fault label injected."""

    time: datetime
    path: str
    endpoint: str | None
    outcome: str


@dataclass(frozen=True)
class ApprovedDevice:
    pin: str
    branch_id: str
    serial: str
    device_type: DeviceType
    initialised: bool
    scu_id: str | None
    mrc_no: str | None


@dataclass(frozen=True)
class AcceptedSale:
    """A sale or credit note the simulator signed: the document as received and the receipt it gave."""

    invc_no: int
    receipt_type: str  # S or R
    document: dict
    receipt: SignedReceipt
    accepted_at: datetime  # UTC
    forwarded_at: datetime | None  # VSCU: when it reached the simulated KRA; None while pending


class Simulator:
    """A running practice KRA. Thread-safe; use as a context manager or call start()/close()."""

    def __init__(self, config: SimulatorConfig | None = None, **overrides: object) -> None:
        self.config = replace(config or SimulatorConfig(), **overrides)
        missing = frozenset() if self.config.invoice_lookup else frozenset({"selectInvoiceDetails"})
        self._router = Router(self.config.mode, missing)
        self._state = SimulatorState()
        self._file = (
            StateFile(self.config.state_file, fsync=self.config.fsync) if self.config.state_file else None
        )
        if self._file is not None:
            for event in self._file.load():
                self._state.apply(event)
        if not self._state.secret:
            self._state.apply({"kind": "secret", "value": new_secret().hex()})
        self._service = EtimsService(self.config, self._state, load_seed(), self._journal)
        self._gateway = GatewayFront(self.config) if self.config.gateway else None
        self.faults = FaultPlan(
            seed=self.config.seed,
            slow_seconds=self.config.slow_seconds,
            slow_processed=self.config.slow_processed,
            trickle_seconds=self.config.trickle_seconds,
            refuse_window=self.config.refuse_window,
            endpoint_name=self._router.endpoint_name,
        )
        self._latency = self.config.latency
        self._front = HttpFront(self.config.host, self.config.port, self._on_request)
        self._stopping = threading.Event()
        self._log: deque[RequestRecord] = deque(maxlen=self.config.request_log_size)
        self._log_lock = threading.Lock()
        self._switch_lock = threading.Lock()
        self._reopen_timer: threading.Timer | None = None
        self._forwarder: threading.Thread | None = None
        self._started = False

    # -- life cycle ---------------------------------------------------------------------------------
    def start(self) -> Simulator:
        """Serve on config.host:port (a free port when 0) until close(); returns self."""
        if self._started:
            return self
        if self._file is not None:
            self.save()
        self._front.start()
        if self.config.vscu:
            self._forwarder = threading.Thread(
                target=self._forward_loop, name="sim-vscu-upstream", daemon=True
            )
            self._forwarder.start()
        self._started = True
        return self

    def close(self) -> None:
        """Stop serving, cut connections, join every thread, write the state file. Idempotent."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._cancel_reopen()
        if self._forwarder is not None:
            self._forwarder.join()
        self._front.close()
        if self._file is not None:
            self.save()
            self._file.close()

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def save(self) -> None:
        """Write the state file now (it is also kept current through its journal)."""
        if self._file is not None:
            with self._service.lock:
                self._file.write_snapshot(self._state.events())

    def _journal(self, event: dict) -> None:
        if self._file is not None:
            self._file.append(event)

    # -- where it listens ---------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._front.port

    @property
    def base_url(self) -> str:
        host = f"[{self.config.host}]" if ":" in self.config.host else self.config.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        """Root of the endpoints: `<base_url>/etims-api` for OSCU, `<base_url>` for a VSCU jar,
        `<base_url>/etims-oscu/api/v1` behind the gateway."""
        if self.config.gateway:
            return f"{self.base_url}{GATEWAY_PREFIX}"
        return self.base_url if self.config.vscu else f"{self.base_url}/etims-api"

    # -- the gateway (mode "gateway") ---------------------------------------------------------------
    @property
    def token_url(self) -> str:
        """Gateway mode: where access tokens come from (GET, HTTP Basic consumer key : secret)."""
        return f"{self.base_url}{TOKEN_PATH}"

    @property
    def gateway_credentials(self) -> tuple[str, str, str]:
        """Gateway mode: (consumer key, consumer secret, apigee app id) this gateway accepts."""
        return self.config.consumer_key, self.config.consumer_secret, self.config.apigee_app_id

    @property
    def tokens_issued(self) -> int:
        return self._gateway.tokens_issued if self._gateway else 0

    def expire_tokens(self) -> None:
        """Gateway mode: every access token issued so far stops working now (as after its hour)."""
        if self._gateway is not None:
            self._gateway.expire_tokens()

    # -- devices ------------------------------------------------------------------------------------
    def approve(
        self,
        pin: str,
        branch_id: str,
        serial: str,
        device_type: DeviceType | str | None = None,
        *,
        taxpayer_name: str | None = None,
        branch_name: str | None = None,
    ) -> None:
        """Approve a device for initialisation, as KRA does after the portal service request."""
        kind = DeviceType(str(device_type).upper()) if device_type else self._own_type
        self._service.approve(
            validate_pin(pin),
            validate_branch_id(branch_id),
            validate_serial(serial),
            kind.value,
            taxpayer_name,
            branch_name,
        )

    def preinitialise(self, pin: str, branch_id: str, serial: str) -> str:
        """Approve (if needed) and initialise a device without HTTP; returns its cmcKey (tests, practice set-up)."""
        if (pin, branch_id, serial) not in self._state.devices:
            self.approve(pin, branch_id, serial)
        answer = self._service.handle(
            "selectInitOsdcInfo", dumps({"tin": pin, "bhfId": branch_id, "dvcSrlNo": serial}), {}
        )
        if answer.code != "000":
            raise RuntimeError(
                f"cannot initialise {pin}/{branch_id}/{serial}: {answer.code} {answer.message}"
            )
        return answer.data["info"]["cmcKey"]

    def reissue_key(self, pin: str, branch_id: str, serial: str) -> str:
        """Issue a new cmcKey for an initialised device (practice mode after a session-only key was lost)."""
        return self._service.reissue_key(pin, branch_id, serial)

    def approved_devices(self) -> list[ApprovedDevice]:
        with self._service.lock:
            return [
                ApprovedDevice(
                    d.tin, d.bhf_id, d.serial, DeviceType(d.device_type), d.initialised, d.sdc_id, d.mrc_no
                )
                for d in self._state.devices.values()
            ]

    @property
    def _own_type(self) -> DeviceType:
        return DeviceType.VSCU if self.config.vscu else DeviceType.OSCU

    # -- what it recorded ---------------------------------------------------------------------------
    def signed_sales(self, pin: str, branch_id: str) -> list[AcceptedSale]:
        """Every sale and credit note signed for this branch, in signing order."""
        with self._service.lock:
            branch = self._state.branches.get((pin, branch_id))
            records = sorted(branch.sales.values(), key=lambda s: s.tot_rcpt_no) if branch else []
            return [
                AcceptedSale(
                    invc_no=s.invc_no,
                    receipt_type=s.receipt_type,
                    document=copy.deepcopy(s.document),
                    receipt=SignedReceipt(
                        invc_no=s.invc_no,
                        receipt_no=s.cur_rcpt_no,
                        total_receipt_no=s.tot_rcpt_no,
                        internal_data=s.intrl_data,
                        signature=s.rcpt_sign,
                        signed_at=s.sdc_at,
                        scu_id=s.sdc_id,
                        mrc_no=s.mrc_no,
                    ),
                    accepted_at=s.accepted_at,
                    forwarded_at=s.forwarded_at,
                )
                for s in records
            ]

    # -- KRA's record disagreeing with the shop's (reconcile tests, practice) ------------------------
    def lose_sale(self, pin: str, branch_id: str, invc_no: int) -> None:
        """KRA "loses" a signed sale: selectInvoiceDetails then finds nothing under its number."""
        with self._service.lock:
            del self._state.branches[(pin, branch_id)].sales[invc_no]

    def alter_sale(self, pin: str, branch_id: str, invc_no: int, document: dict | None = None, **receipt) -> None:
        """Change KRA's record of a signed sale: document fields (e.g. totAmt) and/or receipt fields of
        the record (rcpt_sign, cur_rcpt_no, ...)."""
        with self._service.lock:
            record = self._state.branches[(pin, branch_id)].sales[invc_no]
            record.document.update(document or {})
            for name, value in receipt.items():
                setattr(record, name, value)

    def items(self, pin: str) -> list[dict]:
        """Items registered by this taxpayer (saveItem documents)."""
        with self._service.lock:
            return [copy.deepcopy(i.document) for i in self._state.items.get(pin, {}).values()]

    @property
    def request_log(self) -> list[RequestRecord]:
        with self._log_lock:
            return list(self._log)

    @property
    def fault_counts(self) -> dict[str, int]:
        """Faults injected so far, by label (drop_after, code_990, ...)."""
        return self.faults.counts

    # -- network conditions -------------------------------------------------------------------------
    def set_latency(self, seconds: float) -> None:
        """Add this delay to every request from now on."""
        self._latency = max(0.0, float(seconds))

    @property
    def online(self) -> bool:
        return self._front.listening

    def wait_online(self, timeout: float | None = None) -> bool:
        """Wait until the server listens again (e.g. after a REFUSE fault's window); False on timeout."""
        return self._front.wait_listening(timeout)

    def go_offline(self) -> None:
        """Refuse connections and cut open ones until go_online() (same port)."""
        self._cancel_reopen()
        self._front.stop_listening()

    def go_online(self) -> None:
        self._cancel_reopen()
        if not self._stopping.is_set():
            self._front.start()

    def _refuse_for(self, seconds: float) -> None:
        with self._switch_lock:
            if self._stopping.is_set():
                return
            self._front.stop_listening()
            if self._reopen_timer is not None:
                self._reopen_timer.cancel()
            self._reopen_timer = threading.Timer(seconds, self._reopen_after_refusal)
            self._reopen_timer.daemon = True
            self._reopen_timer.start()

    def _reopen_after_refusal(self) -> None:
        with self._switch_lock:
            if self._reopen_timer is threading.current_thread() and not self._stopping.is_set():
                self._front.start()
                self._reopen_timer = None

    def _cancel_reopen(self) -> None:
        with self._switch_lock:
            timer, self._reopen_timer = self._reopen_timer, None
        if timer is not None:
            timer.cancel()
            if timer is not threading.current_thread():
                timer.join()

    # -- VSCU upstream ------------------------------------------------------------------------------
    def set_upstream_online(self, online: bool) -> None:
        """VSCU: can the jar reach KRA? Offline, sales are still signed locally but not forwarded."""
        with self._service.lock:
            self._service.upstream_online = online

    def vscu_unforwarded(self, pin: str | None = None, branch_id: str | None = None) -> int:
        """VSCU: signed sales not yet forwarded to KRA (all branches, or one)."""
        return self._service.unforwarded(pin, branch_id)

    def vscu_last_kra_contact(self) -> datetime | None:
        """VSCU: when the jar last reached KRA (UTC), None if never."""
        with self._service.lock:
            return self._service.last_kra_contact

    def wait_forwarded(self, timeout: float = 5.0) -> bool:
        """VSCU: wait until every signed sale has reached KRA; False on timeout."""
        return self.wait_until(lambda: self._service.unforwarded() == 0, timeout)

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        """Wait until `predicate()` holds, re-checking after every change the simulator records."""
        with self._service.changed:
            return self._service.changed.wait_for(predicate, timeout)

    def _forward_loop(self) -> None:
        while not self._stopping.is_set():
            self._service.forward_pending()
            self._stopping.wait(self.config.vscu_forward_interval)

    # -- one request --------------------------------------------------------------------------------
    def _on_request(self, exchange: Exchange) -> None:
        # Each outcome is logged before the client can see it, so a client never outruns the log.
        arrived = now_utc()
        path = exchange.path
        body = exchange.read_body()
        route = self._router.resolve(exchange.method, path)
        if self._gateway is not None:
            reply = self._gateway.screen(exchange.method, path, exchange.headers, route)
            if reply is not None:
                self._log_request(arrived, path, route.endpoint if route else None, reply.label)
                exchange.respond(reply.status, reply.body)
                return
        if route is None:
            self._log_request(arrived, path, None, "http_404")
            exchange.respond(404, ERROR_PAGES[404], HTML)
            return
        if not route.method_allowed:
            self._log_request(arrived, path, route.endpoint, "912")
            self._send(exchange, Answer("912"))
            return
        if self._latency:
            self._stopping.wait(self._latency)
        fault = self.faults.pick(route.endpoint)
        if fault is not None:
            self._log_request(arrived, path, route.endpoint, fault.label)
            self._inject(fault, exchange, route.endpoint, body)
            return
        answer = self._service.handle(route.endpoint, body, exchange.headers)
        self._log_request(arrived, path, route.endpoint, answer.code)
        self._send(exchange, answer)

    def _send(self, exchange: Exchange, answer: Answer) -> None:
        if self._gateway is not None:
            exchange.respond(*self._gateway.wrap(answer))
        else:
            exchange.respond(200, envelope(answer.code, answer.data, answer.message))

    def _inject(self, fault: Fault, exchange: Exchange, endpoint: str, body: bytes) -> None:
        kind = fault.kind
        if kind is FaultKind.REFUSE:
            exchange.drop()
            self._refuse_for(self.faults.refuse_window)
        elif kind is FaultKind.DROP_BEFORE_PROCESSING:
            exchange.drop()
        elif kind is FaultKind.DROP_AFTER_PROCESSING:
            self._service.handle(endpoint, body, exchange.headers)
            exchange.drop()
        elif kind in (FaultKind.HTTP_500, FaultKind.HTTP_502):
            status = 500 if kind is FaultKind.HTTP_500 else 502
            exchange.respond(status, ERROR_PAGES[status], HTML)
        elif kind is FaultKind.RESULT_CODE:
            self._send(exchange, Answer(fault.code))
        elif kind is FaultKind.SLOW:
            if self.faults.slow_processed:
                answer = self._service.handle(endpoint, body, exchange.headers)
                self._stopping.wait(self.faults.slow_seconds)
                self._send(exchange, answer)
            else:
                self._stopping.wait(self.faults.slow_seconds)
                exchange.drop()
        elif kind is FaultKind.TRICKLE:
            answer = self._service.handle(endpoint, body, exchange.headers)
            reply = envelope(answer.code, answer.data, answer.message)
            exchange.trickle(200, reply, self.faults.trickle_seconds, self._stopping)

    def _log_request(self, arrived: datetime, path: str, endpoint: str | None, outcome: str) -> None:
        with self._log_lock:
            self._log.append(RequestRecord(arrived, path, endpoint, outcome))
