"""A small chaos run: a few hundred sales, OSCU and VSCU, random faults, offline windows, two SIGKILLs,
two power cuts and two runs with a second syncing process.

The full-size run is `bench/chaos.py` (see docs/RELIABILITY.md); this one keeps the suite honest.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from chaos import ChaosConfig, check_device, find_secrets, run_chaos

from etims_desktop.domain.outbox import OutboxEntry, OutboxState, SignedReceipt
from etims_desktop.domain.sale import Sale, SaleLine, TaxType
from etims_desktop.kra.simulator import AcceptedSale


@pytest.mark.slow
@pytest.mark.timeout(150)
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_small_chaos_run_signs_every_sale_exactly_once(tmp_path):
    config = ChaosConfig(
        seed=11, sales=240, devices_oscu=2, devices_vscu=1, kills=2, power_cuts=2, collisions=2, time_limit=100,
        bad_rate=0.02, fault_scale=0.7, keyring_stall_rate=0.5, work_dir=tmp_path, log=False,
    )  # fmt: skip
    result = run_chaos(config)

    assert result.ok, result.report()
    assert result.kills == 2 and result.power_cuts == 2 and result.torn_bytes > 0
    assert result.collisions == 2  # twice two syncing processes on the same data dir
    assert result.total("signed_at_kra") + result.total("needs_fix") == 240
    assert (
        result.total("needs_fix") == result.total("expected_bad") > 0
    )  # every refusal is a bad sale, explained
    assert result.total("lost") == result.total("double_signed") == result.total("gaps") == 0
    assert (
        sum(result.faults.values()) >= 10 and len(result.faults) >= 4
    )  # faults really happened, of many kinds
    assert result.keys_checked >= 2 and result.secret_findings == []  # at least the OSCU keys were looked for
    assert result.keyring_stalls >= 1  # keyring reads hung past the timeout, and nothing above broke


def _sale(number: str) -> Sale:
    line = SaleLine("KE2NTU0000001", "50161800", "Sugar", Decimal(1), Decimal(100), TaxType.B)
    return Sale(number, (line,), datetime.now(UTC))


def _kra(invc_no: int, number: str, signature: str = "SIG") -> AcceptedSale:
    receipt = SignedReceipt(invc_no=invc_no, signature=signature)
    return AcceptedSale(invc_no, "S", {"trdInvcNo": number}, receipt, datetime.now(UTC), None)


def _entry(
    sale_id: int, number: str, state: OutboxState, invc_no=None, signature=None, error=None
) -> OutboxEntry:
    receipt = SignedReceipt(invc_no=invc_no, signature=signature) if state is OutboxState.SIGNED else None
    return OutboxEntry(sale_id, sale_id, 1, state, _sale(number), invc_no=invc_no, receipt=receipt,
                       last_error_message=error)  # fmt: skip


def test_the_checker_sees_double_signing_gaps_losses_and_unexplained_fixes():
    expected = {"A": False, "B": False, "C": False, "D": True, "E": False}
    signed = [_kra(1, "A"), _kra(2, "B"), _kra(4, "B"), _kra(5, "C")]  # B twice, number 3 missing
    entries = [
        _entry(1, "A", OutboxState.SIGNED, 1, "SIG"),
        _entry(2, "B", OutboxState.SIGNED, 2, "SIG"),
        _entry(3, "C", OutboxState.SIGNED, 5, "OTHER"),  # our signature differs from KRA's
        _entry(4, "D", OutboxState.NEEDS_FIX, error=""),  # refused, but no reason given
        _entry(5, "E", OutboxState.QUEUED),  # never reached KRA
    ]
    check, problems = check_device("Till", "OSCU", expected, signed, entries)
    assert check.double_signed == 1
    assert check.gaps == 1
    assert check.mismatched == 1
    assert check.unexplained_fix == 1
    assert check.lost == 1 and check.pending == 1
    assert problems == []

    clean, _ = check_device(
        "Till", "OSCU", {"A": False}, [_kra(1, "A")], [_entry(1, "A", OutboxState.SIGNED, 1, "SIG")]
    )
    assert (clean.double_signed, clean.gaps, clean.mismatched, clean.lost) == (0, 0, 0, 0)


def test_the_secret_scan_finds_a_planted_key(tmp_path):
    key = "0123456789ABCDEF0123456789ABCDEF"
    clean, planted = tmp_path / "clean.log", tmp_path / "etims.sqlite3-wal"
    clean.write_bytes(b"POST /saveTrnsSalesOsdc -> 000")
    planted.write_bytes(b"\x00\x01" + key.encode() + b"\x02")
    findings = find_secrets([key], [clean, planted], {"CLI output": "fine", "log": f"cmcKey={key}"})
    assert findings == [f"a key in {planted}", "a key in the log"]
