"""Peak memory of the two ways a hostile input used to fill the RAM: a huge KRA answer and a huge
import field. Each case runs in a fresh child process that reports its own peak RSS (ru_maxrss).

    .venv/bin/python bench/bench_memory_caps.py                      # this checkout
    PYTHONPATH=/path/to/other/checkout .venv/bin/python bench/bench_memory_caps.py --code /path/to/other/checkout

Cases: a 400 MB answer from a loopback "KRA" (no Content-Length: read until the connection closes),
a CSV with one 300 MB field, and, for scale, a normal 100,000-row CSV and a bare interpreter with
the client and importer imported (the baseline every case starts from).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPLY_MB = 400
FIELD_MB = 300


def serve_huge_answers(megabytes: int) -> tuple[int, threading.Thread]:
    """A loopback server answering every request with `megabytes` of spaces, then closing."""
    listener = socket.create_server(("127.0.0.1", 0))
    chunk = b" " * 2**20

    def handle(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            try:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                )
                for _ in range(megabytes):
                    conn.sendall(chunk)
            except OSError:
                pass  # the client gave up: what we are measuring

    def loop() -> None:
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return listener.getsockname()[1], thread


def child(case: str, arg: str) -> None:
    from etims_desktop.app.importer import parse_file
    from etims_desktop.kra.client import KraClient, make_http_client

    outcome = "-"
    if case == "reply":

        async def call() -> str:
            async with make_http_client() as http:
                kra = KraClient(
                    http, arg, tin="P051234567X", bhf_id="00", cmc_key="c0ffee11d00d4badbeefcafe12345678"
                )
                try:
                    await kra.check()
                    return "read"
                except Exception as exc:  # noqa: BLE001 - we report what happened
                    return f"{type(exc).__name__}: {getattr(exc, 'plain', exc)}"[:110]

        outcome = asyncio.run(call())
    elif case == "import":
        from decimal import Decimal

        from etims_desktop.domain.item import Item
        from etims_desktop.domain.sale import TaxType

        sugar = Item("KE2NTU0000001", "Sugar 1kg", "50161800", TaxType.B, Decimal("180.00"))
        preview = parse_file(Path(arg), {sugar.code: sugar})
        if not preview.errors:
            outcome = f"{len(preview.sales)} sales read"
        else:
            outcome = f"{len(preview.errors)} error(s): {preview.errors[0].reason}"[:110]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak_mb:.0f}\t{outcome}")


def measure(code: Path, case: str, arg: str) -> tuple[str, str]:
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run(
        [sys.executable, __file__, "--child", case, arg], env=env, capture_output=True, text=True, timeout=600
    )
    if done.returncode:
        return "failed", done.stderr.strip().splitlines()[-1][:110]
    peak, _, outcome = done.stdout.rstrip("\n").partition("\t")
    return peak, outcome


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--code", type=Path, default=ROOT, help="the checkout whose etims_desktop is measured"
    )
    parser.add_argument("--child", nargs=2, metavar=("CASE", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    port, _ = serve_huge_answers(REPLY_MB)
    with tempfile.TemporaryDirectory() as tmp:
        huge, under_cap = Path(tmp) / "huge-field.csv", Path(tmp) / "big-field.csv"
        for path, megabytes in ((huge, FIELD_MB), (under_cap, 24)):
            with path.open("w") as file:
                file.write("invoice_no,date,item_code,qty\nA1,2026-11-20,KE2NTU0000001,")
                for _ in range(megabytes):
                    file.write("9" * 2**20)
                file.write("\n")
        normal = Path(tmp) / "normal.csv"
        with normal.open("w") as file:
            file.write("invoice_no,date,item_code,qty,unit_price\n")
            for n in range(100_000):
                file.write(f"INV-{n},2026-11-20T10:00,KE2NTU0000001,2,180\n")
        cases = [
            ("baseline (imports only)", "none", "-"),
            (f"a {REPLY_MB} MB answer from KRA", "reply", f"http://127.0.0.1:{port}/etims-api"),
            (f"an import with a {FIELD_MB} MB field", "import", str(huge)),
            ("an import with a 24 MB field", "import", str(under_cap)),
            ("a normal 100,000-row import", "import", str(normal)),
        ]
        print(f"code: {args.code}")
        print(f"{'case':<36} {'peak RSS MB':>11}  outcome")
        for label, case, arg in cases:
            peak, outcome = measure(args.code, case, arg)
            print(f"{label:<36} {peak:>11}  {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
