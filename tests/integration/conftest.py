"""End-to-end fixtures: the real simulator on loopback."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from etims_desktop.kra.simulator import Simulator, SimulatorConfig

BENCH = Path(__file__).resolve().parents[2] / "bench"  # bench/power_cut.py: the simulated power cut
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))


@pytest.fixture
def kra():
    with Simulator(SimulatorConfig(mode="oscu")) as sim:
        yield sim


@pytest.fixture
def vscu():
    with Simulator(SimulatorConfig(mode="vscu")) as sim:
        yield sim


@pytest.fixture
def run():
    """Run one coroutine on a fresh loop (the shop is opened and closed inside it)."""

    def runner(coro):
        return asyncio.run(coro)

    return runner
