"""Add a device: OSCU or VSCU, who it belongs to, where it talks, then initialise with KRA or enter a key.

An OSCU device talks to KRA's classic eTIMS API or to KRA's API gateway on developer.go.ke; the
gateway needs the app's consumer key and secret, its apigee app id and KRA's integration token, and
those are tested with KRA before anything is saved. A device that has its key is never initialised
again (on the gateway that can break it): its key and SCU id are entered instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlparse

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from etims_desktop.domain.addresses import cleartext_refusal, sends_in_clear
from etims_desktop.domain.device import (
    Device,
    DeviceType,
    EndpointStyle,
    Environment,
    validate_branch_id,
    validate_pin,
    validate_serial,
)
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.domain.gateway_credentials import GatewayCredentials
from etims_desktop.ui.common.icons import icon
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.common.widgets import Banner, FieldMessage, fit_to_screen, scrollable
from etims_desktop.ui.devices.business_details import BusinessDetailsBox, BusinessStore
from etims_desktop.ui.devices.keyring_choice import KeyringChoice

if TYPE_CHECKING:
    from etims_desktop.app.devices import DeviceService
    from etims_desktop.app.keys import KeyStorage


log = logging.getLogger("etims_desktop.ui")

DEFAULT_VSCU_URL = "http://localhost:8088"
DEFAULT_OSCU_TEST_URL = "http://localhost:8088/etims-api"  # `etims-desktop simulator` on its default port
DEFAULT_GATEWAY_TEST_URL = (
    "http://localhost:8088/etims-oscu/api/v1"  # `etims-desktop simulator --mode gateway`
)


class PageId(IntEnum):
    TYPE = 0
    IDENTITY = 1
    CONNECTION = 2
    KEY = 3
    GATEWAY = 4  # between CONNECTION and KEY, for a device on KRA's API gateway


def validate_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainValidationError("Give the device a name you will recognise, e.g. 'Till 1'.", "name")
    return name


def validate_service_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise DomainValidationError(
            "Enter the address of the VSCU service, for example http://localhost:8088.", "base_url"
        )
    try:
        parsed.port  # noqa: B018 - raises on a bad port number
    except ValueError:
        raise DomainValidationError("The port number in the address is not valid.", "base_url") from None
    return url


Validator = Callable[[str], str]  # the cleaned value, or DomainValidationError in plain words


class Connection(TypedDict):
    """Where a new device talks to (the Device fields the connection page decides)."""

    environment: Environment
    base_url: str | None
    endpoint_style: EndpointStyle


def _wizard_of(page: QWizardPage) -> AddDeviceWizard | None:
    """The wizard a page belongs to (None before the page is added to one)."""
    wizard = page.wizard()
    return wizard if isinstance(wizard, AddDeviceWizard) else None


class CheckedField:
    """A line edit with a plain message under it, validated as the user types."""

    def __init__(self, edit: QLineEdit, validator: Validator, message: FieldMessage) -> None:
        self.edit = edit
        self.validator = validator
        self.message = message
        self.touched = False
        edit.textEdited.connect(self._edited)
        edit.editingFinished.connect(self._left)

    def value(self) -> str | None:
        try:
            return self.validator(self.edit.text())
        except DomainValidationError:
            return None

    def error(self) -> str | None:
        try:
            self.validator(self.edit.text())
        except DomainValidationError as exc:
            return tr_core(str(exc))
        return None

    def _edited(self, _text: str) -> None:
        self.touched = True
        self.refresh()

    def _left(self) -> None:
        if self.edit.text():
            self.touched = True
        self.refresh()

    def refresh(self) -> None:
        self.message.say(self.error() if self.touched else None)


def _add_checked(
    form: QFormLayout, label: str, edit: QLineEdit, validator: Validator, hint: str = ""
) -> CheckedField:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(edit)
    message = FieldMessage()
    column.addWidget(message)
    if hint:
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet("color:#616161;")
        column.addWidget(hint_label)
    form.addRow(label, box)
    return CheckedField(edit, validator, message)


class TypePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Which kind of eTIMS device is it?"))
        self.setSubTitle(
            self.tr("KRA approved your device as one of these two. Your approval SMS or letter says which.")
        )
        self.oscu = QRadioButton(self.tr("OSCU - online"))
        self.vscu = QRadioButton(self.tr("VSCU - KRA's program on a computer in your shop"))
        self.oscu.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.oscu)
        group.addButton(self.vscu)
        oscu_text = QLabel(
            self.tr(
                "KRA signs every sale over the internet at the moment you make it. Needs a working internet connection."
            )
        )
        vscu_text = QLabel(
            self.tr(
                "KRA's VSCU program runs on one of your computers: it signs sales there and this app uploads them "
                "in batches. Good for busy shops and weak internet."
            )
        )
        layout = QVBoxLayout(self)
        for radio, text in ((self.oscu, oscu_text), (self.vscu, vscu_text)):
            text.setWordWrap(True)
            text.setContentsMargins(24, 0, 0, 12)
            text.setStyleSheet("color:#424242;")
            layout.addWidget(radio)
            layout.addWidget(text)
        layout.addStretch(1)

    def device_type(self) -> DeviceType:
        return DeviceType.VSCU if self.vscu.isChecked() else DeviceType.OSCU


class IdentityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who the device belongs to"))
        self.setSubTitle(self.tr("Type these exactly as they are on your KRA approval."))
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Till 1"))
        self.pin_edit = QLineEdit()
        self.pin_edit.setPlaceholderText("P051234567X")
        self.pin_edit.setMaxLength(11)
        self.pin_edit.textEdited.connect(self._upper_pin)
        self.branch_edit = QLineEdit("00")
        self.branch_edit.setMaxLength(2)
        self.serial_edit = QLineEdit()
        self.serial_edit.setPlaceholderText(self.tr("the serial number you declared to KRA"))
        self.fields = {
            "name": _add_checked(form, self.tr("Name on this computer"), self.name_edit, validate_name),
            "pin": _add_checked(form, self.tr("KRA PIN"), self.pin_edit, validate_pin),
            "branch": _add_checked(
                form,
                self.tr("Branch id"),
                self.branch_edit,
                validate_branch_id,
                self.tr("00 is the head office."),
            ),
            "serial": _add_checked(form, self.tr("Device serial number"), self.serial_edit, validate_serial),
        }
        for field in self.fields.values():
            field.edit.textChanged.connect(self.completeChanged)

    def _upper_pin(self, text: str) -> None:
        if text != text.upper():
            position = self.pin_edit.cursorPosition()
            self.pin_edit.setText(text.upper())
            self.pin_edit.setCursorPosition(position)

    def isComplete(self) -> bool:
        return all(field.value() is not None for field in self.fields.values())

    def values(self) -> dict[str, str]:
        return {key: field.value() or "" for key, field in self.fields.items()}


class ConnectionPage(QWizardPage):
    """OSCU: KRA's sandbox, production, or another address (a test server); VSCU: the service's address."""

    def __init__(self, default_environment: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where the device talks to"))
        content = QWidget()  # scrolls on a small screen rather than squashing its choices
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)

        self.oscu_box = QWidget()
        oscu = QVBoxLayout(self.oscu_box)
        oscu.setContentsMargins(0, 0, 0, 0)
        oscu.addWidget(self._build_kind_box())
        self.sandbox = QRadioButton(self.tr("Sandbox - KRA's test system, for trying things out"))
        self.production = QRadioButton(self.tr("Production - real sales, real tax"))
        self.custom = QRadioButton(self.tr("Another address - a test server (for integrators)"))
        group = QButtonGroup(self)
        for radio in (self.sandbox, self.production, self.custom):
            group.addButton(radio)
            oscu.addWidget(radio)
        (self.production if default_environment == "production" else self.sandbox).setChecked(True)
        note = QLabel(self.tr("Sandbox and production are separate registrations with separate keys."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        oscu.addWidget(note)

        self._build_address_box()

        # "Test connection": does anything answer there, before a key is asked for (nothing is sent)
        self.test_button = QPushButton(icon("refresh"), self.tr("Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = Banner()
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        layout.addWidget(self.oscu_box)
        layout.addWidget(self.address_box)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        layout.addStretch(1)
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(scrollable(content))
        for radio in (self.sandbox, self.production, self.custom, self.gateway):
            radio.toggled.connect(self._update)

    def _build_address_box(self) -> None:
        """The address (VSCU, or OSCU on another server), checked as typed, and the VSCU's path style."""
        self.address_box = QWidget()
        form = QFormLayout(self.address_box)
        form.setContentsMargins(0, 8, 0, 0)
        self.url_edit = QLineEdit(DEFAULT_VSCU_URL)
        self.url_hint = QLabel()
        self.url_field = _add_checked(form, self.tr("Address"), self.url_edit, self._validate_url)
        self.url_hint.setWordWrap(True)
        self.url_hint.setStyleSheet("color:#616161;")
        form.addRow("", self.url_hint)
        self.url_edit.textChanged.connect(self.completeChanged)
        self.style_label = QLabel(self.tr("Path style"))
        self.style_combo = QComboBox()
        self.style_combo.addItem(
            self.tr("Grouped paths (/trnsSales/saveSales) - most VSCU versions"), EndpointStyle.NESTED
        )
        self.style_combo.addItem(self.tr("Single names (/saveTrnsSalesOsdc) - like OSCU"), EndpointStyle.FLAT)
        form.addRow(self.style_label, self.style_combo)

    def _validate_url(self, url: str) -> str:
        url = validate_service_url(url)
        if not self._vscu() and sends_in_clear(url):  # an OSCU device sends its CMC key with every call
            raise DomainValidationError(" ".join(cleartext_refusal(url)), "base_url")
        return url

    def _build_kind_box(self) -> QGroupBox:
        """Classic eTIMS API or the developer.go.ke gateway, and the gateway's credentials."""
        box = QGroupBox(self.tr("Which KRA connection did KRA give you?"))
        column = QVBoxLayout(box)
        self.classic = QRadioButton(self.tr("KRA's eTIMS API - the usual one"))
        self.gateway = QRadioButton(self.tr("KRA's API gateway - an app on developer.go.ke"))
        self.classic.setChecked(True)
        group = QButtonGroup(self)
        for radio, text in (
            (self.classic, self.tr("Choose this unless KRA sent you a consumer key and secret.")),
            (self.gateway, self.tr("You have an app there with a consumer key and secret (next page).")),
        ):
            group.addButton(radio)
            column.addWidget(radio)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setContentsMargins(24, 0, 0, 4)
            label.setStyleSheet("color:#616161;")
            column.addWidget(label)

        return box

    def via_gateway(self) -> bool:
        return not self._vscu() and self.gateway.isChecked()

    def _vscu(self) -> bool:
        wizard = _wizard_of(self)
        return wizard is not None and wizard.type_page.device_type() is DeviceType.VSCU

    def initializePage(self) -> None:
        vscu = self._vscu()
        self.setSubTitle(
            self.tr("Tell the app where your VSCU program runs.")
            if vscu
            else self.tr("Choose KRA's test system or the real one.")
        )
        if vscu and not self.url_edit.text():
            self.url_edit.setText(DEFAULT_VSCU_URL)
        self._update()

    def _update(self) -> None:
        vscu = self._vscu()
        # a sensible example address for what is chosen, unless the user typed their own
        examples = (DEFAULT_VSCU_URL, DEFAULT_OSCU_TEST_URL, DEFAULT_GATEWAY_TEST_URL)
        wanted = (
            DEFAULT_VSCU_URL
            if vscu
            else DEFAULT_GATEWAY_TEST_URL
            if self.via_gateway()
            else DEFAULT_OSCU_TEST_URL
        )
        if self.url_edit.text() in examples:
            self.url_edit.setText(wanted)
        self.oscu_box.setVisible(not vscu)
        self.address_box.setVisible(vscu or self.custom.isChecked())
        self.style_label.setVisible(vscu)
        self.style_combo.setVisible(vscu)
        self.url_hint.setText(
            self.tr("The computer running KRA's VSCU program and its port (8088 unless you changed it).")
            if vscu
            else self.tr("The full address of the eTIMS API, e.g. %1.").replace("%1", wanted)
        )
        self.completeChanged.emit()

    def nextId(self) -> int:
        return PageId.GATEWAY if self.via_gateway() else PageId.KEY

    def test_connection(self) -> None:
        wizard = _wizard_of(self)
        draft = wizard.draft_or_none() if wizard is not None else None
        if wizard is None or draft is None:
            return
        self.test_button.setEnabled(False)
        self.test_result.show_message("info", self.tr("Trying to reach it…"))
        spawn(self._test(wizard.devices, draft), on_error=self._test_failed)

    async def _test(self, devices: DeviceService, draft: Device) -> None:
        said = await devices.probe_address(draft)
        self.test_button.setEnabled(True)
        self.test_result.show_message("ok", tr_core(said))

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.test_result.show_message("error", tr_core(plain_error(exc)))

    def isComplete(self) -> bool:
        if self._vscu() or self.custom.isChecked():
            return self.url_field.value() is not None
        return True

    def connection(self, device_type: DeviceType) -> Connection:
        if device_type is DeviceType.VSCU:
            return {
                "environment": Environment.CUSTOM,
                "base_url": self.url_field.value(),
                "endpoint_style": self.style_combo.currentData(),
            }
        style = EndpointStyle.GATEWAY if self.gateway.isChecked() else EndpointStyle.FLAT
        if self.custom.isChecked():
            return {
                "environment": Environment.CUSTOM,
                "base_url": self.url_field.value(),
                "endpoint_style": style,
            }
        environment = Environment.PRODUCTION if self.production.isChecked() else Environment.SANDBOX
        return {"environment": environment, "base_url": None, "endpoint_style": style}


class GatewayPage(QWizardPage):
    """The developer.go.ke app's credentials and KRA's integration token, tested with KRA on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your app on developer.go.ke"))
        self.setSubTitle(
            self.tr(
                "Copy these from your app on developer.go.ke (sandbox and production apps differ). KRA gives "
                "the integration token for your PIN, this program and the device serial."
            )
        )
        form = QFormLayout(self)
        self.consumer_key_edit = QLineEdit()
        self.consumer_secret_edit = QLineEdit()
        self.app_id_edit = QLineEdit()
        self.integration_token_edit = QLineEdit()
        for edit in (self.consumer_secret_edit, self.integration_token_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.integration_token_edit.setPlaceholderText(self.tr("from KRA, for this PIN and device serial"))
        form.addRow(self.tr("Consumer key"), self.consumer_key_edit)
        form.addRow(self.tr("Consumer secret"), self.consumer_secret_edit)
        form.addRow(self.tr("App id (apigee_app_id)"), self.app_id_edit)
        form.addRow(self.tr("Integration token"), self.integration_token_edit)
        for edit in (self.consumer_key_edit, self.consumer_secret_edit, self.app_id_edit):
            edit.textChanged.connect(self.completeChanged)
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.clicked.connect(self.test_gateway)
        self.test_result = Banner()
        form.addRow("", self.test_button)
        form.addRow("", self.test_result)
        note = QLabel(
            self.tr("They are kept in your computer's keyring, like the CMC key, and never shown again.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        form.addRow("", note)

    def nextId(self) -> int:
        return PageId.KEY

    def isComplete(self) -> bool:
        return self.gateway_credentials() is not None

    def gateway_credentials(self) -> GatewayCredentials | None:
        """What the user typed (None while the key, secret or app id is empty)."""
        try:
            return GatewayCredentials(
                self.consumer_key_edit.text(),
                self.consumer_secret_edit.text(),
                self.app_id_edit.text(),
                self.integration_token_edit.text() or None,
            )
        except DomainValidationError:
            return None

    def forget_secrets(self) -> None:
        """Once they are in the keyring, the secrets leave the widgets."""
        self.consumer_secret_edit.clear()
        self.integration_token_edit.clear()

    def test_gateway(self) -> None:
        wizard = _wizard_of(self)
        draft = wizard.draft_or_none() if wizard is not None else None
        credentials = self.gateway_credentials()
        if wizard is None or draft is None or credentials is None:
            self.test_result.show_message(
                "error", self.tr("Fill in the device details and all three app fields first.")
            )
            return
        self.test_button.setEnabled(False)
        self.test_result.show_message("info", self.tr("Asking KRA's gateway for an access token…"))
        spawn(self._test_gateway(wizard.devices, draft, credentials), on_error=self._test_failed)

    async def _test_gateway(
        self, devices: DeviceService, draft: Device, credentials: GatewayCredentials
    ) -> None:
        try:
            seconds = await devices.test_connection(draft, credentials)
        finally:
            self.test_button.setEnabled(True)
        self.test_result.show_message(
            "ok",
            self.tr("KRA's gateway accepted your consumer key and secret (%1 ms).").replace(
                "%1", f"{seconds * 1000:.0f}"
            ),
        )

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.test_result.show_message("error", tr_core(plain_error(exc)))


class KeyPage(QWizardPage):
    """Initialise with KRA (the first time), or type the key the device got elsewhere."""

    def __init__(
        self, devices: DeviceService, keys: KeyStorage, business: BusinessStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.devices = devices
        self.keys = keys
        self.setTitle(self.tr("Connect the device to KRA"))
        self.setSubTitle(
            self.tr(
                "KRA gives each device a secret CMC key once. The app keeps it in your computer's keyring."
            )
        )
        self.done_ok = False
        self.busy = False

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._build_keyring_box()
        connect_box = self._build_connect_box()
        self.result = Banner()

        content = QWidget()  # the tallest page: it scrolls on a small screen rather than squashing
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.keyring_box)
        layout.addWidget(connect_box)
        layout.addWidget(self.result)
        self.business = BusinessDetailsBox(business)  # asked once a real device works
        self.business.hide()
        layout.addWidget(self.business)
        layout.addStretch(1)
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(scrollable(content))
        self._mode_changed()

    def _build_keyring_box(self) -> None:
        """Where the key will be kept (shown only while keys would last just this session)."""
        self.keyring = KeyringChoice(self.keys)
        self.keyring.switched.connect(lambda _name: self._mode_changed())
        self.keyring_box = QGroupBox(self.tr("Where the key is kept"))
        keyring_layout = QVBoxLayout(self.keyring_box)
        keyring_layout.addWidget(self.keyring)

    def _build_connect_box(self) -> QGroupBox:
        """Initialise with KRA, or enter the key the device already has; the button that does it."""
        self.init_radio = QRadioButton(
            self.tr("Initialise with KRA now (the first time this device is set up)")
        )
        self.key_radio = QRadioButton(
            self.tr("Enter the key I already have (the device was set up with another program)")
        )
        self.init_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.init_radio)
        group.addButton(self.key_radio)
        self._build_key_box()
        self.go_button = QPushButton(icon("key"), "")
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(self.run)
        self.init_radio.toggled.connect(self._mode_changed)
        self.once_warning = Banner()
        connect_box = QGroupBox(self.tr("How to connect"))
        connect_layout = QVBoxLayout(connect_box)
        connect_layout.addWidget(self.init_radio)
        connect_layout.addWidget(self.key_radio)
        connect_layout.addWidget(self.key_box)
        connect_layout.addWidget(self.once_warning)
        row = QHBoxLayout()
        row.addWidget(self.go_button)
        row.addStretch(1)
        connect_layout.addLayout(row)
        return connect_box

    def _build_key_box(self) -> None:
        """SCU id, MRC number and the CMC key (never shown, never kept in the widget once read)."""
        self.key_box = QWidget()
        form = QFormLayout(self.key_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.scu_edit = QLineEdit()
        self.scu_edit.setPlaceholderText("KRACU0100000001")
        self.mrc_edit = QLineEdit()
        self.mrc_edit.setPlaceholderText(self.tr("optional"))
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("paste the CMC key - it is never shown again"))
        self.key_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        form.addRow(self.tr("SCU id"), self.scu_edit)
        form.addRow(self.tr("MRC number"), self.mrc_edit)
        form.addRow(self.tr("CMC key"), self.key_edit)

    def initializePage(self) -> None:
        wizard = _wizard_of(self)
        if wizard is None:  # Qt initialises a page only inside its wizard
            return
        self.keyring.refresh()
        self.keyring_box.setVisible(self.keys.session_only)
        draft = wizard.draft_or_none()
        device = draft or wizard.device
        if device is not None:
            where = device.base_url or (
                self.tr("KRA (production)")
                if device.environment is Environment.PRODUCTION
                else self.tr("KRA's test system (sandbox)")
            )
            self.summary.setText(
                self.tr("%1: %2 device, KRA PIN %3, branch %4, serial %5, talking to %6.")
                .replace("%1", device.name)
                .replace("%2", device.type.value)
                .replace("%3", device.pin)
                .replace("%4", device.branch_id)
                .replace("%5", device.serial)
                .replace("%6", where)
            )
        # A device that already has its key is never initialised again: only its key and SCU id are entered.
        has_key = wizard.device is not None and wizard.device.initialised
        self.init_radio.setEnabled(not has_key)
        self.init_radio.setToolTip(
            self.tr("This device is already initialised; initialising it again could break it.")
            if has_key
            else ""
        )
        if has_key:
            self.key_radio.setChecked(True)
        self._mode_changed()

    def _mode_changed(self) -> None:
        initialise = self.init_radio.isChecked()
        self.key_box.setVisible(not initialise)
        self.go_button.setText(self.tr("Initialise with KRA") if initialise else self.tr("Save the key"))
        # KRA hands out a device's key only once: never ask for it when it would be lost at closing time.
        lost_on_close = initialise and self.keys.session_only
        self.once_warning.show_message(
            "warn",
            self.tr(
                "KRA gives the key only once, and the app never shows it. Kept only while the app is open, "
                "it would be lost for good when you close it. Choose the password-locked file above first."
            )
            if lost_on_close
            else "",
        )
        self.go_button.setEnabled(not lost_on_close and not self.busy)

    def nextId(self) -> int:
        return -1  # the last page (GATEWAY's id is higher, but comes before it)

    def isComplete(self) -> bool:
        return self.done_ok and not self.busy

    def run(self) -> None:
        wizard = _wizard_of(self)
        if self.busy or wizard is None:  # (the button is on a page shown inside its wizard only)
            return
        key = None
        if self.key_radio.isChecked():
            key = self.key_edit.text()
            self.key_edit.clear()  # read once, never kept in the widget
        self._set_busy(True)
        self.result.show_message("info", self.tr("Talking to KRA…"))
        spawn(
            self._run(wizard, key, self.scu_edit.text(), self.mrc_edit.text() or None), on_error=self._failed
        )

    async def _run(self, wizard: AddDeviceWizard, key: str | None, scu_id: str, mrc_no: str | None) -> None:
        devices = self.devices
        try:
            draft = wizard.draft_or_none()
            credentials = wizard.gateway_credentials() if draft is not None else None
            if draft is not None and credentials is not None:
                # KRA's gateway: token (and, with a key, a cheap call) before saving
                await devices.test_connection(draft, credentials, key)
            device = await wizard.ensure_device()
            if credentials is not None:
                await devices.set_gateway_credentials(device.saved_id, credentials, test=False)
                wizard.gateway_page.forget_secrets()
            if key is None:
                device = await devices.initialise(device.saved_id)
            else:
                device = await devices.enter_existing_key(device.saved_id, key, scu_id, mrc_no)
            status = await devices.status(device.saved_id)
        finally:
            key = None
            self._set_busy(False)
        wizard.device = device
        self.done_ok = True
        words = tr_core(status.plain or status.kind.label)
        self.result.show_message(
            "ok" if status.kind.value == "online" else "warn",
            self.tr("Done. SCU id %1. The key is kept in %3. KRA status: %2.")
            .replace("%1", device.scu_id or "")
            .replace("%2", words.rstrip("."))
            .replace("%3", tr_core(self.keys.where()))
            + (
                "\n" + tr_core(status.next_step) if status.next_step and status.kind.value != "online" else ""
            ),
        )
        self.business.setVisible(not device.practice)
        self.completeChanged.emit()
        wizard.device_saved.emit(device.saved_id)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.result.show_message("error", tr_core(plain_error(exc)))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._mode_changed()
        self.completeChanged.emit()


class AddDeviceWizard(QWizard):
    """Non-modal: open with show(). With `device`, it starts at the key step for that device."""

    device_saved = Signal(int)  # added or (re)keyed: the board reloads

    def __init__(
        self,
        devices: DeviceService,
        keys: KeyStorage,
        business: BusinessStore,
        parent: QWidget | None = None,
        device: Device | None = None,
        *,
        default_environment: str = "sandbox",
    ) -> None:
        super().__init__(parent)
        self.devices = devices
        self.device = device  # the device this wizard created (or was given)
        self._created_here = False
        self.setWindowTitle(
            self.tr("Add an eTIMS device")
            if device is None
            else self.tr("Connect %1").replace("%1", device.name)
        )
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setMinimumSize(640, 520)
        fit_to_screen(self, 720, 680)
        self.type_page = TypePage()
        self.identity_page = IdentityPage()
        self.connection_page = ConnectionPage(default_environment)
        self.gateway_page = GatewayPage()
        self.key_page = KeyPage(devices, keys, business)
        self.setPage(PageId.TYPE, self.type_page)
        self.setPage(PageId.IDENTITY, self.identity_page)
        self.setPage(PageId.CONNECTION, self.connection_page)
        self.setPage(PageId.KEY, self.key_page)
        self.setPage(PageId.GATEWAY, self.gateway_page)
        if device is not None:
            self.setStartId(PageId.KEY)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Done"))

    def draft_or_none(self) -> Device | None:
        """The device described by the pages so far (None when the wizard edits an existing device)."""
        if self.startId() == PageId.KEY:
            return None
        device_type = self.type_page.device_type()
        values = self.identity_page.values()
        try:
            return Device(
                id=None,
                name=values["name"],
                type=device_type,
                pin=values["pin"],
                branch_id=values["branch"],
                serial=values["serial"],
                **self.connection_page.connection(device_type),
            )
        except DomainValidationError:
            return None

    def gateway_credentials(self) -> GatewayCredentials | None:
        """The gateway credentials typed in, when the device goes through KRA's API gateway."""
        if not self.connection_page.via_gateway():
            return None
        return self.gateway_page.gateway_credentials()

    async def ensure_device(self) -> Device:
        """Add the device to the store once; if the user went back and changed it, replace it."""
        draft = self.draft_or_none()
        if draft is None:
            if self.device is None:
                raise DomainValidationError("Go back and complete the device details.")
            return self.device
        if self.device is not None and _same_device(self.device, draft):
            return self.device
        if self.device is not None and self._created_here and not self.device.initialised:
            # Added by this wizard a moment ago, never connected: no sale, nothing to confirm.
            await self.devices.remove_device(self.device.saved_id, confirmed=True)
            self.device = None
        self.device = await self.devices.add_device(draft)  # the board hears of it
        self._created_here = True
        return self.device

    def accept(self) -> None:
        """Done: keep the shop's details typed on the last page (they head every receipt)."""
        if self.key_page.business.isVisibleTo(self):
            self.key_page.business.save()
        super().accept()

    def reject(self) -> None:
        """Cancel: a device this wizard added but never connected is taken away again."""
        device = self.device
        if device is not None and self._created_here and not device.initialised:
            spawn(self._forget(device))
        super().reject()

    async def _forget(self, device: Device) -> None:
        await self.devices.remove_device(device.saved_id, confirmed=True)


def _same_device(a: Device, b: Device) -> bool:
    keys = ("name", "type", "pin", "branch_id", "serial", "environment", "base_url", "endpoint_style")
    return all(getattr(a, k) == getattr(b, k) for k in keys)
