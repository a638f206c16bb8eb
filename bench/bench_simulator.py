"""How many sales per second the simulator signs for one keep-alive httpx client.

    .venv/bin/python bench/bench_simulator.py              # 5000 sales, simulator in this process
    .venv/bin/python bench/bench_simulator.py --subprocess # simulator in its own process (no shared GIL)
    .venv/bin/python bench/bench_simulator.py -n 20000 --lines 5 --mode vscu --state

Bodies are serialised before the clock starts, so the figure is HTTP + validation + signing (+ journal
with --state), not document building. Every sale is checked for resultCd 000. The same bodies are then
sent to a bare HTTP server with a canned answer: the difference is the simulator's own cost, the rest
is the httpx client's (on a shared machine, compare the two lines rather than absolute figures).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from etims_desktop.kra.simulator import Simulator, SimulatorConfig  # noqa: E402
from etims_desktop.kra.simulator.server import Exchange, HttpFront  # noqa: E402
from etims_desktop.kra.simulator.wire import envelope  # noqa: E402

PIN, BRANCH, SERIAL = "P051234567X", "00", "BENCH-1"
RATES = {"A": Decimal(0), "B": Decimal(16), "C": Decimal(0), "D": Decimal(0), "E": Decimal(8)}
ITEMS = [("KE2NTU0000001", "B", Decimal("3500.00")), ("KE2NTU0000002", "E", Decimal("19.99")),
         ("KE2NTU0000003", "A", Decimal("50.00"))]  # fmt: skip
AUDIT = {"regrId": "bench", "regrNm": "bench", "modrId": "bench", "modrNm": "bench"}


def cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def sale(invc_no: int, line_count: int) -> dict:
    lines = []
    for seq in range(1, line_count + 1):
        code, tax, price = ITEMS[(seq - 1) % len(ITEMS)]
        qty = Decimal(seq)
        taxable = cents(price * qty)
        tax_amount = cents(taxable * RATES[tax] / 100)
        lines.append({"itemSeq": seq, "itemCd": code, "itemClsCd": "5020230500", "itemNm": code, "pkgUnitCd": "NT",
                      "pkg": qty, "qtyUnitCd": "U", "qty": qty, "prc": price, "splyAmt": taxable, "dcRt": 0,
                      "dcAmt": 0, "taxTyCd": tax, "taxblAmt": taxable, "taxAmt": tax_amount,
                      "totAmt": taxable + tax_amount})  # fmt: skip
    doc = {"invcNo": invc_no, "orgInvcNo": 0, "trdInvcNo": f"B-{invc_no}", "rcptTyCd": "S", "pmtTyCd": "01",
           "salesSttsCd": "02", "cfmDt": "20240415120000", "salesDt": "20240415", "totItemCnt": len(lines),
           "prchrAcptcYn": "N", **AUDIT, "receipt": {"rcptPbctDt": "20240415120000", "prchrAcptcYn": "N"},
           "itemList": lines}  # fmt: skip
    for t, rate in RATES.items():
        doc[f"taxblAmt{t}"] = sum((x["taxblAmt"] for x in lines if x["taxTyCd"] == t), Decimal(0))
        doc[f"taxRt{t}"] = rate
        doc[f"taxAmt{t}"] = sum((x["taxAmt"] for x in lines if x["taxTyCd"] == t), Decimal(0))
    doc["totTaxblAmt"] = sum(x["taxblAmt"] for x in lines)
    doc["totTaxAmt"] = sum(x["taxAmt"] for x in lines)
    doc["totAmt"] = sum(x["totAmt"] for x in lines)
    return doc


def encode(body: dict) -> bytes:
    return json.dumps(body, default=float).encode()


def item(code: str, tax: str, price: Decimal) -> dict:
    return {"itemCd": code, "itemClsCd": "5020230500", "itemTyCd": "2", "itemNm": code, "orgnNatCd": "KE",
            "pkgUnitCd": "NT", "qtyUnitCd": "U", "taxTyCd": tax, "dftPrc": price, "isrcAplcbYn": "N", "useYn": "Y",
            **AUDIT}  # fmt: skip


def drive(http: httpx.Client, path: str, bodies: list[bytes]) -> tuple[float, list[float]]:
    """Send every body in turn on one keep-alive connection; wall seconds and per-request latencies."""
    latencies = []
    started = time.perf_counter()
    for body in bodies:
        t0 = time.perf_counter()
        reply = http.post(path, content=body)
        latencies.append(time.perf_counter() - t0)
        if reply.json()["resultCd"] != "000":
            raise SystemExit(f"sale refused: {reply.text}")
    return time.perf_counter() - started, latencies


def run(base_url: str, vscu: bool, n: int, line_count: int) -> tuple[float, list[float], str, list[bytes]]:
    """Initialise, register the items, sign n sales. Returns the timing, the sales path and the bodies."""
    ids = {"tin": PIN, "bhfId": BRANCH}
    paths = ("/initializer/selectInitInfo", "/items/saveItems", "/trnsSales/saveSales") if vscu else (
        "/etims-api/selectInitOsdcInfo", "/etims-api/saveItem", "/etims-api/saveTrnsSalesOsdc")  # fmt: skip
    with httpx.Client(base_url=base_url, timeout=30) as http:
        init = http.post(paths[0], content=encode({**ids, "dvcSrlNo": SERIAL})).json()
        assert init["resultCd"] == "000", init
        if not vscu:
            http.headers.update({**ids, "cmcKey": init["data"]["info"]["cmcKey"]})
        extra = ids if vscu else {}
        for code, tax, price in ITEMS:
            assert (
                http.post(paths[1], content=encode({**extra, **item(code, tax, price)})).json()["resultCd"]
                == "000"
            )
        bodies = [encode({**extra, **sale(i, line_count)}) for i in range(1, n + 1)]
        elapsed, latencies = drive(http, paths[2], bodies)
        return elapsed, latencies, paths[2], bodies


def floor(path: str, bodies: list[bytes]) -> tuple[float, list[float]]:
    """The same client and bodies against a bare HTTP server that answers a canned success."""
    canned = envelope("000", {"curRcptNo": 1, "totRcptNo": 1, "intrlData": "A" * 26, "rcptSign": "B" * 16,
                              "sdcDateTime": "20240415120000"})  # fmt: skip

    def answer(exchange: Exchange) -> None:
        exchange.read_body()
        exchange.respond(200, canned)

    front = HttpFront("127.0.0.1", 0, answer)
    front.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{front.port}", timeout=30) as http:
            return drive(http, path, bodies)
    finally:
        front.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5000, help="number of sales (default 5000)")
    parser.add_argument("--lines", type=int, default=3, help="lines per sale (default 3)")
    parser.add_argument("--mode", choices=["oscu", "vscu"], default="oscu")
    parser.add_argument("--state", action="store_true", help="keep a state file (journal write per sale)")
    parser.add_argument("--subprocess", action="store_true", help="run the simulator in its own process")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "bench-state.json" if args.state else None
        if args.subprocess:
            command = [sys.executable, "-m", "etims_desktop", "simulator", "--port", "0", "--mode", args.mode,
                       "--approve", f"{PIN}/{BRANCH}/{SERIAL}"] + (["--state", str(state)] if state else [])  # fmt: skip
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
            base_url = re.search(r"http://[\d.]+:\d+", proc.stdout.readline()).group(0)
            try:
                elapsed, latencies, path, bodies = run(base_url, args.mode == "vscu", args.n, args.lines)
            finally:
                proc.terminate()
                proc.wait(30)
        else:
            with Simulator(SimulatorConfig(mode=args.mode, state_file=state)) as sim:
                sim.approve(PIN, BRANCH, SERIAL)
                elapsed, latencies, path, bodies = run(sim.base_url, args.mode == "vscu", args.n, args.lines)
                assert len(sim.signed_sales(PIN, BRANCH)) == args.n
    bare_elapsed, bare_latencies = floor(path, bodies)

    where = "own process" if args.subprocess else "same process"
    print(
        f"{args.n} sales x {args.lines} lines, {args.mode}, simulator in {where}{', state file' if args.state else ''}"
    )
    print(report("simulator", args.n, elapsed, latencies))
    print(
        report(
            "bare HTTP server, canned answer (the httpx client's floor)", args.n, bare_elapsed, bare_latencies
        )
    )
    own = statistics.median(latencies) - statistics.median(bare_latencies)
    print(f"=> the simulator's own work per sale (median difference): {own * 1e3:.2f} ms")


def report(label: str, n: int, elapsed: float, latencies: list[float]) -> str:
    latencies = sorted(latencies)
    median = statistics.median(latencies)
    return (
        f"  {label}: {n / elapsed:,.0f}/s overall, {1 / median:,.0f}/s at the median latency "
        f"(median {median * 1e3:.2f} ms, p99 {latencies[int(len(latencies) * 0.99)] * 1e3:.2f} ms)"
    )


if __name__ == "__main__":
    main()
