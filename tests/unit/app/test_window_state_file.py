"""The window's layout is settings.json's "window" section (app/settings.py WindowStateFile): written by
the one writer next to the other sections, a bad value named in plain words, window.ini moved in once."""

from __future__ import annotations

import base64
import json
import logging

from etims_desktop.app.settings import OLD_WINDOW_FILE, WindowLayout, WindowStateFile
from etims_desktop.sync.settings import SyncSettings


def test_the_layout_is_a_section_of_settings_json_and_keeps_the_others(tmp_path):
    path = tmp_path / "settings.json"
    SyncSettings(vscu_batch_size=7).save(path)
    state = WindowStateFile(path, tmp_path)
    layout = WindowLayout(geometry=base64.b64encode(b"\x01\xd9\xd0\xcb").decode(), tab=3)
    assert state.save(layout)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["window"]["tab"] == 3 and raw["sync"]["vscu_batch_size"] == 7
    assert state.load() == layout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]  # no side file, no temporary


def test_a_bad_value_is_named_and_only_that_field_gets_its_default(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "window": {"geometry": "not base64!", "tab": 2}}))
    with caplog.at_level(logging.WARNING, logger="etims_desktop.settings"):
        layout = WindowStateFile(path, tmp_path).load()
    assert layout == WindowLayout(tab=2)
    assert 'settings.json, "window", geometry: "not base64!" is not right' in caplog.text


def test_an_unwritable_file_is_said_and_the_window_goes_on(tmp_path, caplog):
    folder = tmp_path / "settings.json"
    folder.mkdir()  # the file's place is taken: it cannot be written
    with caplog.at_level(logging.WARNING, logger="etims_desktop.settings"):
        assert not WindowStateFile(folder, tmp_path).save(WindowLayout(tab=1))
    assert "The window's layout was not saved" in caplog.text


def test_an_old_window_ini_is_moved_in_once_with_a_bad_value_named(tmp_path, caplog):
    path = tmp_path / "settings.json"
    old = tmp_path / OLD_WINDOW_FILE
    old.write_text("[window]\ntab=x\n")  # the reader below stands in for QSettings (see tests/ui)
    values = {"window/geometry": b"\x01\xd9\xd0\xcb\x00", "window/tab": "two", "window/boardSplit": b"\xff"}
    state = WindowStateFile(path, tmp_path)
    with caplog.at_level(logging.WARNING, logger="etims_desktop.settings"):
        layout = state.move_in_old_file(lambda p: values if p == old else {})
    assert layout is not None and base64.b64decode(layout.geometry) == b"\x01\xd9\xd0\xcb\x00"
    assert base64.b64decode(layout.board_split) == b"\xff" and layout.tab == 0
    assert 'window.ini, "window", tab: "two" is not right' in caplog.text
    assert not old.exists() and state.load() == layout
    assert state.move_in_old_file(lambda p: values) is None  # once: the file is gone


def test_the_old_file_stays_when_settings_json_cannot_be_written(tmp_path):
    folder = tmp_path / "settings.json"
    folder.mkdir()
    old = tmp_path / OLD_WINDOW_FILE
    old.write_text("[window]\ntab=1\n")
    WindowStateFile(folder, tmp_path).move_in_old_file(lambda p: {"window/tab": "1"})
    assert old.exists()  # nothing lost: moved in at the next start
