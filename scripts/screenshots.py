"""Screenshots of the main screens into docs/screenshots/ (offscreen; no display needed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Builds a throw-away data dir, starts practice mode (the built-in practice KRA with one OSCU and one
VSCU device), records some sales (a few refused by KRA so "needs your fix" shows), syncs, and grabs:
the board, the sync report, the add-device wizard, the device detail, receipts (80 mm, A4 COPY,
58 mm in Kiswahili, an 80 mm PDF) and the settings dialog with its receipt printer section.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZE = (1366, 768)  # the common shop laptop; every window must fit it


async def until(predicate, timeout: float = 20.0) -> None:
    """Wait for a condition the window reaches through its own events (no fixed sleeps)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("the window did not settle")
        await asyncio.sleep(0.05)


async def practice_devices(services):
    """Practice mode's devices and its OSCU simulator (etims_desktop.practice starts both)."""
    from etims_desktop.practice import start_practice

    practice = await start_practice(services)
    return practice.devices, practice.oscu


async def record_sales(services, device, count: int, prefix: str, hours_ago: float = 0) -> None:
    from etims_desktop.domain.sale import Sale, SaleLine, TaxType
    from etims_desktop.storage.records import ItemDraft

    items = await services.store.list_items()
    if not items:
        for name, cls, tax, price in (
            ("Sugar 1 kg", "5020230500", TaxType.B, "150.00"),
            ("Maize flour 2 kg", "5020230500", TaxType.B, "210.00"),
            ("Exercise book", "5020230500", TaxType.B, "55.00"),
        ):
            await services.store.add_item(ItemDraft(name, cls, tax, Decimal(price)))
        items = await services.store.list_items()
    sold_at = datetime.now(UTC) - timedelta(hours=hours_ago)
    for n in range(count):
        item = items[n % len(items)]
        line = SaleLine(
            item.code,
            item.item_class_code,
            item.name,
            Decimal(1 + n % 3),
            item.price,
            item.tax_type,
            item.pkg_unit_code,
            item.qty_unit_code,
        )
        sale = Sale(f"{prefix}-{n + 1:04d}", (line,), sold_at)
        await services.sales.record(device.id, sale, send_now=False)


async def main(out: Path) -> int:
    from keyrings.alt.file import PlaintextKeyring
    from PySide6.QtWidgets import QApplication

    from etims_desktop.bootstrap import build_services, setup_logging
    from etims_desktop.domain.device import DeviceType
    from etims_desktop.kra.simulator import FaultKind
    from etims_desktop.paths import DataPaths
    from etims_desktop.storage.secrets import KeyStore, SessionKeyStore
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    with tempfile.TemporaryDirectory(prefix="etims-shots-") as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        backend = PlaintextKeyring()
        backend.file_path = str(Path(tmp) / "keyring.cfg")  # a throw-away keyring, never the user's
        setup_logging(paths)
        services = build_services(paths, key_store=KeyStore(backend))
        from etims_desktop.domain.receipt import BusinessDetails

        # The receipt header in the database before any sale is signed: each signed sale keeps it.
        await services.store.save_business_details(
            BusinessDetails(name="Mama Mboga Supplies", address="Moi Avenue, Nairobi", phone="0712 345678")
        )
        window = MainWindow(services)
        try:
            window.resize(*SIZE)
            window.show()
            await window.refresher.first_done.wait()

            # The first start: with no device the app starts practice mode by itself (ui/app.py).
            devices, practice_kra = await practice_devices(services)
            window.refresher.refresh_now()
            await until(lambda: window.model.rowCount() == 2)
            window.grab().save(str(out / "first-start.png"))
            oscu = next(d for d in devices if d.type is DeviceType.OSCU)
            vscu = next(d for d in devices if d.type is DeviceType.VSCU)
            await record_sales(services, oscu, 6, "TILL")
            await record_sales(services, vscu, 9, "OFFICE", hours_ago=3)
            # two sales refused by the practice KRA, so "needs your fix" shows
            practice_kra.faults.add("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, count=2, code="910")
            window.refresher.refresh_now()
            await until(lambda: window.model.rowCount() == 2 and window.model.board_row(vscu.id).pending == 9)
            window.grab().save(str(out / "board-before-sync.png"))

            window.sync_all()
            await until(lambda: window.sync.last_report is not None, 60)
            await until(lambda: not window.refresher.busy)
            window.refresher.refresh_now()
            await until(lambda: not window.refresher.busy)
            window.grab().save(str(out / "sync-report.png"))

            window.open_device(oscu.id)
            await until(lambda: window.detail.loads > 0)
            window.detail.select_group("Needs your fix")
            await until(lambda: window.detail.outbox.rowCount() > 0 or window.detail.loads > 2)
            window.detail.select_row(0)
            await until(lambda: bool(window.detail.history.toPlainText()))
            window.grab().save(str(out / "device-detail.png"))

            wizard = window.open_add_device()
            wizard.grab().save(str(out / "wizard-type.png"))
            wizard.next()
            wizard.identity_page.name_edit.setText("Till 2")
            wizard.identity_page.pin_edit.setText("P05123")
            wizard.identity_page.fields["pin"]._edited("")
            wizard.identity_page.serial_edit.setText("SN-0002")
            wizard.grab().save(str(out / "wizard-identity.png"))
            wizard.identity_page.pin_edit.setText("P051234567X")
            wizard.next()
            wizard.connection_page.custom.setChecked(True)
            wizard.grab().save(str(out / "wizard-connection.png"))
            wizard.next()
            wizard.key_page.key_radio.setChecked(True)
            wizard.grab().save(str(out / "wizard-connect.png"))
            wizard.back()
            real_key_store = services.key_store
            services.connections.use_key_store(SessionKeyStore())  # as without a keyring
            wizard.next()
            wizard.grab().save(str(out / "wizard-no-keyring.png"))
            services.connections.use_key_store(real_key_store)
            wizard.reject()

            # Sales: the list, a new sale being typed, and a signed sale's receipt (80 mm and A4).
            window.tabs.setCurrentWidget(window.sales_tab)
            window.sales_tab.schedule_refresh()
            await until(lambda: window.sales_tab.model.rowCount() > 0)
            window.grab().save(str(out / "sales-list.png"))
            dialog = window.sales_tab.new_sale()
            await until(lambda: dialog._loaded)
            for text, qty in (("Sugar", "2"), ("Soda", "3"), ("Diesel", "10")):
                dialog.search_edit.setText(text)
                dialog.qty_edit.setText(qty)
                dialog.add_from_search()
            dialog.pin_edit.setText("P051234567X")
            await until(lambda: dialog.amounts is not None and len(dialog.amounts.lines) == 3)
            dialog.grab().save(str(out / "new-sale.png"))
            dialog.close()
            window.tabs.setCurrentWidget(window.items_tab)
            await until(lambda: window.items_tab.model.rowCount() > 0)
            window.grab().save(str(out / "items.png"))
            window.tabs.setCurrentIndex(0)

            from etims_desktop.app.receipts import receipt_view
            from etims_desktop.domain.outbox import OutboxState
            from etims_desktop.domain.receipt_rules import ReceiptRules
            from etims_desktop.ui.receipts.receipt_print import save_pdf
            from etims_desktop.ui.receipts.receipt_render import ReceiptLayout, ReceiptRenderer

            signed = await services.store.list_outbox(oscu.id, {OutboxState.SIGNED}, limit=1)
            view = ReceiptRules().apply(await receipt_view(services.store, signed[0].sale_id))
            from etims_desktop.ui.receipts.receipt_preview import ReceiptPreview

            preview = ReceiptPreview(services.receipts, signed[0].sale_id, window)
            preview.show()
            await until(lambda: preview.view is not None)
            preview.grab().save(str(out / "receipt-window.png"))
            preview.close()
            ReceiptRenderer(view, ReceiptLayout.THERMAL_80MM).images(110)[0].save(
                str(out / "receipt-80mm.png")
            )
            # KRA's rules (issue 19): an A4 reprint (COPY), a 58 mm Kiswahili roll, and a real PDF.
            copy = ReceiptRules().apply(view, copy=True)
            ReceiptRenderer(copy, ReceiptLayout.A4).images(80)[0].save(str(out / "receipt-a4-copy.png"))
            swahili = ReceiptRules(language="sw").apply(view)
            ReceiptRenderer(swahili, ReceiptLayout.THERMAL_58MM).images(110)[0].save(
                str(out / "receipt-58mm-kiswahili.png")
            )
            save_pdf(view, ReceiptLayout.THERMAL_80MM, out / "receipt-80mm.pdf")

            settings = window.open_settings()
            settings.receipts.connection.setCurrentIndex(settings.receipts.connection.findData("network"))
            settings.receipts.host.setText("192.168.1.50")
            settings.grab().save(str(out / "settings.png"))
            settings.reject()

            diagnostics = window.open_diagnostics()
            await until(lambda: diagnostics.ready)
            diagnostics.grab().save(str(out / "diagnostics.png"))
            diagnostics.close()
        finally:
            window.close()
            window.events.detach()
            await tasks.cancel_all()
            await services.aclose()
            app.processEvents()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    import qasync
    from PySide6.QtWidgets import QApplication

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    )
    args = parser.parse_args()
    application = QApplication(sys.argv)
    application.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(application)) as runner:
        sys.exit(runner.run(main(args.out)))
