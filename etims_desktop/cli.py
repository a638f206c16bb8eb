"""`etims-desktop`: no command opens the window; commands run the same services headless."""

from __future__ import annotations

import argparse
import sys

from etims_desktop import __version__
from etims_desktop.paths import resolve_data_paths


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="etims-desktop",
        description="Report every sale to KRA through eTIMS, honestly. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"etims-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the database, logs and settings in DIR instead of the usual per-user location",
    )
    parser.add_argument("--practice", action="store_true", help="open the window in practice mode")
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    parser.set_defaults(handler=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    from etims_desktop.kra.simulator import cli as simulator_cli

    simulator_cli.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.handler is not None:
        return int(args.handler(args) or 0)
    paths = resolve_data_paths(args.data_dir)
    from etims_desktop.ui.app import run_app

    return run_app(paths, practice=args.practice, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
