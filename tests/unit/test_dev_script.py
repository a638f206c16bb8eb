"""`python3 dev.py run` on a desktop that lacks Qt's X11 libraries says which packages to install
(issue 22 item 8) instead of Qt's misleading "xcb-cursor0 is needed"."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_x11_libraries_are_named_before_anything_is_installed(monkeypatch, capsys):
    dev = load_dev()
    import ctypes.util

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else name)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(
        dev, "ensure_venv", lambda extras: (_ for _ in ()).throw(AssertionError("no install"))
    )
    assert dev.main(["run"]) == 1
    said = capsys.readouterr().err
    assert "sudo apt-get install -y libxcb-cursor0" in said


def test_no_check_offscreen_or_without_a_display():
    dev = load_dev()
    assert dev.missing_window_libraries({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux") == []
    assert dev.missing_window_libraries({}, "linux") == []
    assert dev.missing_window_libraries({"DISPLAY": ":0"}, "win32") == []


def test_the_readme_names_the_library_qt_asks_for():
    assert "libxcb-cursor0" in (ROOT / "README.md").read_text().split("## Using the window")[0]


def test_run_and_test_compile_the_translations_first(monkeypatch):
    dev = load_dev()
    calls = []
    monkeypatch.setattr(dev, "ensure_venv", lambda extras: calls.append("venv"))
    monkeypatch.setattr(dev, "missing_window_libraries", lambda: [])
    monkeypatch.setattr(dev.subprocess, "call", lambda args, **kw: calls.append(args[1:3]) or 0)
    assert dev.main(["test", "-q"]) == 0
    assert calls[0] == "venv"
    assert calls[1][0] == "-c" and "compile_translations" in calls[1][1]
    assert calls[2] == ["-m", "pytest"]
