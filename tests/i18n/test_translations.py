"""The Kiswahili translation is complete and matches the code; KRA's refusals and the CLI speak it.

After changing visible text: `python scripts/i18n_update.py`, translate the new entries in
etims_desktop/resources/i18n/etims_sw.ts, then run this directory and tests/ui/test_kiswahili.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from etims_desktop.resources import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = i18n.HERE / "etims_sw.ts"
PIN = "P051234567X"


def messages(path: Path) -> list[tuple[str, str, list[str], str | None]]:
    """(context, source, translations, type) of every message in a .ts."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            found.append((name, message.findtext("source") or "", forms, translation.get("type")))
    return found


def placeholders(text: str) -> list[str]:
    """%1..%9, %n, {name} and HTML tags: a translation keeps every one of them."""
    return sorted(re.findall(r"%\d|%n|\{\w+\}|</?\w+>", text))


def test_every_message_is_translated():
    problems = []
    for context, source, forms, kind in messages(TS):
        where = f"{context}: {source!r}"
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {kind}")
            continue
        for form in forms:
            if not form.strip():
                problems.append(f"{where} has no Kiswahili")
            elif placeholders(form) != placeholders(source):
                problems.append(f"{where}: {form!r} does not keep {placeholders(source)}")
            elif form.count("&") - form.count("&&") > 1:
                problems.append(f"{where}: {form!r} has more than one & shortcut")
    assert not problems, "\n".join(problems)


def test_every_visible_string_of_the_code_is_in_the_ts(tmp_path):
    """lupdate over today's code finds nothing the committed .ts lacks (and nothing stale)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n_update
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    if i18n.qt_tool("lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    (fresh,) = i18n_update.update(out_dir=tmp_path)
    committed = {(c, s) for c, s, _, _ in messages(TS)}
    now = {(c, s) for c, s, _, _ in messages(fresh)}
    assert now - committed == set(), "run scripts/i18n_update.py and translate the new entries"
    assert committed - now == set(), "run scripts/i18n_update.py: these texts are no longer in the code"


def test_the_qm_compiles_and_loads(qapp):
    from PySide6.QtCore import QCoreApplication

    from etims_desktop.ui.common.i18n import install_language

    i18n.compile_translations()
    assert i18n.qm_path("sw").exists()
    try:
        assert install_language("sw")
        assert QCoreApplication.translate("MainWindow", "&Sales") == "&Mauzo"
    finally:
        install_language("en")
    assert QCoreApplication.translate("MainWindow", "&Sales") == "&Sales"


def test_a_kra_refusal_is_explained_in_kiswahili(qapp):
    """KRA's 910 as the drain stores it (explain(): what happened, then what to do) and as the error
    itself: both read in Kiswahili, KRA's own message (the faulty field) kept as KRA wrote it."""
    from etims_desktop.domain.errors import explain
    from etims_desktop.kra.errors import error_for_result, sale_refusal
    from etims_desktop.ui.common.i18n import install_language
    from etims_desktop.ui.common.text import explain_translated, tr_core

    refusal = error_for_result("910", "itemClsCd: not a valid item class")
    stored = explain(refusal)
    try:
        install_language("sw")
        for said in (explain_translated(refusal), tr_core(stored)):
            assert said == (
                "KRA imeyakataa kwa sababu sehemu moja haipo au si sahihi: itemClsCd: not a valid item "
                "class. Rekebisha kile KRA inachotaja, kisha utume tena."
            )
        already = sale_refusal(error_for_result("910", "expected: 8 but found: 7"))
        assert tr_core(explain(already)).startswith("KRA tayari ina ankara nambari 7: inatarajia 8 ifuatayo.")
        assert explain_translated(error_for_result("901")).startswith("KRA haikitambui kifaa hiki")
    finally:
        install_language("en")
    assert explain_translated(refusal) == stored  # English: the same words as before


def cli(tmp_path, *args: str, language: str | None) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(tmp_path / "xdg"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        LANG="C.UTF-8",
    )
    env.pop("DISPLAY", None)  # QtCore only: no display needed
    env.pop("ETIMS_LANGUAGE", None)
    if language:
        env["ETIMS_LANGUAGE"] = language
    return subprocess.run(
        [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "data"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_status_and_sync_in_kiswahili(tmp_path):
    """`etims-desktop status` and `sync` in Kiswahili (ETIMS_LANGUAGE, then the setting), over real
    HTTP to the practice KRA: a device that cannot be reached, with a sale waiting."""
    from etims_desktop.kra.simulator import Simulator, SimulatorConfig

    with Simulator(SimulatorConfig(mode="oscu")) as kra:
        kra.approve(PIN, "00", "SW-1", "OSCU")
        added = cli(
            tmp_path, "device", "add", "--name", "Kaunta 1", "--type", "OSCU", "--pin", PIN,
            "--serial", "SW-1", "--url", kra.api_url, "--init", language=None,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    # the practice KRA is gone: the next sync cannot reach it
    status = cli(tmp_path, "status", language="sw")
    assert status.returncode == 0, status.stderr
    assert status.stdout.startswith("Kaunta 1 (OSCU, papo hapo): iko mtandaoni (imekaguliwa "), status.stdout
    assert status.stdout.rstrip().endswith("; 0 yanasubiri")
    sync = cli(tmp_path, "sync", language="sw")
    assert sync.returncode == 1, sync.stderr
    assert (
        sync.stdout
        == "Kaunta 1 (OSCU): Hakuna kilichotumwa: imeshindwa kuunganisha na KRA: hakuna intaneti.\n"
    )
    english = cli(tmp_path, "status", language="en")
    assert "(OSCU, real-time)" in english.stdout
    # the setting alone (no environment variable) chooses Kiswahili too
    from etims_desktop.app.language import DisplaySettings

    DisplaySettings(language="sw").save(tmp_path / "data" / "settings.json")
    assert "papo hapo" in cli(tmp_path, "status", language=None).stdout
    missing = cli(tmp_path, "device", "init", "99", language=None)
    assert missing.returncode == 3 and missing.stderr.startswith("hitilafu: ")
