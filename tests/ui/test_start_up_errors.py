"""A database the window cannot open (read-only folder) ends in a dialog that says why, and exit code 3 -
not a crash. The real start-up path (run_app) in its own process, on a really read-only folder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from small_disk import SmallDisk

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from etims_desktop.paths import DataPaths
    from etims_desktop.ui.app import run_app

    original_open = QMessageBox.open

    def open_(self):
        original_open(self)
        print("dialog:", self.text(), self.informativeText(), flush=True)
        QTimer.singleShot(0, self.accept)  # the user reads it and presses OK

    QMessageBox.open = open_
    print("exit", run_app(DataPaths(Path(sys.argv[1]))), flush=True)
    """
)


def test_a_read_only_database_is_a_dialog_and_exit_3(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "xdg"))
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    with SmallDisk(data) as disk:
        made = subprocess.run(
            [sys.executable, "-m", "etims_desktop", "--data-dir", str(data), "device", "list"],
            env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert made.returncode == 0, made.stderr  # the database exists
        disk.read_only()
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(data)], env=env, capture_output=True, text=True, timeout=60,
            cwd=Path(__file__).resolve().parents[2],
        )  # fmt: skip
    assert done.stdout.splitlines()[-1] == "exit 3", done.stdout + done.stderr
    assert "dialog: etims-desktop cannot start. The database" in done.stdout
    assert "cannot be written" in done.stdout
    assert "Traceback" not in done.stderr
