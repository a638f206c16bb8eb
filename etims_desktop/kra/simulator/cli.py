"""`etims-desktop simulator`: run the practice KRA as a command (filled in by the simulator work)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "simulator", help="run the built-in practice KRA (OSCU/VSCU) on this machine"
    )
    parser.add_argument("--port", type=int, default=8088)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("The simulator is not built yet.")
