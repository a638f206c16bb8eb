"""Faults the simulator can inject: programmed per endpoint (once, n times, always) or at seeded random rates.

Kinds and what the caller sees:
  REFUSE                 the request is dropped unprocessed and the server stops listening for
                         `refuse_window` seconds (new connections are refused; like the internet going down)
  DROP_BEFORE_PROCESSING connection closed without an answer; nothing was processed
  DROP_AFTER_PROCESSING  processed (a sale IS signed and stored), then closed without an answer
  HTTP_500 / HTTP_502    an HTML error page; nothing processed
  RESULT_CODE            an envelope with the given resultCd (990, 999, ...); nothing processed
  SLOW                   the answer comes after `slow_seconds` (longer than a client's timeout);
                         processed first or not at all, per `slow_processed`
  TRICKLE                processed (a sale IS signed), then the answer's headers at once and its body
                         one byte every `trickle_seconds`: no read timeout ever trips, only a deadline
Fault labels (for `fault_counts`, the request log and `set_rates`): refuse, drop_before, drop_after,
http_500, http_502, slow, trickle, and code_NNN for result codes.
"""

from __future__ import annotations

import random
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

ANY_ENDPOINT = "*"


class FaultKind(StrEnum):
    REFUSE = "refuse"
    DROP_BEFORE_PROCESSING = "drop_before"
    DROP_AFTER_PROCESSING = "drop_after"
    HTTP_500 = "http_500"
    HTTP_502 = "http_502"
    RESULT_CODE = "code"
    SLOW = "slow"
    TRICKLE = "trickle"


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    code: str | None = None  # the resultCd of a RESULT_CODE fault

    def __post_init__(self) -> None:
        if (self.kind is FaultKind.RESULT_CODE) != (self.code is not None):
            raise ValueError("a RESULT_CODE fault needs code='NNN' (and only it takes one)")
        if self.code is not None and not re.fullmatch(r"\d{3}", self.code):
            raise ValueError(f"result code must be three digits, not {self.code!r}")

    @property
    def label(self) -> str:
        return f"code_{self.code}" if self.kind is FaultKind.RESULT_CODE else self.kind.value

    @classmethod
    def from_label(cls, label: str) -> Fault:
        """`drop_after`, `code_990`, ... -> Fault."""
        if label.startswith("code_"):
            return cls(FaultKind.RESULT_CODE, label[5:])
        try:
            kind = FaultKind(label)
        except ValueError:
            names = ", ".join(k.value for k in FaultKind if k is not FaultKind.RESULT_CODE)
            raise ValueError(f"unknown fault {label!r}; use {names} or code_NNN") from None
        return cls(kind)


class FaultPlan:
    """Decides, request by request, which fault (if any) to inject. Thread-safe."""

    def __init__(
        self,
        *,
        seed: int | None = None,
        slow_seconds: float = 5.0,
        slow_processed: bool = True,
        refuse_window: float = 0.5,
        trickle_seconds: float = 3.0,
        endpoint_name: Callable[[str], str] = lambda name: name,
    ) -> None:
        self.slow_seconds = slow_seconds
        self.trickle_seconds = trickle_seconds
        self.slow_processed = slow_processed
        self.refuse_window = refuse_window
        self._endpoint_name = endpoint_name
        self._lock = threading.Lock()
        self._programmed: dict[str, list[list]] = {}  # endpoint -> [[Fault, remaining or None], ...]
        self._rates: list[tuple[Fault, float]] = []
        self._rate_endpoints: frozenset[str] | None = None
        self._random = random.Random(seed)
        self._counts: Counter[str] = Counter()

    # -- programmed faults --------------------------------------------------------------------------
    def add(self, endpoint: str, kind: FaultKind, count: int | None = 1, code: str | None = None) -> None:
        """Inject `kind` on the next `count` calls of `endpoint` (None: on every call). '*' = any endpoint.

        `endpoint` is the classic name (saveTrnsSalesOsdc) or a path (/trnsSales/saveSales).
        """
        fault = Fault(FaultKind(kind), code)
        if count is not None and count < 1:
            raise ValueError("count must be at least 1 (or None for always)")
        with self._lock:
            self._programmed.setdefault(self._key(endpoint), []).append([fault, count])

    def once(self, endpoint: str, kind: FaultKind, code: str | None = None) -> None:
        self.add(endpoint, kind, 1, code)

    def always(self, endpoint: str, kind: FaultKind, code: str | None = None) -> None:
        self.add(endpoint, kind, None, code)

    def clear(self, endpoint: str | None = None) -> None:
        """Forget programmed faults (of one endpoint, or all) and random rates (when clearing all)."""
        with self._lock:
            if endpoint is None:
                self._programmed.clear()
                self._rates = []
            else:
                self._programmed.pop(self._key(endpoint), None)

    # -- random faults ------------------------------------------------------------------------------
    def set_rates(
        self, seed: int | None = None, endpoints: Iterable[str] | None = None, **rates: float
    ) -> None:
        """Inject faults at random with these probabilities per request, e.g. drop_after=0.02, code_990=0.01.

        Reproducible for a given `seed`. `endpoints` limits them to some endpoints (default: all).
        """
        parsed = [(Fault.from_label(label), float(rate)) for label, rate in rates.items() if rate]
        if any(rate < 0 for _, rate in parsed) or sum(rate for _, rate in parsed) > 1:
            raise ValueError("fault rates must be >= 0 and add up to at most 1")
        with self._lock:
            if seed is not None:
                self._random = random.Random(seed)
            self._rates = parsed
            self._rate_endpoints = frozenset(self._key(e) for e in endpoints) if endpoints else None

    # -- used by the server -------------------------------------------------------------------------
    def pick(self, endpoint: str) -> Fault | None:
        """The fault for this request (programmed ones first), counted; None for a normal answer."""
        with self._lock:
            fault = self._take_programmed(endpoint) or self._take_programmed(ANY_ENDPOINT)
            if (
                fault is None
                and self._rates
                and (self._rate_endpoints is None or endpoint in self._rate_endpoints)
            ):
                draw = self._random.random()
                for candidate, rate in self._rates:
                    if draw < rate:
                        fault = candidate
                        break
                    draw -= rate
            if fault is not None:
                self._counts[fault.label] += 1
            return fault

    def _take_programmed(self, endpoint: str) -> Fault | None:
        queue = self._programmed.get(endpoint)
        if not queue:
            return None
        entry = queue[0]
        if entry[1] is not None:
            entry[1] -= 1
            if entry[1] == 0:
                queue.pop(0)
        return entry[0]

    @property
    def counts(self) -> dict[str, int]:
        """Injected faults so far, by label."""
        with self._lock:
            return dict(self._counts)

    def _key(self, endpoint: str) -> str:
        return endpoint if endpoint == ANY_ENDPOINT else self._endpoint_name(endpoint)
