"""Adding a device through the wizard: validation as you type, initialise with KRA, or enter a key."""

from __future__ import annotations

from PySide6.QtCore import Qt

from etims_desktop.domain.status import StatusKind
from etims_desktop.ui.devices.device_wizard import PageId

from .helpers import PIN, run


def fill_identity(qtbot, wizard, name: str, pin: str, serial: str) -> None:
    page = wizard.identity_page
    qtbot.keyClicks(page.name_edit, name)
    qtbot.keyClicks(page.pin_edit, pin)
    qtbot.keyClicks(page.serial_edit, serial)


def choose_custom_address(qtbot, wizard, url: str) -> None:
    page = wizard.connection_page
    page.custom.setChecked(True)
    page.url_edit.clear()
    qtbot.keyClicks(page.url_edit, url)


def test_add_oscu_device_and_initialise_with_kra(qtbot, qloop, services, window, oscu_sim):
    oscu_sim.approve(PIN, "00", "SN-WIZ-1", "OSCU")
    wizard = window.open_add_device()
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.currentId() == PageId.TYPE
    wizard.next()
    assert wizard.currentId() == PageId.IDENTITY
    identity = wizard.identity_page
    next_button = wizard.button(wizard.WizardButton.NextButton)

    qtbot.keyClicks(identity.pin_edit, "p05123")  # half a PIN: the message says what a PIN looks like
    assert identity.pin_edit.text() == "P05123"
    assert identity.fields["pin"].message.isVisible()
    assert "letter A or P, nine digits and a letter" in identity.fields["pin"].message.text()
    assert not next_button.isEnabled()
    identity.pin_edit.clear()
    fill_identity(qtbot, wizard, "Till 1", PIN, "SN-WIZ-1")
    assert not identity.fields["pin"].message.isVisible()
    assert next_button.isEnabled()
    wizard.next()

    assert wizard.currentId() == PageId.CONNECTION
    choose_custom_address(qtbot, wizard, "not an address")
    assert wizard.connection_page.url_field.message.isVisible()
    assert not next_button.isEnabled()
    wizard.connection_page.url_edit.clear()
    qtbot.keyClicks(wizard.connection_page.url_edit, oscu_sim.api_url)
    assert next_button.isEnabled()
    wizard.next()

    key_page = wizard.key_page
    assert wizard.currentId() == PageId.KEY
    assert not key_page.keyring.isVisible()  # a real keyring is in use: no warning
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    qtbot.mouseClick(key_page.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: key_page.done_ok, timeout=10000)
    assert key_page.result.kind == "ok", key_page.result.text()
    assert "SCU id KRACU" in key_page.result.text()
    assert finish.isEnabled()
    wizard.accept()

    device = wizard.device
    assert device.initialised
    assert services.key_store.has_key(device)
    qtbot.waitUntil(lambda: window.model.board_row(device.id) is not None)
    qtbot.waitUntil(lambda: window.model.board_row(device.id).status.kind is StatusKind.ONLINE)
    key = services.key_store.get_key(device)
    assert key.encode() not in services.paths.database.read_bytes()  # the key lives in the keyring only


def test_enter_an_existing_key_clears_the_field(qtbot, qloop, services, window, oscu_sim):
    key = oscu_sim.preinitialise(PIN, "00", "SN-WIZ-2")
    scu_id = next(d.scu_id for d in oscu_sim.approved_devices() if d.serial == "SN-WIZ-2")
    wizard = window.open_add_device()
    wizard.next()
    fill_identity(qtbot, wizard, "Till 2", PIN, "SN-WIZ-2")
    wizard.next()
    choose_custom_address(qtbot, wizard, oscu_sim.api_url)
    wizard.next()
    page = wizard.key_page
    page.key_radio.setChecked(True)
    assert page.key_edit.echoMode() == page.key_edit.EchoMode.Password
    qtbot.keyClicks(page.scu_edit, scu_id)
    qtbot.keyClicks(page.key_edit, key)
    qtbot.mouseClick(page.go_button, Qt.MouseButton.LeftButton)
    assert page.key_edit.text() == ""  # read once, then gone from the widget
    qtbot.waitUntil(lambda: page.done_ok, timeout=10000)
    assert page.result.kind == "ok", page.result.text()
    assert key not in page.result.text()
    assert services.key_store.get_key(wizard.device) == key


def test_initialise_errors_are_plain_and_cancel_removes_the_half_added_device(
    qtbot, qloop, services, window, oscu_sim
):
    wizard = window.open_add_device()  # this serial was never approved by (simulated) KRA
    wizard.next()
    fill_identity(qtbot, wizard, "Till 3", PIN, "SN-NOT-APPROVED")
    wizard.next()
    choose_custom_address(qtbot, wizard, oscu_sim.api_url)
    wizard.next()
    page = wizard.key_page
    qtbot.mouseClick(page.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.kind == "error", timeout=10000)
    assert page.result.text()
    assert "Traceback" not in page.result.text()
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    added = wizard.device
    assert added is not None and not added.initialised
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    wizard.reject()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert run(qloop, services.store.list_devices()) == []


def test_without_a_keyring_the_user_chooses_a_password_locked_file(qtbot, qloop, data_paths, oscu_sim):
    from etims_desktop.bootstrap import build_services
    from etims_desktop.storage.secrets import SessionKeyStore, key_file_path
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    services = build_services(data_paths, key_store=SessionKeyStore())  # as on a machine with no keyring
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        assert "session only" in window.keyring_label.text()
        oscu_sim.approve(PIN, "00", "SN-WIZ-4", "OSCU")
        wizard = window.open_add_device()
        wizard.next()
        fill_identity(qtbot, wizard, "Till 4", PIN, "SN-WIZ-4")
        wizard.next()
        choose_custom_address(qtbot, wizard, oscu_sim.api_url)
        wizard.next()
        page = wizard.key_page
        assert page.keyring_box.isVisibleTo(wizard)
        assert "no keyring" in page.keyring.banner.text()
        # the key is issued once: initialising into a session-only store is not offered
        assert not page.go_button.isEnabled()
        assert "only once" in page.once_warning.text()

        choice = page.keyring
        choice.encrypted.setChecked(True)
        qtbot.keyClicks(choice.password, "short")
        qtbot.keyClicks(choice.confirm, "short")
        qtbot.mouseClick(choice.use_button, Qt.MouseButton.LeftButton)
        assert "at least" in choice.password_message.text()
        qtbot.keyClicks(choice.password, " and long enough")
        qtbot.keyClicks(choice.confirm, " and long enough")
        qtbot.mouseClick(choice.use_button, Qt.MouseButton.LeftButton)
        assert choice.password.text() == "" and choice.confirm.text() == ""  # not kept in the widgets
        qtbot.waitUntil(lambda: getattr(services.key_store, "persistent", False), timeout=20000)
        assert services.connections.key_store is services.key_store
        assert key_file_path(data_paths.root).exists()
        qtbot.waitUntil(page.go_button.isEnabled)

        qtbot.mouseClick(page.go_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.done_ok, timeout=10000)
        key = services.key_store.get_key(wizard.device)
        assert key and key.encode() not in key_file_path(data_paths.root).read_bytes()  # encrypted
        wizard.accept()
    finally:
        window.close()
        run(qloop, tasks.cancel_all())
        run(qloop, services.aclose())


def test_an_oscu_address_in_clear_text_is_refused_with_the_reason(qtbot, qloop, services, window):
    wizard = window.open_add_device()
    qtbot.waitUntil(wizard.isVisible)
    wizard.next()
    fill_identity(qtbot, wizard, "Till 9", PIN, "SN-WIZ-9")
    wizard.next()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    choose_custom_address(qtbot, wizard, "http://192.0.2.10:8088/etims-api")
    message = wizard.connection_page.url_field.message
    assert message.isVisible() and "not encrypted" in message.text() and "https://" in message.text()
    assert not next_button.isEnabled()
    choose_custom_address(qtbot, wizard, "https://192.0.2.10/etims-api")
    assert next_button.isEnabled() and not message.isVisible()


def test_a_wrong_key_is_not_saved_and_says_why(qtbot, qloop, services, window, oscu_sim):
    oscu_sim.preinitialise(PIN, "00", "SN-WIZ-8")
    scu_id = next(d.scu_id for d in oscu_sim.approved_devices() if d.serial == "SN-WIZ-8")
    wizard = window.open_add_device()
    wizard.next()
    fill_identity(qtbot, wizard, "Till 8", PIN, "SN-WIZ-8")
    wizard.next()
    choose_custom_address(qtbot, wizard, oscu_sim.api_url)
    wizard.next()
    page = wizard.key_page
    page.key_radio.setChecked(True)
    qtbot.keyClicks(page.scu_edit, scu_id)
    qtbot.keyClicks(page.key_edit, "f" * 32)
    qtbot.mouseClick(page.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.kind == "error", timeout=10000)
    assert "did not accept this CMC key" in page.result.text()
    assert not page.done_ok and not services.key_store.has_key(wizard.device)
