"""Screenshots of the Purchases tab at 1366x768, in English and in Kiswahili (offscreen; no display needed).

    .venv/bin/python scripts/purchases_screenshots.py [--out docs/screenshots]

Starts practice mode in a throw-away database, has the practice KRA hold three suppliers' invoices and
two customs import lines for the practice PIN, gets them with "Get from KRA", accepts one, rejects one
and syncs, then grabs the window on the Purchases tab with the third invoice's details open:
purchases.png and purchases-sw.png. Each language runs in its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from screenshots import SIZE, practice_devices, until  # noqa: E402


async def shoot(out: Path, name: str) -> int:
    from keyrings.alt.file import PlaintextKeyring
    from PySide6.QtWidgets import QApplication

    from etims_desktop.bootstrap import build_services
    from etims_desktop.domain.device import DeviceType
    from etims_desktop.paths import DataPaths
    from etims_desktop.storage.records import ItemDraft
    from etims_desktop.storage.secrets import KeyStore
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    with tempfile.TemporaryDirectory(prefix="etims-shots-purchases-") as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        backend = PlaintextKeyring()
        backend.file_path = str(Path(tmp) / "keyring.cfg")  # a throw-away keyring, never the user's
        services = build_services(paths, key_store=KeyStore(backend))
        window = MainWindow(services)
        try:
            window.resize(*SIZE)
            window.show()
            await window.refresher.first_done.wait()
            devices, kra = await practice_devices(services)
            till = next(d for d in devices if d.type is DeviceType.OSCU)
            from decimal import Decimal

            from etims_desktop.domain.sale import TaxType

            await services.store.add_item(ItemDraft("Sugar 1 kg", "5020230500", TaxType.B, Decimal("150.00")))
            kra.add_supplier_invoice(
                till.pin,
                [("SUGAR 1KG", "24", "128.00", "B"), ("Maize flour 2kg", "10", "175.00", "B")],
                supplier_name="Nakumatt Wholesale Ltd",
                invoice_no=4411,
                sold_on="20261128",
            )
            kra.add_supplier_invoice(
                till.pin,
                [("Exercise books (10)", "5", "420.00", "B"), ("Rice 5kg", "4", "800.00", "A")],
                supplier_name="Bidco Distributors",
                invoice_no=982,
                sold_on="20261130",
            )
            kra.add_supplier_invoice(till.pin, supplier_name="Wholesale Supplies Ltd", invoice_no=10233)
            kra.add_import_line(
                till.pin, till.branch_id, task_code="T-2026-118", item_seq=1, name="Motor oil 5l"
            )
            kra.add_import_line(
                till.pin, till.branch_id, task_code="T-2026-118", item_seq=2, name="Spare tyres", qty="4"
            )

            tab = window.purchases_tab
            window.tabs.setCurrentWidget(tab)
            await until(lambda: tab.view.device_id is not None)
            tab.device_combo.setCurrentIndex(max(0, tab.device_combo.findData(till.id)))
            await until(lambda: tab.view.device_id == till.id)
            tab.fetch()
            await until(lambda: tab.invoice_table.rowCount() == 3)
            by_no = {p.supplier_invoice_no: p for p in tab.view.purchases}
            await services.purchases.accept(by_no[4411].id)
            await services.purchases.reject(by_no[982].id)
            window.sync_all()
            await until(lambda: window.sync.last_report is not None, 60)
            tab.schedule_refresh()
            await until(
                lambda: all(p.document_state is not None for p in tab.view.purchases if p.state != "new")
            )
            await until(lambda: not tab._reload.busy and not tab._reload.pending)
            row = next(n for n, p in enumerate(tab.view.purchases) if p.supplier_invoice_no == 4411)
            tab.invoice_table.selectRow(row)
            await asyncio.sleep(0.1)  # let the layout settle
            window.grab().save(str(out / f"{name}.png"))
        finally:
            window.close()
            window.events.detach()
            await tasks.cancel_all()
            await services.aclose()
            app.processEvents()
    return 0


def child(out: Path, language: str) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    from etims_desktop.ui.common.i18n import install_language

    application = QApplication(sys.argv[:1])
    application.setQuitOnLastWindowClosed(False)
    if language != "en" and not install_language(language):
        print(f"the {language} translation could not be loaded", file=sys.stderr)
        return 1
    name = "purchases" if language == "en" else f"purchases-{language}"
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(application)) as runner:
        return runner.run(shoot(out, name))


def main(out: Path) -> int:
    for language in ("en", "sw"):
        done = subprocess.run([sys.executable, __file__, "--child", language, "--out", str(out)])
        if done.returncode != 0:
            return done.returncode
    print(f"Purchases screenshots in {out}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE.parent / "docs" / "screenshots")
    parser.add_argument("--child", metavar="LANGUAGE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.exit(child(args.out, args.child) if args.child is not None else main(args.out))
