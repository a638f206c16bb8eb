"""Issue 22: what a new shop owner hits in the first hour, tried as they would (real window, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from etims_desktop.domain.status import StatusKind

from .helpers import connect_device, run

PASSWORD = "a long password"


@pytest.fixture
def session_services(qloop, data_paths):
    """Services as on a computer without a keyring: keys kept for the session until a key file is chosen."""
    from etims_desktop.bootstrap import build_services
    from etims_desktop.storage.secrets import SessionKeyStore
    from etims_desktop.sync.settings import SyncSettings

    built = []

    def build():
        settings = SyncSettings(live_check_seconds=3600, vscu_upload_minutes=600, max_transport_failures=1)
        built.append(build_services(data_paths, key_store=SessionKeyStore(), settings=settings))
        return built[-1]

    yield build
    for services in built:
        run(qloop, services.aclose())


def open_window(qtbot, services):
    from etims_desktop.ui.main_window import MainWindow

    win = MainWindow(services)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: win.refresher.loads >= 1, timeout=5000)
    return win


def close_window(qloop, win):
    from etims_desktop.ui.common import tasks

    win.close()
    run(qloop, tasks.cancel_all())


def statuses(win) -> dict[str, StatusKind]:
    return {r.device.name: r.status.kind for r in win.model.rows()}


def test_practice_devices_keep_their_keys_when_keys_move_to_the_locked_file(
    qtbot, qloop, session_services, oscu_sim
):
    """Item 1 (and 5): a real device's key goes to the password-locked file; practice devices stay
    connected, after a restart too, and Enter in the unlock box unlocks."""
    services = session_services()
    win = open_window(qtbot, services)
    win.start_practice()
    qtbot.waitUntil(lambda: win.practice_ready.is_set() and win.model.rowCount() == 2, timeout=15000)

    dialog = win.open_keyring_choice()
    choice = dialog.choice
    choice.encrypted.setChecked(True)
    qtbot.keyClicks(choice.password, PASSWORD)
    qtbot.keyClick(choice.password, Qt.Key.Key_Return)  # moves on to "Password again"
    assert dialog.isVisible()
    qtbot.keyClicks(choice.confirm, PASSWORD)
    qtbot.keyClick(choice.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.key_store.persistent, timeout=15000)
    run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-REAL-1"))
    win.refresher.refresh_now()
    qtbot.waitUntil(lambda: len(statuses(win)) == 3, timeout=5000)
    qtbot.waitUntil(lambda: set(statuses(win).values()) == {StatusKind.ONLINE}, timeout=15000)
    close_window(qloop, win)
    run(qloop, services.aclose())

    # restart: the key file is locked, practice mode comes back by itself; then the owner unlocks
    services = session_services()
    win = open_window(qtbot, services)
    qtbot.waitUntil(lambda: win.practice_ready.is_set(), timeout=15000)
    assert win.keyring_box.isVisible() and "Unlock" in win.keyring_button.text()
    dialog = win.open_keyring_choice()
    qtbot.keyClicks(dialog.choice.password, PASSWORD)
    dialog.choice.encrypted.setChecked(True)
    qtbot.keyClick(dialog.choice.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.key_store.persistent, timeout=15000)
    qtbot.waitUntil(lambda: set(statuses(win).values()) == {StatusKind.ONLINE}, timeout=15000)
    close_window(qloop, win)


def test_a_practice_device_without_its_key_can_be_reconnected(qtbot, qloop, session_services):
    """Item 1: a practice device that lost its key offers a way back, from the board's menu."""
    services = session_services()
    win = open_window(qtbot, services)
    win.start_practice()
    qtbot.waitUntil(lambda: win.practice_ready.is_set() and win.model.rowCount() == 2, timeout=15000)
    oscu = next(d for d in services.practice.devices if d.type.value == "OSCU")
    services.key_store.delete_key(oscu)  # as when the session's keys were lost
    services.connections.forget(oscu.id)
    run(qloop, services.sync.checker.check(oscu))
    win.refresher.refresh_now()
    qtbot.waitUntil(lambda: statuses(win)[oscu.name] is not StatusKind.ONLINE, timeout=5000)
    win.board.select_device(oscu.id)
    texts = menu_texts_of(
        win, lambda: win._board_menu(win.board.visualRect(win.board.currentIndex()).center())
    )
    assert "Reconnect to the practice KRA" in texts
    win.open_device_setup(oscu.id)
    qtbot.waitUntil(lambda: statuses(win)[oscu.name] is StatusKind.ONLINE, timeout=15000)
    close_window(qloop, win)


def menu_texts_of(win, open_menu) -> list[str]:
    before = set(win.findChildren(QMenu))
    open_menu()
    menu = next(m for m in win.findChildren(QMenu) if m not in before)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.close()
    return texts


def test_every_menu_item_has_words(qtbot, qloop, window, oscu_sim, services):
    """Item 6: File > Quit, Help > About and the board's context menu all show their text."""
    run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-1"))
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    assert len(menus) >= 3
    for menu in menus:
        for action in menu.actions():
            if not action.isSeparator():
                assert action.text().strip(), f"an empty item in the {menu.title()} menu"
    names = [a.text().replace("&", "") for m in menus for a in m.actions()]
    assert "Quit" in names and "About" in names
    window.board.selectRow(0)
    texts = menu_texts_of(
        window, lambda: window._board_menu(window.board.visualRect(window.board.currentIndex()).center())
    )
    assert texts and all(t.strip() for t in texts), texts


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_window_fits_a_1366x768_laptop(tmp_path, scale):
    """Item 4 (and 5): every dialog opens within a 1366x768 screen, at 100 % and 200 %, with its
    buttons in view and no squashed text boxes (the receipt window was 760x900)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "dpr": 1}]})
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": scale}
    probe = Path(__file__).with_name("fit_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe)], env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(result["checked"]) >= 14
    assert result["problems"] == []


def test_real_devices_come_first_and_practice_mode_can_be_left(qtbot, qloop, window, services, oscu_sim):
    """Item 2 (and 13's doubled "(OSCU) (OSCU)"): once a real device exists, New sale and Import pick
    it, practice devices are marked, and practice mode can be left."""
    from PySide6.QtWidgets import QMessageBox

    from .helpers import queue_sales

    window.start_practice()
    qtbot.waitUntil(lambda: window.practice_ready.is_set(), timeout=15000)
    real = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-REAL-1"))
    practice_oscu = next(d for d in services.practice.devices if d.type.value == "OSCU")
    run(qloop, queue_sales(services, practice_oscu.id, 2, "P"))
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)
    assert window.practice_box.isVisible()
    assert "practice" in window.practice_banner.text().lower()

    sale = window.sales_tab.new_sale()
    qtbot.waitUntil(lambda: sale._loaded, timeout=5000)
    assert sale.device_id() == real.id
    labels = [sale.device_combo.itemText(i) for i in range(sale.device_combo.count())]
    assert labels[0] == "Till 1 (OSCU)"
    assert "PRACTICE - Practice till (OSCU)" in labels
    assert not any("(OSCU) (OSCU)" in label for label in labels)
    sale.close()
    imports = window.sales_tab.import_sales()
    qtbot.waitUntil(lambda: imports.device_combo.count() == 3, timeout=5000)
    assert imports.device_combo.currentData() == real.id
    imports.close()

    box = window.ask_leave_practice()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=20000)
    assert services.practice is None
    assert [d.name for d in run(qloop, services.store.list_devices())] == ["Till 1"]
    assert not window.practice_box.isVisible()
    assert not window.leave_practice_action.isEnabled()
    assert window.practice_action.isEnabled()


def test_a_failed_request_changes_the_board_at_once_and_the_age_shows(
    qtbot, qloop, window, services, vscu_sim
):
    """Item 3: the VSCU service goes away; registering items (a real request) fails and the board says
    "service down" at once, without a Sync or a scheduled check. An aged check is not cut off."""
    from datetime import timedelta

    from etims_desktop.domain.clock import utcnow
    from etims_desktop.sync.items import ItemRegistrar
    from etims_desktop.ui.board.board_model import Column

    from .helpers import an_item

    device = run(qloop, connect_device(services, vscu_sim, "Back office", "SN-V1", "VSCU"))
    item = run(qloop, an_item(services))
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: statuses(window).get("Back office") is StatusKind.ONLINE, timeout=5000)

    # the check's age stays readable as it grows
    window.model.now = utcnow() + timedelta(seconds=50)
    window.model.tick()
    text = window.model.index(0, Column.STATUS).data()
    assert "under a minute ago" in text
    widest = max(window.board.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
    assert window.board.columnWidth(Column.STATUS) >= widest + 20
    window.model.now = None

    vscu_sim.close()
    registrar = ItemRegistrar(services.store, services.connections, notify=services.sync.notify)
    report = run(qloop, registrar.register(device, [item]))
    assert report.stopped
    gone = {StatusKind.SERVICE_DOWN, StatusKind.NOT_ANSWERING}  # refused, or a kept-alive connection dropped
    qtbot.waitUntil(lambda: statuses(window)["Back office"] in gone, timeout=5000)
    assert "just now" in window.model.index(0, Column.STATUS).data()


def test_everyday_words_find_item_classes_and_a_negative_price_is_refused(qtbot, qloop, services, oscu_sim):
    """Item 9: "sugar" and "salt" find classes in KRA's list (fetched from the practice KRA); a price
    of -5 shows its minus and is refused, never saved as 5."""
    from etims_desktop.sync.report import DeviceSyncReport
    from etims_desktop.ui.items.items_tab import ItemsTab

    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-I1"))
    report = DeviceSyncReport(device.id, device.name, device.type.value)
    run(qloop, services.sync.reference.refresh(device, report, force=True))
    assert report.refreshed.get("item classes"), report.errors
    for word, expected in (("sugar", "50161800"), ("salt", "5059690800"), ("unga", "5022110400")):
        found = run(qloop, services.store.search_item_classes(device.id, word))
        assert expected in [c.code for c in found], (word, found)

    tab = ItemsTab(services.items, services.sync, services.stock)
    qtbot.addWidget(tab)
    tab.show()
    dialog = tab.add_item()
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    qtbot.keyClicks(dialog.class_edit, "sugar")
    qtbot.waitUntil(lambda: dialog._class_model.rowCount() >= 1, timeout=5000)
    assert any("Confectionary" in s for s in dialog._class_model.stringList())
    dialog.name_edit.setText("Sugar 1 kg")
    dialog.class_edit.setText("50161800")
    qtbot.keyClicks(dialog.price_edit, "-5")
    assert dialog.price_edit.text() == "-5"
    dialog.save()
    assert "more than 0" in dialog.error_label.text()
    assert run(qloop, services.store.list_items()) == []


def test_messages_say_what_really_happens(qtbot, qloop, services, window, oscu_sim, vscu_sim):
    """Item 7: the wizard names where the key went (here: the password-locked file, not "the keyring");
    a VSCU sale waits for its batch; a sync summary has no '..' and says a reason once."""
    from PySide6.QtCore import Qt as _Qt

    from etims_desktop.domain.device import Device, DeviceType, EndpointStyle, Environment
    from etims_desktop.domain.status import DeviceStatus
    from etims_desktop.sync.report import DeviceSyncReport
    from etims_desktop.ui.devices.device_wizard import AddDeviceWizard
    from tests.ui.test_sales_dialog import add_items, open_sale_dialog, type_line

    from .helpers import PIN

    oscu_sim.approve(PIN, "00", "SN-M1", DeviceType.OSCU)
    device = run(
        qloop,
        services.devices.add_device(
            Device(
                None,
                "Till 1",
                DeviceType.OSCU,
                PIN,
                "00",
                "SN-M1",
                Environment.CUSTOM,
                oscu_sim.api_url,
                EndpointStyle.FLAT,
            )  # fmt: skip
        ),
    )
    window.open_device_setup(device.id)
    qtbot.waitUntil(lambda: any(isinstance(d, AddDeviceWizard) for d in window._dialogs), timeout=5000)
    wizard = next(d for d in window._dialogs if isinstance(d, AddDeviceWizard))
    qtbot.mouseClick(wizard.key_page.go_button, _Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.key_page.done_ok, timeout=10000)
    said = wizard.key_page.result.text()
    assert "in the keyring" not in said and "password-locked key file" in said, said
    assert ".." not in said
    wizard.accept()

    vscu = run(qloop, connect_device(services, vscu_sim, "Back office", "SN-M2", "VSCU"))
    add_items(qloop, services)
    dialog = open_sale_dialog(qtbot, services, vscu.id)
    type_line(qtbot, dialog, "sugar")
    with qtbot.waitSignal(dialog.sale_recorded, timeout=5000):
        dialog.save()
    told = dialog.message.text()
    assert "next batch" in told and "goes to KRA now" not in told, told

    report = DeviceSyncReport(
        vscu.id, "Back office", "VSCU",
        DeviceStatus(StatusKind.SERVICE_DOWN, plain="Nothing answers at http://127.0.0.1:9."),
        still_pending=3, waiting_reason="Nothing answers at http://127.0.0.1:9.",
    )  # fmt: skip
    summary = report.summary()
    assert ".." not in summary and summary.count("answers at") == 1, summary
    assert summary == "Nothing was sent: nothing answers at http://127.0.0.1:9. 3 still waiting."


def test_the_wizard_tests_the_connection_and_asks_for_the_shop_on_receipts(
    qtbot, qloop, services, window, oscu_sim
):
    """Items 11 and 13: "Test connection" before any key is asked for; the last step asks for the
    shop's name, which then heads the receipts (not the device's name)."""
    from etims_desktop.app.receipts import receipt_view
    from tests.ui.test_wizard import choose_custom_address, fill_identity

    from .helpers import PIN, queue_sales

    oscu_sim.approve(PIN, "00", "SN-W1", "OSCU")
    wizard = window.open_add_device()
    wizard.next()
    fill_identity(qtbot, wizard, "Till 1", PIN, "SN-W1")
    wizard.next()
    page = wizard.connection_page
    choose_custom_address(qtbot, wizard, "http://127.0.0.1:9")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.kind == "error", timeout=10000)
    assert "Nothing answers at 127.0.0.1:9" in page.test_result.text()
    page.url_edit.clear()
    qtbot.keyClicks(page.url_edit, oscu_sim.api_url)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.kind == "ok", timeout=10000)
    assert "Something answers" in page.test_result.text()
    assert run(qloop, services.store.list_devices()) == []  # testing added nothing
    wizard.next()

    key_page = wizard.key_page
    assert not key_page.business.isVisibleTo(wizard)
    qtbot.mouseClick(key_page.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: key_page.done_ok, timeout=10000)
    assert key_page.business.isVisibleTo(wizard)
    qtbot.keyClicks(key_page.business.edits["name"], "Mama Mboga Traders Ltd")
    qtbot.keyClicks(key_page.business.edits["phone"], "0712 345678")
    wizard.button(wizard.WizardButton.FinishButton).click()
    device = wizard.device

    sale_id = run(qloop, queue_sales(services, device.id, 1))[0]
    view = run(qloop, receipt_view(services.store, sale_id))
    assert view.business.name == "Mama Mboga Traders Ltd"
    assert view.business.phone == "0712 345678"
    assert view.business.footer  # the footer the owner did not touch stays


def test_polish_a_shop_owner_sees(qtbot, qloop, services, window, oscu_sim):
    """Item 13: the title says the name once; the detail panel leaves the board's status and waiting
    sales in view; KSh on amounts; cash received and change due; Settings says Save applies."""
    from decimal import Decimal

    from PySide6.QtWidgets import QApplication

    from etims_desktop.ui.board.board_model import Column
    from tests.ui.test_sales_dialog import add_items, open_sale_dialog, type_line

    QApplication.instance().setApplicationDisplayName("etims-desktop")
    assert "etims-desktop" not in window.windowTitle()  # Qt appends the display name itself

    window.resize(1366, 768)
    device = run(qloop, connect_device(services, oscu_sim, "Till 1", "SN-P1"))
    window.refresher.refresh_now()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    window.open_device(device.id)
    qtbot.waitUntil(lambda: window.detail.isVisible(), timeout=5000)
    header = window.board.horizontalHeader()
    visible_right = max(
        header.sectionViewportPosition(c) + header.sectionSize(c)
        for c in (Column.DEVICE, Column.STATUS, Column.PENDING)
    )
    assert visible_right <= window.board.viewport().width(), "status or waiting sales scrolled off"
    assert header.length() <= window.board.viewport().width(), "the board scrolls sideways"
    window.detail.closed.emit()
    assert not any(window.board.isColumnHidden(c) for c in Column)

    # the Sales search box shows its whole hint, not "Se…", with long (practice) device names listed
    window.tabs.setCurrentWidget(window.sales_tab)
    search = window.sales_tab.search
    window.sales_tab.device_filter.addItem("PRACTICE - Practice back office (VSCU) with a long name", -1)
    qtbot.waitUntil(lambda: search.isVisible(), timeout=5000)
    assert search.width() >= search.fontMetrics().horizontalAdvance(search.placeholderText())
    window.tabs.setCurrentIndex(0)

    add_items(qloop, services)
    dialog = open_sale_dialog(qtbot, services, device.id)
    type_line(qtbot, dialog, "bread", qty="3")  # 3 x 65.00
    qtbot.waitUntil(
        lambda: dialog.amounts is not None and dialog.amounts.total == Decimal("195.00"), timeout=5000
    )
    assert dialog.totals.total_label.text() == "TOTAL KSh 195.00"
    qtbot.keyClicks(dialog.cash_edit, "100")
    assert dialog.change_label.text() == "KSh 95.00 short"
    dialog.cash_edit.setText("500")
    assert "KSh 305.00" in dialog.change_label.text()
    with qtbot.waitSignal(dialog.sale_recorded, timeout=5000):
        dialog.save()
    assert "Give KSh 305.00 change." in dialog.message.text()
    assert dialog.cash_edit.text() == ""  # ready for the next customer

    settings = window.open_settings()
    from PySide6.QtWidgets import QLabel

    notes = " ".join(label.text() for label in settings.findChildren(QLabel))
    assert "Changes apply at once" not in notes and "Save applies the changes" in notes
    settings.reject()
