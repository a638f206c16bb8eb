"""Kiswahili screenshots into docs/screenshots/ (names ending -sw.png), at 100 % and at 200 %.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_sw.py [--out docs/screenshots] [--language en]

With --language en the same screens in English (no -sw; the 200 % ones end -200.png): scripts/screenshots.py
makes the other English screenshots, at 100 % only.

Runs itself twice in child processes (Qt fixes the scale when it starts): a 1366x768 screen at 100 %,
and the same screen at 200 % (QT_SCALE_FACTOR=2, so 683x384 logical pixels). Each run starts practice
mode, records sales (two refused by the practice KRA), syncs, and grabs the window with the sync
report, the Settings dialog and the New sale dialog.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from screenshots import SIZE, practice_devices, record_sales, until  # noqa: E402


async def shoot(out: Path, suffix: str, language: str = "sw") -> int:
    from keyrings.alt.file import PlaintextKeyring
    from PySide6.QtWidgets import QApplication

    from etims_desktop.bootstrap import build_services
    from etims_desktop.domain.device import DeviceType
    from etims_desktop.domain.receipt import BusinessDetails
    from etims_desktop.kra.simulator import FaultKind
    from etims_desktop.paths import DataPaths
    from etims_desktop.storage.secrets import KeyStore
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    named = "" if language == "en" else f"-{language}"  # sync-report-200-sw.png, sync-report-200.png
    with tempfile.TemporaryDirectory(prefix="etims-shots-sw-") as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        backend = PlaintextKeyring()
        backend.file_path = str(Path(tmp) / "keyring.cfg")  # a throw-away keyring, never the user's
        services = build_services(paths, key_store=KeyStore(backend))
        await services.store.save_business_details(
            BusinessDetails(name="Mama Mboga Supplies", address="Moi Avenue, Nairobi", phone="0712 345678")
        )
        window = MainWindow(services)
        try:
            room = window.screen().availableGeometry()
            window.resize(min(SIZE[0], room.width()), min(SIZE[1], room.height()))
            window.show()
            await window.refresher.first_done.wait()
            devices, practice_kra = await practice_devices(services)
            oscu = next(d for d in devices if d.type is DeviceType.OSCU)
            vscu = next(d for d in devices if d.type is DeviceType.VSCU)
            await record_sales(services, oscu, 6, "TILL")
            await record_sales(services, vscu, 4, "OFFICE", hours_ago=3)
            practice_kra.faults.add("saveTrnsSalesOsdc", FaultKind.RESULT_CODE, count=2, code="910")
            window.refresher.refresh_now()
            await until(lambda: window.model.rowCount() == 2)
            window.sync_all()
            await until(lambda: window.sync.last_report is not None, 60)
            await until(lambda: not window.refresher.busy)
            window.refresher.refresh_now()
            await until(lambda: not window.refresher.busy)
            window.grab().save(str(out / f"sync-report{suffix}{named}.png"))

            window.open_device(oscu.id)
            await until(lambda: window.detail.loads > 0)
            window.detail.select_group("Needs your fix")
            await until(lambda: window.detail.outbox.rowCount() > 0 or window.detail.loads > 2)
            window.detail.select_row(0)
            await until(lambda: bool(window.detail.history.toPlainText()))
            window.grab().save(str(out / f"main-window{suffix}{named}.png"))

            settings = window.open_settings()
            await asyncio.sleep(0.1)  # let the layout settle
            settings.grab().save(str(out / f"settings{suffix}{named}.png"))
            settings.reject()

            window.tabs.setCurrentWidget(window.sales_tab)
            dialog = window.sales_tab.new_sale()
            await until(lambda: dialog._loaded)
            for text, qty in (("Sugar", "2"), ("Soda", "3")):
                dialog.search_edit.setText(text)
                dialog.qty_edit.setText(qty)
                dialog.add_from_search()
            await until(lambda: dialog.amounts is not None and len(dialog.amounts.lines) == 2)
            dialog.grab().save(str(out / f"new-sale{suffix}{named}.png"))
            dialog.close()
            await newer_screens(window, out, suffix, named)
        finally:
            window.close()
            window.events.detach()
            await tasks.cancel_all()
            await services.aclose()
            app.processEvents()
    return 0


async def newer_screens(window, out: Path, suffix: str, language: str) -> None:
    """The screens added with issues 15 and 17 (items with stock, Today, the Reports dialogs)."""
    from etims_desktop.ui.common import tasks

    window.tabs.setCurrentWidget(window.items_tab)
    loads = window.items_tab.model.rowCount()
    window.items_tab.schedule_refresh()
    await until(lambda: window.items_tab.model.rowCount() > 0 and window.items_tab.model.rowCount() >= loads)
    window.grab().save(str(out / f"items-stock{suffix}{language}.png"))

    before = window.today_tab.loads
    window.tabs.setCurrentWidget(window.today_tab)
    window.today_tab.schedule()
    await until(lambda: window.today_tab.loads > before)
    window.grab().save(str(out / f"today{suffix}{language}.png"))

    menu = window.reports_menu
    for name, action in (
        ("report-day", menu.day_report_action),
        ("report-export", menu.export_action),
        ("report-reconcile", menu.reconcile_action),
    ):
        action.trigger()
        dialog = menu.last_dialog
        await asyncio.sleep(0.5)  # a screenshot only: let the dialog read its first figures
        dialog.grab().save(str(out / f"{name}{suffix}{language}.png"))
        dialog.close()
    await tasks.cancel_all()


def child(out: Path, suffix: str, language: str) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    from etims_desktop.ui.common.i18n import install_language

    application = QApplication(sys.argv[:1])
    application.setQuitOnLastWindowClosed(False)
    if not install_language(language) and language != "en":  # English needs no translator
        print(f"the {language} translation could not be loaded", file=sys.stderr)
        return 1
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(application)) as runner:
        return runner.run(shoot(out, suffix, language))


def main(out: Path, language: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        screen = Path(tmp) / "screen.json"
        screen.write_text(
            json.dumps(
                {"screens": [{"name": "shop", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1], "dpr": 1}]}
            )
        )
        for scale, suffix in (("1", ""), ("2", "-200")):
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
                "QT_SCALE_FACTOR": scale,
            }
            done = subprocess.run(
                [sys.executable, __file__, "--child", suffix, "--out", str(out), "--language", language],
                env=env,
            )
            if done.returncode != 0:
                return done.returncode
    print(f"{'English' if language == 'en' else 'Kiswahili'} screenshots in {out}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE.parent / "docs" / "screenshots")
    parser.add_argument("--language", choices=["sw", "en"], default="sw")
    parser.add_argument("--child", metavar="SUFFIX", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.exit(
        child(args.out, args.child, args.language)
        if args.child is not None
        else main(args.out, args.language)
    )
