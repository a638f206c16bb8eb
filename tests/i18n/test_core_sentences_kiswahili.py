"""The core's rarer sentences read in Kiswahili where they are shown: the gateway's answers, a backup's
summary, the restore warning, and the number-check result as the database keeps it (plain English text,
recognised by its marked template)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from etims_desktop.domain.translatable import Said


@pytest.fixture
def swahili(qapp):
    from etims_desktop.ui.common.i18n import install_language

    install_language("sw")
    yield
    install_language("en")


def test_gateway_answers_in_kiswahili(swahili):
    from etims_desktop.kra.errors import KraError
    from etims_desktop.kra.gateway_replies import read_gateway_reply
    from etims_desktop.ui.common.text import explain_translated

    for content, start in (
        (b"[1, 2]", "Jibu la API gateway ya KRA halikueleweka: ni JSON list, si object."),
        (b"<html>busy</html>", "API gateway ya KRA imejibu kwa hitilafu ya HTTP 502 na ukurasa wa wavuti."),
    ):
        with pytest.raises(KraError) as caught:
            read_gateway_reply(200 if content.startswith(b"[") else 502, content, endpoint="saveItem",
                               content_type="text/html")  # fmt: skip
        assert explain_translated(caught.value).startswith(start), explain_translated(caught.value)


def test_backup_summary_and_restore_warning_in_kiswahili(swahili, tmp_path):
    from etims_desktop.storage.backups import FOLDER_UNUSABLE, Backup, BackupResult
    from etims_desktop.storage.restore import NumberGap, PreparedRestore
    from etims_desktop.sync.backups import SAVED_ELSEWHERE, BackupOutcome
    from etims_desktop.ui.common.text import tr_core

    backup = Backup(tmp_path / "b.sqlite3", datetime(2026, 12, 1, tzinfo=UTC), "auto", 2_500_000)
    unusable = Said(FOLDER_UNUSABLE, folder="E:/", reason="No such device")
    note = f"{unusable} {Said(SAVED_ELSEWHERE, folder='D:/')}"  # as BackupService.backup_now writes it
    summary = tr_core(BackupOutcome(BackupResult(backup, 1.25, []), note).summary())
    assert summary == (
        f"Nakala ya akiba ya data imewekwa kwenye {backup.path} (MB 2.5, imekaguliwa na iko salama, sekunde "
        "1.2). Folda ya nakala za akiba E:/ haiwezi kutumika: No such device. Nakala imehifadhiwa katika D:/ "
        "badala yake."
    )
    prepared = PreparedRestore(Path("old.sqlite3"), Path("x"), datetime(2026, 12, 1, 8, tzinfo=UTC),
                               [NumberGap("Kaunta 1", 9, 4), NumberGap("Kaunta 2", 3, None)])  # fmt: skip
    lines = prepared.warning(tr_core).splitlines()
    assert lines[0].startswith("Nakala hii ya akiba (iliyotengenezwa 2026-12-01 ")
    assert lines[1:3] == [
        "  - Kaunta 1: KRA ilisaini hadi nambari 9; nakala ya akiba inajua hadi 4 tu.",
        "  - Kaunta 2: KRA ilisaini hadi nambari 3; nakala ya akiba haina kifaa hiki.",
    ]
    assert lines[-1].startswith("Mauzo yaliyorekodiwa baada ya nakala kutengenezwa hayamo.")
    assert prepared.warning().startswith("This backup (made 2026-12-01 ")  # English without a translator


def test_a_stored_number_check_result_reads_in_kiswahili(swahili):
    from etims_desktop.sync.number_check import ADOPTED, AFTER_RESTORE, MOVED_PAST
    from etims_desktop.ui.common.text import tr_core

    moved = Said(MOVED_PAST, first=8, kra_last=11, since=AFTER_RESTORE, next=12)
    stored = f"{moved} {Said(ADOPTED, adopted=2)}"  # as sync/number_check.py describes it, kept as text
    assert tr_core(stored) == (
        "KRA tayari ilikuwa na nambari za eTIMS 8 hadi 11, zilizosainiwa baada ya nakala ya akiba iliyorejeshwa "
        "kutengenezwa, kwa hiyo mauzo yanayofuata yanapata nambari 12. 2 kati yake yalikuwa mauzo yaliyokuwa "
        "yakisubiri hapa; sasa yamewekwa kuwa yamesainiwa."
    )
