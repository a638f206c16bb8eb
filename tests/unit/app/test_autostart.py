"""'Start with my computer' (app/autostart.py): the Linux file for real, Windows through a fake Run key."""

from __future__ import annotations

import configparser
import shlex

import pytest

from etims_desktop.app.autostart import Autostart, AutostartFailed, Launch


class FakeRunKey:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def value(self, name: str) -> str | None:
        return self.values.get(name)

    def set_value(self, name: str, command: str) -> None:
        self.values[name] = command

    def remove(self, name: str) -> None:
        self.values.pop(name, None)


def read_entry(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_linux_writes_and_removes_the_xdg_autostart_file(tmp_path):
    config = tmp_path / "my config"
    launch = Launch("/home/shop/etims venv/bin/python", ("-m", "etims_desktop"))
    autostart = Autostart("linux", launch, environ={"XDG_CONFIG_HOME": str(config)})
    assert not autostart.enabled()
    autostart.set_enabled(True)
    path = config / "autostart" / "etims-desktop.desktop"
    assert autostart.entry_file == path and autostart.enabled()
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert shlex.split(entry["Exec"]) == ["/home/shop/etims venv/bin/python", "-m", "etims_desktop"]
    autostart.set_enabled(True)  # twice: still one file, same content
    assert read_entry(path)["Exec"] == entry["Exec"]
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.enabled()
    autostart.set_enabled(False)  # already off: nothing to do, no error


def test_without_xdg_config_home_it_uses_dot_config(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    autostart = Autostart("linux", Launch("/opt/etims-desktop/etims-desktop"), environ={})
    autostart.set_enabled(True)
    entry = read_entry(tmp_path / ".config" / "autostart" / "etims-desktop.desktop")
    assert entry["Exec"] == "/opt/etims-desktop/etims-desktop"


def test_the_frozen_app_starts_its_own_executable(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/etims-desktop/etims-desktop")
    assert Launch.current() == Launch("/opt/etims-desktop/etims-desktop")
    monkeypatch.setattr(sys, "frozen", False)
    assert Launch.current().arguments == ("-m", "etims_desktop")


def test_a_folder_that_cannot_be_written_is_said_in_plain_words(tmp_path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    autostart = Autostart(
        "linux", Launch("/usr/bin/etims-desktop"), environ={"XDG_CONFIG_HOME": str(blocker)}
    )
    with pytest.raises(AutostartFailed) as caught:
        autostart.set_enabled(True)
    assert "Could not change" in caught.value.plain and caught.value.next_step


def test_windows_writes_the_run_value_through_the_injected_key(tmp_path):
    key = FakeRunKey()
    launch = Launch(r"C:\Program Files\eTIMS Desktop\etims-desktop.exe")
    autostart = Autostart("win32", launch, run_key=key, environ={"XDG_CONFIG_HOME": str(tmp_path)})
    assert not autostart.enabled()
    autostart.set_enabled(True)
    assert key.values == {"etims-desktop": r'"C:\Program Files\eTIMS Desktop\etims-desktop.exe"'}
    assert autostart.enabled()
    assert not (tmp_path / "autostart").exists()  # no Linux file on Windows
    autostart.set_enabled(False)
    assert key.values == {} and not autostart.enabled()


def test_windows_without_a_run_key_says_so():
    with pytest.raises(AutostartFailed):
        Autostart("win32", Launch("etims-desktop.exe")).set_enabled(True)
