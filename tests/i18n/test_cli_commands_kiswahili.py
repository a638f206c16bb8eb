"""The CLI's device, key, backup, restore, receipt and Go-Live commands speak Kiswahili (ETIMS_LANGUAGE=sw),
over real HTTP to the practice KRA and a real database: no English sentence is left in what they print.
--json keeps its English keys."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = "P051234567X"
# Words no Kiswahili sentence has; any of them in the output means an English sentence leaked.
ENGLISH = re.compile(r"\b(the|was|were|with|and|is|are|of|to|from|into|has|have|not|your|it|its|be)\b", re.I)


def cli(tmp_path, *args: str, stdin: str | None = None, language: str = "sw") -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(tmp_path / "xdg"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        LANG="C.UTF-8",
        ETIMS_LANGUAGE=language,
    )
    return subprocess.run(
        [sys.executable, "-m", "etims_desktop", "--data-dir", str(tmp_path / "data"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )


def english_in(tmp_path, text: str, *names: str) -> list[str]:
    """The English words left in `text`, once paths and the names the test chose are taken out."""
    text = text.replace(str(tmp_path), "<dir>")
    for name in names:
        text = text.replace(name, "<name>")
    text = re.sub(r"<dir>\S*", "<dir>", text)
    return ENGLISH.findall(text)


def test_device_keys_backup_restore_receipt_and_golive_in_kiswahili(tmp_path):
    from etims_desktop.kra.simulator import Simulator, SimulatorConfig

    with Simulator(SimulatorConfig(mode="oscu")) as kra:
        kra.approve(PIN, "00", "SW-2", "OSCU")
        added = cli(
            tmp_path, "device", "add", "--name", "Kaunta 1", "--type", "OSCU", "--pin", PIN,
            "--serial", "SW-2", "--url", kra.api_url, "--init",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        assert added.stdout.startswith(
            "Kifaa 1 kimeongezwa: Kaunta 1 (OSCU, papo hapo).\nKimeanzishwa na KRA"
        )
        assert "CMC key imehifadhiwa katika" in added.stdout
        assert not english_in(tmp_path, added.stdout, "Kaunta 1"), added.stdout

        assert cli(tmp_path, "item", "add", "--name", "Sukari", "--class-code", "50161800", "--price", "180",
                   language="en").returncode == 0  # fmt: skip
        code = json.loads(cli(tmp_path, "item", "list", "--json").stdout)[0]["code"]
        sales = tmp_path / "sales.csv"
        sales.write_text(f"invoice_no,date,item_code,qty,unit_price\nS1,2026-12-01T10:00,{code},1,\n")
        assert cli(tmp_path, "import", str(sales), "--device", "1").returncode == 0
        assert cli(tmp_path, "sync").returncode == 0

        receipt = cli(tmp_path, "receipt", "1", "--pdf", str(tmp_path / "r.pdf"))
        assert receipt.returncode == 0, receipt.stderr
        assert "imeandikwa (kurasa 1): risiti halisi ya mauzo 1 (S1)" in receipt.stdout, receipt.stdout
        again = cli(tmp_path, "receipt", "1", "--pdf", str(tmp_path / "r2.pdf"))
        assert ": COPY (nakala) ya mauzo 1 (S1)" in again.stdout, again.stdout

        keys = cli(
            tmp_path, "keys", "export", str(tmp_path / "keys.bin"), "--password-stdin", stdin="siri-1234\n"
        )
        assert keys.returncode == 0, keys.stderr
        assert keys.stdout.startswith("CMC key 1 zimeandikwa kwenye"), keys.stdout
        imported = cli(tmp_path, "keys", "import", str(tmp_path / "keys.bin"), "--password-stdin",
                       stdin="siri-1234\n")  # fmt: skip
        assert imported.returncode == 0 and imported.stdout.startswith("CMC key 1 zimeingizwa kwenye")

        backup = cli(tmp_path, "backup", "--to", str(tmp_path / "akiba"))
        assert backup.returncode == 0, backup.stderr
        assert backup.stdout.startswith("Nakala ya akiba ya data imewekwa kwenye"), backup.stdout
        as_json = json.loads(cli(tmp_path, "backup", "--to", str(tmp_path / "akiba"), "--json").stdout)
        assert as_json["check"] == "ok" and "path" in as_json  # English keys

        sales.write_text(f"invoice_no,date,item_code,qty,unit_price\nS2,2026-12-01T11:00,{code},1,\n")
        assert cli(tmp_path, "import", str(sales), "--device", "1").returncode == 0
        assert cli(tmp_path, "sync").returncode == 0
        older = sorted((tmp_path / "akiba").glob("*.sqlite3"))[0]
        refused = cli(tmp_path, "restore", str(older))
        assert refused.returncode == 3
        assert refused.stderr.startswith("Nakala hii ya akiba (iliyotengenezwa "), refused.stderr
        assert (
            "  - Kaunta 1: KRA ilisaini hadi nambari 2; nakala ya akiba inajua hadi 1 tu." in refused.stderr
        )
        assert "Hakuna kilichobadilishwa." in refused.stderr
        restored = cli(tmp_path, "restore", str(older), "--force")
        assert restored.returncode == 0, restored.stderr
        assert "Data imerejeshwa kutoka" in restored.stdout
        missing = cli(tmp_path, "restore", str(tmp_path / "hakuna.sqlite3"))
        assert missing.returncode == 3 and missing.stderr.startswith("hitilafu: Hakuna faili "), (
            missing.stderr
        )
        for done in (keys, imported, backup, refused, restored, missing):
            assert not english_in(tmp_path, done.stdout + done.stderr, "Kaunta 1"), done.stdout + done.stderr

        golive = cli(tmp_path, "golive", "--device", "1")
        assert golive.returncode == 0, golive.stdout + golive.stderr
        lines = golive.stdout.splitlines()
        assert lines[0].startswith("IMEFAULU  Anzisha kifaa, au kihakiki: Kilishaanzishwa (SCU id "), lines[0]
        assert lines[-1].startswith("Ukaguzi wa Go-Live: hatua zote zimefaulu. Ushahidi: ")
        assert not english_in(tmp_path, golive.stdout, "Go-Live test item", "Go-Live test supplier"), (
            golive.stdout
        )

        removed = cli(tmp_path, "device", "remove", "1", "--yes")
        assert removed.returncode == 0, removed.stderr
        assert removed.stdout.startswith("Kifaa 1 kimestaafishwa. Kaunta 1 "), removed.stdout
        assert not english_in(tmp_path, removed.stdout, "Kaunta 1"), removed.stdout

    english = cli(tmp_path, "device", "init", "1", language="en")  # retired: refused, in English
    assert english.stderr.startswith("error: ")
