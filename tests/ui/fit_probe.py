"""Opens every window of the app at the screen size it is started with and prints what does not fit.

Run by test_first_hour.py (and test_kiswahili.py, with ETIMS_LANGUAGE=sw) in a child process (the screen size and QT_SCALE_FACTOR are fixed when Qt
starts): QT_QPA_PLATFORM=offscreen:configfile=screen.json [QT_SCALE_FACTOR=2] python fit_probe.py
Prints one JSON object: {"checked": [...window names...], "problems": [...plain sentences...]}.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QWidget,
)


async def until(predicate, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("the window did not settle")
        await asyncio.sleep(0.05)


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems_of(name: str, window: QWidget) -> list[str]:
    found = []
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    # The main window's tabs need ~930x340 logical pixels: more than 1366x768 at 200 % (683x384) has.
    main_window_at_200 = window.inherits("QMainWindow") and window.devicePixelRatio() > 1.5
    if (frame.width() > room.width() or frame.height() > room.height()) and not main_window_at_200:
        found.append(
            f"{name}: {frame.width()}x{frame.height()} is bigger than the screen {room.width()}x{room.height()}"
        )
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _in_scroll_area(button, window):
            continue
        where = button.geometry()
        where.moveTopLeft(button.mapTo(window, button.rect().topLeft()))
        if not inside.contains(where):
            found.append(f"{name}: the button {button.text()!r} is outside the window")
        elif where.height() < button.minimumSizeHint().height() - 2:
            found.append(f"{name}: the button {button.text()!r} is squashed to {where.height()} px")
    for edit in window.findChildren(QLineEdit):
        if (
            not edit.isVisibleTo(window)
            or _in_scroll_area(edit, window)
            or edit.parentWidget().inherits("QAbstractSpinBox")
        ):
            continue
        if edit.height() < edit.minimumSizeHint().height() - 2:
            found.append(f"{name}: a text box is squashed to {edit.height()} px")
    return found


async def main() -> int:
    from etims_desktop.bootstrap import build_services
    from etims_desktop.domain.outbox import OutboxState
    from etims_desktop.paths import DataPaths
    from etims_desktop.practice import start_practice
    from etims_desktop.storage.secrets import SessionKeyStore
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    checked: list[str] = []
    problems: list[str] = []

    async def look(name: str, window: QWidget) -> None:
        await asyncio.sleep(0.1)  # let the layouts settle (never processEvents() inside a task)
        checked.append(name)
        problems.extend(problems_of(name, window))

    with tempfile.TemporaryDirectory(prefix="etims-fit-") as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        services = build_services(paths, key_store=SessionKeyStore())  # no keyring: the tallest key page
        window = MainWindow(services)
        try:
            window.show()
            await window.refresher.first_done.wait()
            practice = await start_practice(services)
            window.refresher.refresh_now()
            await until(lambda: window.model.rowCount() == 2)
            await look("main window", window)
            oscu = next(d for d in practice.devices if d.type.value == "OSCU")

            dialog = window.open_keyring_choice()
            dialog.choice.encrypted.setChecked(True)
            await look("key file dialog", dialog)
            dialog.close()

            wizard = window.open_add_device()
            await look("add device wizard: type", wizard)
            wizard.next()
            wizard.identity_page.name_edit.setText("Till 2")
            wizard.identity_page.pin_edit.setText("P051234567X")
            wizard.identity_page.serial_edit.setText("SN-0002")
            await look("add device wizard: identity", wizard)
            wizard.next()
            await look("add device wizard: connection", wizard)
            wizard.next()
            wizard.key_page.keyring.encrypted.setChecked(True)
            await look("add device wizard: key", wizard)
            wizard.reject()

            settings = window.open_settings()
            await look("settings", settings)
            settings.reject()

            diagnostics = window.open_diagnostics()
            await look("diagnostics", diagnostics)
            diagnostics.close()

            sales = window.sales_tab
            window.tabs.setCurrentWidget(sales)
            await look("sales tab", window)
            sale = sales.new_sale()
            await until(lambda: sale._loaded)
            await look("new sale", sale)
            sale.close()
            imports = sales.import_sales()
            await look("import", imports)
            imports.close()
            business = sales.edit_business()
            await look("receipt header", business)
            business.close()

            from etims_desktop.ui.receipts.receipt_preview import ReceiptPreview
            from etims_desktop.ui.sales.credit_note_dialog import CreditNoteDialog

            sys.path.insert(0, str(Path(__file__).parent))
            from helpers import queue_sales

            sale_id = (await queue_sales(services, oscu.id, 1))[0]
            await services.sync.sync_device(oscu)
            receipt = ReceiptPreview(services.receipts, sale_id, window)
            receipt.show()
            await until(lambda: receipt.view is not None)
            await look("receipt", receipt)
            receipt.close()
            signed = await services.store.list_outbox(oscu.id, {OutboxState.SIGNED}, limit=1)
            if signed:
                credit = CreditNoteDialog(services.credit_notes, signed[0].sale_id, window)
                credit.show()
                await look("credit note", credit)
                credit.close()
            window.tabs.setCurrentWidget(window.items_tab)
            await look("items tab", window)
        finally:
            window.close()
            window.events.detach()
            await tasks.cancel_all()
            await services.aclose()
    print(json.dumps({"checked": checked, "problems": problems}))
    return 0


if __name__ == "__main__":
    import qasync

    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    from etims_desktop.ui.common.i18n import install_chosen_language

    install_chosen_language(None)  # ETIMS_LANGUAGE=sw: the same windows with Kiswahili's longer words
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        sys.exit(runner.run(main()))
