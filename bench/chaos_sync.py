"""The syncing process of the chaos suite: `etims-desktop sync`, repeated until nothing is pending.

    python bench/chaos_sync.py --data-dir D [--timeout 1.0] [--deadline 120]

It is the CLI's sync command (same services, same keyring choice via PYTHON_KEYRING_BACKEND, same
settings.json in the data dir), with two differences the chaos suite needs: a short HTTP timeout, so
answers held back by the simulator count as lost, and a loop that syncs again while sales wait - like
the window's scheduler would. Exit code as the CLI's: 0 all signed, 2 some need a fix, 1 still waiting
at the deadline. One JSON line per run on stdout (with "elsewhere": devices another syncing process had).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from etims_desktop.bootstrap import build_services, setup_logging  # noqa: E402
from etims_desktop.kra.client import make_http_client  # noqa: E402
from etims_desktop.paths import resolve_data_paths  # noqa: E402

RETRY_TICK = 0.2  # seconds between runs while sales wait (the backoff itself is the outbox's)


async def sync_until_drained(data_dir: str, timeout: float, deadline: float) -> int:
    paths = resolve_data_paths(data_dir)
    setup_logging(paths)
    http = make_http_client(timeout=httpx.Timeout(timeout))
    services = build_services(paths, http=http, allow_session_keys=False)
    try:
        ends = time.monotonic() + deadline
        while True:
            report = await services.sync.sync()
            # Sales and the document queue (purchases, imports, stock): drained means both are empty.
            pending = sum(d.still_pending + sum(d.documents_pending.values()) for d in report.devices)
            signed = sum(d.signed for d in report.devices)
            elsewhere = sum(d.synced_elsewhere for d in report.devices)  # left to another syncing process
            line = {"run": report.run_id, "signed": signed, "pending": pending, "elsewhere": elsewhere}
            print(json.dumps(line), flush=True)
            if not pending or time.monotonic() > ends:
                return report.exit_code
            await asyncio.sleep(RETRY_TICK)
    finally:
        await services.aclose()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--timeout", type=float, default=1.0, help="HTTP timeout in seconds")
    parser.add_argument("--deadline", type=float, default=300.0, help="give up after this many seconds")
    args = parser.parse_args()
    return asyncio.run(sync_until_drained(args.data_dir, args.timeout, args.deadline))


if __name__ == "__main__":
    sys.exit(main())
