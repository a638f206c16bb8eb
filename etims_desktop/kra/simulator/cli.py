"""`etims-desktop simulator`: run the practice KRA (OSCU server or VSCU jar) on this machine until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from etims_desktop.domain.errors import DomainValidationError

EXIT_OK, EXIT_ERROR = 0, 3


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "simulator",
        help="run the built-in practice KRA (OSCU/VSCU) on this machine",
        description="Serve a practice KRA eTIMS on 127.0.0.1 until Ctrl-C. Nothing sent to it reaches KRA.",
    )
    parser.add_argument(
        "--port", type=int, default=8088, help="port to listen on (default 8088; 0 = any free port)"
    )
    parser.add_argument(
        "--mode",
        choices=["oscu", "vscu", "gateway"],
        default="oscu",
        help="KRA's classic OSCU API, a shop's VSCU jar, or OSCU behind KRA's developer.go.ke gateway",
    )
    parser.add_argument("--state", type=Path, metavar="FILE", help="keep devices, items and sales in FILE")
    parser.add_argument(
        "--approve",
        action="append",
        default=[],
        metavar="PIN/BRANCH/SERIAL[:OSCU|VSCU]",
        help="approve a device for initialisation (repeatable); the type defaults to --mode",
    )
    parser.add_argument("--strictness", choices=["off", "lenient", "strict"], default="lenient")
    parser.add_argument(
        "--no-sequence-check", action="store_true", help="accept invoice numbers out of sequence"
    )
    parser.add_argument(
        "--latency", type=float, default=0.0, metavar="SECONDS", help="added to every request"
    )
    parser.add_argument(
        "--fault-rate",
        action="append",
        default=[],
        metavar="KIND=RATE",
        help="random faults, e.g. drop_after=0.02 (kinds: refuse, drop_before, drop_after, http_500, http_502, "
        "slow, trickle, code_NNN); repeatable",
    )
    parser.add_argument("--seed", type=int, help="seed for the random faults")
    parser.add_argument(
        "--token-lifetime",
        type=float,
        default=3599.0,
        metavar="SECONDS",
        help="gateway mode: how long an access token lives (default 3599, as KRA's sandbox)",
    )
    parser.set_defaults(handler=run)


def parse_approval(spec: str) -> tuple[str, str, str, str | None]:
    """`PIN/BRANCH/SERIAL[:OSCU|VSCU]` -> (pin, branch, serial, type). Serials may contain '/'."""
    parts = spec.split("/", 2)
    if len(parts) != 3:
        raise ValueError(f"--approve {spec!r}: write PIN/BRANCH/SERIAL, e.g. P051234567X/00/TILL-1")
    pin, branch, serial = parts
    device_type = None
    head, _, tail = serial.rpartition(":")
    if head and tail.upper() in ("OSCU", "VSCU"):
        serial, device_type = head, tail.upper()
    return pin.upper(), branch, serial, device_type


def parse_rates(specs: list[str]) -> dict[str, float]:
    rates = {}
    for spec in specs:
        kind, sep, rate = spec.partition("=")
        if not sep:
            raise ValueError(f"--fault-rate {spec!r}: write KIND=RATE, e.g. drop_after=0.02")
        rates[kind.strip()] = float(rate)
    return rates


def run(args: argparse.Namespace) -> int:
    from etims_desktop.kra.simulator import Simulator, SimulatorConfig

    try:
        config = SimulatorConfig(
            mode=args.mode,
            port=args.port,
            state_file=args.state,
            strictness=args.strictness,
            require_sequence=not args.no_sequence_check,
            latency=args.latency,
            seed=args.seed,
            token_lifetime=args.token_lifetime,
        )
        sim = Simulator(config)
        for spec in args.approve:
            pin, branch, serial, device_type = parse_approval(spec)
            if (pin, branch, serial) not in {(d.pin, d.branch_id, d.serial) for d in sim.approved_devices()}:
                sim.approve(pin, branch, serial, device_type)
        rates = parse_rates(args.fault_rate)
        if rates:
            sim.faults.set_rates(seed=args.seed, **rates)
        sim.start()
    except (ValueError, DomainValidationError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with sim:
        _describe(sim, args.state, rates)
        while not stop.wait(1.0):  # a timeout keeps Ctrl-C responsive on Windows
            pass
    print("Practice KRA stopped.", flush=True)
    return EXIT_OK


def _describe(sim, state: Path | None, rates: dict[str, float]) -> None:
    kind = {"vscu": "VSCU jar", "gateway": "OSCU behind the developer.go.ke gateway"}.get(
        sim.config.mode, "OSCU"
    )
    lines = [f"Practice KRA ({kind}) listening on {sim.base_url}"]
    lines.append(f"  endpoints under {sim.api_url}/")
    if sim.config.gateway:
        key, secret, app_id = sim.gateway_credentials
        lines.append(f"  access tokens from {sim.token_url} (practice consumer key {key}, secret {secret})")
        lines.append(f"  apigee_app_id header: {app_id}")
    lines.append(f"  state kept in {state}" if state else "  state not kept (add --state FILE to keep it)")
    if rates:
        lines.append("  random faults: " + ", ".join(f"{k}={v}" for k, v in rates.items()))
    devices = sim.approved_devices()
    lines.append("Approved devices:" if devices else "No approved devices (add --approve PIN/BRANCH/SERIAL).")
    for d in devices:
        status = f"initialised, SCU id {d.scu_id}" if d.initialised else "not initialised"
        lines.append(f"  {d.pin}/{d.branch_id}/{d.serial}  {d.device_type.value}  {status}")
    lines.append("Stop with Ctrl-C.")
    print("\n".join(lines), flush=True)
