"""A local stand-in for KRA's OSCU API and a shop's VSCU service (practice mode, tests, benchmarks).

See simulator.py for an example; faults.py lists the faults it can inject.
"""

from etims_desktop.kra.simulator.config import SimulatorConfig
from etims_desktop.kra.simulator.faults import Fault, FaultKind, FaultPlan
from etims_desktop.kra.simulator.simulator import AcceptedSale, ApprovedDevice, RequestRecord, Simulator

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
