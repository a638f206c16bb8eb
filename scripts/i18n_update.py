#!/usr/bin/env python3
"""Refresh the translation sources (etims_desktop/resources/i18n/etims_<lang>.ts) from the code.

    python scripts/i18n_update.py          # run after adding or changing visible text; then translate
                                           # the new entries (Qt Linguist: pyside6-linguist FILE.ts,
                                           # or any text editor) and run tests/i18n

pyside6-lupdate reads every module of the package (self.tr, QCoreApplication.translate, and the core's
QT_TRANSLATE_NOOP marks). It cannot see through this project's small helpers (ui/common/text.py `tr_core`,
`plural`, `translate`, and module-level `tr`/`_tr` functions that call translate with a fixed context),
so this script finds their literal arguments with `ast` and hands lupdate one more file that spells them
as QCoreApplication.translate(context, text). The .ts keeps no line numbers (-locations none), so a code
edit elsewhere does not change it (and merges stay quiet). Existing translations are kept; texts no
longer in the code are dropped (-no-obsolete).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etims_desktop.resources import i18n  # noqa: E402

PACKAGE = ROOT / "etims_desktop"
# Not the app's words: KRA's own test double answers in KRA's words; migrations speak to nobody.
SKIP = ("kra/simulator/", "storage/migrations/")
CORE = "Core"


def sources() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if not any(part in path.relative_to(PACKAGE).as_posix() for part in SKIP)
    )


def _literal(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _module_helpers(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Module-level `def tr(text): return QCoreApplication.translate("Ctx", text)` -> {"tr": "Ctx"}."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        returned = node.body[-1]
        if not (isinstance(returned, ast.Return) and isinstance(returned.value, ast.Call)):
            continue
        call = returned.value
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        first = node.args.args[0].arg
        if name == "translate" and len(call.args) >= 2:
            context = _literal(call.args[0], constants)
            if context is not None and isinstance(call.args[1], ast.Name) and call.args[1].id == first:
                helpers[node.name] = context
    return helpers


def helper_calls(path: Path) -> list[tuple[str, str, bool]]:
    """(context, text, numerus) of every helper call with literal text in one module. `numerus`: the
    call passes a count (Qt then looks the text up as a plural message, %n)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    helpers = _module_helpers(tree, constants)
    found: list[tuple[str, str, bool]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        args = node.args
        counted = len(args) > 1 or any(k.arg == "n" for k in node.keywords)
        if name == "tr_core" and args:
            texts, context, counted = [args[0]], CORE, False
        elif name == "plural" and len(args) == 4:
            texts, context, counted = [args[2], args[3]], _literal(args[0], constants), True
        elif name == "translate" and len(args) >= 2 and isinstance(args[0], ast.Name):
            texts, context = [args[1]], _literal(args[0], constants)  # lupdate reads literal contexts itself
            counted = len(args) > 3
        elif name in helpers and args and not isinstance(node.func, ast.Attribute):
            texts, context = [args[0]], helpers[name]
        else:
            continue
        for text in texts:
            literal = _literal(text, {})
            if context is not None and literal:
                found.append((context, literal, counted))
    return found


def shim(calls: list[tuple[str, str, bool]]) -> str:
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text, counted in sorted(set(calls)):
        count = ", None, 1" if counted else ""  # a literal count: lupdate marks the message numerus
        lines.append(f"QCoreApplication.translate({context!r}, {text!r}{count})")
    return "\n".join(lines) + "\n"


def drop_contextless(ts: Path) -> None:
    """lupdate files a module-level tr("...") under an empty context no runtime call uses; the shim
    already gave those texts their real context."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    root = tree.getroot()
    for context in root.findall("context"):
        if not (context.findtext("name") or "").strip():
            root.remove(context)
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def update(languages: tuple[str, ...] = i18n.LANGUAGES, out_dir: Path | None = None) -> list[Path]:
    """Update each language's .ts in place, or a copy of it in `out_dir` (the tests compare the two)."""
    lupdate = i18n.qt_tool("lupdate")
    if lupdate is None:
        raise SystemExit("pyside6-lupdate is not installed: pip install -e '.[test]' first.")
    files = sources()
    calls = [call for path in files for call in helper_calls(path)]
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "helper_texts.py"
        extra.write_text(shim(calls), encoding="utf-8")
        for language in languages:
            ts = i18n.HERE / f"{i18n.PREFIX}{language}.ts"
            if out_dir is not None:
                ts = Path(shutil.copy2(ts, out_dir / ts.name))
            done = subprocess.run(
                [
                    *lupdate,
                    "-silent",
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-source-language",
                    "en",
                    "-target-language",
                    language,
                    *map(str, files),
                    str(extra),
                    "-ts",
                    str(ts),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise SystemExit(f"pyside6-lupdate failed on {ts.name}:\n{done.stderr.strip()}")
            drop_contextless(ts)
            written.append(ts)
    return written


if __name__ == "__main__":
    for path in update():
        print(f"updated {path.relative_to(ROOT)}")
