"""The real start-up path (run_app): closing the window shuts the services down and exits 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import etims_desktop.bootstrap as bootstrap
    from etims_desktop.paths import DataPaths
    from etims_desktop.ui import main_window
    from etims_desktop.ui.app import run_app

    closed = []
    original_aclose = bootstrap.Services.aclose

    async def aclose(self):
        await original_aclose(self)
        closed.append(self.store._closed)

    bootstrap.Services.aclose = aclose
    original_show = main_window.MainWindow.show

    def show(self):
        original_show(self)
        self.refresher.refreshed.connect(self.close)  # the user closes the window once it has loaded

    main_window.MainWindow.show = show
    code = run_app(DataPaths(Path(sys.argv[1])).ensure())
    print("exit", code, "closed", closed)
    """
)


def test_closing_the_window_closes_the_services_and_exits_zero(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    assert "exit 0 closed [True]" in done.stdout, done.stdout + done.stderr
    saved = json.loads((tmp_path / "data" / "settings.json").read_text(encoding="utf-8"))
    assert saved["window"]["geometry"]  # window state saved on the way out, in the one settings file
