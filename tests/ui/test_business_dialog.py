"""The receipt header is edited from Settings and kept in the database, not in settings.json."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from etims_desktop.domain.receipt import BusinessDetails

from .helpers import run


def test_receipt_header_is_edited_in_settings_and_kept_in_the_database(qtbot, qloop, services, window):
    run(qloop, services.store.save_business_details(BusinessDetails(name="Duka", phone="0700 000000")))
    settings = window.open_settings()
    qtbot.mouseClick(settings.business_button, Qt.MouseButton.LeftButton)
    dialog = settings.business_dialog
    qtbot.waitUntil(lambda: dialog.edits["name"].isEnabled(), timeout=5000)  # current values read
    assert dialog.edits["name"].text() == "Duka" and dialog.edits["phone"].text() == "0700 000000"
    dialog.edits["name"].setText("  Duka La Mama ")
    dialog.edits["address"].setText("Moi Avenue, Nairobi")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    stored = run(qloop, services.store.business_details())
    assert stored.name == "Duka La Mama" and stored.address == "Moi Avenue, Nairobi"
    settings_file = services.paths.settings
    assert not settings_file.exists() or "business" not in json.loads(settings_file.read_text())
    settings.reject()
