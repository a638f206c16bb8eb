"""Real services over a temp data dir, the real simulator on loopback, a real keyring backend in tmp
(the shared `key_store` fixture: an encrypted keyring file in tmp_path)."""

from __future__ import annotations

import pytest

from .helpers import run


@pytest.fixture
def data_paths(tmp_path):
    from etims_desktop.paths import DataPaths

    return DataPaths(tmp_path / "data").ensure()


@pytest.fixture
def services(qloop, data_paths, key_store):
    from etims_desktop.bootstrap import build_services
    from etims_desktop.sync.settings import SyncSettings

    settings = SyncSettings(live_check_seconds=3600, vscu_upload_minutes=600, max_transport_failures=1)
    built = build_services(data_paths, key_store=key_store, settings=settings)
    yield built
    run(qloop, built.aclose())


@pytest.fixture
def oscu_sim():
    from etims_desktop.kra.simulator import Simulator

    with Simulator(mode="oscu") as sim:
        yield sim


@pytest.fixture
def vscu_sim():
    from etims_desktop.kra.simulator import Simulator

    with Simulator(mode="vscu") as sim:
        yield sim


@pytest.fixture
def window(qtbot, qloop, services):
    from etims_desktop.ui.main_window import MainWindow

    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.refresher.loads >= 1, timeout=5000)
    yield win
    win.close()
    from etims_desktop.ui.common import tasks

    run(qloop, tasks.cancel_all())  # nothing may touch the store once it closes
