"""A local stand-in for KRA's OSCU API (classic, or behind KRA's developer.go.ke API gateway: mode
"gateway", gateway.py) and a shop's VSCU service (practice mode, tests, benchmarks).

See simulator.py for an example; faults.py lists the faults it can inject. The names below load on
first use, so `etims-desktop` (whose command line registers the `simulator` command) and a window
without practice devices do not pay for importing the simulator.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_EXPORTS = {
    "SimulatorConfig": "etims_desktop.kra.simulator.config",
    "Fault": "etims_desktop.kra.simulator.faults",
    "FaultKind": "etims_desktop.kra.simulator.faults",
    "FaultPlan": "etims_desktop.kra.simulator.faults",
    "AcceptedSale": "etims_desktop.kra.simulator.simulator",
    "ApprovedDevice": "etims_desktop.kra.simulator.simulator",
    "RequestRecord": "etims_desktop.kra.simulator.simulator",
    "Simulator": "etims_desktop.kra.simulator.simulator",
}

__all__ = [
    "AcceptedSale",
    "ApprovedDevice",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "RequestRecord",
    "Simulator",
    "SimulatorConfig",
]

if TYPE_CHECKING:
    from etims_desktop.kra.simulator.config import SimulatorConfig
    from etims_desktop.kra.simulator.faults import Fault, FaultKind, FaultPlan
    from etims_desktop.kra.simulator.simulator import AcceptedSale, ApprovedDevice, RequestRecord, Simulator


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
