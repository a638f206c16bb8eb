"""Qt start-up: one qasync loop drives the window and every network call."""

from __future__ import annotations

from etims_desktop.paths import DataPaths


def run_app(paths: DataPaths, practice: bool = False, screenshot: str | None = None) -> int:
    import asyncio
    import sys

    import qasync
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv)

    async def main() -> int:
        label = QLabel(f"etims-desktop - data in {paths.root}")
        label.show()
        done = asyncio.Event()
        app.aboutToQuit.connect(done.set)
        if screenshot:
            label.grab().save(screenshot)
            return 0
        await done.wait()
        return 0

    return asyncio.run(main(), loop_factory=qasync.QEventLoop) if sys.version_info >= (3, 12) else qasync.run(main())
