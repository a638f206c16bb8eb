"""settings.json: one model with a schema version, upgrade steps, a plain message per bad value, one writer."""

from __future__ import annotations

import json
import logging

from etims_desktop.printing.settings import PrinterSettings, load_printer, save_printer
from etims_desktop.storage.settings_file import (
    SCHEMA_VERSION,
    SettingsDocument,
    load_section,
    problems,
    read_document,
    save_section,
    upgrade,
)
from etims_desktop.sync.backups import BackupSettings
from etims_desktop.sync.settings import SyncSettings


def test_an_unversioned_file_is_upgraded_and_every_writer_stamps_the_version(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"sync": {"vscu_batch_size": 7}, "business": {"name": "Duka"}}', encoding="utf-8")
    assert upgrade({"sync": {}})["schema_version"] == SCHEMA_VERSION
    assert SyncSettings.load(path).vscu_batch_size == 7
    BackupSettings(daily=False).save(path)
    save_printer(path, PrinterSettings(connection="network", host="10.0.0.9"))
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["schema_version"] == SCHEMA_VERSION
    assert raw["sync"] == {"vscu_batch_size": 7} and raw["business"] == {"name": "Duka"}  # kept as it was
    assert raw["backups"]["daily"] is False and load_printer(path).host == "10.0.0.9"
    document = read_document(path)
    assert isinstance(document, SettingsDocument) and document.backups["daily"] is False
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_a_bad_value_gets_its_default_and_a_plain_sentence(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"schema_version": 1, "sync": {"live_check_seconds": "often", "vscu_batch_size": "20"}}),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="etims_desktop.settings"):
        settings = SyncSettings.load(path)
    assert settings.live_check_seconds == 60.0  # the default, for that field only
    assert settings.vscu_batch_size == 20  # the good value next to it is kept
    [message] = problems(path, {"sync": SyncSettings})
    assert message.startswith('settings.json, "sync", live_check_seconds: "often" is not right')
    assert message.endswith("the default 60.0 is used.")
    assert message in caplog.text


def test_a_section_that_is_not_an_object_or_a_damaged_file_gives_the_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"backups": [1, 2]}', encoding="utf-8")
    assert load_section(path, "backups", BackupSettings) == BackupSettings()
    assert problems(path, {"backups": BackupSettings}) != []
    path.write_text("{not json", encoding="utf-8")
    assert SyncSettings.load(path) == SyncSettings()
    save_section(path, "sync", SyncSettings(vscu_batch_size=9))
    assert SyncSettings.load(path).vscu_batch_size == 9
