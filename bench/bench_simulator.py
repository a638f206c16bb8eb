"""How many sales per second the simulator signs for one keep-alive httpx client.

    .venv/bin/python bench/bench_simulator.py              # 5000 sales, simulator in this process
    .venv/bin/python bench/bench_simulator.py --subprocess # simulator in its own process (no shared GIL)
    .venv/bin/python bench/bench_simulator.py -n 20000 --lines 5 --mode vscu --state

Bodies are serialised before the clock starts, so the figure is HTTP + validation + signing (+ journal
with --state), not document building. Every sale is checked for resultCd 000.
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


def run(base_url: str, vscu: bool, n: int, line_count: int) -> tuple[float, float, list[float]]:
    """Sign n sales; return wall seconds, CPU seconds of this process, per-request latencies."""
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
        latencies = []
        cpu_started = time.process_time()
        started = time.perf_counter()
        for body in bodies:
            t0 = time.perf_counter()
            reply = http.post(paths[2], content=body)
            latencies.append(time.perf_counter() - t0)
            if reply.json()["resultCd"] != "000":
                raise SystemExit(f"sale refused: {reply.text}")
        return time.perf_counter() - started, time.process_time() - cpu_started, latencies


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
                elapsed, cpu, latencies = run(base_url, args.mode == "vscu", args.n, args.lines)
            finally:
                proc.terminate()
                proc.wait(30)
        else:
            with Simulator(SimulatorConfig(mode=args.mode, state_file=state)) as sim:
                sim.approve(PIN, BRANCH, SERIAL)
                elapsed, cpu, latencies = run(sim.base_url, args.mode == "vscu", args.n, args.lines)
                assert len(sim.signed_sales(PIN, BRANCH)) == args.n

    latencies.sort()
    where = "own process" if args.subprocess else "same process"
    print(
        f"{args.n} sales x {args.lines} lines, {args.mode}, simulator in {where}"
        f"{', state file' if args.state else ''}: {args.n / elapsed:,.0f} sales/s "
        f"(median {statistics.median(latencies) * 1e3:.2f} ms, p99 {latencies[int(len(latencies) * 0.99)] * 1e3:.2f} ms)"
    )
    # Wall time depends on what else runs on the machine; CPU time per sale much less so.
    whose = "client" if args.subprocess else "client + simulator"
    print(f"CPU ({whose}): {cpu / args.n * 1e6:,.0f} us per sale = {args.n / cpu:,.0f} sales per CPU-second")


if __name__ == "__main__":
    main()
