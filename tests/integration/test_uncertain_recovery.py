"""A sale whose answer was lost never blocks its device, whatever the host offers (issue: stuck uncertain).

Against the simulator over real HTTP: a host without the invoice lookup (HTTP 404, like some VSCU jars),
hosts that word a duplicate differently, a lookup that keeps failing, and answers that leave the outcome
unknowable. Every case ends with each sale at KRA once, numbers gap-free, and nothing left uncertain.
"""

from __future__ import annotations

import json

import pytest
from sync_shop import PIN, open_shop

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.domain.status import StatusKind
from etims_desktop.kra.simulator import FaultKind, Simulator, SimulatorConfig
from etims_desktop.sync.report import Outcome

SALE = "saveTrnsSalesOsdc"
LOOKUP = "selectInvoiceDetails"


@pytest.fixture
def no_lookup():
    """A KRA stand-in whose selectInvoiceDetails answers HTTP 404."""
    with Simulator(SimulatorConfig(mode="oscu", invoice_lookup=False)) as sim:
        yield sim


def numbers(sim) -> list[int]:
    return [s.invc_no for s in sim.signed_sales(PIN, "00")]


def lookups(sim) -> list[str]:
    return [r.outcome for r in sim.request_log if r.path.endswith(LOOKUP)]


async def states(shop, device_id) -> dict[int, OutboxState]:
    return {e.invc_no: e.state for e in await shop.services.store.list_outbox(device_id)}


async def reasons(shop, sale_id) -> str:
    return " | ".join(h.reason for h in await shop.services.store.history(sale_id))


@pytest.mark.parametrize("fault", [FaultKind.DROP_AFTER_PROCESSING, FaultKind.DROP_BEFORE_PROCESSING])
def test_a_host_without_the_lookup_gets_the_same_sale_again_and_its_answer_decides(
    tmp_path, key_store, no_lookup, run, fault
):
    arrived = fault is FaultKind.DROP_AFTER_PROCESSING

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(no_lookup, "T1")
            no_lookup.faults.once(SALE, fault)
            for _ in range(4):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            dev = report.devices[0]
            assert dev.signed == 4 and dev.still_pending == 0 and report.exit_code == 0
            assert dev.already_recorded == (1 if arrived else 0)
            # KRA answers every other call: the device is online, and its code lists were refreshed.
            assert dev.status.kind is StatusKind.ONLINE and dev.outcome is Outcome.ALL_SIGNED
            assert dev.refreshed
            first = (await shop.services.store.list_outbox(device.id))[-1]
            assert first.invc_no == 1 and first.state is OutboxState.SIGNED
            assert first.receipt.complete is (not arrived)  # a duplicate answer carries no signature
            history = await reasons(shop, first.sale_id)
            assert "does not offer the invoice lookup" in history
            assert "sending it again with the same eTIMS number 1" in history
            assert await shop.services.store.invoice_lookup_missing_on(device.id) is not None

            # A later lost answer: the device remembers, so it does not ask the missing lookup again.
            no_lookup.faults.once(SALE, fault)
            await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            assert report.devices[0].signed == 1 and report.exit_code == 0
            last = (await shop.services.store.list_outbox(device.id))[0]
            assert "cannot look sales up" in await reasons(shop, last.sale_id)
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(no_lookup) == [1, 2, 3, 4, 5]  # each once, no gap
    assert lookups(no_lookup) == ["http_404"]  # asked once, remembered after


@pytest.mark.parametrize("style", ["exists", "sequence"])
def test_duplicates_worded_differently_still_mean_already_recorded(tmp_path, key_store, run, style):
    """One host says '910 Invoice number 1 already exists', another 'expected: 2 but found: 1'."""
    with Simulator(SimulatorConfig(mode="oscu", invoice_lookup=False, duplicate_answer=style)) as sim:

        async def scenario():
            shop = await open_shop(tmp_path, key_store)
            try:
                device = await shop.add_device(sim, "T1")
                sim.faults.once(SALE, FaultKind.DROP_AFTER_PROCESSING)
                for _ in range(3):
                    await shop.services.sales.record(device.id, shop.sale(), send_now=False)
                report = await shop.services.sync.sync()
                dev = report.devices[0]
                assert (dev.signed, dev.already_recorded, dev.rejected, dev.needs_fix_total) == (3, 1, 0, 0)
                assert report.exit_code == 0
                assert set((await states(shop, device.id)).values()) == {OutboxState.SIGNED}
            finally:
                await shop.services.aclose()

        run(scenario())
        assert numbers(sim) == [1, 2, 3]
        resent = [r.outcome for r in sim.request_log if r.endpoint == SALE]
        assert resent.count("910") == 1  # the duplicate answer came once, and was understood


def test_an_http_500_on_a_sale_does_not_stop_the_device_for_good(tmp_path, key_store, no_lookup, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(no_lookup, "T1")
            no_lookup.faults.once(SALE, FaultKind.HTTP_500)
            for _ in range(4):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            first = await shop.services.sync.sync()
            assert first.devices[0].unconfirmed == 1
            assert ".." not in first.devices[0].summary()
            second = await shop.services.sync.sync()
            signed = first.devices[0].signed + second.devices[0].signed
            assert signed == 4 and second.exit_code == 0
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(no_lookup) == [1, 2, 3, 4]


def test_a_lookup_that_keeps_failing_gives_way_to_a_resend(tmp_path, key_store, kra, run):
    """The host has the lookup, but it answers HTTP 500 every time: after a few tries the same sale goes
    again with the same number, and the device does not remember the lookup as missing (it exists)."""

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.faults.once(SALE, FaultKind.DROP_AFTER_PROCESSING)
            kra.faults.always(LOOKUP, FaultKind.HTTP_500)
            for _ in range(3):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            signed = 0
            for _ in range(shop.services.sync.settings.uncertain_tries_before_resend + 1):
                report = await shop.services.sync.sync()
                signed += report.devices[0].signed
                if not report.devices[0].still_pending:
                    break
            assert signed == 3 and report.exit_code == 0
            first = (await shop.services.store.list_outbox(device.id))[-1]
            assert "KRA's invoice lookup did not answer after" in await reasons(shop, first.sale_id)
            assert await shop.services.store.invoice_lookup_missing_on(device.id) is None
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2, 3]


@pytest.fixture
def lenient_no_lookup():
    """A host without the lookup that does not enforce the invoice sequence either."""
    with Simulator(SimulatorConfig(mode="oscu", invoice_lookup=False, require_sequence=False)) as sim:
        yield sim


def test_an_answer_that_settles_nothing_goes_to_a_person_and_the_queue_moves_on(
    tmp_path, key_store, lenient_no_lookup, run
):
    no_lookup = lenient_no_lookup

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        store = shop.services.store
        try:
            device = await shop.add_device(no_lookup, "T1")
            no_lookup.faults.add(SALE, FaultKind.DROP_BEFORE_PROCESSING)  # the first send is lost
            no_lookup.faults.add(SALE, FaultKind.RESULT_CODE, code="987")  # the resend: a code nobody knows
            for _ in range(3):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            dev = report.devices[0]
            assert dev.needs_check == 1 and dev.needs_check_total == 1 and dev.signed == 2
            assert report.exit_code == 2 and "need your check on KRA's portal" in dev.summary()
            by_number = await states(shop, device.id)
            assert by_number == {1: OutboxState.NEEDS_CHECK, 2: OutboxState.SIGNED, 3: OutboxState.SIGNED}
            check = next(e for e in await store.list_outbox(device.id) if e.invc_no == 1)
            assert "Look up eTIMS number 1 on KRA's eTIMS portal" in check.last_error_message
            # The owner looks on KRA's portal: KRA does not have it. It goes again under its own number.
            await store.send_again_same_number(check.sale_id)
            report = await shop.services.sync.sync()
            assert report.devices[0].signed == 1 and report.exit_code == 0
            assert (await store.get_entry(check.sale_id)).invc_no == 1
        finally:
            await shop.services.aclose()

    run(scenario())
    assert sorted(numbers(no_lookup)) == [1, 2, 3]  # 1 came last, under its own number: never twice


def test_a_person_can_confirm_kra_has_a_sale_that_needs_a_check(tmp_path, key_store, no_lookup, run):
    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        store = shop.services.store
        try:
            device = await shop.add_device(no_lookup, "T1")
            no_lookup.faults.add(SALE, FaultKind.DROP_AFTER_PROCESSING)
            no_lookup.faults.add(SALE, FaultKind.RESULT_CODE, code="987")
            await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            await shop.services.sync.sync()
            entry = (await store.list_outbox(device.id))[0]
            assert entry.state is OutboxState.NEEDS_CHECK and entry.invc_no == 1
            await store.confirm_recorded(entry.sale_id)
            entry = await store.get_entry(entry.sale_id)
            assert entry.state is OutboxState.SIGNED and entry.receipt.complete is False
            assert "you confirmed KRA has it" in await reasons(shop, entry.sale_id)
            # The number stays taken: the next sale is number 2.
            await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            assert report.devices[0].signed == 1 and report.exit_code == 0
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(no_lookup) == [1, 2]


def test_a_strict_host_settles_a_sale_that_needs_a_check_by_naming_the_number_it_expects(
    tmp_path, key_store, no_lookup, run
):
    """KRA enforces the sequence: its 'expected: 1 but found: 2' for the next sale proves it lacks number 1,
    so sale 1 goes again under its own number, then 2 and 3 - no person needed, no gap, nothing twice."""

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(no_lookup, "T1")
            no_lookup.faults.add(SALE, FaultKind.DROP_BEFORE_PROCESSING)
            no_lookup.faults.add(SALE, FaultKind.RESULT_CODE, code="987")
            for _ in range(3):
                await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.sync()
            dev = report.devices[0]
            assert dev.signed == 3 and dev.needs_check_total == 0 and report.exit_code == 0
            first = next(e for e in await shop.services.store.list_outbox(device.id) if e.invc_no == 1)
            history = await reasons(shop, first.sale_id)
            assert "KRA expects eTIMS number 1 next, so it does not have this sale" in history
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(no_lookup) == [1, 2, 3]


def test_the_cli_names_a_sale_that_needs_a_check_and_takes_the_owners_answer(
    tmp_path, lenient_no_lookup, run
):
    from test_cli import PIN as CLI_PIN
    from test_cli import add_till, cli

    sim = lenient_no_lookup
    sim.approve(CLI_PIN, "00", "CHK-1", "OSCU")
    assert add_till(tmp_path, sim, "Till 1", "CHK-1").returncode == 0
    assert (
        cli(tmp_path, *"item add --name Sugar --class-code 50161800 --tax B --price 180".split()).returncode
        == 0
    )
    code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]
    sales = tmp_path / "sales.csv"
    sales.write_text(f"invoice_no,date,item_code,qty\nC1,2026-11-20,{code},1\nC2,2026-11-20,{code},2\n")
    assert cli(tmp_path, "import", str(sales), "--device", "1").returncode == 0
    sim.faults.add(SALE, FaultKind.DROP_BEFORE_PROCESSING)
    sim.faults.add(SALE, FaultKind.RESULT_CODE, code="987")

    synced = cli(tmp_path, "sync", "--json")
    assert synced.returncode == 2, synced.stdout + synced.stderr
    device = json.loads(synced.stdout)["devices"][0]
    assert device["needs_check_total"] == 1 and device["signed"] == 1
    status = cli(tmp_path, "status")
    assert status.returncode == 2 and "1 need your check on KRA's portal" in status.stdout

    wrong = cli(tmp_path, "checked", "2", "--kra-has-it")  # sale 2 is signed, not awaiting a check
    assert wrong.returncode == 3 and "Only a sale that needs your check" in wrong.stderr
    again = cli(tmp_path, "checked", "1", "--kra-lacks-it")
    assert again.returncode == 0 and "its own eTIMS number 1" in again.stdout
    assert cli(tmp_path, "sync").returncode == 0
    assert sorted(s.invc_no for s in sim.signed_sales(CLI_PIN, "00")) == [1, 2]


def test_the_board_shows_kra_answering_again_as_soon_as_a_sale_is_signed(tmp_path, key_store, kra, run):
    """A new sale's send fails (HTTP 500): 'not answering'. The next drain outside a Sync (a scheduled
    VSCU batch, a woken queue) gets both through: 'online' at once, not only after the next live check."""

    async def scenario():
        shop = await open_shop(tmp_path, key_store)
        try:
            device = await shop.add_device(kra, "T1")
            kra.faults.once(SALE, FaultKind.HTTP_500)
            await shop.services.sales.record(device.id, shop.sale())
            await shop.services.sales.wait_idle()
            assert (await shop.services.store.get_status(device.id)).kind is not StatusKind.ONLINE
            await shop.services.sales.record(device.id, shop.sale(), send_now=False)
            report = await shop.services.sync.drain.send_pending(device)
            assert report.signed == 2
            assert (await shop.services.store.get_status(device.id)).kind is StatusKind.ONLINE
            assert (await shop.services.store.outbox_counts(device.id))[OutboxState.SIGNED] == 2
        finally:
            await shop.services.aclose()

    run(scenario())
    assert numbers(kra) == [1, 2]


def test_a_gateway_without_the_lookup_answers_a_resend_and_nothing_is_stuck(tmp_path, key_store, run):
    """KRA's gateway answers an unknown path with HTTP 500 and an Apigee fault, and a resent number
    with 'expected: N+1 but found: N' (HTTP 400): the lost sale is already recorded, the rest go on."""
    from test_gateway_device import credentials, gateway_device

    config = SimulatorConfig(mode="gateway", invoice_lookup=False, duplicate_answer="sequence", insufficient_stock=False)
    with Simulator(config) as gateway:

        async def scenario():
            shop = await open_shop(tmp_path, key_store)
            try:
                devices = shop.services.devices
                device = await devices.add_device(gateway_device(gateway))
                await devices.set_gateway_credentials(device.id, credentials(gateway))
                device = await devices.initialise(device.id)
                gateway.faults.once(SALE, FaultKind.DROP_AFTER_PROCESSING)
                for _ in range(3):
                    await shop.services.sales.record(device.id, shop.sale(), send_now=False)
                report = await shop.services.sync.sync()
                dev = report.devices[0]
                assert (dev.signed, dev.already_recorded, dev.still_pending) == (3, 1, 0)
                assert report.exit_code == 0 and dev.status.kind is StatusKind.ONLINE
                first = (await shop.services.store.list_outbox(device.id))[-1]
                assert "does not offer the invoice lookup" in await reasons(shop, first.sale_id)
            finally:
                await shop.services.aclose()

        run(scenario())
        assert numbers(gateway) == [1, 2, 3]
