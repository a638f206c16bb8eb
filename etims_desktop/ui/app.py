"""Qt start-up: one qasync loop drives the window and every network call."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from typing import TYPE_CHECKING

from etims_desktop.paths import DataPaths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from etims_desktop.bootstrap import Services
    from etims_desktop.ui.main_window import MainWindow


log = logging.getLogger("etims_desktop.ui")

SCREENSHOT_TIMEOUT = 30.0  # seconds to wait for the first board refresh before saving anyway
EXIT_START_FAILED = 3  # as the CLI's "the command failed"


def run_app(paths: DataPaths, practice: bool = False, screenshot: str | None = None) -> int:
    """Open the window; return the exit code. `screenshot=PNG` saves the settled window and quits with 0."""
    import qasync

    app = _widgets_application()
    app.setApplicationName("etims-desktop")
    app.setOrganizationName("etims-desktop")
    app.setApplicationDisplayName("etims-desktop")
    from etims_desktop.ui.common.i18n import install_chosen_language

    install_chosen_language(paths.settings)  # before any widget: the window is built translated
    # Closing the window ends run_window() (which then closes the services); Qt must not stop the
    # loop underneath it first.
    app.setQuitOnLastWindowClosed(False)

    async def main() -> int:
        return await run_window(app, paths, practice=practice, screenshot=screenshot)

    runner = asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app))
    try:
        return runner.run(main())
    finally:
        runner.close()


def _widgets_application() -> QApplication:
    """The running QApplication, or a new one. A Qt application without widgets cannot show the window."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return QApplication(sys.argv)
    if not isinstance(app, QApplication):
        raise RuntimeError(
            f"A {type(app).__name__} is already running in this process; the window needs a QApplication."
        )
    return app


async def run_window(
    app: QApplication, paths: DataPaths, practice: bool = False, screenshot: str | None = None
) -> int:
    """Build the services and the window, run until the app quits, then close everything in order."""
    from etims_desktop.bootstrap import build_services, setup_logging
    from etims_desktop.storage.secrets import SessionKeyStore, key_file_path
    from etims_desktop.ui.common import tasks
    from etims_desktop.ui.common.icons import app_icon
    from etims_desktop.ui.main_window import MainWindow

    problem = setup_logging(paths)
    if problem:
        print(f"warning: {problem}", file=sys.stderr)
    app.setWindowIcon(app_icon())
    quitting = asyncio.Event()
    app.aboutToQuit.connect(quitting.set)
    # A password-locked key file must not stop the window from opening: start with a session store
    # and let the window ask for the password (never a blocking prompt).
    key_store = SessionKeyStore() if key_file_path(paths.root).exists() else None
    try:
        services = build_services(paths, key_store=key_store)
    except Exception as exc:  # noqa: BLE001 - read-only or full disk, a newer database, ...: say so, don't crash
        log.error("start-up failed", exc_info=True)
        await show_start_up_error(tasks.plain_error(exc))
        return EXIT_START_FAILED
    window = None
    try:
        window = MainWindow(services)
        window.closed.connect(quitting.set)
        window.show()
        # A damaged database is left alone (the window offers Restore); practice mode would write to it.
        first_start = not services.store.damage and not await services.store.list_devices()
        if (
            practice or first_start
        ):  # nothing configured yet: land in practice mode, real devices one click away
            window.start_practice()
        # Everything built so far lives until exit: keep it out of the garbage collector's full passes,
        # which otherwise stall the event loop for 100+ ms during a big drain (bench/bench_ui_lag.py).
        gc.freeze()
        tasks.spawn(_start_scheduler_after_first_board(window, services))
        if screenshot:
            return await save_screenshot(window, screenshot, wait_practice=practice or first_start)
        await quitting.wait()
        return 0
    finally:
        if window is not None:
            window.save_state()
            window.events.detach()
        await tasks.cancel_all()
        await services.aclose()


async def show_start_up_error(text: str) -> None:
    """A dialog that says why the window cannot open; returns when it is closed (no exec())."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "etims-desktop",
        QCoreApplication.translate("StartUp", "etims-desktop cannot start."),
    )
    box.setInformativeText(text)
    box.setObjectName("start_up_error")
    closed = asyncio.Event()
    box.finished.connect(lambda _result: closed.set())
    box.open()
    await closed.wait()


async def _start_scheduler_after_first_board(window: MainWindow, services: Services) -> None:
    """Background checks start once the board has shown, so they do not delay the first picture."""
    await window.refresher.first_done.wait()
    services.scheduler.start()
    services.backups.start()  # the daily copy (looked at hourly)


async def save_screenshot(window: MainWindow, path: str, wait_practice: bool = False) -> int:
    """Wait until the board has loaded (and practice devices exist, if asked), then grab the window."""
    try:
        await asyncio.wait_for(window.refresher.first_done.wait(), SCREENSHOT_TIMEOUT)
        if wait_practice:
            await asyncio.wait_for(window.practice_ready.wait(), SCREENSHOT_TIMEOUT)
            await asyncio.wait_for(_next_refresh(window), SCREENSHOT_TIMEOUT)
    except TimeoutError:
        log.warning("screenshot taken before the board settled")
    ok = window.grab().save(path)
    return 0 if ok else 1


async def _next_refresh(window: MainWindow) -> None:
    done = asyncio.Event()
    window.refresher.refreshed.connect(done.set)
    window.refresher.refresh_now()
    await done.wait()
