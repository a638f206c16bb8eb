"""The wizard's "Which KRA connection did KRA give you?": the developer.go.ke gateway, tested before saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from etims_desktop.domain.device import EndpointStyle
from etims_desktop.domain.status import StatusKind
from etims_desktop.kra.simulator import Simulator, SimulatorConfig
from etims_desktop.ui.devices.device_wizard import PageId

from .helpers import PIN, run
from .test_wizard import choose_custom_address, fill_identity


@pytest.fixture
def gateway_sim():
    with Simulator(SimulatorConfig(mode="gateway", insufficient_stock=False)) as sim:
        yield sim


def fill_gateway(qtbot, wizard, sim, secret: str) -> None:
    page = wizard.gateway_page
    key, _, app_id = sim.gateway_credentials
    qtbot.keyClicks(page.consumer_key_edit, key)
    qtbot.keyClicks(page.consumer_secret_edit, secret)
    qtbot.keyClicks(page.app_id_edit, app_id)
    qtbot.keyClicks(page.integration_token_edit, "INTEGRATION-TOKEN-555555")


def test_gateway_device_is_tested_then_initialised(qtbot, qloop, services, window, gateway_sim):
    gateway_sim.approve(PIN, "00", "SN-GW-1", "OSCU")
    wizard = window.open_add_device()
    qtbot.waitUntil(wizard.isVisible)
    wizard.next()
    fill_identity(qtbot, wizard, "Gateway till", PIN, "SN-GW-1")
    wizard.next()
    assert wizard.currentId() == PageId.CONNECTION
    connection = wizard.connection_page
    assert connection.classic.isChecked()
    connection.gateway.setChecked(True)
    choose_custom_address(qtbot, wizard, gateway_sim.api_url)
    assert connection.url_edit.text().endswith("/etims-oscu/api/v1")
    wizard.grab().save("/tmp/wizard-gateway-choice.png")
    wizard.next()
    assert wizard.currentId() == PageId.GATEWAY
    page = wizard.gateway_page
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # the app's consumer key, secret and id are needed
    fill_gateway(qtbot, wizard, gateway_sim, "wrong-secret")
    assert next_button.isEnabled()
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.kind == "error", timeout=10000)
    assert "consumer key and secret" in page.test_result.text()
    assert run(qloop, services.store.list_devices()) == []  # nothing saved by a test
    page.consumer_secret_edit.clear()
    qtbot.keyClicks(page.consumer_secret_edit, gateway_sim.gateway_credentials[1])
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.kind == "ok", timeout=10000)
    wizard.grab().save("/tmp/wizard-gateway-connection.png")
    wizard.next()

    key_page = wizard.key_page
    assert wizard.currentId() == PageId.KEY
    qtbot.mouseClick(key_page.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: key_page.done_ok, timeout=10000)
    assert key_page.result.kind == "ok", key_page.result.text()
    device = wizard.device
    assert device.endpoint_style is EndpointStyle.GATEWAY and device.initialised
    stored = services.key_store.get_gateway_credentials(device)
    assert stored.integration_token == "INTEGRATION-TOKEN-555555"
    assert page.consumer_secret_edit.text() == ""  # kept in the keyring, gone from the widget
    assert gateway_sim.gateway_credentials[1].encode() not in services.paths.database.read_bytes()
    qtbot.waitUntil(lambda: window.model.board_row(device.id) is not None)
    qtbot.waitUntil(lambda: window.model.board_row(device.id).status.kind is StatusKind.ONLINE, timeout=10000)
    wizard.accept()


def test_a_device_with_its_key_offers_only_the_key(qtbot, qloop, services, window, gateway_sim):
    gateway_sim.approve(PIN, "00", "SN-GW-2", "OSCU")
    wizard = window.open_add_device()
    wizard.next()
    fill_identity(qtbot, wizard, "Gateway till 2", PIN, "SN-GW-2")
    wizard.next()
    wizard.connection_page.gateway.setChecked(True)
    choose_custom_address(qtbot, wizard, gateway_sim.api_url)
    wizard.next()
    fill_gateway(qtbot, wizard, gateway_sim, gateway_sim.gateway_credentials[1])
    wizard.next()
    key_page = wizard.key_page
    qtbot.mouseClick(key_page.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: key_page.done_ok, timeout=10000)
    wizard.accept()
    again = window._device_wizard(wizard.device)  # "Connect ..." from the device's menu
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.isVisible)
    assert again.currentId() == PageId.KEY
    assert not again.key_page.init_radio.isEnabled() and again.key_page.key_radio.isChecked()
    again.reject()
