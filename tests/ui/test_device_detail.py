"""The device detail view: sales by state with reasons and history; resend and cancel a refused sale."""

from __future__ import annotations

from PySide6.QtCore import Qt

from etims_desktop.domain.outbox import OutboxState
from etims_desktop.kra.simulator import FaultKind

from .helpers import connect_device, queue_sales, run


def test_needs_fix_sale_can_be_resent_or_cancelled(qtbot, qloop, services, window, oscu_sim):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-DET-1", "OSCU"))
    sale_ids = run(qloop, queue_sales(services, till.id, 3))
    # KRA refuses the first two sales (910: a business rejection), accepts the third
    oscu_sim.faults.add("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, count=2, code="910")
    window.sync_all()
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    assert window.sync.last_report.devices[0].needs_fix_total == 2

    window.open_device(till.id)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.isVisible() and detail.device is not None and detail.device.id == till.id)
    detail.select_group("Needs your fix")
    qtbot.waitUntil(lambda: detail.outbox.rowCount() == 2)
    assert detail.state_tabs.tabText(2).endswith("(2)")
    assert detail.state_tabs.tabText(4).endswith("(1)")  # signed (3 is "needs your check")
    entry = detail.outbox.entry_at(0)
    assert entry.state is OutboxState.NEEDS_FIX
    reason = detail.outbox.index(0, 4).data(Qt.ItemDataRole.DisplayRole)
    assert "910" in reason

    # the history of the selected sale
    detail.select_row(0)
    qtbot.waitUntil(lambda: "needs your fix" in detail.history.toPlainText())
    assert detail.resend_button.isEnabled() and detail.cancel_button.isEnabled()

    # resend: back in the queue
    resent = detail.selected_entry()
    qtbot.mouseClick(detail.resend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run(qloop, services.store.get_entry(resent.sale_id)).state is OutboxState.QUEUED)
    qtbot.waitUntil(lambda: detail.outbox.rowCount() == 1)

    # cancel locally: asks first, "Keep it" does nothing, "Cancel the sale" cancels
    detail.select_row(0)
    qtbot.waitUntil(lambda: detail.cancel_button.isEnabled())
    victim = detail.selected_entry()
    qtbot.mouseClick(detail.cancel_button, Qt.MouseButton.LeftButton)
    box = detail.confirm_box
    qtbot.waitUntil(box.isVisible)
    box.no_button.click()
    assert run(qloop, services.store.get_entry(victim.sale_id)).state is OutboxState.NEEDS_FIX
    qtbot.mouseClick(detail.cancel_button, Qt.MouseButton.LeftButton)
    detail.confirm_box.yes_button.click()
    qtbot.waitUntil(lambda: detail.message.kind == "ok" and "cancelled" in detail.message.text())
    assert run(qloop, services.store.get_entry(victim.sale_id)).state is OutboxState.CANCELLED
    assert sorted([resent.sale_id, victim.sale_id]) == sorted(sale_ids[:2])

    # the sync history tab lists the run with this device's summary
    assert detail.runs.rowCount() >= 1
    assert "Signed 1 sale" in detail.runs.item(0, 2).text()

    # its own Sync and set-up buttons ask the window, naming this device
    with qtbot.waitSignal(detail.sync_requested, timeout=2000) as sync_asked:
        detail.sync_button.click()
    with qtbot.waitSignal(detail.setup_requested, timeout=2000) as setup_asked:
        detail.setup_button.click()
    assert sync_asked.args == setup_asked.args == [till.id]


def test_refresh_code_lists_reports_what_came(qtbot, qloop, services, window, oscu_sim):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-DET-2", "OSCU"))
    window.open_device(till.id)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.device is not None)
    qtbot.mouseClick(detail.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: detail.message.kind in ("ok", "warn", "error") and detail.refresh_button.isEnabled(),
        timeout=10000,
    )
    assert detail.message.kind == "ok", detail.message.text()
    assert run(qloop, services.store.codes(till.id, "07"))  # payment types arrived from (simulated) KRA


def test_a_sale_that_needs_a_check_offers_the_owners_two_answers(
    qtbot, qloop, services, window, oscu_sim, tmp_path
):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-CHK-1", "OSCU"))
    (sale_id,) = run(qloop, queue_sales(services, till.id, 1))
    oscu_sim.faults.add("saveTrnsSalesOsdc", FaultKind.DROP_BEFORE_PROCESSING)  # lost on the way
    oscu_sim.faults.add("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, code="987")  # the resend: unknown code
    for _ in range(2):  # the UI's settings stop a run at the first lost answer: the next run resends
        window.sync.last_report = None
        window.sync_all()
        qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    assert window.sync.last_report.devices[0].needs_check_total == 1

    window.open_device(till.id)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.isVisible() and detail.device is not None and detail.device.id == till.id)
    detail.select_group("Needs your check")
    qtbot.waitUntil(lambda: detail.outbox.rowCount() == 1)
    detail.select_row(0)
    qtbot.waitUntil(lambda: "KRA's eTIMS portal" in detail.reason.text())
    assert detail.kra_has_it_button.isVisibleTo(detail) and detail.kra_lacks_it_button.isVisibleTo(detail)
    assert not detail.resend_button.isEnabled() and not detail.cancel_button.isEnabled()
    window.grab().save(str(tmp_path / "needs-check.png"))

    qtbot.mouseClick(detail.kra_lacks_it_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run(qloop, services.store.get_entry(sale_id)).state is OutboxState.WAITING)
    qtbot.waitUntil(lambda: detail.message.kind == "ok" and "again" in detail.message.text())
    window.sync.last_report = None
    window.sync_all()
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    entry = run(qloop, services.store.get_entry(sale_id))
    assert entry.state is OutboxState.SIGNED and entry.invc_no == 1
    assert [s.invc_no for s in oscu_sim.signed_sales(till.pin, "00")] == [1]


def test_remove_retires_a_device_that_signed_sales_and_deletes_one_that_signed_none(
    qtbot, qloop, services, window, oscu_sim
):
    till = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-DET-3", "OSCU"))
    spare = run(qloop, connect_device(services, oscu_sim, "Spare till", "SN-DET-4", "OSCU"))
    [sale_id] = run(qloop, queue_sales(services, till.id, 1))
    window.open_device(till.id)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.device is not None and detail.device.id == till.id)

    # A sale still on its way: refused with the reason, nothing is asked.
    detail.confirm_box = None
    qtbot.mouseClick(detail.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.message.kind == "error", timeout=10000)
    assert "1 sale(s) not signed by KRA yet" in detail.message.text() and detail.confirm_box is None

    window.sync_all()
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=20000)
    assert run(qloop, services.store.get_entry(sale_id)).state is OutboxState.SIGNED
    qtbot.mouseClick(detail.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.confirm_box is not None and detail.confirm_box.isVisible())
    box = detail.confirm_box
    assert box.windowTitle() == "Retire this device?" and "retired, not deleted" in box.text()
    box.yes_button.click()
    qtbot.waitUntil(lambda: [r.device.id for r in window.model.rows()] == [spare.id], timeout=5000)
    assert run(qloop, services.store.get_entry(sale_id)).state is OutboxState.SIGNED  # kept

    window.show_retired_action.setChecked(True)  # View > Show retired devices
    qtbot.waitUntil(lambda: len(window.model.rows()) == 2, timeout=5000)
    row = window.model.row_of(till.id)
    assert "(retired)" in window.model.index(row, 0).data()
    assert "Retired" in window.model.index(row, 3).data()
    window.open_device(till.id)
    qtbot.waitUntil(lambda: detail.device is not None and detail.device.retired)
    assert detail.sync_button.isHidden() and detail.remove_button.isHidden()
    assert "RETIRED" in detail.facts.text()

    # A device that never signed a sale: deleted, after a question that says what goes.
    window.open_device(spare.id)
    qtbot.waitUntil(lambda: detail.device is not None and detail.device.id == spare.id)
    detail.confirm_box = None
    qtbot.mouseClick(detail.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.confirm_box is not None)
    assert detail.confirm_box.windowTitle() == "Delete this device?"
    assert "will be deleted" in detail.confirm_box.text() and "cannot be undone" in detail.confirm_box.text()
    detail.confirm_box.no_button.click()
    assert [d.id for d in run(qloop, services.store.list_devices())] == [spare.id]
    detail.confirm_box = None
    qtbot.mouseClick(detail.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.confirm_box is not None)
    detail.confirm_box.yes_button.click()
    qtbot.waitUntil(lambda: [r.device.id for r in window.model.rows()] == [till.id], timeout=5000)
    assert run(qloop, services.store.list_devices(include_retired=True))[0].id == till.id
